import type { UserConfig } from 'tsdown';
/**
 * The build every publishable package shares: one ESM entry, .d.ts beside it, and the
 * package version inlined as `__PACKAGE_VERSION__` (used for `VERSION` and the user agent).
 */
export declare function packageBuild(packageDir: string): UserConfig;
