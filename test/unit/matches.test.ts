/**
 * allMatches (text/matches.ts) reads the extractors' regular expressions without matchAll's copy:
 * it must give exactly matchAll's matches, and leave the expression as it found it.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { allMatches } from '../../src/core/text/matches';
import { DMY_RE, DURATION_RE, MDY_RE } from '../../src/core/extract/dates';
import { VAGUE_RE, WORD_NUMBER_RE } from '../../src/core/extract/numbers';

const pieces = fc.constantFrom('January', 'Jan.', '21', '2026', '2026-01-21', ' ', ' ', ', ', '. ', 'about', 'five', 'hundred', 'dozens', 'of', 'thousands', 'years', 'a', 'week',
  'but', ';', ' — ', '7,000', '400–500', 'between', 'and', '“', '”', '"', 'é', 'ſ', '\u212a', '😀', '\u00a0', '1.5', 'k', 'million');
const text = fc.array(pieces, { maxLength: 20 }).map((p) => p.join(''));

const expressions = [DMY_RE, DURATION_RE, MDY_RE, VAGUE_RE, WORD_NUMBER_RE, /“([^“”]+)”/g, /(?<![\p{L}\p{N}])(\d+)(?:,\d{3})*/gu, /\b(?:but|yet)\b|;|\s[—–]\s/gi, /[\p{L}]+/gu, /\d{4}/g];

describe('allMatches', () => {
  it('gives matchAll’s matches (index, text, groups) on random text (fast-check, fixed seed)', () => {
    let found = 0;
    fc.assert(fc.property(text, (t) => {
      for (const re of expressions) {
        const expected = [...t.matchAll(re)].map((m) => [m.index, ...m]);
        found += expected.length;
        assert.deepEqual(allMatches(re, t).map((m) => [m.index, ...m]), expected, `${re} on ${JSON.stringify(t)}`);
        assert.equal(re.lastIndex, 0);
      }
    }), { seed: 20261125, numRuns: 5000 });
    assert.ok(found > 10_000, `only ${found} matches: the test would prove little`);
  });
});
