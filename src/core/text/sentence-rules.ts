/**
 * Unicode's sentence boundary rules (UAX #29, SB1–SB11) read by hand, for text made only of the
 * characters whose Sentence_Break class is listed below: ASCII without control characters other
 * than tab, LF and CR, the no-break space, the Latin-1 letters, curly quotes and en and em dashes —
 * what news drafts are made of. It gives the boundaries Intl.Segmenter (ICU) gives on such text, in
 * a fraction of the time (test/unit/sentence-rules.test.ts compares the two on random text made of
 * these characters); any other character and the caller asks ICU.
 */

const enum SB {
  Other, Sp, Lower, Upper, Numeric, ATerm, STerm, Close, SContinue, CR, LF,
  /** A character whose class this module does not know: ask ICU. */
  Unknown,
}

/** Classes of U+0000–U+00FF. */
const LATIN1 = new Uint8Array(256).fill(SB.Unknown);
for (let c = 0x20; c < 0x7f; c++) LATIN1[c] = SB.Other;
LATIN1[0x09] = LATIN1[0x20] = LATIN1[0xa0] = SB.Sp;
LATIN1[0x0a] = SB.LF;
LATIN1[0x0d] = SB.CR;
for (let c = 0x61; c <= 0x7a; c++) LATIN1[c] = SB.Lower;
for (let c = 0x41; c <= 0x5a; c++) LATIN1[c] = SB.Upper;
for (let c = 0x30; c <= 0x39; c++) LATIN1[c] = SB.Numeric;
// À–Þ upper case (but × U+00D7), ß–ÿ lower case (but ÷ U+00F7).
for (let c = 0xc0; c <= 0xde; c++) if (c !== 0xd7) LATIN1[c] = SB.Upper;
for (let c = 0xdf; c <= 0xff; c++) if (c !== 0xf7) LATIN1[c] = SB.Lower;
LATIN1[0x2e] = SB.ATerm;
LATIN1[0x21] = LATIN1[0x3f] = SB.STerm;
for (const c of '"\'()[]{}') LATIN1[c.charCodeAt(0)] = SB.Close;
for (const c of ',-:') LATIN1[c.charCodeAt(0)] = SB.SContinue;
// The semicolon is SContinue since Unicode 15.1 (ICU 74), Other before: ICU is asked once which.
let semicolonClassKnown = false;

function learnSemicolonClass(): void {
  semicolonClassKnown = true;
  const segments = [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment('a. ;')].length;
  LATIN1[0x3b] = segments === 1 ? SB.SContinue : SB.Other;
}

function classOf(code: number): SB {
  if (code < 256) return LATIN1[code];
  if (code === 0x2018 || code === 0x2019 || code === 0x201c || code === 0x201d) return SB.Close;
  if (code === 0x2013 || code === 0x2014) return SB.SContinue;
  return SB.Unknown;
}

/** Whether every character of `text` is one this module knows the class of. */
export function hasKnownSentenceClasses(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (classOf(text.charCodeAt(i)) === SB.Unknown) return false;
  return true;
}

/**
 * The sentence boundaries of `text.slice(from, end)` as ICU finds them in that slice (its end
 * included, its start not), as offsets into `text`, appended to `out`. Every character in the slice
 * must be one {@link hasKnownSentenceClasses} accepts.
 */
export function sentenceBreaks(text: string, from: number, end: number, out: number[]): void {
  if (!semicolonClassKnown) learnSemicolonClass();
  const cls = (i: number) => classOf(text.charCodeAt(i));
  let last = from;
  const brk = (at: number) => { out.push(at); last = at; };
  for (let i = from; i < end;) {
    const c = cls(i);
    // SB3, SB4: a break after a paragraph separator, CR LF being one.
    if (c === SB.CR) { i += i + 1 < end && cls(i + 1) === SB.LF ? 2 : 1; brk(i); continue; }
    if (c === SB.LF) { brk(++i); continue; }
    if (c !== SB.ATerm && c !== SB.STerm) { i++; continue; }
    let j = i + 1;
    if (c === SB.ATerm && j < end) {
      const next = cls(j);
      // SB6: "3.5"; SB7: "U.S" (a letter, a full stop, an upper-case letter).
      if (next === SB.Numeric) { i = j; continue; }
      if (next === SB.Upper && i > from && (cls(i - 1) === SB.Upper || cls(i - 1) === SB.Lower)) { i = j; continue; }
    }
    // SB9, SB10: no break inside the closing punctuation and spaces after the terminal mark.
    while (j < end && cls(j) === SB.Close) j++;
    while (j < end && cls(j) === SB.Sp) j++;
    if (j >= end) break;
    const next = cls(j);
    // SB11 after the paragraph separator (the loop breaks there).
    if (next === SB.CR || next === SB.LF) { i = j; continue; }
    // SB8: a full stop followed, after anything but letters and terminal marks, by a lower-case letter.
    if (c === SB.ATerm && lowerFollows(text, j, end)) { i = j; continue; }
    // SB8a: a comma, colon, dash or another terminal mark continues the sentence.
    if (next === SB.SContinue || next === SB.ATerm || next === SB.STerm) { i = j; continue; }
    brk(j); // SB11
    i = j;
  }
  if (last < end) out.push(end);
}

/** SB8's look-ahead: the first letter, terminal mark or separator from `at` on is a lower-case letter. */
function lowerFollows(text: string, at: number, end: number): boolean {
  for (let k = at; k < end; k++) {
    const c = classOf(text.charCodeAt(k));
    if (c === SB.Lower) return true;
    if (c === SB.Upper || c === SB.ATerm || c === SB.STerm || c === SB.CR || c === SB.LF) return false;
  }
  return false;
}
