/**
 * Virtual workspaces (README, "Your own reference datasets"): a draft that is not a `file:` but
 * lives on a file system an extension provides (here MemFS, registered by the test) is checked
 * like any other: when it opens, while typing and when it is saved.
 *
 * Not covered: a dataset read from such a file system. Datasets come from workspace folders
 * (`.factcheck/`, the `draftFactCheck.datasets` entries), and adding a second, virtual folder to
 * the test window turns it into a multi-root workspace, which restarts the extension host.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  api, closeAll, codeOf, CONTRADICTED_LINE, joinLines, rangeOf, waitForDiagnostics,
} from './editor-helpers';
import { MemFS } from './memfs';

describe('virtual workspaces', () => {
  const memfs = new MemFS('dfc-memfs');
  let registration: vscode.Disposable | undefined;

  before(async () => {
    await api();
    registration = memfs.register();
    await vscode.workspace.fs.createDirectory(memfs.uri('/drafts'));
  });
  after(() => registration?.dispose());
  afterEach(closeAll);

  async function openDraft(name: string, text: string): Promise<vscode.TextEditor> {
    const uri = memfs.uri(`/drafts/${name}`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.uri.scheme, 'dfc-memfs');
    assert.equal(document.languageId, 'markdown');
    return vscode.window.showTextDocument(document);
  }

  it('checks a draft served by a file system provider, and shows what it flags', async () => {
    const editor = await openDraft('story.md', joinLines('# Story', '', CONTRADICTED_LINE, ''));
    const [diagnostic] = await waitForDiagnostics(editor.document.uri, (d) => d.length === 1, 'the figure flagged in the dfc-memfs draft');
    assert.equal(codeOf(diagnostic), 'contradicted');
    assert.deepEqual(diagnostic.range, rangeOf(editor.document, '7,000'));
    assert.match(diagnostic.message, /around 500 detainees/);
  });

  it('checks it again while typing and after saving through the provider', async () => {
    const editor = await openDraft('typed.md', joinLines('# Story', '', CONTRADICTED_LINE, ''));
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d.length === 1, 'the figure flagged');
    assert.ok(await editor.edit((edit) => edit.replace(rangeOf(editor.document, '7,000'), 'around 500')));
    await waitForDiagnostics(uri, (d) => d.length === 0, 'the flag gone once the draft says around 500');
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(3, 0), `\n${CONTRADICTED_LINE}\n`)));
    assert.ok(await editor.document.save(), 'saved');
    assert.match(new TextDecoder().decode(memfs.readFile(uri)), /transferred 7,000 detainees/, 'the provider has the saved text');
    const [flag] = await waitForDiagnostics(uri, (d) => d.length === 1 && d[0].range.start.line === 4, 'the new line flagged');
    assert.equal(editor.document.getText(flag.range), '7,000');
  });
});
