/**
 * Diagnostics as a writer sees them: a squiggle on the contradicted figure with a message naming
 * the reference, `source` and a stable `code` linking to the README; updated while typing,
 * cleared on close, on untitled drafts too, and never on other languages.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DocumentFindings, FindingsStore } from '../../src/vscode/findings';
import {
  api, closeAll, codeOf, CONTRADICTED_LINE, joinLines, openFile, openUntitled, ourDiagnostics, rangeOf, SOURCE, SUPPORTED_LINE, until, waitForDiagnostics,
} from './editor-helpers';

describe('diagnostics', () => {
  before(async () => {
    await api();
  });
  afterEach(closeAll);

  it('flags the contradicted figure with range, message, source and code', async () => {
    const editor = await openFile('transfers.md');
    const document = editor.document;
    const [diagnostic] = await waitForDiagnostics(document.uri, (d) => d.length > 0, 'a diagnostic on transfers.md');
    assert.equal(diagnostic.source, SOURCE);
    assert.equal(codeOf(diagnostic), 'contradicted');
    assert.ok(typeof diagnostic.code === 'object' && diagnostic.code.target.fragment === 'contradicted', 'the code links to the README anchor #contradicted');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(diagnostic.range, rangeOf(document, '7,000', 0), 'the squiggle covers the figure on the contradicted line');
    assert.equal(document.getText(diagnostic.range), '7,000');
    assert.match(diagnostic.message, /500/, 'the message says what the reference says (around 500)');
    assert.match(diagnostic.message, /7,000/, 'the message says what 7,000 is (the number initially expected)');
  });

  it('does not flag the supported claim', async () => {
    const editor = await openFile('transfers.md');
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.length > 0, 'diagnostics on transfers.md');
    const supportedLine = rangeOf(editor.document, SUPPORTED_LINE).start.line;
    assert.deepEqual(diagnostics.filter((d) => d.range.start.line === supportedLine), []);
  });

  it('checks again while typing, and drops what a fix made true', async () => {
    const editor = await openUntitled(joinLines('# Draft', '', CONTRADICTED_LINE, ''));
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'contradicted'), 'the contradicted figure flagged');

    // The writer corrects the figure: the flag goes away after the typing pause.
    await editor.edit((b) => b.replace(rangeOf(editor.document, '7,000'), 'around 500'));
    await waitForDiagnostics(uri, (d) => d.length === 0, 'no diagnostics after the correction');

    // ...and adds a wrong figure on a new line: the new claim is flagged where it is now.
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), `\n${CONTRADICTED_LINE}\n`));
    const [again] = await waitForDiagnostics(uri, (d) => d.length === 1, 'the new wrong figure flagged');
    assert.deepEqual(again.range, rangeOf(editor.document, '7,000'));
  });

  it('reports for the latest version only when edits come faster than the checks', async () => {
    const editor = await openUntitled(joinLines('# Draft', ''));
    const uri = editor.document.uri;
    for (let i = 0; i < 5; i++) {
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), `${CONTRADICTED_LINE}\n`));
    }
    const diagnostics = await waitForDiagnostics(uri, (d) => d.length === 5, 'one flag per line');
    const lines = diagnostics.map((d) => d.range.start.line).sort((a, b) => a - b);
    assert.deepEqual(lines, [1, 2, 3, 4, 5]);
    for (const d of diagnostics) assert.equal(editor.document.getText(d.range), '7,000');
  });

  it('checks untitled Markdown drafts and clears their diagnostics when they close', async () => {
    const editor = await openUntitled(CONTRADICTED_LINE);
    const uri = editor.document.uri;
    assert.equal(uri.scheme, 'untitled');
    await waitForDiagnostics(uri, (d) => d.length === 1, 'a flag on the untitled draft');
    await closeAll();
    await waitForDiagnostics(uri, (d) => d.length === 0, 'diagnostics cleared on close');
  });

  it('records the latest check of a URI even when its version is lower (a new draft with a reused name)', () => {
    // VS Code reuses untitled names: a new draft has a closed one's URI and starts again at version 1.
    const store = new FindingsStore();
    const uri = vscode.Uri.parse('untitled:Untitled-1');
    store.set(new DocumentFindings(uri, 7, 'the old draft', [], false, 13));
    store.set(new DocumentFindings(uri, 1, 'the new draft', [], false, 13));
    assert.equal(store.get(uri)?.text, 'the new draft');
    store.dispose();
  });

  it('puts the squiggle on the figure in CRLF drafts and after characters outside the BMP', async () => {
    const editor = await openUntitled(['# Draft 🇺🇸', '', `🇺🇸🇮🇶 ${CONTRADICTED_LINE}`, ''].join('\r\n'));
    assert.equal(editor.document.eol, vscode.EndOfLine.CRLF);
    const [diagnostic] = await waitForDiagnostics(editor.document.uri, (d) => d.length === 1, 'the figure flagged');
    assert.equal(editor.document.getText(diagnostic.range), '7,000');
    assert.deepEqual(diagnostic.range, rangeOf(editor.document, '7,000'));
  });

  it('leaves other languages alone', async () => {
    const plain = await openUntitled(CONTRADICTED_LINE, 'plaintext');
    const markdown = await openUntitled(CONTRADICTED_LINE);
    // Once the Markdown draft is flagged, the plain-text one has had every chance to be checked too.
    await waitForDiagnostics(markdown.document.uri, (d) => d.length === 1, 'the Markdown draft flagged');
    assert.deepEqual(ourDiagnostics(plain.document.uri), []);
  });

  it('shows the counts in the status bar', async () => {
    const extension = await api();
    const editor = await openFile('transfers.md');
    await waitForDiagnostics(editor.document.uri, (d) => d.length === 1, 'one flag on transfers.md');
    const status = await until('the status bar to count the claims', () => {
      const s = extension.status();
      return s.visible && /\$\(warning\) 1$/.test(s.text) ? s : undefined;
    });
    assert.match(status.text, /^\$\(check\) [1-9]\d* {2}\$\(warning\) 1$/, `status: ${status.text}`);
    assert.match(status.tooltip, /1 flagged \(1 contradicted\)/);
  });
});
