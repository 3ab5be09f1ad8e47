// Helpers for browser-level UI tests against code-server's workbench (see ui-test.mjs): what a person
// does with keyboard and mouse, each wait bounded by a deadline (playwright's auto-waiting locators),
// never a fixed sleep.
//
// Pitfalls: the headless window has no focus, so toast notifications may not show (the notification
// centre always has them); the workbench swallows keys until something in it has focus, so click an
// empty part of it first; hovers need the mouse moved away and back to re-trigger.
import * as fs from 'node:fs';
import * as path from 'node:path';

export class Workbench {
  /** @param {import('playwright-core').Page} page  @param {string} shots folder for screenshots */
  constructor(page, shots) {
    this.page = page;
    this.shots = shots;
    fs.mkdirSync(shots, { recursive: true });
  }

  /** Waits for the workbench and the explorer of the opened folder. */
  async ready() {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await this.page.locator('.explorer-folders-view').waitFor({ timeout: 30000 });
  }

  /** Gives the workbench keyboard focus without hitting anything in particular. */
  async focus() {
    await this.page.locator('.monaco-workbench').click({ position: { x: 640, y: 400 } }).catch(() => {});
  }

  /** Quick Open (Ctrl+P) a file by name; waits until the editor shows `expectText`. */
  async openFile(name, expectText) {
    await this.focus();
    await this.page.keyboard.press('Control+P');
    await this.page.locator('.quick-input-widget input').waitFor();
    await this.page.keyboard.type(name);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.editorText(expectText);
  }

  /** Waits until the active editor's visible lines contain `text` (string or RegExp). */
  async editorText(text, timeout = 15000) {
    await this.page.locator('.monaco-editor .view-lines', { hasText: text }).first().waitFor({ timeout });
  }

  /** Runs a command from the Command Palette (F1) by its title as shown there. */
  async runCommand(title) {
    await this.focus();
    await this.page.keyboard.press('F1');
    await this.page.locator('.quick-input-widget input').waitFor();
    await this.page.keyboard.type(title);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Squiggles in the visible editor: severity 'error' | 'warning' | 'info' | 'hint'. */
  squiggles(severity = 'warning') {
    return this.page.locator(`.monaco-editor .squiggly-${severity}`);
  }

  /** The rendered span in the editor that contains `text`. */
  word(text) {
    return this.page.locator('.monaco-editor .view-line span span', { hasText: text }).first();
  }

  /** Hovers over `text` in the editor; resolves to the hover widget once it contains `expect`. */
  async hover(text, expect) {
    await this.page.mouse.move(5, 5);
    const box = await this.word(text).boundingBox();
    if (!box) throw new Error(`"${text}" is not visible in the editor`);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const widget = this.page.locator('.monaco-hover', { hasText: expect }).first();
    await widget.waitFor({ timeout: 10000 });
    return widget;
  }

  /** Puts the cursor in `text`, opens Quick Fix (Ctrl+.) and picks the action titled `title`. */
  async quickFix(text, title) {
    await this.page.mouse.move(5, 5);
    await this.page.keyboard.press('Escape');
    const box = await this.word(text).boundingBox();
    if (!box) throw new Error(`"${text}" is not visible in the editor`);
    await this.page.mouse.click(box.x + 3, box.y + box.height / 2);
    await this.page.keyboard.press('Control+.');
    const item = this.page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    await item.waitFor({ timeout: 10000 });
    await item.click();
  }

  /** Waits for a notification matching `re`: as a toast, or else in the notification centre. */
  async notification(re) {
    try {
      await this.page.locator('.notifications-toasts', { hasText: re }).waitFor({ timeout: 3000 });
    } catch {
      await this.page.locator('.statusbar-item[id*="notifications"], .statusbar-item .codicon-bell, .statusbar-item .codicon-bell-dot').last().click();
      await this.page.locator('.notifications-center', { hasText: re }).waitFor({ timeout: 10000 });
    }
  }

  /** Saves a screenshot as `<shots>/<name>.png`. */
  async shot(name) {
    const file = path.join(this.shots, `${name.replace(/[^\w.-]+/g, '_')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}
