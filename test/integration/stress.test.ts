/**
 * The extension under stress, in a real VS Code: a burst of 1,000 edits leaves exactly the
 * diagnostics of the final text; a draft closed while its check is pending leaves no diagnostics
 * behind; a setting changed while a check is pending applies to that check and the next; an
 * exception inside one feature is logged and the others keep working. Every wait is on an event or
 * a poll with a deadline; "nothing happens later" is shown by a marker check that is scheduled to run
 * after the one that must not happen.
 *
 * Checks run synchronously on the extension host, so "mid-check" here means while a check is
 * scheduled (the typing pause) or in the same burst of events, which is where a race could be.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  api, closeAll, codeOf, CONTRADICTED_LINE, deleteFile, joinLines, openUntitled, ourDiagnostics, rangeOf, setSetting, SUPPORTED_LINE, until, waitForDiagnostics, writeFile, type Api,
} from './editor-helpers';
import { Rng } from '../../bench/rng'; // seeded, so a failing burst can be replayed

/** A diagnostic as the user sees it: where, what, how severe. */
const key = (d: vscode.Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(codeOf(d))} ${d.severity} ${d.message}`;
const keys = (uri: vscode.Uri) => ourDiagnostics(uri).map(key).sort();

const FRAGMENTS = [' 7,000', ' 500', ' detainees', ' transferred', ' to Iraq', '.', ',', ' Hisham al-Alawi said', '\n', '\n\n', ' “It’s a trap,” he said.', ' the', ' Marco Rubio', ', the U.S. national security adviser,', ' in 2014', ' on January 21', '😀', '\r\n', '- ', '> ', '`', '*'];

/** Opens a fresh untitled draft with `text` and resolves with its diagnostics once it was checked
 *  (the text holds a flag, so "checked" shows as at least one diagnostic). */
async function freshDiagnostics(text: string): Promise<string[]> {
  const editor = await openUntitled(text);
  await waitForDiagnostics(editor.document.uri, (d) => d.length > 0, 'the fresh copy checked');
  return keys(editor.document.uri);
}

let markers = 0;
/**
 * A marker: a new draft (a workspace file: untitled names are reused once closed) typed into;
 * resolves when its typing check has run. Any check scheduled before it with a shorter or equal
 * delay has run by then.
 */
async function markerCheck(): Promise<void> {
  const uri = await writeFile(`stress/marker-${++markers}.md`, '# Marker\n\nNothing here.\n');
  const document = await vscode.workspace.openTextDocument(uri);
  await waitForDiagnostics(uri, (d) => d.length === 0, 'the marker draft opened');
  await insert(document, new vscode.Position(2, 0), `${CONTRADICTED_LINE}\n`);
  await waitForDiagnostics(uri, (d) => d.length === 1, 'the marker draft checked after typing', 20_000);
}

/** Types into a document whether or not its editor is visible. */
async function insert(document: vscode.TextDocument, at: vscode.Position, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, at, text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');
}

