/**
 * The quick tests that let the extractors skip their long regex scans (text/words.ts) and the
 * sentence splitter skip ICU must never skip a sentence the scan would have matched: for arbitrary
 * text made of the words they look for, the characters that fold onto them under the `i`/`iu` flags
 * ("ſ", "K"), word characters next to them ("_", digits) and punctuation, whenever a regex matches,
 * the quick test says "maybe". And text ICU is not asked about is split as ICU splits it.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { boundedWords, hasAnyWord, hasAnyWordStartingWith } from '../../src/core/text/words';
import { splitSentences } from '../../src/core/text/sentences';
import { NUMBER_WORDS, VAGUE_LAST_WORDS, VAGUE_RE, WORD_NUMBER_RE } from '../../src/core/extract/numbers';
import { DMY_RE, DURATION_RE, DURATION_UNITS, MDY_RE, startsLikeMonth } from '../../src/core/extract/dates';
import { ACCORDING, ACCORDING_WORD, INVERTED, LEADING, SPEECH_VERB_WORDS, TRAILING_SEGMENT } from '../../src/core/extract/attribution';
import { COUNTRY_RE, PLACE_LAST_WORDS } from '../../src/core/match/places';

const SEED = 20261125;
const RUNS = 4000;

const words = ['several', 'dozen', 'dozens', 'a', 'few', 'handful', 'tens', 'of', 'thousands', 'hundreds', 'scores', 'millions', 'twenty', 'five', 'hundred', 'and',
  'January', 'Jan.', 'Sept', 'March', 'May', 'day', 'days', 'week', 'decade', 'years', 'nearly', 'more than',
  'said', 'told', 'reporters', 'put the figure at', 'according', 'to', 'according to officials', 'estimated', '21', '3', '2026',
  'Iraq', "Iraq's", 'Syria', 'United', 'States', 'The Hague', 'Danish', 'Copenhagen', 'officials', 'the'];
const glue = [' ', ' ', ' ', ', ', '. ', '-', '_', '7', '21', '2026', "'", '’', 'é', 'ſ', '\u212a', 'x', '“', '”', ' — ', ';'];
const glueOrSpace = fc.oneof({ weight: 3, arbitrary: fc.constant(' ') }, { weight: 2, arbitrary: fc.constantFrom(...glue) });
const text = fc.array(fc.tuple(fc.constantFrom(...words), glueOrSpace), { maxLength: 12 }).map((parts) => parts.flat().join(''));

function matches(re: RegExp, t: string): boolean {
  return new RegExp(re.source, re.flags.replace('g', '')).test(t);
}

describe('Quick tests before the long scans', () => {
  it('boundedWords: lower-cased runs of \\w, with ſ and K folded as the iu flags fold them', () => {
    assert.deepEqual([...boundedWords('Iraq’s 7,000 _x a-b')], ['iraq', 's', '7', '000', '_x', 'a', 'b']);
    // Both views: "ſ" and "K" end a word for the `i` flag and fold into one for `iu`.
    assert.deepEqual([...boundedWords('ſeveral \u212aabul')].sort(), ['abul', 'everal', 'kabul', 'several']);
    assert.equal(hasAnyWord('In Iraq5 today', new Set(['iraq'])), false);
    assert.equal(hasAnyWord('In Iraq, today', new Set(['iraq'])), true);
  });

  it('hasAnyWord and hasAnyWordStartingWith answer what boundedWords says, for every set asked about', () => {
    const sets = [VAGUE_LAST_WORDS, NUMBER_WORDS, DURATION_UNITS, SPEECH_VERB_WORDS, ACCORDING_WORD, PLACE_LAST_WORDS, new Set(['iraq', 'Iraq', '_x', '7', 'a few', ''])];
    const prefixSets = [new Set(['jan', 'sep', 'dec']), new Set(['i', 'sev', 'hundred', '2']), new Set(['Ja', 'x_'])];
    const chars = fc.constantFrom(...words, ...glue, 'JAN', 'Septembre', 'iraqi', 'IRAQ', 'k', 'K', 'S', 's', 'A');
    fc.assert(fc.property(fc.array(chars, { maxLength: 16 }).map((p) => p.join('')), (t) => {
      const all = [...boundedWords(t)];
      for (const set of sets) assert.equal(hasAnyWord(t, set), all.some((w) => set.has(w)), t);
      for (const set of prefixSets) assert.equal(hasAnyWordStartingWith(t, set), all.some((w) => [...set].some((p) => w.startsWith(p))), t);
    }), { seed: SEED, numRuns: RUNS * 5 });
    // One set asked about both ways answers each way.
    const both = new Set(['sev', 'iraq']);
    assert.equal(hasAnyWord('several in Iraq', both), true);
    assert.equal(hasAnyWord('several in Iraqi', both), false);
    assert.equal(hasAnyWordStartingWith('several in Iraqi', both), true);
    assert.equal(hasAnyWord('several in Iraqi', both), false);
    // Sets past the bits given out are read the slow way, with the same answers.
    for (let i = 0; i < 40; i++) {
      assert.equal(hasAnyWord('In Iraq, today', new Set(['iraq'])), true);
      assert.equal(hasAnyWordStartingWith('In Iraq, today', new Set(['ira'])), true);
      assert.equal(hasAnyWordStartingWith('In Ira5 today', new Set(['iraq'])), false);
    }
  });

  const cases: Array<[string, RegExp[], (t: string) => boolean]> = [
    ['vague quantities', [VAGUE_RE], (t) => hasAnyWord(t, VAGUE_LAST_WORDS)],
    ['numbers in words', [WORD_NUMBER_RE], (t) => hasAnyWord(t, NUMBER_WORDS)],
    ['durations', [DURATION_RE], (t) => hasAnyWord(t, DURATION_UNITS)],
    ['dates with a month', [MDY_RE, DMY_RE], (t) => startsLikeMonth(t)],
    ['attributions with a speech verb', [INVERTED, LEADING, TRAILING_SEGMENT], (t) => hasAnyWord(t, SPEECH_VERB_WORDS)],
    ['"according to"', [ACCORDING], (t) => hasAnyWord(t, ACCORDING_WORD)],
    ['countries and capitals', [COUNTRY_RE], (t) => hasAnyWord(t, PLACE_LAST_WORDS)],
  ];
  for (const [name, regexes, quick] of cases) {
    it(`${name}: never skipped when the scan matches`, () => {
      let matched = 0;
      fc.assert(fc.property(text, (t) => {
        if (!regexes.some((re) => matches(re, t))) return true;
        matched++;
        return quick(t);
      }), { seed: SEED, numRuns: RUNS });
      assert.ok(matched > 50, `only ${matched} generated texts matched: the test would prove little`);
    });
  }

  it('text without a full stop, terminal mark or line break is split as ICU splits it', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    const chars = fc.constantFrom('a', 'B', ' ', '‘', '’', '“', '”', '–', '—', '\u00a0', 'é', 'Ö', '7', ',', ';', ':', '(', '"', '\t');
    fc.assert(fc.property(fc.array(chars, { minLength: 1, maxLength: 40 }).map((c) => c.join('')), (t) => {
      const icu = [...segmenter.segment(t)].map((s) => {
        let start = s.index, end = s.index + s.segment.length;
        while (start < end && /\s/.test(t[start])) start++;
        while (end > start && /\s/.test(t[end - 1])) end--;
        return { start, end };
      }).filter((r) => r.end > r.start);
      assert.deepEqual(splitSentences(t), icu);
    }), { seed: SEED, numRuns: RUNS });
  });
});
