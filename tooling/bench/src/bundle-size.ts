import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { BENCH_DIR } from './paths.ts';

/** A named import an application makes. */
export interface AppImport {
  packageName: string;
  exportName: string;
}

/** One package's share of a bundle. */
interface PackageShare {
  packageName: string;
  /** Minified bytes this package contributes (esbuild's metafile: exact). */
  minifiedBytes: number;
  /**
   * What the gzipped bundle loses when the package is replaced by an empty module: its marginal
   * cost after compression. Only for the largest third-party packages (not `@pay/*`, whose
   * removal would take their own dependencies along).
   */
  gzipMarginalBytes?: number | undefined;
}

/** Size of an application bundle. */
export interface BundleFigures {
  minifiedBytes: number;
  gzipBytes: number;
  byPackage: PackageShare[];
}

/**
 * Bundles an app that imports only the given names (and uses them, so they stay) with esbuild:
 * ESM, minified, for Node (the SDKs' platform; Node built-ins stay external), then gzip level 9 —
 * what size-limit's `gzip: true` computes. Shared packages (core, ky, valibot) are counted once.
 */
export async function measureBundle(
  imports: readonly AppImport[],
  settings: { marginalFor: number } = { marginalFor: 3 },
): Promise<BundleFigures> {
  const whole = await bundle(imports, []);
  const direct = new Set(imports.map((item) => item.packageName));
  const byPackage: PackageShare[] = [...whole.byPackage]
    .filter(([packageName]) => packageName !== APP)
    .map(([packageName, minifiedBytes]) => ({ packageName, minifiedBytes }))
    .sort((a, b) => b.minifiedBytes - a.minifiedBytes);
  const thirdParty = byPackage.filter(
    (share) => !share.packageName.startsWith('@pay/') && !direct.has(share.packageName),
  );
  for (const share of thirdParty.slice(0, settings.marginalFor)) {
    const without = await bundle(imports, [share.packageName]);
    share.gzipMarginalBytes = whole.gzipBytes - without.gzipBytes;
  }
  return { minifiedBytes: whole.minifiedBytes, gzipBytes: whole.gzipBytes, byPackage };
}

const APP = '(the app itself)';

async function bundle(
  imports: readonly AppImport[],
  stubbed: readonly string[],
): Promise<{ minifiedBytes: number; gzipBytes: number; byPackage: Map<string, number> }> {
  const names = imports.map((_, index) => `imported${index}`);
  const contents = [
    ...imports.map(
      (item, index) =>
        `import { ${item.exportName} as ${names[index]} } from ${JSON.stringify(item.packageName)};`,
    ),
    `console.log(${names.join(', ')});`,
  ].join('\n');
  const result = await build({
    stdin: { contents, resolveDir: BENCH_DIR, sourcefile: 'app.js' },
    // Metafile paths relative to this package whatever the caller's working directory.
    absWorkingDir: BENCH_DIR,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    legalComments: 'none',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: stubbed.length > 0 ? [stubPackages(stubbed)] : [],
  });
  const output = result.outputFiles[0]?.contents ?? new Uint8Array();
  const byPackage = new Map<string, number>();
  for (const meta of Object.values(result.metafile.outputs)) {
    for (const [file, input] of Object.entries(meta.inputs)) {
      const owner = packageOfFile(file);
      byPackage.set(owner, (byPackage.get(owner) ?? 0) + input.bytesInOutput);
    }
  }
  return {
    minifiedBytes: output.length,
    gzipBytes: gzipSync(output, { level: 9 }).length,
    byPackage,
  };
}

/**
 * Replaces packages by an empty CommonJS module: any named import from it is allowed (and is
 * `undefined`), so the rest of the app bundles unchanged without it.
 */
function stubPackages(names: readonly string[]): Plugin {
  return {
    name: 'stub-packages',
    setup(builder) {
      builder.onResolve({ filter: /.*/ }, (args) => {
        const target = names.find((name) => args.path === name || args.path.startsWith(`${name}/`));
        return target ? { path: target, namespace: 'stubbed' } : undefined;
      });
      builder.onLoad({ filter: /.*/, namespace: 'stubbed' }, () => ({
        contents: 'module.exports = {};',
        loader: 'js',
      }));
    },
  };
}

/** `../../node_modules/.pnpm/ky@2.1.0/node_modules/ky/distribution/index.js` → `ky`. */
export function packageOfFile(file: string): string {
  const inModules = file.match(/.*node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (inModules?.[1]) return inModules[1];
  const inPackages = file.match(/(?:^|\/)packages\/([^/]+)\//);
  if (inPackages?.[1]) return `@pay/${inPackages[1]}`;
  return file === 'app.js' || file === '<stdin>' ? APP : file;
}
