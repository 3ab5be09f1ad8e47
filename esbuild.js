// One build script for everything that runs: the extension (two bundles, see lazyCorePlugin), the
// CLI, the unit and integration test bundles and the benchmark. `--production` minifies (no source maps), `--watch` rebuilds and
// prints problem-matcher lines, and any build error exits non-zero.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Lines that the `$esbuild-watch` problem matcher in tasks.json understands. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => { if (watch) console.log('[watch] build started'); });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

/** Every `*.test.ts` below a folder, so a new test file needs no registration. */
function testEntries(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .filter((f) => /\.test\.ts$/.test(f))
    .map((f) => path.join(dir, f));
}

/** Datasets are bundled as their exact text, so that problems in them are located like a user's. */
const datasetTextPlugin = {
  name: 'dataset-text',
  setup(build) {
    build.onLoad({ filter: /\.facts\.json$/ }, (args) => ({ contents: fs.readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'silent',
  plugins: [problemMatcherPlugin, datasetTextPlugin],
};

/**
 * The extension is two bundles: dist/extension.js, the editor wiring VS Code loads on activation,
 * and dist/core.js (src/vscode/core.ts: the checker, the dataset loader with zod, the bundled
 * dataset), which src/vscode/loadCore.ts requires on first use, after activation. In the entry
 * bundle `require('./core.js')` is left to Node; this plugin also fails the build when the entry
 * bundle takes in core code that belongs in dist/core.js (a value imported from src/core or
 * src/vscode/core.ts instead of going through loadCore()).
 */
let entryCheckFailed = false;
const ENTRY_MAY_BUNDLE = [/^src\/vscode\/(?!core\.ts$)/, /^src\/core\/types\.ts$/];
const lazyCorePlugin = {
  name: 'lazy-core',
  setup(build) {
    build.initialOptions.metafile = true;
    build.onResolve({ filter: /^\.\/core\.js$/ }, (args) => (args.importer.endsWith(path.join('src', 'vscode', 'loadCore.ts')) ? { path: './core.js', external: true } : undefined));
    build.onEnd((result) => {
      if (!result.metafile) return;
      const stray = Object.keys(result.metafile.inputs).filter((f) => !ENTRY_MAY_BUNDLE.some((re) => re.test(f)));
      if (stray.length) {
        console.error(`✘ [ERROR] dist/extension.js would bundle core code (use loadCore() from src/vscode/loadCore.ts): ${stray.slice(0, 5).join(', ')}${stray.length > 5 ? ', …' : ''}`);
        entryCheckFailed = true;
      }
    });
  },
};

const builds = [
  { ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [...common.plugins, lazyCorePlugin] },
  { ...common, entryPoints: ['src/vscode/core.ts'], outfile: 'dist/core.js' },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];
if (!production) {
  const unit = testEntries('test/unit');
  if (unit.length) builds.push({ ...common, entryPoints: unit, outdir: 'out/test/unit', outbase: 'test/unit', external: ['mocha'] });
  const integration = [...testEntries('test/integration'), 'test/integration/index.ts', 'test/integration/runTests.ts'].filter((f) => fs.existsSync(f));
  if (integration.length) builds.push({ ...common, entryPoints: integration, outdir: 'out/test/integration', outbase: 'test/integration', external: ['vscode', 'mocha', '@vscode/test-electron'] });
  builds.push({ ...common, entryPoints: ['scripts/generate-schema.ts'], outfile: 'out/scripts/generate-schema.js' });
  if (fs.existsSync('scripts/fuzz.ts')) builds.push({ ...common, entryPoints: ['scripts/fuzz.ts'], outfile: 'out/scripts/fuzz.js' });
  if (fs.existsSync('bench/bench.ts')) builds.push({ ...common, entryPoints: ['bench/bench.ts', 'bench/vscode.ts'].filter((f) => fs.existsSync(f)), outdir: 'out/bench', outbase: 'bench', external: ['markdownlint', '@vscode/test-electron'] });
  if (fs.existsSync('test/integration-bench/index.ts')) builds.push({ ...common, entryPoints: [...testEntries('test/integration-bench'), 'test/integration-bench/index.ts'], outdir: 'out/test/integration-bench', outbase: 'test/integration-bench', external: ['vscode', 'mocha'] });
}

async function main() {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  let failed = false;
  for (const ctx of contexts) {
    try {
      await ctx.rebuild();
    } catch {
      failed = true; // the plugin already printed the errors
    }
    await ctx.dispose();
  }
  if (failed || entryCheckFailed) process.exit(1);
  try { fs.chmodSync('dist/cli.js', 0o755); } catch { /* not built */ }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
