// Shared pieces of the harness: find the tools setup.sh installed, start code-server (VS Code's
// server + web workbench + Node extension host) on a free loopback port with throw-away state,
// launch Debian's chromium headless through playwright-core, install a .vsix.
//
// Pitfalls this code exists for (met in practice; keep the fixes):
// - the workbench honours the `payload` query (extensionDevelopmentPath / extensionTestsPath) only
//   when code-server runs with `--vscode-option enable-smoke-test-driver`; without it a run hangs;
// - extension paths in the payload are `vscode-remote://127.0.0.1:PORT/abs/path`;
// - XDG_* and --config point into a temp dir so nothing is written under $HOME, and
//   EXTENSIONS_GALLERY='{}' stops marketplace look-ups on a closed network;
// - code-server is spawned detached and its whole process group is killed on exit, or a crashed run
//   leaves it (and its extension host) running.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const HARNESS_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HARNESS_DIR, '../..');

/** Test settings: no start page, no trust prompt, nothing that phones home or pops up. */
export const TEST_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/**
 * The tools from setup.sh: CODE_SERVER_NODE, CODE_SERVER_ENTRY, PLAYWRIGHT_CORE, CHROMIUM_PATH.
 * Taken from the environment when `eval "$(bash setup.sh)"` already ran, else setup.sh runs now
 * (idempotent; instant when its cache is warm) and its exports are parsed.
 */
export function toolsEnv() {
  const keys = ['CODE_SERVER_NODE', 'CODE_SERVER_ENTRY', 'PLAYWRIGHT_CORE', 'CHROMIUM_PATH'];
  if (keys.every((k) => process.env[k])) return Object.fromEntries(keys.map((k) => [k, process.env[k]]));
  const r = spawnSync('bash', [path.join(HARNESS_DIR, 'setup.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`test/harness/setup.sh failed (exit ${r.status})`);
  const env = {};
  for (const m of r.stdout.matchAll(/^export (\w+)='([^']*)'$/gm)) env[m[1]] = m[2];
  for (const k of keys) if (!env[k]) throw new Error(`setup.sh did not export ${k}`);
  Object.assign(process.env, env);
  return env;
}

/** The versions a run uses, for the log: VS Code inside code-server, code-server, its Node. */
export function versions(tools) {
  const csRoot = path.resolve(path.dirname(tools.CODE_SERVER_ENTRY), '../..');
  const read = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
  const product = read(path.join(csRoot, 'lib/vscode/product.json'));
  return {
    vscode: read(path.join(csRoot, 'lib/vscode/package.json')).version,
    commit: product.commit ?? 'unknown',
    codeServer: read(path.join(csRoot, 'package.json')).version,
    node: spawnSync(tools.CODE_SERVER_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim(),
  };
}

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes (then throws `what`). */
export async function until(what, probe, { timeoutMs = 30000, everyMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Copies a fixture folder to a fresh temp dir (tests may edit files; the fixture stays clean). */
export function copyWorkspace(fixtureDir = path.join(REPO_ROOT, 'test/fixtures/workspace')) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfc-workspace-'));
  fs.cpSync(fixtureDir, dir, { recursive: true });
  return dir;
}

/** Environment that keeps code-server's state inside `tmp` and off the network. */
function isolatedEnv(tmp) {
  return {
    ...process.env,
    EXTENSIONS_GALLERY: process.env.EXTENSIONS_GALLERY ?? '{}',
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
  };
}

/**
 * Starts code-server and waits for /healthz.
 * @param {object} o
 * @param {string} o.folder workspace folder to open
 * @param {string} [o.userDataDir] default: a temp dir; User/settings.json is seeded with
 *   TEST_SETTINGS (+ o.settings) unless it exists
 * @param {string} [o.extensionsDir] default: an empty temp dir
 * @param {object} [o.settings] extra user settings
 * @param {(...a: unknown[]) => void} [o.log]
 * @returns {Promise<{port: number, tmp: string, remote: (p: string) => string,
 *   workbenchUrl: (payload?: [string, string][]) => string, exited: Promise<number|null>,
 *   serverLog: () => string, stop: () => void, dispose: () => Promise<void>}>}
 *   `dispose` stops the server, waits (briefly) for it to go and deletes its temp state unless
 *   VSCODE_TEST_KEEP is set.
 */
export async function startCodeServer({ tools, folder, userDataDir, extensionsDir, settings = {}, log = () => {} }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dfc-code-server-'));
  fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\n');
  const udd = userDataDir ?? path.join(tmp, 'user-data');
  const settingsFile = path.join(udd, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({ ...TEST_SETTINGS, ...settings }, null, 1));
  }
  const port = await freePort();
  const logPath = path.join(tmp, 'server.log');
  const logFd = fs.openSync(logPath, 'a');
  const server = spawn(tools.CODE_SERVER_NODE, [tools.CODE_SERVER_ENTRY,
    '--config', path.join(tmp, 'config.yaml'), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', udd, '--extensions-dir', extensionsDir ?? path.join(tmp, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--disable-proxy', '--ignore-last-opened', '--vscode-option', 'enable-smoke-test-driver', folder],
  { stdio: ['ignore', logFd, logFd], env: isolatedEnv(tmp), detached: true });
  fs.closeSync(logFd);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
  };
  process.on('exit', stop);
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
  let early = null;
  exited.then((code) => { early = code ?? 'signal'; });
  await until('code-server /healthz', async () => {
    if (early !== null) throw new Error(`code-server exited early (${early}):\n${fs.readFileSync(logPath, 'utf8')}`);
    try { return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok; } catch { return false; }
  }, { timeoutMs: 60000 });
  log(`code-server up on 127.0.0.1:${port}`);
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const dispose = async () => {
    stop();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
    if (process.env.VSCODE_TEST_KEEP) log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  };
  return {
    port, tmp, remote, exited, stop, dispose,
    serverLog: () => fs.readFileSync(logPath, 'utf8'),
    workbenchUrl: (payload = []) => `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`
      + `&payload=${encodeURIComponent(JSON.stringify([...payload, ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']]))}`,
  };
}

/** Headless Debian chromium through playwright-core (a fresh temp profile every launch). */
export async function launchChromium(tools, tmp) {
  const require = createRequire(import.meta.url);
  const { chromium } = require(tools.PLAYWRIGHT_CORE);
  return chromium.launch({
    executablePath: tools.CHROMIUM_PATH, headless: true, env: isolatedEnv(tmp),
    // quiet on a closed network: no component updates, sync, QUIC or first-run pages
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/**
 * Installs a .vsix into `extensionsDir` with code-server's own `--install-extension` (what a user's
 * `code --install-extension` does). Throws with code-server's output when it does not succeed.
 */
export function installVsix(tools, vsix, extensionsDir) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dfc-install-'));
  try {
    const r = spawnSync(tools.CODE_SERVER_NODE, [tools.CODE_SERVER_ENTRY, '--config', path.join(tmp, 'config.yaml'),
      '--user-data-dir', path.join(tmp, 'user-data'), '--extensions-dir', extensionsDir, '--install-extension', vsix],
    { encoding: 'utf8', env: isolatedEnv(tmp), timeout: 120000 });
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    if (r.status !== 0 || !/successfully installed/i.test(out)) {
      throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}):\n${out}`);
    }
    return out.trim();
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
