/**
 * Smoke test: the extension is present and activates when a Markdown document opens
 * (activationEvents: onLanguage:markdown). It relies on nothing inside the extension.
 *
 * When the vsix smoke run (test/harness/vsix-smoke.mjs) sets DFC_EXPECT_EXTENSION_ROOT, the
 * extension must be the copy installed there from the .vsix, not the development checkout.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'draft-fact-check.draft-fact-check';
const repoRoot = path.resolve(__dirname, '../../..');

/** Polls `probe` until it is true or `timeoutMs` passes: VS Code has no event for "activated". */
async function until(what: string, probe: () => boolean, timeoutMs = 20000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('activation', () => {
  it(`runs in VS Code ${vscode.version}`, () => {
    console.log(`    VS Code ${vscode.version} (${vscode.env.appName}, ui kind ${vscode.UIKind[vscode.env.uiKind]})`);
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
  });

  it('finds the extension where the run installed it', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    const expectedRoot = process.env.DFC_EXPECT_EXTENSION_ROOT;
    if (expectedRoot) {
      assert.ok(path.resolve(ext.extensionPath).startsWith(path.resolve(expectedRoot) + path.sep),
        `expected the copy installed under ${expectedRoot}, got ${ext.extensionPath}`);
    } else {
      assert.equal(path.resolve(ext.extensionPath), repoRoot);
    }
    console.log(`    ${EXTENSION_ID} ${ext.packageJSON.version} from ${ext.extensionPath}`);
  });

  it('activates when a Markdown document is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    assert.equal(ext.isActive, false, 'the extension was active before any Markdown document was opened');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace is not open');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'draft.md'));
    assert.equal(doc.languageId, 'markdown');
    await vscode.window.showTextDocument(doc);
    await until(`${EXTENSION_ID} to activate`, () => ext.isActive);
  });
});
