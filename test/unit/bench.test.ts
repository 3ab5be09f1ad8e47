/**
 * Keeps `npm run bench` working: its generators and core loop on a tiny input. No timing is
 * asserted (the suite runs on loaded machines); only that the loop runs and finds claims.
 */
import * as assert from 'node:assert/strict';
import { BUNDLED, check, loadIndex, measure, typingSession, verdictCounts } from '../../bench/core';
import { generateDataset } from '../../bench/dataset';
import { countWords, generateDraft } from '../../bench/draft';

describe('benchmark core loop', () => {
  it('generates the same draft for the same seed, of about the asked length', () => {
    const a = generateDraft(300, 5);
    assert.equal(a, generateDraft(300, 5));
    assert.ok(countWords(a) >= 300 && countWords(a) < 800, `${countWords(a)} words`);
  });

  it('generates a valid dataset of exactly the asked number of facts', () => {
    const text = generateDataset(60, 9);
    const { index, problems } = loadIndex([BUNDLED, { file: 'generated.facts.json', text }]);
    assert.equal(problems, 0);
    assert.equal(index.size, 48 + 60);
  });

  it('checks drafts, re-checks after typing and reports medians', () => {
    const draft = generateDraft(400, 11);
    const { index } = loadIndex([BUNDLED, { file: 'generated.facts.json', text: generateDataset(40, 3) }]);
    const result = check(draft, index);
    assert.ok(result.findings.length > 0, 'no claims recognised in the generated draft');
    assert.ok(Object.keys(verdictCounts(result)).length > 0);
    const session = typingSession(draft, 3);
    assert.equal(session.length, 3);
    assert.equal(session[2].length, draft.length + 3);
    const stats = measure((i) => check(session[Math.max(0, i)], index), { warmup: 1, runs: 3 });
    assert.equal(stats.runs, 3);
    assert.ok(stats.min <= stats.median && stats.median <= stats.max);
  });
});
