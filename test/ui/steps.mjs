// The writer's tour of the editor layer, as UI steps over the harness's Workbench helpers
// (test/harness/workbench.mjs): open a draft, see the squiggle and the status bar counts, hover the
// figure, fix it from Ctrl+., look a fact up from the Command Palette and open its source.
// Steps run in order in one window; each waits on what the screen shows, never on a sleep.

/** The status bar item of the extension (its id is `<extension id>.draftFactCheck.status`). */
const statusItem = (ui) => ui.page.locator('.statusbar-item[id*="draftFactCheck.status"]');

/** The screen box of `text` inside the editor's rendered lines (a line is often one span, so the
 *  span's own box would point the mouse at the middle of the line, not at the word). */
async function textBox(ui, text) {
  // Runs in the page: browser globals.
  /* global document, NodeFilter */
  const box = await ui.page.evaluate((wanted) => {
    for (const line of document.querySelectorAll('.monaco-editor .view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.replace(/\u00a0/g, ' ').indexOf(wanted);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
    }
    return null;
  }, text);
  if (!box) throw new Error(`"${text}" is not visible in the editor`);
  return box;
}

/** Saves a screenshot of the part of the window that holds all `locators` (plus a margin), for
 *  the README: the full window is mostly empty space around a hover or a menu. */
async function crop(ui, name, locators, { margin = 16, minX, minY } = {}) {
  const boxes = (await Promise.all(locators.map((l) => l.boundingBox()))).filter(Boolean);
  if (!boxes.length) throw new Error(`nothing to crop for ${name}`);
  const viewport = ui.page.viewportSize();
  const x0 = Math.max(0, Math.min(minX ?? Infinity, ...boxes.map((b) => b.x)) - margin);
  const y0 = Math.max(0, Math.min(minY ?? Infinity, ...boxes.map((b) => b.y)) - margin);
  const x1 = Math.min(viewport.width, Math.max(...boxes.map((b) => b.x + b.width)) + margin);
  const y1 = Math.min(viewport.height, Math.max(...boxes.map((b) => b.y + b.height)) + margin);
  await ui.page.screenshot({ path: `${ui.shots}/${name}.png`, clip: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } });
}

/** @type {{ name: string, run: (ui: import('../harness/workbench.mjs').Workbench) => Promise<void> }[]} */
export const STEPS = [
  {
    name: 'open transfers.md with Quick Open',
    run: async (ui) => {
      await ui.openFile('transfers.md', 'transferred 7,000 detainees');
    },
  },
  {
    name: 'the contradicted figure is squiggled and the status bar counts the claims',
    run: async (ui) => {
      await ui.squiggles('warning').first().waitFor({ timeout: 15000 });
      const item = statusItem(ui);
      await item.waitFor({ timeout: 10000 });
      // "✓ n ⚠ 1": codicons, then the counts.
      await item.locator('.codicon-warning').waitFor();
      const text = (await item.innerText()).replace(/\s+/g, ' ').trim();
      if (!/\d+ 1$/.test(text)) throw new Error(`status bar reads "${text}"`);
      await ui.shot('1-squiggle');
    },
  },
  {
    name: 'hovering the figure explains it and links to the source',
    run: async (ui) => {
      await ui.page.mouse.move(5, 5);
      const box = await textBox(ui, '7,000');
      await ui.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const hover = ui.page.locator('.monaco-hover', { hasText: 'Contradicted by the reference' }).first();
      await hover.waitFor({ timeout: 10000 });
      for (const expected of ['around 500', 'according to two Iraqi judicial officials', 'Show source']) {
        await hover.getByText(expected).first().waitFor({ timeout: 5000 });
      }
      await ui.shot('2-hover');
      const lines = ui.page.locator('.monaco-editor .view-lines').first();
      await crop(ui, 'readme-hover', [hover, ui.page.locator('.monaco-editor .view-line', { hasText: 'transferred 7,000' }).first()], { minX: (await lines.boundingBox()).x });
    },
  },
  {
    name: 'Ctrl+. offers the fixes and the preferred one corrects the figure',
    run: async (ui) => {
      const { page } = ui;
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      const box = await textBox(ui, '7,000');
      await page.mouse.click(box.x + 3, box.y + box.height / 2);
      await page.keyboard.press('Control+.');
      const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Change to “around 500”' }).first();
      await item.waitFor({ timeout: 10000 });
      await page.locator('.action-widget .monaco-list-row', { hasText: 'Ignore this claim' }).first().waitFor();
      await ui.shot('3-quick-fix');
      await crop(ui, 'readme-quick-fix', [page.locator('.action-widget').first(), page.locator('.monaco-editor .view-line', { hasText: 'transferred 7,000' }).first()]);
      await item.click();
      await ui.editorText('transferred around 500 detainees');
      await ui.squiggles('warning').first().waitFor({ state: 'detached', timeout: 10000 });
      await statusItem(ui).filter({ hasText: / 0$/ }).waitFor({ timeout: 10000 });
    },
  },
  {
    name: 'Look Up Source… from the Command Palette finds a fact by a name and shows its source',
    run: async (ui) => {
      const { page } = ui;
      await ui.runCommand('Fact Check: Look Up Source…');
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Look Up Source' }).waitFor({ timeout: 10000 });
      await page.locator('.quick-input-widget input').click();
      await page.keyboard.type('rubio repatriate', { delay: 20 });
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Rubio' }).first();
      await row.waitFor({ timeout: 10000 });
      await ui.shot('4-look-up-source');
      await crop(ui, 'readme-look-up-source', [page.locator('.quick-input-widget').first()]);
      await page.keyboard.press('Enter');
      const show = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show source' }).first();
      await show.waitFor({ timeout: 10000 });
      await ui.shot('5-look-up-actions');
      await show.click();
      await ui.editorText('Exact quote', 15000);
      // The source page beside the draft reads better with room: a taller window, no side bar.
      const viewport = page.viewportSize();
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.keyboard.press('Control+B');
      await ui.editorText('Other facts from the same source', 15000);
      await ui.shot('6-source-view');
      await page.keyboard.press('Control+B');
      await page.setViewportSize(viewport);
    },
  },
];
