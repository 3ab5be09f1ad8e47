/**
 * tokenize() reads ASCII by hand and hands over to TOKEN_RE at the first other character: its
 * tokens must be exactly TOKEN_RE's (the definition of a token) on any text.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { IRREGULAR, stem, stemUncached, TOKEN_RE, tokenize } from '../../src/core/text/tokens';

function byRegex(text: string): Array<[number, number, string]> {
  return [...text.matchAll(new RegExp(TOKEN_RE.source, TOKEN_RE.flags))].map((m) => [m.index, m.index + m[0].length, m[0].toLowerCase()]);
}

function byTokenize(text: string): Array<[number, number, string]> {
  return tokenize(text).map((t) => [t.start, t.end, t.lower]);
}

const pieces = fc.constantFrom('U', 'S', 'a', 'b', 'Z', '7', '0', '.', '.', "'", '’', ' ', ',', '-', '_', 'é', 'É', 'Ä', 'ß', 'İ', 'ſ', '٧', '😀', '𝐀', '\ud800', '\u200b', '“', '”', '‘', '‚', '‛', '—', '–', '…', '\u00a0', '\u2009', '\u202f', '\u2017', '\u201e', 'U.S.', "it's", 'Iraq’s', 'A.Ä.');

describe('tokenize', () => {
  it('gives TOKEN_RE’s tokens on text made of the characters that decide them (fast-check, fixed seed)', () => {
    fc.assert(fc.property(fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')), (text) => {
      assert.deepEqual(byTokenize(text), byRegex(text));
    }), { seed: 20261125, numRuns: 20000 });
  });

  it('gives each token the stem of its lower-cased form, for words met before in any case too', () => {
    const word = fc.array(fc.constantFrom('a', 'B', 'c', 'D', 'e', 'S', 's', 'i', 'N', 'g', '7', "'", '’', 'U.S.', 'ies'), { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
    // Many distinct words (the table of words grows several times), each met again in other cases.
    fc.assert(fc.property(fc.array(word, { maxLength: 12 }), (words) => {
      const text = [...words, ...words.map((w) => w.toUpperCase()), ...words.map((w) => w.toLowerCase())].join(' ');
      for (const t of tokenize(text)) {
        assert.equal(t.lower, text.slice(t.start, t.end).toLowerCase());
        assert.equal(t.stem, stem(t.lower));
      }
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

  it('stems as the regular expressions it was first written with (fast-check, fixed seed)', () => {
    const parts = fc.constantFrom('ies', 'ied', 'ing', 'ed', 'ss', 'us', 'sis', 'ches', 'shes', 'xes', 'zes', 'sses', 's', 'e', "'s", '’s', "s'", 's’', "'", 'bb', 'tt', 'll', 'pp', 'rr', 'a', 'b', 'o', 't', 'r', 'I', 'S', 'É', 'İ', '7', 'said', 'u.s.', 'constructor', 'flown', 'transfer', 'stop');
    fc.assert(fc.property(fc.array(parts, { maxLength: 6 }).map((p) => p.join('')), (w) => {
      assert.equal(stemUncached(w), referenceStem(w), w);
      assert.equal(stem(w), referenceStem(w), w);
    }), { seed: 20261125, numRuns: 50000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (w) => {
      assert.equal(stemUncached(w), referenceStem(w), w);
    }), { seed: 20261125, numRuns: 10000 });
  });
});

/** The stemmer as it was first written, with regular expressions. */
function referenceStem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/u, '').replace(/s['’]$/u, 's');
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (/(?:ss|us|sis)$/.test(w)) { /* keep */ }
  else if (/(?:ches|shes|xes|zes|sses)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s')) w = w.slice(0, -1);
  if (/([bdfgklmnprt])\1$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}
