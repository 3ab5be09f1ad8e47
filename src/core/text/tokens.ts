/**
 * Word tokens with their offsets, and the light stemming that lets dataset terms match inflected
 * draft wording ("transfer" ~ "transferred", "escape" ~ "escaped", "Iraqi" ~ "Iraqis").
 */

export interface Token {
  /** Stemmed, lower-cased form used for matching. */
  stem: string;
  /** Lower-cased surface form. */
  lower: string;
  start: number;
  end: number;
}

// Letters/digits runs, with inner apostrophes ("It's") kept; initialisms like "U.S." as one token.
export const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Irregular forms and their stems (exported for the stemmer's test oracle). */
export const IRREGULAR: Readonly<Record<string, string>> = {
  flown: 'fly', flew: 'fly', flies: 'fly', taken: 'take', took: 'take', brought: 'bring', sent: 'send',
  held: 'hold', began: 'begin', begun: 'begin', fled: 'flee', broke: 'break', broken: 'break',
  told: 'tell', said: 'say', says: 'say', men: 'man', people: 'person', got: 'get', gone: 'go', went: 'go',
  fell: 'fall', fallen: 'fall', put: 'put', sought: 'seek', children: 'child', women: 'woman',
  'u.s.': 'us', us: 'us', 'u.k.': 'uk', 'u.n.': 'un', is: 'is', was: 'was', has: 'has', its: 'its',
};

/** Possessive and contraction endings are dropped: "Iraq's" -> "iraq". */
function dropPossessive(w: string): string {
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  return w.endsWith("s'") || w.endsWith('s’') ? w.slice(0, -1) : w;
}

/** How many words the memos of stems (here and term-index.ts) keep before starting again. */
export const MEMO_LIMIT = 200_000;

const stems = new Map<string, string>();

/** A deliberately small English stemmer: consistent, not linguistically perfect. Memoised: a
 *  draft repeats its words, and every check tokenizes every sentence. */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    if (stems.size >= MEMO_LIMIT) stems.clear();
    stems.set(word, (s = stemUncached(word)));
  }
  return s;
}

/** The stemmer itself, with string tests only (test/unit/tokens.test.ts compares it with the
 *  regular expressions it was first written with). */
export function stemUncached(word: string): string {
  let w = dropPossessive(word.toLowerCase());
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  if (w.length <= 3 || hasAsciiDigit(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('sis')) { /* keep: "process", "status", "crisis" */ }
  else if (w.endsWith('ches') || w.endsWith('shes') || w.endsWith('xes') || w.endsWith('zes') || w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s')) w = w.slice(0, -1);
  // "transferr" -> "transfer", "stopp" -> "stop"
  const last = w.charCodeAt(w.length - 1);
  if (last === w.charCodeAt(w.length - 2) && DOUBLED.includes(w[w.length - 1])) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** Consonants a doubled final one of is undoubled. */
const DOUBLED = 'bdfgklmnprt';

function hasAsciiDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) >= 48 && w.charCodeAt(i) <= 57) return true;
  return false;
}

/** Tokenizes `text` (offsets relative to `text`): TOKEN_RE's matches, read by hand over ASCII (most
 *  of a draft) and with TOKEN_RE itself from the first character that is not (test/unit/tokens.test.ts
 *  compares the two on random text). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      if (!isPunctuationOrSpace(c)) return regexTokens(text, i, out);
      i++;
      continue;
    }
    if (!isAsciiAlnum(c)) { i++; continue; }
    // An initialism ("U.S."): two or more upper-case letters each followed by a full stop.
    if (c >= 65 && c <= 90 && text.charCodeAt(i + 1) === 46) {
      let j = i;
      while (j + 1 < n && isAsciiUpper(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 46) j += 2;
      // A non-ASCII upper-case letter may continue it: let the regex decide from here.
      if (j < n && isOtherNonAscii(text.charCodeAt(j))) return regexTokens(text, i, out);
      if (j - i >= 4) {
        pushAscii(out, text, i, j);
        i = j;
        continue;
      }
    }
    let j = i + 1;
    while (j < n && isAsciiAlnum(text.charCodeAt(j))) j++;
    // Inner apostrophes followed by letters ("it's", "Iraq’s").
    for (;;) {
      const a = text.charCodeAt(j);
      if ((a !== 39 && a !== 0x2019) || j + 1 >= n) break;
      const b = text.charCodeAt(j + 1);
      if (isOtherNonAscii(b)) return regexTokens(text, i, out);
      if (!isAsciiLetter(b)) break;
      let k = j + 2;
      while (k < n && isAsciiLetter(text.charCodeAt(k))) k++;
      j = k;
    }
    if (j < n && isOtherNonAscii(text.charCodeAt(j))) return regexTokens(text, i, out);
    pushAscii(out, text, i, j);
    i = j;
  }
  return out;
}

/** Non-ASCII characters drafts are full of that are neither letters nor digits (so they end a
 *  token as ASCII punctuation does): curly quotes, en and em dashes, an ellipsis, no-break and
 *  thin spaces. */
function isPunctuationOrSpace(c: number): boolean {
  return (c >= 0x2018 && c <= 0x201d) || c === 0x2013 || c === 0x2014 || c === 0x2026 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}

