// `node check-provenance.mjs '<changesets publishedPackages JSON>'`: fails unless every package
// version just published has a provenance attestation on npm. The release workflow runs it, so
// a publish that silently skipped provenance fails the release instead of passing unnoticed.
import { execFileSync } from 'node:child_process';

const published = JSON.parse(process.argv[2] ?? '[]');
let missing = 0;
for (const { name, version } of published) {
  const attestations = execFileSync(
    'npm',
    ['view', `${name}@${version}`, 'dist.attestations', '--json'],
    {
      encoding: 'utf8',
    },
  ).trim();
  const ok = attestations !== '' && JSON.parse(attestations)?.provenance !== undefined;
  console.log(`provenance: ${name}@${version} ${ok ? 'attested' : 'MISSING'}`);
  if (!ok) missing += 1;
}
process.exit(missing === 0 ? 0 : 1);
