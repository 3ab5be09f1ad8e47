/**
 * Runs the integration suite (mocha inside a real VS Code, see index.ts) through
 * @vscode/test-electron's runTests, in one of two VS Codes:
 *
 * - `code-server`: VS Code's server, web workbench and Node extension host from the npm package
 *   code-server, driven by headless Debian chromium (test/harness/code-shim stands in for the
 *   VS Code executable). Works on machines that reach only the npm registry and apt.
 * - `desktop`: the desktop VS Code that runTests downloads from update.code.visualstudio.com
 *   (`DFC_VSCODE_VERSION`: `stable` by default, `insiders`, or e.g. `1.85.0` = engines.vscode).
 *   On Linux it needs a display: `xvfb-run -a npm test`.
 *
 * `DFC_VSCODE=code-server|desktop` chooses; unset (or `auto`) takes desktop only where it can run
 * (a display, and the download succeeds) and code-server otherwise.
 *
 * The workspace opened is a fresh copy of test/fixtures/workspace, with throw-away user data and
 * extensions directories, so runs never see each other's state.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '../../..');
const codeShim = path.join(repoRoot, 'test/harness/code-shim');

interface Choice {
  kind: 'code-server' | 'desktop';
  executable: string;
  why: string;
}

async function chooseVSCode(): Promise<Choice> {
  const wanted = (process.env.DFC_VSCODE || 'auto').toLowerCase();
  const version = process.env.DFC_VSCODE_VERSION ?? 'stable';
  const codeServer = (why: string): Choice => ({ kind: 'code-server', executable: codeShim, why });
  if (wanted === 'code-server') return codeServer('DFC_VSCODE=code-server');
  if (wanted === 'desktop') {
    return { kind: 'desktop', executable: await downloadAndUnzipVSCode({ version, timeout: 30000 }), why: 'DFC_VSCODE=desktop' };
  }
  if (wanted !== 'auto') throw new Error(`DFC_VSCODE=${wanted}: expected code-server, desktop or auto`);
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return codeServer('auto: no display for a desktop VS Code (use xvfb-run -a and DFC_VSCODE=desktop for one)');
  }
  try {
    return { kind: 'desktop', executable: await downloadAndUnzipVSCode({ version, timeout: 15000 }), why: 'auto: desktop VS Code downloaded' };
  } catch (e) {
    return codeServer(`auto: desktop VS Code cannot be downloaded (${(e as Error).message.split('\n')[0]})`);
  }
}

async function main(): Promise<number> {
  const choice = await chooseVSCode();
  console.log(`[integration] running in ${choice.kind} VS Code (${choice.why})`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dfc-integration-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(repoRoot, 'test/fixtures/workspace'), workspace, { recursive: true });
  const started = Date.now();
  try {
    await runTests({
      vscodeExecutablePath: choice.executable,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'index'),
      launchArgs: [
        workspace,
        `--user-data-dir=${path.join(tmp, 'user-data')}`,
        `--extensions-dir=${path.join(tmp, 'extensions')}`,
        ...(choice.kind === 'desktop' ? ['--disable-extensions'] : []),
      ],
    });
    return 0;
  } catch (e) {
    console.error(`[integration] ${(e as Error).message}`);
    return 1;
  } finally {
    console.log(`[integration] ${choice.kind} run took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(e);
  process.exit(1);
});
