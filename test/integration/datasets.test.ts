/**
 * Users' own datasets: every `.factcheck/*.facts.json` and the `draftFactCheck.datasets` globs are
 * loaded beside the bundled dataset and picked up without a reload; a broken dataset's problems
 * appear in the dataset file itself at their line and column, and its valid facts are still used.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  api, closeAll, codeOf, deleteFile, fileUri, joinLines, openFile, openUntitled, setSetting, waitForDiagnostics,
} from './editor-helpers';

const DATASET_SOURCE = 'Fact Check dataset';
const DRAFT = 'The city council approved 25 new bus lines on Monday.';

/** A small newsroom dataset: one fact about bus lines, optionally with a broken second fact. */
function cityDesk(amount: number, broken = false): string {
  const facts = [`    {
      "id": "bus-lines-approved",
      "kind": "quantity",
      "statement": "The city council approved ${amount} new bus lines.",
      "value": { "type": "number", "amount": ${amount} },
      "counts": { "noun": "bus lines", "terms": ["bus lines", "lines", "routes"] },
      "event": { "label": "approved by the council", "terms": ["approved", "approve"] },
      "sources": [{ "who": "council minutes", "kind": "document" }],
      "attribution": "according to the council minutes",
      "document": "council-minutes"
    }`];
  if (broken) {
    facts.push(`    {
      "id": "budget",
      "kind": "quantity",
      "statement": "The budget is 3 million.",
      "value": { "type": "number", "amount": "three million" },
      "sources": [{ "who": "council minutes", "kind": "document" }],
      "attribution": "according to the council minutes"
    }`);
  }
  return `{
  "version": 1,
  "metadata": { "title": "City desk", "asOf": "2026-02-01" },
  "documents": [
    { "id": "council-minutes", "outlet": "City Council", "headline": "Minutes of the February 1 meeting", "published": "2026-02-01", "url": "https://example.org/minutes" }
  ],
  "facts": [
${facts.join(',\n')}
  ]
}
`;
}

async function writeDataset(relative: string, content: string): Promise<vscode.Uri> {
  const uri = fileUri(relative);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return uri;
}

describe('datasets', function () {
  // File watchers and reloads are slower than the rest on a busy machine.
  this.timeout(60000);
  before(async () => {
    await api();
  });
  afterEach(async () => {
    await closeAll();
    await deleteFile('.factcheck');
    await deleteFile('data');
  });

  it('picks up a new .factcheck dataset, and a change to it, without a reload', async () => {
    await writeDataset('.factcheck/city-desk.facts.json', cityDesk(42));
    const editor = await openUntitled(joinLines('# Council', '', DRAFT));
    const uri = editor.document.uri;
    const [flag] = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'contradicted'), 'the bus-lines figure flagged', 15000);
    assert.equal(editor.document.getText(flag.range), '25');
    assert.match(flag.message, /42 bus lines/);

    await writeDataset('.factcheck/city-desk.facts.json', cityDesk(25));
    await waitForDiagnostics(uri, (d) => d.length === 0, 'the flag gone once the dataset says 25', 15000);
  });

  it('shows a broken dataset’s problems in the dataset file, and still uses its valid facts', async () => {
    const dataset = await writeDataset('.factcheck/broken.facts.json', cityDesk(42, true));
    // Wait for the problem itself: a reload may catch the file half-written and report that first.
    const problems = await waitForDiagnostics(dataset, (d) => d.some((x) => /facts\[1\]\.value\.amount/.test(x.message)), 'the bad amount reported', 15000, DATASET_SOURCE);
    assert.equal(problems.length, 1, JSON.stringify(problems.map((p) => p.message)));
    const [problem] = problems;
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.match(problem.message, /facts\[1\]\.value\.amount/);
    assert.match(problem.message, /expected a number/);
    const document = await vscode.workspace.openTextDocument(dataset);
    assert.equal(document.getText(problem.range), '"three million"', 'the range is the bad value (line and column)');
    assert.equal(problem.range.start.line, document.getText().split('\n').findIndex((l) => l.includes('"three million"')));

    // The valid fact of the same file still checks drafts.
    const draft = await openUntitled(DRAFT);
    await waitForDiagnostics(draft.document.uri, (d) => d.some((x) => codeOf(x) === 'contradicted'), 'the valid fact used');

    // Fixing the file in the editor (not yet saved) clears its problems.
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.replace(problem.range, '3000000'));
    await waitForDiagnostics(dataset, (d) => d.length === 0, 'no problems after the fix', 15000, DATASET_SOURCE);
  });

  it('shows a JSON syntax error at its line and column', async () => {
    const text = '{\n  "version": 1,\n  "metadata": { "title": "Broken JSON", "asOf": "2026-02-01" }\n  "facts": []\n}\n';
    const dataset = await writeDataset('.factcheck/syntax.facts.json', text);
    const [problem] = await waitForDiagnostics(dataset, (d) => d.some((x) => /expected a comma/.test(x.message)), 'the syntax error reported', 15000, DATASET_SOURCE);
    assert.equal(codeOf(problem), 'dataset-syntax');
    assert.deepEqual([problem.range.start.line, problem.range.start.character], [3, 2], 'at "facts", where the comma is missing');
    const document = await vscode.workspace.openTextDocument(dataset);
    assert.equal(document.getText(problem.range), '"facts"');
  });

  it('reports an id that clashes with the bundled dataset in the user’s file', async () => {
    const dataset = await writeDataset('.factcheck/clash.facts.json', cityDesk(42).replace('"bus-lines-approved"', '"transferred-around-500"'));
    const [problem] = await waitForDiagnostics(dataset, (d) => d.some((x) => /transferred-around-500/.test(x.message)), 'the duplicate id reported', 15000, DATASET_SOURCE);
    assert.match(problem.message, /transferred-around-500/);
  });

  it('loads the files the draftFactCheck.datasets setting names', async () => {
    await writeDataset('data/desk.json', cityDesk(42));
    const restore = await setSetting('draftFactCheck', 'datasets', ['data/*.json']);
    try {
      const editor = await openUntitled(DRAFT);
      await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'contradicted'), 'the figure flagged from data/desk.json', 15000);
    } finally {
      await restore();
    }
  });

  it('cites with a link when the citation style asks for one and the source has an address', async () => {
    await writeDataset('.factcheck/city-desk.facts.json', cityDesk(42));
    const restore = await setSetting('draftFactCheck', 'citationStyle', 'link');
    try {
      const editor = await openUntitled(DRAFT);
      const uri = editor.document.uri;
      const [flag] = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'contradicted'), 'the figure flagged', 15000);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, flag.range, vscode.CodeActionKind.QuickFix.value);
      const link = actions.find((a) => /link to City Council/.test(a.title));
      assert.ok(link?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(link.edit));
      assert.equal(editor.document.getText(), 'The city council approved [42](https://example.org/minutes) new bus lines on Monday.');
    } finally {
      await restore();
    }
  });

  it('can do without the bundled dataset', async () => {
    const editor = await openFile('transfers.md');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d.length === 1, 'the figure flagged');
    const restore = await setSetting('draftFactCheck', 'useBundledDataset', false);
    try {
      await waitForDiagnostics(uri, (d) => d.length === 0, 'nothing flagged without the bundled dataset');
    } finally {
      await restore();
    }
    await waitForDiagnostics(uri, (d) => d.length === 1, 'flagged again with it');
  });
});
