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

const IRREGULAR: Record<string, string> = {
  flown: 'fly', flew: 'fly', flies: 'fly', taken: 'take', took: 'take', brought: 'bring', sent: 'send',
  held: 'hold', began: 'begin', begun: 'begin', fled: 'flee', broke: 'break', broken: 'break',
  told: 'tell', said: 'say', says: 'say', men: 'man', people: 'person', got: 'get', gone: 'go', went: 'go',
  fell: 'fall', fallen: 'fall', put: 'put', sought: 'seek', children: 'child', women: 'woman',
  'u.s.': 'us', us: 'us', 'u.k.': 'uk', 'u.n.': 'un', is: 'is', was: 'was', has: 'has', its: 'its',
};

/** Possessive and contraction endings are dropped: "Iraq's" -> "iraq". */
function dropPossessive(w: string): string {
  return w.replace(/['’]s$/u, '').replace(/s['’]$/u, 's');
}

const stems = new Map<string, string>();

/** A deliberately small English stemmer: consistent, not linguistically perfect. Memoised: a
 *  draft repeats its words, and every check tokenizes every sentence. */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    if (stems.size >= 200_000) stems.clear();
    stems.set(word, (s = stemUncached(word)));
  }
  return s;
}

function stemUncached(word: string): string {
  let w = dropPossessive(word.toLowerCase());
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (/(?:ss|us|sis)$/.test(w)) { /* keep: "process", "status", "crisis" */ }
  else if (/(?:ches|shes|xes|zes|sses)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s')) w = w.slice(0, -1);
  // "transferr" -> "transfer", "stopp" -> "stop"
  if (/([bdfgklmnprt])\1$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
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
    if (c >= 128) return regexTokens(text, i, out);
    if (!isAsciiAlnum(c)) { i++; continue; }
    // An initialism ("U.S."): two or more upper-case letters each followed by a full stop.
    if (c >= 65 && c <= 90 && text.charCodeAt(i + 1) === 46) {
      let j = i;
      while (j + 1 < n && isAsciiUpper(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 46) j += 2;
      // A non-ASCII upper-case letter may continue it: let the regex decide from here.
      if (j < n && text.charCodeAt(j) >= 128) return regexTokens(text, i, out);
      if (j - i >= 4) {
        push(out, text, i, j);
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
      if (b >= 128) return regexTokens(text, i, out);
      if (!isAsciiLetter(b)) break;
      let k = j + 2;
      while (k < n && isAsciiLetter(text.charCodeAt(k))) k++;
      j = k;
    }
    if (j < n && text.charCodeAt(j) >= 128 && text.charCodeAt(j) !== 0x2019) return regexTokens(text, i, out);
    push(out, text, i, j);
    i = j;
  }
  return out;
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

/** Index of the first occurrence of `needle` (stems) in `hay` from `from`, or -1. */
export function findStems(hay: readonly Token[], needle: readonly string[], from = 0, to = hay.length): number {
  if (needle.length === 0) return -1;
  outer: for (let i = from; i + needle.length <= to; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k].stem !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/** Typographic normalisation for comparisons: curly quotes/apostrophes to straight, dashes to hyphen. */
export function normalizePunctuation(s: string): string {
  return s.replace(/[‘’ʼ′]/g, "'").replace(/[“”„″]/g, '"').replace(/[‐‑‒–—―]/g, '-').replace(/[\u00a0\u2009\u202f]/g, ' ');
}
