/**
 * Shared helpers of the editor-layer integration tests: open drafts, wait for diagnostics by
 * event (never a fixed sleep), change settings and restore them.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'draft-fact-check.draft-fact-check';
export const SOURCE = 'Fact Check';

/** The canonical contradicted line and the supported one (the bundled dataset, Reuters Jan 30, 2026). */
export const CONTRADICTED_LINE = 'The U.S. has now transferred 7,000 detainees from Syria to Iraq.';
export const SUPPORTED_LINE = 'Washington initially expected to move as many as 7,000 fighters to Iraq within days.';

/** The extension's API (see src/vscode/extension.ts), once its datasets are loaded. */
export interface Api {
  ready: Promise<void>;
  status(): { visible: boolean; text: string; tooltip: string };
  reloadDatasets(): Promise<void>;
  /** Test hooks; `logLines()` is what was written to the Draft Fact Check output channel. */
  _test: { logLines(): readonly string[] };
}

/** Activates the extension and waits until its datasets are loaded. */
export async function api(): Promise<Api> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  const exports = ext.isActive ? ext.exports : await ext.activate();
  await exports.ready;
  return exports;
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is not open');
  return folder;
}

export function fileUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...relative.split('/'));
}

/** Lines joined with "\n" (a draft in a test reads like the draft it stands for). */
export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}

/** Opens an untitled Markdown draft with this text in an editor. */
export async function openUntitled(content: string, language = 'markdown'): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(document);
}

/** Writes a workspace file (creating folders) and returns its URI. */
export async function writeFile(relative: string, content: string): Promise<vscode.Uri> {
  const uri = fileUri(relative);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return uri;
}

export async function deleteFile(relative: string): Promise<void> {
  try {
    await vscode.workspace.fs.delete(fileUri(relative), { recursive: true, useTrash: false });
  } catch {
    // already gone
  }
}

/** Opens a workspace file in an editor. */
export async function openFile(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fileUri(relative));
  return vscode.window.showTextDocument(document);
}

/** Our diagnostics of a document. */
export function ourDiagnostics(uri: vscode.Uri, source = SOURCE): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);
}

export function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

/**
 * Waits until the document's diagnostics (ours) satisfy `ok`, re-testing on every
 * onDidChangeDiagnostics, with a deadline. Returns them.
 */
export function waitForDiagnostics(uri: vscode.Uri, ok: (diagnostics: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 10000, source = SOURCE): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = ourDiagnostics(uri, source);
      if (!ok(diagnostics)) return false;
      cleanup();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const now = ourDiagnostics(uri, source).map((d) => `${d.range.start.line}:${d.range.start.character} ${String(codeOf(d))} ${d.message}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics now: ${JSON.stringify(now)}`));
    }, timeoutMs);
    function cleanup(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

/** Waits until the Draft Fact Check output channel has a line matching `pattern`; returns the latest. */
export async function waitForLog(pattern: RegExp, timeoutMs = 10000): Promise<string> {
  const extension = await api();
  return until(`a line matching ${String(pattern)} in the Draft Fact Check log`, () => [...extension._test.logLines()].reverse().find((line) => pattern.test(line)), timeoutMs);
}

/** Polls `probe` until it returns a truthy value or the deadline passes (for state with no event). */
export async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The range of the n-th occurrence (0-based) of `text` in a document. */
export function rangeOf(document: vscode.TextDocument, text: string, occurrence = 0): vscode.Range {
  const content = document.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = content.indexOf(text, at + 1);
    assert.notEqual(at, -1, `"${text}" (occurrence ${occurrence}) is not in the document`);
  }
  return new vscode.Range(document.positionAt(at), document.positionAt(at + text.length));
}

/** Sets a `draftFactCheck.*` (or other) setting for the workspace; returns a function restoring it. */
export async function setSetting(section: string, key: string, value: unknown): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration(section);
  const before = config.inspect(key)?.workspaceValue;
  await config.update(key, value, vscode.ConfigurationTarget.Workspace);
  return async () => {
    await vscode.workspace.getConfiguration(section).update(key, before, vscode.ConfigurationTarget.Workspace);
  };
}

/** Reverts every changed document and closes every editor, so tests do not see each other's
 *  drafts (closing a changed draft would otherwise ask whether to save it). */
export async function closeAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
