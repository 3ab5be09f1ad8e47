/**
 * Sentence boundaries with Intl.Segmenter (ICU's rules, no dependency; read by hand on the
 * characters drafts are made of, sentence-rules.ts), then repaired where ICU
 * splits after an abbreviation a news draft is full of: "U.S. Secretary", "Jan. 21", "Gen. Smith".
 */
import { hasKnownSentenceClasses, sentenceBreaks } from './sentence-rules';

export interface SentenceRange {
  start: number;
  end: number;
}

const ABBREVIATION_END = /(?:\b(?:[A-Z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Sen|Rep|Gov|Pres|St|Jr|Sr|No|Nos|Vol|vs|etc|approx|Inc|Ltd|Co|Corp|Dept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.)\s*$/;

let segmenter: Intl.Segmenter | undefined;

/**
 * ICU's segment iterator costs time in proportion to the whole text at every step (Node 20: a 1 MB
 * paragraph of 19,000 sentences took 19 s), so it reads windows of about WINDOW characters, each
 * starting at a sentence boundary, and keeps the boundaries at least WINDOW_MARGIN before the
 * window's end, where the cut cannot have changed ICU's decision.
 */
const WINDOW = 4096;
const WINDOW_MARGIN = 256;

/** Longer sentences (a pasted table, figures with no full stops) are cut at a space, so that the
 *  work per sentence stays bounded; no sentence of prose is this long. */
export const MAX_SENTENCE = 1000;

/**
 * Text ICU cannot split: no full stop, terminal mark or paragraph separator (UAX #29 breaks a
 * sentence only after those), only ASCII and a few characters known to be none of them (curly
 * quotes, en and em dashes, no-break space, Latin-1 letters). Table cells, headings and list items
 * are mostly like this; they are one sentence without asking ICU.
 */
const UNSPLITTABLE = /^[^.!?\r\n\u0080-\uffff]*(?:[\u2018\u2019\u201c\u201d\u2013\u2014\u00a0\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff][^.!?\r\n\u0080-\uffff]*)*$/;

function icuSentences(text: string, readByHand: boolean): SentenceRange[] {
  // Text made of the characters drafts are made of is split by hand, by ICU's rules (sentence-rules.ts).
  const byHand = readByHand && hasKnownSentenceClasses(text);
  if (!byHand && UNSPLITTABLE.test(text)) return text.length ? [{ start: 0, end: text.length }] : [];
  const out: SentenceRange[] = [];
  const ends: number[] = [];
  for (let from = 0, size = WINDOW; from < text.length;) {
    const end = Math.min(text.length, from + size);
    const last = end === text.length;
    let next = from;
    if (byHand) {
      // The same windows as ICU's: the hand splitter gives what ICU gives on each.
      ends.length = 0;
      sentenceBreaks(text, from, end, ends);
      for (const e of ends) {
        if (!last && e > end - WINDOW_MARGIN) break;
        out.push({ start: next, end: e });
        next = e;
      }
    } else {
      segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
      for (const s of segmenter.segment(text.slice(from, end))) {
        const e = from + s.index + s.segment.length;
        if (!last && e > end - WINDOW_MARGIN) break;
        out.push({ start: from + s.index, end: e });
        next = e;
      }
    }
    if (last) break;
    if (next === from) size *= 2; // one long sentence: a wider window
    else { from = next; size = WINDOW; }
  }
  return out;
}

/** Does the range end with an abbreviation ("U.S.", "Jan.")? Only its last characters are read. */
function endsWithAbbreviation(text: string, r: SentenceRange): boolean {
  let e = r.end;
  while (e > r.start && isSpace(text.charCodeAt(e - 1))) e--;
  // Every abbreviation ends with its full stop.
  return e > r.start && text.charCodeAt(e - 1) === 46 && ABBREVIATION_END.test(text.slice(Math.max(r.start, e - 64), e));
}

/** Cuts a range longer than MAX_SENTENCE at the last whitespace of its second half (or hard). */
function capLength(text: string, r: SentenceRange, out: SentenceRange[]): void {
  let start = r.start;
  while (r.end - start > MAX_SENTENCE) {
    let cut = start + MAX_SENTENCE;
    while (cut > start + MAX_SENTENCE / 2 && !isSpace(text.charCodeAt(cut))) cut--;
    if (cut <= start + MAX_SENTENCE / 2) cut = start + MAX_SENTENCE;
    if (/[\uDC00-\uDFFF]/.test(text[cut])) cut--; // never inside a surrogate pair
    out.push({ start, end: cut });
    start = cut;
  }
  out.push({ start, end: r.end });
}

/** A terminal mark, closing quotes, space and a digit (the digit is not part of the match). */
const NUMERAL_AFTER_STOP = /[.!?]["”’)]*\s+(?=\d)/;

/** ICU does not end a sentence before a numeral ("… had arrived. 7,000 were expected"); news copy
 *  does. Split there, unless the full stop ends an abbreviation ("No. 5", "Jan. 21"). */
function splitBeforeNumerals(text: string, r: SentenceRange, out: SentenceRange[]): void {
  const re = new RegExp(NUMERAL_AFTER_STOP.source, 'g');
  re.lastIndex = r.start;
  let start = r.start;
  for (let m = re.exec(text); m && m.index < r.end; m = re.exec(text)) {
    const cut = m.index + m[0].length;
    if (cut >= r.end) break;
    const piece = { start, end: m.index + 1 };
    if (endsWithAbbreviation(text, piece) || /\d[.]$/.test(text.slice(Math.max(start, m.index - 1), m.index + 1))) continue;
    out.push({ start, end: cut });
    start = cut;
  }
  out.push({ start, end: r.end });
}

/** Splits prose into sentences; ranges are offsets into `text`, trimmed of surrounding space.
 *  `readByHand` false asks ICU itself whatever the text (the reference the tests compare with). */
export function splitSentences(text: string, readByHand = true): SentenceRange[] {
  // The ranges are this function's own from icuSentences on: each step changes them in place, and
  // makes new arrays only where it splits.
  const merged: SentenceRange[] = [];
  for (const r of icuSentences(text, readByHand)) {
    const prev = merged[merged.length - 1];
    if (prev && endsWithAbbreviation(text, prev) && !/^\s*\n/.test(text.slice(r.start, r.end))) prev.end = r.end;
    else merged.push(r);
  }
  // Most blocks have no terminal mark before a numeral: nothing to split.
  let split = merged;
  if (NUMERAL_AFTER_STOP.test(text)) {
    split = [];
    for (const r of merged) splitBeforeNumerals(text, r, split);
  }
  let capped = split;
  if (split.some((r) => r.end - r.start > MAX_SENTENCE)) {
    capped = [];
    for (const r of split) capLength(text, r, capped);
  }
  const out: SentenceRange[] = [];
  for (const r of capped) {
    while (r.start < r.end && isSpace(text.charCodeAt(r.start))) r.start++;
    while (r.end > r.start && isSpace(text.charCodeAt(r.end - 1))) r.end--;
    if (r.end > r.start) out.push(r);
  }
  return out;
}

/** `/\s/` on one UTF-16 code unit (ECMAScript's WhiteSpace and LineTerminator). */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0x2000 && c <= 0x200a) || c === 0xa0 || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
