/**
 * The nesting guard's inline pass (markdown-guard.ts limitInline) reads character codes; it must
 * blank exactly what the version that read one-character strings blanked, on text that crosses its
 * limits and text that does not.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { limitInline, MAX_INLINE_DEPTH } from '../../src/core/markdown-guard';

describe('limitInline', () => {
  it('blanks what the string-reading version blanked (fast-check, fixed seed)', () => {
    const pieces = fc.constantFrom('*', '**', '*'.repeat(40), '_', '__', '_'.repeat(70), '~', '~~', '[', '['.repeat(30), ']', ']'.repeat(30), '\\', '\\*', 'a', 'word', ' ', ' ', '\n', '\n\n', '\r\n', '\r', '\n \t\n', '.', '!', '(', '“', 'é', '😀', '\ud800');
    let changed = 0;
    fc.assert(fc.property(fc.array(pieces, { maxLength: 120 }).map((p) => p.join('')), (t) => {
      const out = limitInline(t);
      if (out !== t) changed++;
      assert.equal(out, referenceLimitInline(t));
    }), { seed: 20261125, numRuns: 5000 });
    assert.ok(changed > 200, `only ${changed} texts crossed the limits: the test would prove little`);
  });
});

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isPunctuation = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c);

/** limitInline as first written, reading one-character strings. */
function referenceLimitInline(source: string): string {
  let chars: string[] | undefined;
  const blank = (from: number, to: number) => {
    chars ??= source.split('');
    for (let k = from; k < to; k++) chars[k] = ' ';
  };
  const open: Record<string, number> = { '*': 0, _: 0, '~': 0, '[': 0 };
  const unmatched: Record<string, number> = { '*': 0, _: 0, '~': 0, ']': 0 };
  for (let i = 0; i < source.length;) {
    const c = source[i];
    if (c === '\\') { i += 2; continue; }
    if (c === '\n' || c === '\r') {
      let j = c === '\r' && source[i + 1] === '\n' ? i + 2 : i + 1;
      while (j < source.length && (source[j] === ' ' || source[j] === '\t')) j++;
      if (j >= source.length || source[j] === '\n' || source[j] === '\r') {
        for (const k in open) open[k] = 0;
        for (const k in unmatched) unmatched[k] = 0;
      }
      i++;
      continue;
    }
    if (c === '*' || c === '_' || c === '~') {
      let j = i;
      while (j < source.length && source[j] === c) j++;
      const before = source[i - 1], after = source[j];
      const left = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
      const right = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
      const run = j - i;
      if (left && !right) {
        const room = Math.max(0, MAX_INLINE_DEPTH - open[c]);
        if (run > room) blank(i, j - room);
        open[c] += Math.min(run, room);
      } else if (right && !left) {
        if (open[c] === 0 && ++unmatched[c] > MAX_INLINE_DEPTH) blank(i, j);
        open[c] = Math.max(0, open[c] - run);
      }
      i = j;
      continue;
    }
    if (c === '[') {
      if (open['['] >= MAX_INLINE_DEPTH) blank(i, i + 1);
      else open['[']++;
    } else if (c === ']') {
      if (open['['] === 0 && ++unmatched[']'] > MAX_INLINE_DEPTH) blank(i, i + 1);
      open['['] = Math.max(0, open['['] - 1);
    }
    i++;
  }
  return chars ? chars.join('') : source;
}