describe('the extension under stress', function () {
  this.timeout(180_000);
  let ext: Api;
  before(async () => { ext = await api(); });
  afterEach(closeAll);
  after(() => deleteFile('stress'));

  for (const debounceMs of [300, 0]) {
    it(`a burst of 1,000 edits (debounce ${debounceMs} ms) leaves exactly the diagnostics of the final text`, async () => {
      const restore = await setSetting('draftFactCheck', 'debounceMs', debounceMs);
      try {
        const editor = await openUntitled(joinLines('# Transfers', '', CONTRADICTED_LINE, '', SUPPORTED_LINE, '', '> Hisham al-Alawi said fewer than 500 had arrived.', ''));
        const document = editor.document;
        await waitForDiagnostics(document.uri, (d) => d.length > 0, 'the first check');
        const rng = new Rng(debounceMs + 1);
        const random = () => rng.next();
        for (let i = 0; i < 1000; i++) {
          const text = document.getText();
          const at = document.positionAt(Math.floor(random() * (text.length + 1)));
          const r = random();
          const ok = await editor.edit((b) => {
            if (r < 0.6 || text.length < 50) b.insert(at, FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]);
            else {
              const end = document.positionAt(Math.min(text.length, document.offsetAt(at) + 1 + Math.floor(random() * 12)));
              if (r < 0.85) b.delete(new vscode.Range(at, end));
              else b.replace(new vscode.Range(at, end), FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]);
            }
          }, { undoStopBefore: false, undoStopAfter: false });
          assert.ok(ok, `edit ${i} applied`);
        }
        // The last edit makes sure the final text holds a flag.
        await editor.edit((b) => b.insert(document.positionAt(document.getText().length), `\n\n${CONTRADICTED_LINE}\n`));
        const finalText = document.getText();
        const version = document.version;
        assert.ok(version >= 1000, `version ${version}`);
        const want = await freshDiagnostics(finalText);
        await until('the burst draft to show the final text\'s diagnostics', () => JSON.stringify(keys(document.uri)) === JSON.stringify(want), 20_000);
        // Nothing stale arrives later: a check scheduled after every pending one has run.
        await markerCheck();
        assert.equal(document.getText(), finalText);
        assert.deepEqual(keys(document.uri), want);
      } finally {
        await restore();
      }
    });
  }

  it('a draft closed while its check is pending leaves no diagnostics behind', async () => {
    let restore = await setSetting('draftFactCheck', 'debounceMs', 200);
    try {
      const editor = await openUntitled(joinLines('# Closing', '', CONTRADICTED_LINE, ''));
      const uri = editor.document.uri;
      await waitForDiagnostics(uri, (d) => d.length === 1, 'the first check');
      // Typing schedules a check; the draft closes before it runs.
      await editor.edit((b) => b.insert(new vscode.Position(3, 0), `\n${CONTRADICTED_LINE}\n`));
      await closeAll();
      await waitForDiagnostics(uri, (d) => d.length === 0, 'diagnostics cleared on close');
      // A marker whose typing pause is longer than the closed draft's: its check runs after the
      // closed draft's would have.
      await restore();
      restore = await setSetting('draftFactCheck', 'debounceMs', 1500);
      await markerCheck();
      assert.deepEqual(keys(uri), [], 'no diagnostics came back for the closed draft');
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the draft is closed');
    } finally {
      await restore();
    }
  });

  it('many drafts opened, typed into and closed at once: no diagnostics left for any closed one', async () => {
    const restore = await setSetting('draftFactCheck', 'debounceMs', 100);
    try {
      const uris: vscode.Uri[] = [];
      for (let i = 0; i < 20; i++) {
        const editor = await openUntitled(joinLines(`# Draft ${i}`, '', CONTRADICTED_LINE, ''));
        uris.push(editor.document.uri);
        await editor.edit((b) => b.insert(new vscode.Position(0, 0), `${i} `));
      }
      await closeAll();
      for (const uri of uris) await waitForDiagnostics(uri, (d) => d.length === 0, `${uri.toString()} cleared`);
      await markerCheck();
      assert.deepEqual(uris.filter((u) => ourDiagnostics(u).length > 0).map(String), []);
    } finally {
      await restore();
    }
  });

  it('a setting changed while a check is pending applies to that check and the next', async () => {
    const restoreDebounce = await setSetting('draftFactCheck', 'debounceMs', 400);
    const restores: Array<() => Promise<void>> = [restoreDebounce];
    try {
      const editor = await openUntitled(joinLines('# Settings', '', CONTRADICTED_LINE, ''));
      const document = editor.document;
      const uri = document.uri;
      await waitForDiagnostics(uri, (d) => d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Warning, 'a warning');
      // Severity: typed, then changed before the pending check runs.
      await insert(document, new vscode.Position(3, 0), `\n${CONTRADICTED_LINE}\n`);
      restores.push(await setSetting('draftFactCheck', 'severity.contradicted', 'error'));
      await waitForDiagnostics(uri, (d) => d.length === 2 && d.every((x) => x.severity === vscode.DiagnosticSeverity.Error), 'two errors');
      await insert(document, new vscode.Position(0, 0), 'Typed. ');
      await markerCheck();
      assert.deepEqual(ourDiagnostics(uri).map((d) => d.severity), [vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Error], 'the next check keeps the new severity');
      // Size limit: the next check is cut and says so.
      await insert(document, new vscode.Position(0, 0), `${'Filler words without claims. '.repeat(60)}\n\n`);
      restores.push(await setSetting('draftFactCheck', 'maxDocumentSize', 1000));
      await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'truncated') && !d.some((x) => codeOf(x) === 'contradicted'), 'the cut reported, the claims after it not checked');
      // Checking off while a check is pending: cleared at once.
      await insert(document, new vscode.Position(0, 0), 'More. ');
      restores.push(await setSetting('draftFactCheck', 'enable', false));
      await waitForDiagnostics(uri, (d) => d.length === 0, 'cleared when checking is off');
    } finally {
      for (const restore of restores.reverse()) await restore();
    }
  });

  it('an exception inside one feature is logged and the others keep working', async function () {
    const hooks = (ext as unknown as { _test?: { injectFault(feature: string, times?: number, message?: string): void; logLines(): readonly string[] } })._test;
    assert.ok(hooks, 'the extension API exposes its test hooks (_test.injectFault, _test.logLines)');
    const editor = await openUntitled(joinLines('# Faults', '', CONTRADICTED_LINE, ''));
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d.length === 1, 'the first check');
    const at = rangeOf(editor.document, '7,000').start;
    const hover = () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
    const actions = () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(at, at));
    const ours = (hs: vscode.Hover[] | undefined) => (hs ?? []).filter((h) => h.contents.some((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '').includes('500')));

    for (const feature of ['hover', 'codeActions', 'check'] as const) {
      const message = `injected by stress.test (${feature})`;
      hooks.injectFault(feature, 1, message);
      if (feature === 'hover') assert.deepEqual(ours(await hover()), [], 'the failing hover shows nothing');
      if (feature === 'codeActions') await actions();
      if (feature === 'check') await insert(editor.document, new vscode.Position(0, 0), 'x');
      await until(`the ${feature} fault in the log`, () => hooks.logLines().some((l) => l.includes(message)));
      // Everything works again, the failed feature too.
      assert.ok(ours(await hover()).length > 0, `hover works after the ${feature} fault`);
      assert.ok((await actions()).some((a) => a.isPreferred), `quick fixes work after the ${feature} fault`);
      await insert(editor.document, new vscode.Position(3, 0), `\n${CONTRADICTED_LINE}\n`);
      const count = ourDiagnostics(uri).length;
      await waitForDiagnostics(uri, (d) => d.length === count + 1, `checking works after the ${feature} fault`);
    }
  });
});
