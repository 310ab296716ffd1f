import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.ts';

/**
 * Formats a file in place with the repository's Biome. `npm test` runs `biome ci`, which also
 * checks markdown (it aligns table columns), so a report written as generated would fail the lint.
 * Returns false when Biome is not installed or fails; the file is then left as generated.
 */
export function formatWithBiome(file: string): boolean {
  const biome = join(REPO_ROOT, 'node_modules', '.bin', 'biome');
  const result = spawnSync(biome, ['format', '--write', file], { cwd: REPO_ROOT, stdio: 'ignore' });
  return result.status === 0;
}
