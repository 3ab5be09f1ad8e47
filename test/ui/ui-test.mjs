// Browser-level UI test of the editor layer: the steps in steps.mjs, run in code-server's VS Code
// through headless chromium with the harness's helpers (test/harness/code-server.mjs, workbench.mjs).
//
//   node esbuild.js && node test/ui/ui-test.mjs [--shots=DIR] [--only=REGEX] [--media]
//
// Screenshots go to .ui-shots/editor/ (or --shots); --media also copies the README's screenshots to
// media/screenshots/. Exits 1 when a step fails (fail-<step>.png shows the moment).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, copyWorkspace, launchChromium, startCodeServer, toolsEnv, versions } from '../harness/code-server.mjs';
import { Workbench } from '../harness/workbench.mjs';
import { STEPS } from './steps.mjs';

/** Screenshots the README shows: the name a step saves them under -> the name in media/screenshots/. */
const README_SHOTS = {
  '1-squiggle': 'squiggle.png',
  'readme-hover': 'hover.png',
  'readme-quick-fix': 'quick-fix.png',
  'readme-look-up-source': 'look-up-source.png',
  '6-source-view': 'source-view.png',
};

const argv = process.argv.slice(2);
const flag = (n) => argv.find((a) => a.startsWith(`--${n}=`))?.slice(n.length + 3);
const shots = path.resolve(flag('shots') ?? path.join(REPO_ROOT, '.ui-shots', 'editor'));
const only = flag('only') ? new RegExp(flag('only')) : undefined;
const t0 = Date.now();
const log = (...a) => console.log(`[ui +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

const tools = toolsEnv();
const v = versions(tools);
const folder = copyWorkspace();
log(`VS Code ${v.vscode} (code-server ${v.codeServer}), workspace ${folder}`);
const server = await startCodeServer({ tools, folder, log, settings: { 'editor.hover.delay': 100, 'workbench.colorTheme': 'Default Light Modern' } });
const browser = await launchChromium(tools, server.tmp);
let passed = 0;
let failed = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 480 } });
  page.on('pageerror', (e) => log('[browser pageerror]', e.message));
  const ui = new Workbench(page, shots);
  await page.goto(server.workbenchUrl([['extensionDevelopmentPath', server.remote(REPO_ROOT)]]));
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
  fs.rmSync(folder, { recursive: true, force: true });
}
if (argv.includes('--media') && failed === 0) {
  const media = path.join(REPO_ROOT, 'media', 'screenshots');
  fs.mkdirSync(media, { recursive: true });
  for (const [from, to] of Object.entries(README_SHOTS)) fs.copyFileSync(path.join(shots, `${from}.png`), path.join(media, to));
  log(`copied ${Object.keys(README_SHOTS).length} screenshots to ${path.relative(process.cwd(), media)}`);
}
console.log(`${passed} passing, ${failed} failing (UI steps; screenshots in ${path.relative(process.cwd(), shots) || '.'})`);
process.exit(failed || !passed ? 1 : 0);
