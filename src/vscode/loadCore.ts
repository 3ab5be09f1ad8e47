/**
 * Loads the core checker (./core.ts) on first use. In dist/extension.js the path `./core.js` is
 * left to Node's require and names dist/core.js, the core's own bundle (esbuild.js); in every other
 * bundle (tests, benchmarks) esbuild inlines ./core.ts as usual.
 */
import type * as Core from './core';

export type CoreModule = typeof Core;

let loaded: CoreModule | undefined;
let loading: { startedAt: number; endedAt: number } | undefined;

/** The core module, required the first time it is needed (a dataset load, a check, a summary). */
export function loadCore(): CoreModule {
  if (!loaded) {
    const startedAt = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require('./core.js') as CoreModule;
    loading = { startedAt, endedAt: performance.now() };
  }
  return loaded;
}

/** When the core was required (`performance.now()`), for the benchmark; undefined before. */
export function coreLoadTimes(): { readonly startedAt: number; readonly endedAt: number } | undefined {
  return loading;
}
