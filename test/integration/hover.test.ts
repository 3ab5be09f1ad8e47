/**
 * Hovers through `vscode.executeHoverProvider`: on a flagged claim and on a supported one, what the
 * reference says, who said it, as of when, the source document, and a link that runs Show Source.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, CONTRADICTED_LINE, joinLines, openUntitled, rangeOf, SUPPORTED_LINE, until, waitForDiagnostics } from './editor-helpers';

/** The hover texts at a position, as Markdown source. */
async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; hovers: vscode.Hover[] }> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  const text = hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
  return { text, hovers };
}

/** Waits for a hover matching `expected` (the first check of a fresh draft may still be running). */
function hoverText(uri: vscode.Uri, position: vscode.Position, expected: RegExp): Promise<string> {
  return until(`a hover matching ${expected}`, async () => {
    const { text } = await hoverAt(uri, position);
    return expected.test(text) ? text : undefined;
  });
}

describe('hover', () => {
  before(async () => {
    await api();
  });
  afterEach(closeAll);

  it('explains a contradicted figure: the reference, who said it, as of when, the source, a Show Source link', async () => {
    const editor = await openUntitled(joinLines('# Draft', '', CONTRADICTED_LINE));
    await waitForDiagnostics(editor.document.uri, (d) => d.length === 1, 'the figure flagged');
    const figure = rangeOf(editor.document, '7,000');
    const { text, hovers } = await hoverAt(editor.document.uri, figure.start.translate(0, 2));
    assert.match(text, /Contradicted by the reference/);
    assert.match(text, /around 500/);
    assert.match(text, /according to two Iraqi judicial officials/);
    assert.match(text, /\*\*As of:\*\* January \d+, 2026/);
    assert.match(text, /Reuters/);
    assert.match(text, /command:draftFactCheck\.showSourceForClaim\?/);
    const ours = hovers.find((h) => h.range?.isEqual(figure));
    assert.ok(ours, 'the hover range is the claim');
  });

  it('explains a supported claim too', async () => {
    const editor = await openUntitled(joinLines('# Draft', '', SUPPORTED_LINE));
    // Nothing is flagged here, so wait for the checker through the hover itself.
    const figure = rangeOf(editor.document, '7,000');
    const text = await hoverText(editor.document.uri, figure.start.translate(0, 1), /Supported by the reference/);
    assert.match(text, /Supported by the reference/);
    assert.match(text, /as many as 7,000/);
    assert.match(text, /command:draftFactCheck\.showSourceForClaim\?/);
  });

  it('gives the exact words and the speaker of a quote', async () => {
    const quote = '“It’s a trap,” said one senior Iraqi judicial source.';
    const editor = await openUntitled(joinLines('# Draft', '', quote));
    const at = rangeOf(editor.document, 'trap').start;
    const text = await hoverText(editor.document.uri, at, /Exact quote/);
    assert.match(text, /\*\*Exact quote:\*\* “It’s a trap”/);
    assert.match(text, /senior Iraqi judicial source/i);
  });

  it('has nothing to say away from claims', async () => {
    const editor = await openUntitled(joinLines('# Draft', '', CONTRADICTED_LINE));
    await waitForDiagnostics(editor.document.uri, (d) => d.length === 1, 'the figure flagged');
    const { text } = await hoverAt(editor.document.uri, new vscode.Position(0, 2));
    assert.doesNotMatch(text, /Fact Check/);
  });
});
