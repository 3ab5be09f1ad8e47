/**
 * tokenize() reads ASCII by hand and hands over to TOKEN_RE at the first other character: its
 * tokens must be exactly TOKEN_RE's (the definition of a token) on any text.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TOKEN_RE, tokenize } from '../../src/core/text/tokens';

function byRegex(text: string): Array<[number, number, string]> {
  return [...text.matchAll(new RegExp(TOKEN_RE.source, TOKEN_RE.flags))].map((m) => [m.index, m.index + m[0].length, m[0].toLowerCase()]);
}

function byTokenize(text: string): Array<[number, number, string]> {
  return tokenize(text).map((t) => [t.start, t.end, t.lower]);
}

const pieces = fc.constantFrom('U', 'S', 'a', 'b', 'Z', '7', '0', '.', '.', "'", '’', ' ', ',', '-', '_', 'é', 'É', 'Ä', 'ß', 'İ', 'ſ', '٧', '😀', '𝐀', '\ud800', '\u200b', 'U.S.', "it's", 'Iraq’s', 'A.Ä.');

describe('tokenize', () => {
  it('gives TOKEN_RE’s tokens on text made of the characters that decide them (fast-check, fixed seed)', () => {
    fc.assert(fc.property(fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')), (text) => {
      assert.deepEqual(byTokenize(text), byRegex(text));
    }), { seed: 20261125, numRuns: 20000 });
  });

  it('gives TOKEN_RE’s tokens on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
      assert.deepEqual(byTokenize(text), byRegex(text));
    }), { seed: 20261125, numRuns: 5000 });
  });

  it('reads initialisms, possessives and numbers as news copy writes them', () => {
    assert.deepEqual(byTokenize('The U.S. moved Iraq’s 7,000 (it\'s A.B)'), [
      [0, 3, 'the'], [4, 8, 'u.s.'], [9, 14, 'moved'], [15, 21, 'iraq’s'], [22, 23, '7'], [24, 27, '000'], [29, 33, "it's"], [34, 35, 'a'], [36, 37, 'b'],
    ]);
  });
});
