/**
 * The hand-read sentence rules (text/sentence-rules.ts) must give exactly ICU's boundaries
 * (Intl.Segmenter, the runtime's own ICU) on every text made of the characters they know, and the
 * splitter built on them the sentences it gives with ICU alone.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { hasKnownSentenceClasses, sentenceBreaks } from '../../src/core/text/sentence-rules';
import { isSpace, splitSentences } from '../../src/core/text/sentences';

const SEED = 20261125;
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

function icuBreaks(text: string, from = 0, end = text.length): number[] {
  return [...segmenter.segment(text.slice(from, end))].map((s) => from + s.index + s.segment.length);
}

function handBreaks(text: string, from = 0, end = text.length): number[] {
  const out: number[] = [];
  sentenceBreaks(text, from, end, out);
  return out;
}

/** Every character the rules know (they are few: ASCII, Latin-1 letters, curly quotes, dashes). */
const KNOWN: string[] = [];
for (let c = 0; c < 0x10000; c++) if (hasKnownSentenceClasses(String.fromCharCode(c))) KNOWN.push(String.fromCharCode(c));

// What decides a boundary, weighted towards it: terminal marks, closing punctuation, spaces, letters
// of both cases, digits, continuation marks, line breaks, and the pieces drafts are made of.
const pieces = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('.', '.', '?', '!', ' ', ' ', ' ', '\u00a0', '\t', '"', "'", ')', '(', ']', '’', '”', '‘', '“', ',', ';', ':', '-', '–', '—', '\n', '\r', '\r\n') },
  { weight: 4, arbitrary: fc.constantFrom('a', 'b', 'x', 'A', 'B', 'Z', '7', '0', 'é', 'É', 'ß', 'Ö', 'ÿ', 'Þ', '_', '#', '%', '*', '/', '&') },
  { weight: 2, arbitrary: fc.constantFrom('U.S.', 'U.S', 'Jan.', 'Gen.', 'No.', '3.5', '7,000', 'e.g.', 'etc.', '...', '?!', '." ', '.” ', '.) ', ' the', ' The', ' 2026') },
  { weight: 1, arbitrary: fc.constantFrom(...KNOWN) },
);
const text = fc.array(pieces, { maxLength: 40 }).map((p) => p.join(''));

describe('Sentence rules read by hand', () => {
  it('know ASCII (bar control characters), Latin-1 letters, curly quotes and dashes, and nothing else', () => {
    assert.equal(KNOWN.length, 95 + 3 + 1 + 62 + 6);
    assert.ok(hasKnownSentenceClasses('The U.S. said “7,000” — Zürich.\n'));
    for (const other of ['\u00ad', '\u2026', '\u0085', '\u2028', '\u00d7', '¿', '\u0000', '😀', '\u0964']) assert.ok(!hasKnownSentenceClasses(`a${other}`), other);
  });

  it('give ICU’s boundaries on random text of the characters they know (fast-check, fixed seed)', () => {
    fc.assert(fc.property(text, (t) => {
      assert.deepEqual(handBreaks(t), icuBreaks(t));
    }), { seed: SEED, numRuns: 100_000 });
  });

  it('give ICU’s boundaries on a slice of a text, as ICU sees the slice alone', () => {
    fc.assert(fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
      const from = a % (t.length + 1), end = from + (b % (t.length - from + 1));
      assert.deepEqual(handBreaks(t, from, end), icuBreaks(t, from, end));
    }), { seed: SEED, numRuns: 20_000 });
  });

  it('give ICU’s boundaries in each context around each character they know', () => {
    const contexts = ['a. X b', 'a.X', 'a X. b', 'A.X', 'a? X b', 'a.X b', 'a. X', 'a.\u00a0X b', 'a. ( b', '1.X', 'a! X', 'X. . b', 'a.) X c', 'a. X\nb', 'X'];
    for (const c of KNOWN) for (const ctx of contexts) {
      const t = ctx.replace(/X/g, c);
      assert.deepEqual(handBreaks(t), icuBreaks(t), JSON.stringify(t));
    }
  });

  it('split long texts (several of ICU’s windows) as ICU does', () => {
    const sentence = fc.array(pieces, { minLength: 1, maxLength: 60 }).map((p) => p.join(''));
    fc.assert(fc.property(fc.array(sentence, { minLength: 50, maxLength: 200 }).map((s) => s.join(' ')), (t) => {
      assert.deepEqual(splitSentences(t), splitSentences(t, false));
    }), { seed: SEED, numRuns: 300 });
  });

  it('isSpace is /\\s/ on every UTF-16 code unit', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isSpace(c), /\s/.test(String.fromCharCode(c)), c.toString(16));
  });
});
