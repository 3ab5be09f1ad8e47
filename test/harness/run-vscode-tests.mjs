// Runs VS Code extension tests inside a real VS Code: code-server's VS Code server and Node extension
// host, with its web workbench opened in headless Debian chromium. It is what `code-shim` executes,
// so it takes the argv that @vscode/test-electron's runTests() gives a VS Code executable:
//
//   node run-vscode-tests.mjs --extensionDevelopmentPath=DIR [--extensionDevelopmentPath=DIR2]
//        --extensionTestsPath=FILE_OR_DIR [--extensions-dir=DIR] [--user-data-dir=DIR] [WORKSPACE]
//
// Other flags runTests adds for desktop VS Code (--no-sandbox, --disable-updates, ...) are ignored.
// Exits with the suite's exit code (VS Code calls window.codeAutomationExit(code) when run() settles).
//
// Environment: CODE_SERVER_* / PLAYWRIGHT_CORE / CHROMIUM_PATH from setup.sh (runs it if unset);
//   VSCODE_TEST_TIMEOUT_MS (default 300000), VSCODE_TEST_VERBOSE=1 (server + browser console),
//   VSCODE_TEST_SCREENSHOT=file.png (workbench screenshot at the end), VSCODE_TEST_KEEP=1 (keep temp state).
import * as path from 'node:path';
import { format } from 'node:util';
import { launchChromium, startCodeServer, toolsEnv, versions } from './code-server.mjs';

const argv = process.argv.slice(2);
const flag = (n) => argv.filter((a) => a.startsWith(`--${n}=`)).map((a) => a.slice(n.length + 3));
const extDevs = flag('extensionDevelopmentPath').map((p) => path.resolve(p));
const [extTests] = flag('extensionTestsPath').map((p) => path.resolve(p));
if (!extDevs.length || !extTests) {
  console.error('usage: run-vscode-tests.mjs --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [WORKSPACE]');
  process.exit(2);
}
const positional = argv.filter((a) => !a.startsWith('-'));
const folder = path.resolve(flag('folder')[0] ?? positional[0] ?? extDevs[0]);
const [extensionsDir] = flag('extensions-dir').map((p) => path.resolve(p));
const [userDataDir] = flag('user-data-dir').map((p) => path.resolve(p));
const timeoutMs = Number(process.env.VSCODE_TEST_TIMEOUT_MS ?? 300000);

// The workbench's own start-up messages arrive through codeAutomationLog too; keep the test output
// readable (VSCODE_TEST_VERBOSE=1 shows them).
const WORKBENCH_CHATTER = /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Ignoring fetching additional builtin|Updating additional builtin|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\]|No search provider registered for scheme)/;

const t0 = Date.now();
const log = (...a) => console.log(`[runner +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

let server;
let browser;
let finished = false;
async function finish(code, why) {
  if (finished) return;
  finished = true;
  log(`finished: ${why}, exit code ${code}`);
  try { await browser?.close(); } catch { /* already closed */ }
  await server?.dispose();
  process.exit(code);
}
process.on('SIGINT', () => finish(130, 'interrupted'));
process.on('SIGTERM', () => finish(143, 'terminated'));
process.on('unhandledRejection', (e) => { console.error(e); void finish(1, 'runner error'); });
setTimeout(() => {
  if (server) console.error(server.serverLog());
  void finish(1, `timeout after ${timeoutMs} ms (set VSCODE_TEST_TIMEOUT_MS to change)`);
}, timeoutMs).unref();

try {
  const tools = toolsEnv();
  const v = versions(tools);
  log(`VS Code ${v.vscode} (code-server ${v.codeServer}, commit ${v.commit.slice(0, 10)}, server and extension host on Node ${v.node})`);
  server = await startCodeServer({ tools, folder, userDataDir, extensionsDir, log });
  server.exited.then((code) => {
    if (!finished) { console.error(server.serverLog()); void finish(1, `code-server exited unexpectedly (${code})`); }
  });
  if (process.env.VSCODE_TEST_VERBOSE) log(`server log: ${server.tmp}/server.log`);

  browser = await launchChromium(tools, server.tmp);
  log(`headless chromium ${browser.version()}`);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  if (process.env.VSCODE_TEST_VERBOSE) page.on('console', (m) => console.log('[browser]', m.text()));
  page.on('pageerror', (e) => console.log('[browser pageerror]', e.message));
  // Both must exist before the workbench loads: the test host's output arrives through
  // codeAutomationLog, and codeAutomationExit(code) reports how the suite ended.
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(args ?? []));
    if (!process.env.VSCODE_TEST_VERBOSE && WORKBENCH_CHATTER.test(line)) return;
    (type === 'error' ? console.error : console.log)(line);
  });
  await page.exposeFunction('codeAutomationExit', async (code) => {
    if (process.env.VSCODE_TEST_SCREENSHOT) await page.screenshot({ path: process.env.VSCODE_TEST_SCREENSHOT }).catch(() => {});
    void finish(code, 'tests finished');
  });
  const url = server.workbenchUrl([
    ...extDevs.map((d) => ['extensionDevelopmentPath', server.remote(d)]),
    ['extensionTestsPath', server.remote(extTests)],
  ]);
  log(`opening workbench on ${folder}`);
  await page.goto(url);
} catch (e) {
  console.error(e);
  await finish(1, 'runner error');
}
