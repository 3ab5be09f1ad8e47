/**
 * Quick fixes through `vscode.executeCodeActionProvider`: each applied as one edit, asserted on the
 * text a writer then reads, and checked again; fix-all as `source.fixAll.draftFactCheck`, on
 * request and on save; `context.only` honoured; at most one preferred fix per claim.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  api, closeAll, CONTRADICTED_LINE, fileUri, joinLines, openFile, openUntitled, rangeOf, setSetting, SUPPORTED_LINE, until, waitForDiagnostics,
} from './editor-helpers';

const FIX_ALL = 'source.fixAll.draftFactCheck';

async function actionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', uri, range, kind);
  return actions.filter((a): a is vscode.CodeAction => 'edit' in a || 'kind' in a);
}

/** Our actions: quick fixes and the fix-all (the Markdown extension adds only refactorings here;
 *  `executeCodeActionProvider` does not return the diagnostics an action fixes). */
function ours(actions: vscode.CodeAction[]): vscode.CodeAction[] {
  return actions.filter((a) => a.kind?.value === 'quickfix' || a.kind?.value === FIX_ALL);
}

describe('code actions', () => {
  before(async () => {
    await api();
  });
  afterEach(closeAll);

  it('offers fixes for the contradicted figure, one of them preferred', async () => {
    const editor = await openUntitled(joinLines('# Draft', '', CONTRADICTED_LINE));
    await waitForDiagnostics(editor.document.uri, (d) => d.length === 1, 'the figure flagged');
    const actions = ours(await actionsAt(editor.document.uri, rangeOf(editor.document, '7,000'), vscode.CodeActionKind.QuickFix.value));
    assert.deepEqual(actions.map((a) => a.title), [
      'Change to “around 500”',
      'Change to “around 500” with attribution',
      'Change to “around 500” and cite the source',
      'Ignore this claim (transferred-around-500)',
    ]);
    assert.ok(actions.every((a) => a.kind?.value === 'quickfix'), 'only quick fixes when only quick fixes are asked for');
    assert.deepEqual(actions.filter((a) => a.isPreferred).map((a) => a.title), ['Change to “around 500”'], 'exactly one preferred fix');
  });

  it('applies the preferred fix as one undoable edit, and the claim is no longer flagged', async () => {
    const editor = await openUntitled(joinLines('# Draft', '', CONTRADICTED_LINE));
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d.length === 1, 'the figure flagged');
    const before = editor.document.getText();
    const preferred = ours(await actionsAt(uri, rangeOf(editor.document, '7,000'))).find((a) => a.isPreferred);
    assert.ok(preferred?.edit, 'a preferred fix with an edit');
    assert.ok(await vscode.workspace.applyEdit(preferred.edit));
    const line = editor.document.lineAt(2).text;
    assert.match(line, /500/, `after the fix: ${line}`);
    assert.doesNotMatch(line, /7,000/);
    await waitForDiagnostics(uri, (d) => d.length === 0, 'no flag after the fix');

    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before, 'one undo restores the draft');
  });

  it('applies every other fix to a text that reads right', async () => {
    const editor = await openUntitled(joinLines('# Draft', '', CONTRADICTED_LINE));
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d.length === 1, 'the figure flagged');
    const original = editor.document.getText();
    const actions = ours(await actionsAt(uri, rangeOf(editor.document, '7,000'), vscode.CodeActionKind.QuickFix.value));
    for (const action of actions) {
      assert.ok(action.edit, `${action.title} has an edit`);
      assert.ok(await vscode.workspace.applyEdit(action.edit));
      const text = editor.document.getText();
      assert.notEqual(text, original, `${action.title} changed the text`);
      console.log(`      ${action.title} -> ${JSON.stringify(text.split('\n').slice(2).join('\n'))}`);
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), original, `${action.title} is one undo step`);
    }
  });

  it('ignores a claim with a directive the checker (and the CLI) honour', async () => {
    const editor = await openUntitled(joinLines('# Draft', '', CONTRADICTED_LINE));
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d.length === 1, 'the figure flagged');
    const ignore = ours(await actionsAt(uri, rangeOf(editor.document, '7,000'))).find((a) => /^Ignore this claim/.test(a.title));
    assert.ok(ignore?.edit);
    assert.ok(await vscode.workspace.applyEdit(ignore.edit));
    assert.equal(editor.document.getText(), joinLines('# Draft', '', '<!-- fact-check-ignore transferred-around-500 -->', CONTRADICTED_LINE));
    await waitForDiagnostics(uri, (d) => d.length === 0, 'no flag on the ignored claim');
  });

  it('fixes every flagged claim with source.fixAll.draftFactCheck, and only then', async () => {
    const editor = await openUntitled(joinLines('# Draft', '', CONTRADICTED_LINE, '', SUPPORTED_LINE, '', CONTRADICTED_LINE));
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d.length === 2, 'two flags');
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);

    const quickOnly = await actionsAt(uri, whole, vscode.CodeActionKind.QuickFix.value);
    assert.ok(!quickOnly.some((a) => a.kind?.value === FIX_ALL), 'no fix-all when only quick fixes are asked for');
    const fixAll = await actionsAt(uri, whole, FIX_ALL);
    assert.equal(fixAll.length, 1, `actions: ${fixAll.map((a) => a.title).join(' | ')}`);
    assert.equal(fixAll[0].kind?.value, FIX_ALL);
    assert.ok(fixAll[0].edit);
    assert.ok(await vscode.workspace.applyEdit(fixAll[0].edit));
    const text = editor.document.getText();
    assert.equal(text.split('\n')[4], SUPPORTED_LINE, 'the supported claim is untouched');
    assert.doesNotMatch(text.split('\n')[2], /7,000/);
    assert.doesNotMatch(text.split('\n')[6], /7,000/);
    await waitForDiagnostics(uri, (d) => d.length === 0, 'nothing flagged after fix-all');
  });

  it('runs fix-all on save through editor.codeActionsOnSave', async () => {
    const restore = await setSetting('editor', 'codeActionsOnSave', { [FIX_ALL]: 'explicit' });
    try {
      const editor = await openFile('fix-on-save.md');
      await waitForDiagnostics(editor.document.uri, (d) => d.length === 1, 'the figure flagged');
      await editor.edit((b) => b.insert(new vscode.Position(0, editor.document.lineAt(0).text.length), ' (edited)'));
      assert.ok(await editor.document.save());
      const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri('fix-on-save.md')));
      assert.match(onDisk, /^# Fix on save \(edited\)/);
      assert.doesNotMatch(onDisk, /7,000/);
      assert.match(onDisk, /500/);
    } finally {
      await restore();
    }
  });

  it('cites in the configured style (inline attribution)', async () => {
    const restore = await setSetting('draftFactCheck', 'citationStyle', 'inline');
    try {
      const editor = await openUntitled(joinLines('# Draft', '', SUPPORTED_LINE));
      const uri = editor.document.uri;
      const at = rangeOf(editor.document, '7,000');
      const cite = await until('an inline citation fix', async () =>
        (await actionsAt(uri, at, vscode.CodeActionKind.QuickFix.value)).find((a) => /^Cite inline/.test(a.title)));
      assert.ok(cite.edit);
      assert.ok(await vscode.workspace.applyEdit(cite.edit));
      assert.equal(editor.document.lineAt(2).text, SUPPORTED_LINE.replace(/\.$/, ', as Reuters reported.'));
    } finally {
      await restore();
    }
  });
});
