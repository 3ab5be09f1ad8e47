// Browser-level UI test: the extension in code-server's VS Code, used through headless chromium
// with keyboard and mouse as a person would, with screenshots.
//
//   node test/harness/ui-test.mjs [--extensionDevelopmentPath=DIR] [--folder=DIR] [--shots=DIR] [--only=REGEX]
//
// Defaults: this repository as the development extension (build it first: npm run test:ui does),
// a fresh copy of test/fixtures/workspace, screenshots in .ui-shots/. Exits 1 when a step fails
// (a screenshot `fail-<step>.png` shows the moment).
//
// Add product steps to STEPS below; the helpers are in workbench.mjs (openFile, runCommand,
// squiggles, hover, quickFix, notification, shot). Steps run in order in one window, so a step may
// rely on what the previous ones left open.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, copyWorkspace, launchChromium, startCodeServer, toolsEnv, versions } from './code-server.mjs';
import { Workbench } from './workbench.mjs';

/** @type {{ name: string, run: (ui: Workbench) => Promise<void> }[]} */
const STEPS = [
  {
    name: 'open draft.md with Quick Open',
    run: async (ui) => {
      await ui.openFile('draft.md', '7,000');
      await ui.page.locator('.statusbar-item', { hasText: /^Markdown$/ }).first().waitFor({ timeout: 10000 });
      await ui.shot('1-draft');
    },
  },
  // Product steps go here, e.g. a squiggle on a contradicted figure, its hover, its quick fix, the
  // commands in the palette.
];

const argv = process.argv.slice(2);
const flag = (n) => argv.find((a) => a.startsWith(`--${n}=`))?.slice(n.length + 3);
const extDev = path.resolve(flag('extensionDevelopmentPath') ?? REPO_ROOT);
const ownFolder = !flag('folder');
const folder = ownFolder ? copyWorkspace() : path.resolve(flag('folder'));
const shots = path.resolve(flag('shots') ?? path.join(REPO_ROOT, '.ui-shots'));
const only = flag('only') ? new RegExp(flag('only')) : undefined;
const t0 = Date.now();
const log = (...a) => console.log(`[ui +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

const tools = toolsEnv();
const v = versions(tools);
log(`VS Code ${v.vscode} (code-server ${v.codeServer}), extension ${extDev}, workspace ${folder}`);
const server = await startCodeServer({ tools, folder, log, settings: { 'editor.hover.delay': 100 } });
const browser = await launchChromium(tools, server.tmp);
let passed = 0;
let failed = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => log('[browser pageerror]', e.message));
  const ui = new Workbench(page, shots);
  await page.goto(server.workbenchUrl([['extensionDevelopmentPath', server.remote(extDev)]]));
  await ui.ready();
  log('workbench loaded');
  for (const step of STEPS.filter((s) => !only || only.test(s.name))) {
    try {
      await step.run(ui);
      passed++;
      log('PASS', step.name);
    } catch (e) {
      failed++;
      log('FAIL', step.name, '-', e.message.split('\n')[0]);
      await ui.shot(`fail-${step.name}`).catch(() => {});
    }
  }
} catch (e) {
  failed++;
  log('ERROR', e.message);
  console.error(server.serverLog());
} finally {
  await browser.close().catch(() => {});
  await server.dispose();
  if (ownFolder) fs.rmSync(folder, { recursive: true, force: true });
}
console.log(`${passed} passing, ${failed} failing (UI steps; screenshots in ${path.relative(process.cwd(), shots) || '.'})`);
process.exit(failed || !passed ? 1 : 0);
