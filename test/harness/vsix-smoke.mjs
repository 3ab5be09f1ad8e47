// Installs a built .vsix into a throw-away code-server extensions folder with
// `code-server --install-extension` (what users do with `code --install-extension`), then runs the
// integration activation test against that installed copy, not the development checkout: the
// development extension of this run is an empty stand-in, and the test is told (through
// DFC_EXPECT_EXTENSION_ROOT) that the extension must come from the throw-away folder.
//
//   node test/harness/vsix-smoke.mjs [dist-vsix/draft-fact-check.vsix] [--all]
//
// --all runs every integration test against the installed copy instead of the activation test only.
// Needs the test bundles in out/test/integration (npm run build).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HARNESS_DIR, REPO_ROOT, copyWorkspace, installVsix, toolsEnv } from './code-server.mjs';

const args = process.argv.slice(2);
const vsix = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(REPO_ROOT, 'dist-vsix/draft-fact-check.vsix'));
const all = args.includes('--all');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
const testsEntry = path.join(REPO_ROOT, 'out/test/integration/index.js');
const t0 = Date.now();
const log = (...a) => console.log(`[vsix-smoke +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

function fail(message) {
  console.error(`[vsix-smoke] FAILED: ${message}`);
  process.exit(1);
}
if (!fs.existsSync(vsix)) fail(`${vsix} does not exist: run npm run package first`);
if (!fs.existsSync(testsEntry)) fail(`${testsEntry} does not exist: run npm run build first`);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dfc-vsix-smoke-'));
let code = 1;
try {
  const tools = toolsEnv();
  const extensionsDir = path.join(tmp, 'extensions');
  log(`${path.relative(process.cwd(), vsix)}: ${fs.statSync(vsix).size} bytes`);
  log(installVsix(tools, vsix, extensionsDir).split('\n').filter((l) => /Installing|installed/.test(l)).join(' '));

  const installed = fs.readdirSync(extensionsDir).filter((d) => d.toLowerCase().startsWith(`${id}-`));
  if (installed.length !== 1) fail(`expected one ${id}-* folder in ${extensionsDir}, found: ${fs.readdirSync(extensionsDir).join(', ') || 'none'}`);
  const installedDir = path.join(extensionsDir, installed[0]);
  const installedVersion = JSON.parse(fs.readFileSync(path.join(installedDir, 'package.json'), 'utf8')).version;
  if (installedVersion !== manifest.version) fail(`installed version ${installedVersion}, package.json says ${manifest.version}`);
  log(`installed ${installed[0]}: ${fs.readdirSync(installedDir, { recursive: true }).filter((f) => fs.statSync(path.join(installedDir, f)).isFile()).sort().join(', ')}`);

  // An empty development extension: VS Code only runs extension tests in a development host.
  const carrier = path.join(tmp, 'carrier');
  fs.mkdirSync(carrier);
  fs.writeFileSync(path.join(carrier, 'package.json'), JSON.stringify({
    name: 'vsix-smoke-carrier', publisher: 'draft-fact-check-tests', version: '0.0.0',
    engines: { vscode: manifest.engines.vscode }, description: 'Stand-in development extension for the .vsix smoke test',
  }, null, 1));

  const workspace = copyWorkspace();
  try {
    const r = spawnSync(process.execPath, [path.join(HARNESS_DIR, 'run-vscode-tests.mjs'),
      `--extensionDevelopmentPath=${carrier}`, `--extensionTestsPath=${testsEntry}`,
      `--extensions-dir=${extensionsDir}`, workspace], {
      stdio: 'inherit',
      env: { ...process.env, DFC_EXPECT_EXTENSION_ROOT: extensionsDir, ...(all ? {} : { DFC_TEST_FILTER: '^activation\\.test\\.js$' }) },
    });
    code = r.status ?? 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
log(code === 0 ? 'the installed .vsix activates' : `FAILED (exit ${code})`);
process.exit(code);