/** A character the hand reading leaves to TOKEN_RE: non-ASCII and not one of those. */
function isOtherNonAscii(c: number): boolean {
  return c >= 128 && !isPunctuationOrSpace(c);
}

/** TOKEN_RE's tokens of `text` from `from` on, added to `out`. */
function regexTokens(text: string, from: number, out: Token[]): Token[] {
  TOKEN_RE.lastIndex = from;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) push(out, text, m.index, m.index + m[0].length);
  return out;
}

function push(out: Token[], text: string, start: number, end: number): void {
  const lower = text.slice(start, end).toLowerCase();
  out.push({ lower, stem: stem(lower), start, end });
}

// Words read by hand (ASCII letters and digits, full stops, apostrophes), lower-cased with their
// stems, in an open-addressing table looked up by a hash of their characters: a word met before is
// neither sliced, lower-cased nor hashed again as a string. Bounded like the stems' memo.
let wordKeys: Array<string | undefined> = new Array<string | undefined>(4096);
let wordStems: string[] = new Array<string>(4096);
let wordCount = 0;

/** push() for a token of ASCII letters, digits, full stops and apostrophes (’ included), which
 *  toLowerCase() lower-cases letter by letter. */
function pushAscii(out: Token[], text: string, start: number, end: number): void {
  const length = end - start;
  let h = length;
  for (let k = start; k < end; k++) h = (Math.imul(h, 31) + lowerCode(text.charCodeAt(k))) | 0;
  const mask = wordKeys.length - 1;
  let i = (h ^ (h >>> 15)) & mask;
  for (let key = wordKeys[i]; key !== undefined; key = wordKeys[(i = (i + 1) & mask)]) {
    if (key.length !== length) continue;
    let k = 0;
    while (k < length && key.charCodeAt(k) === lowerCode(text.charCodeAt(start + k))) k++;
    if (k === length) {
      out.push({ lower: key, stem: wordStems[i], start, end });
      return;
    }
  }
  const lower = text.slice(start, end).toLowerCase();
  const s = stemUncached(lower); // kept in this table, not in the stems' memo too
  out.push({ lower, stem: s, start, end });
  if (wordCount >= MEMO_LIMIT) {
    wordKeys = new Array<string | undefined>(4096);
    wordStems = new Array<string>(4096);
    wordCount = 0;
  } else if ((wordCount + 1) * 2 > wordKeys.length) {
    growWords();
  }
  addWord(lower, s, h);
}

/** Forgets every word and stem met before (they are kept across checks otherwise: a pure function
 *  of the word, bounded at 200,000 words). For measuring a process's very first check. */
export function clearWordMemos(): void {
  stems.clear();
  wordKeys = new Array<string | undefined>(4096);
  wordStems = new Array<string>(4096);
  wordCount = 0;
}

function addWord(lower: string, s: string, h: number): void {
  const mask = wordKeys.length - 1;
  let i = (h ^ (h >>> 15)) & mask;
  while (wordKeys[i] !== undefined) i = (i + 1) & mask;
  wordKeys[i] = lower;
  wordStems[i] = s;
  wordCount++;
}

function growWords(): void {
  const keys = wordKeys, stems = wordStems;
  wordKeys = new Array<string | undefined>(keys.length * 2);
  wordStems = new Array<string>(keys.length * 2);
  wordCount = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === undefined) continue;
    let h = key.length;
    for (let k = 0; k < key.length; k++) h = (Math.imul(h, 31) + key.charCodeAt(k)) | 0;
    addWord(key, stems[i], h);
  }
}

function lowerCode(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isAsciiUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** Calls `fn` with the stem of each token of `text` (tokenize without the token objects). */
export function eachStem(text: string, fn: (stem: string) => void): void {
  for (const m of text.matchAll(TOKEN_RE)) fn(stem(m[0].toLowerCase()));
}

/** Stems of a dataset term, for matching against token stems. */
export function termStems(term: string): string[] {
  return tokenize(term).map((t) => t.stem);
}

/** Does `needle` (stems) occur in `hay` at `i`, ending by `to`? */
export function stemsAt(hay: readonly Token[], i: number, needle: readonly string[], to = hay.length): boolean {
  if (i + needle.length > to) return false;
  for (let k = 0; k < needle.length; k++) if (hay[i + k].stem !== needle[k]) return false;
  return true;
}

/** Index of the first occurrence of `needle` (stems) in `hay` from `from`, or -1. */
export function findStems(hay: readonly Token[], needle: readonly string[], from = 0, to = hay.length): number {
  if (needle.length === 0) return -1;
  for (let i = from; i + needle.length <= to; i++) if (stemsAt(hay, i, needle, to)) return i;
  return -1;
}

/** Typographic normalisation for comparisons: curly quotes/apostrophes to straight, dashes to hyphen. */
export function normalizePunctuation(s: string): string {
  return s.replace(/[‘’ʼ′]/g, "'").replace(/[“”„″]/g, '"').replace(/[‐‑‒–—―]/g, '-').replace(/[\u00a0\u2009\u202f]/g, ' ');
}
