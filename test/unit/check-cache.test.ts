/**
 * Re-checks reuse the findings of unchanged blocks (check.ts) and the parse of unchanged chunks
 * (markdown.ts). Whatever a writer types, a re-check must give exactly what a fresh check of the
 * same text gives: same findings, offsets, messages and fixes, in the same order.
 *
 * If this fails after a change to the matching code, a judge probably reads something outside its
 * block that the cache key in check.ts does not cover: add it to the key.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDocument, clearCheckCaches } from '../../src/core/check';
import { BUNDLED, loadIndex, typingSession } from '../../bench/core';
import { generateDataset } from '../../bench/dataset';
import { generateDraft } from '../../bench/draft';
import type { FactIndex } from '../../src/core/dataset/fact-index';

const repoRoot = path.resolve(__dirname, '../../..');
const bundled = loadIndex([BUNDLED]).index;
const withGenerated = loadIndex([BUNDLED, { file: 'generated.facts.json', text: generateDataset(300, 5) }]).index;

function fresh(text: string, index: FactIndex, options = {}) {
  clearCheckCaches();
  return checkDocument(text, index, options);
}

/** Checks each text after the one before it (caches warm), against a fresh check. */
function session(texts: readonly string[], index: FactIndex, what: string, options = {}): void {
  clearCheckCaches();
  const warm = texts.map((t) => checkDocument(t, index, options));
  texts.forEach((t, i) => assert.deepEqual(warm[i], fresh(t, index, options), `${what}, step ${i}`));
}

/** The text with `insert` typed at `at`. */
const typed = (text: string, at: number, insert: string) => text.slice(0, at) + insert + text.slice(at);

function golden(): Array<[string, string]> {
  const dir = path.join(repoRoot, 'test/fixtures/golden');
  const ws = path.join(repoRoot, 'test/fixtures/workspace');
  return [dir, ws].filter((d) => fs.existsSync(d)).flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.md')).map((f): [string, string] => [f, fs.readFileSync(path.join(d, f), 'utf8')]));
}

describe('re-checks with cached blocks', function () {
  this.timeout(120_000);

  it('give what fresh checks give over a typing session in a generated draft', () => {
    const base = generateDraft(2500, 21);
    session([base, ...typingSession(base, 12, 5)], bundled, 'bundled dataset');
    session([base, ...typingSession(base, 6, 6)], withGenerated, 'with a generated dataset');
  });

  it('give what fresh checks give when the edit changes something the whole document shares', () => {
    for (const [name, text] of [['generated', generateDraft(1500, 22)], ...golden()]) {
      const mid = text.indexOf('\n\n', Math.floor(text.length / 2)) + 2;
      const steps = [
        text,
        typed(text, mid, 'Hisham al-Alawi said so.\n\n'), // a new speaker before later quotes
        typed(text, mid, '“Quote,” he said.\n\n'), // curly quotes (fix typography) and a pronoun speaker
        `${text}\n[^fc-transferred-around-500]: Defined.\n`, // a footnote label defined (citation fixes change)
        text.replace(/\n*$/, ''), // no newline at the end (where a footnote definition goes)
        `${text}\n\n\n`,
        typed(text, 0, 'Seven sources said 7,000 detainees were moved on January 25.\n\n'), // every block moves
        typed(text, mid, '<!-- fact-check-ignore -->\n'),
        `<!-- fact-check-ignore-file transferred-around-500 -->\n${text}`,
        text,
      ];
      session(steps, bundled, name);
    }
  });

  it('give what fresh checks give when only the context of an unchanged block changes', () => {
    const quote = '“It’s a trap,” he said of the transfers.\n';
    // The same quote block after another speaker ("he" is the last person named before it).
    session([`Marco Rubio spoke on Monday.\n\n${quote}`, `Letta Tayler spoke on Monday.\n\n${quote}`, `A senior Iraqi judicial source spoke.\n\n${quote}`], bundled, 'speaker');
    // The same prose with the figure emphasised or not: same text, characters elsewhere.
    const plain = 'The U.S. has now transferred 7,000 detainees from Syria to Iraq, officials said.\n';
    session([plain.replace('7,000', '**7,000**'), plain, plain.replace('Syria', '*Syria*'), plain], bundled, 'emphasis');
  });

  it('give what fresh checks give with ignored facts and a length limit', () => {
    const text = generateDraft(1200, 23);
    session([text, typed(text, 200, 'x'), text], bundled, 'ignored ids', { ignoredFactIds: new Set(['transferred-around-500', 'expected-to-move-7000']) });
    session([text, typed(text, 200, 'x'), text], bundled, 'max length', { maxLength: 3000 });
  });
});
