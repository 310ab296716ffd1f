// ADR 0007's file map as a pure check over a package's `src/` listing, so a test can prove what it
// accepts and rejects without a package on disk. structure.test.ts runs it on every provider.

/** One client of a package, as the file map sees it. */
export interface FileMapClient {
  /** The client's file prefix: `crystalpay`, `payin-payout-shop`. */
  prefix: string;
  /** The client object's own keys: `invoice`, `serviceOfServices`, `webhooks`, … */
  keys: readonly string[];
}

/** Files every client must have, by role. */
const REQUIRED_ROLES = ['client', 'request', 'errors', 'webhooks', 'schemas'] as const;

/** Roles a client may fill besides its groups. */
const FIXED_ROLES = [...REQUIRED_ROLES, 'signing', 'raw-call', 'gateway'] as const;

/** Files every package's `src/` may hold whatever its clients. */
const PACKAGE_FILES = ['index.ts', 'version.ts'] as const;

/** A client property's file name part: `serviceOfServices` → `service-of-services`. */
export function kebabCase(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

const RULE =
  'ADR 0007 allows index.ts, version.ts, P-{client,request,signing,errors,webhooks,schemas,raw-call,gateway}.ts, ' +
  'P-<group>.ts and P-<group>-schemas.ts (<group> = kebab-case of a client property) and <stem>.test.ts beside <stem>.ts';

/**
 * Checks a package's `src/` listing (entry names; a folder ends with `/`) against the file map.
 * Returns one problem per offending file, naming the file and the rule it breaks; empty when the
 * map is kept. A file belongs to the client with the longest prefix `P` such that the file name
 * starts with `P-`.
 */
export function checkFileMap(
  entries: readonly string[],
  clients: readonly FileMapClient[],
): string[] {
  const problems: string[] = [];
  const files = new Set(entries);
  const byLength = [...clients].sort((a, b) => b.prefix.length - a.prefix.length);

  for (const entry of [...entries].sort()) {
    if (entry.endsWith('/')) {
      problems.push(`src/${entry}: no folders in src/ (${RULE})`);
      continue;
    }
    if (!entry.endsWith('.ts')) {
      problems.push(`src/${entry}: only TypeScript sources belong in src/ (${RULE})`);
      continue;
    }
    if (entry.endsWith('.test.ts')) {
      const source = `${entry.slice(0, -'.test.ts'.length)}.ts`;
      if (!files.has(source)) {
        problems.push(
          `src/${entry}: a test is named after the source file it tests, and src/${source} does not exist`,
        );
      }
      continue;
    }
    if ((PACKAGE_FILES as readonly string[]).includes(entry)) continue;

    const stem = entry.slice(0, -'.ts'.length);
    const owner = byLength.find((client) => stem.startsWith(`${client.prefix}-`));
    if (!owner) {
      const prefixes = clients.map((client) => `${client.prefix}-`).join(', ');
      problems.push(`src/${entry}: does not start with a client prefix (${prefixes}); ${RULE}`);
      continue;
    }
    const role = stem.slice(owner.prefix.length + 1);
    const groups = owner.keys.map(kebabCase);
    const allowed =
      (FIXED_ROLES as readonly string[]).includes(role) ||
      groups.includes(role) ||
      (role.endsWith('-schemas') && groups.includes(role.slice(0, -'-schemas'.length)));
    if (!allowed) {
      problems.push(
        `src/${entry}: "${role}" is neither a file role nor a group of the ${owner.prefix} client ` +
          `(its groups: ${groups.join(', ') || 'none'}); ${RULE}`,
      );
    }
  }

  for (const client of clients) {
    for (const role of REQUIRED_ROLES) {
      const file = `${client.prefix}-${role}.ts`;
      if (!files.has(file)) {
        problems.push(
          `src/${file}: missing (every client needs P-${REQUIRED_ROLES.join('.ts, P-')}.ts)`,
        );
      }
    }
  }
  return problems;
}

/**
 * The names an `index.ts` exports, in order, one entry per export specifier (so a name exported
 * twice appears twice). `export *` appears as `*`. A plain scan, not a parser: enough for an
 * index of named re-exports, which is all the structure suite allows there.
 */
export function exportedNames(sourceText: string): string[] {
  const code = sourceText.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const names: string[] = [];
  const pattern =
    /\bexport\s+(?:type\s+)?\{([^}]*)\}|\bexport\s*\*\s*(?:as\s+([\w$]+))?|\bexport\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:const|let|var|function\*?|class|interface|type|enum|namespace)\s+([\w$]+)/g;
  for (const match of code.matchAll(pattern)) {
    if (match[1] !== undefined) {
      for (const specifier of match[1].split(',')) {
        const parts = specifier
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/);
        const name = parts.at(-1)?.trim();
        if (name) names.push(name);
      }
    } else names.push(match[2] ?? match[3] ?? '*');
  }
  return names;
}

/** Names exported more than once, each with its count: `createX (2×)`. */
export function duplicateExports(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .filter(([name, count]) => count > 1 && name !== '*')
    .map(([name, count]) => `${name} (${count}×)`);
}
