/**
 * The words of a text as a regular expression's `\b` sees them: maximal runs of `\w` characters
 * ([A-Za-z0-9_]), lower-cased; and, as the `iu` flags see them, the same runs with U+017F "ſ" and
 * U+212A "K" as word characters folded to "s" and "k" (both views are in the set). A word a regex
 * requires between word boundaries (`\bsaid\b`, `\biraq\b`) is one of these runs, so the extractors
 * ask this set first and skip their longer scans when a sentence cannot match: same results, less
 * work.
 *
 * The extractors ask about a few constant word sets, one sentence after another. Each set asked
 * about is given a bit, and one pass over a sentence finds every set it has a word of, without
 * building the set of its words (a hash of each run, looked up in one table of all the sets' words);
 * `boundedWords` is the definition, and what a text with "ſ" or "K" is still read with.
 */

let lastText: string | undefined;
let lastWords: ReadonlySet<string> = new Set();

/** Lower-cased `\w` runs of `text` (the last text's set is kept: the extractors read one sentence in turn). */
export function boundedWords(text: string): ReadonlySet<string> {
  if (text === lastText) return lastWords;
  const out = new Set<string>();
  addRuns(text, out, false);
  // Rare: only then the `iu` view differs.
  if (/[\u017f\u212a]/.test(text)) addRuns(text, out, true);
  lastText = text;
  lastWords = out;
  return out;
}

/** True when one of `words` is a word of `text`. The set is read when first asked about: it must not
 *  change afterwards. */
export function hasAnyWord(text: string, words: ReadonlySet<string>): boolean {
  const bit = gateBit(words, false);
  const mask = bit ? textMask(text) : FOLDED;
  if (mask !== FOLDED) return (mask & bit) !== 0;
  for (const w of boundedWords(text)) if (words.has(w)) return true;
  return false;
}

/** True when a word of `text` starts with one of `prefixes` (a word equal to one counts). The set is
 *  read when first asked about: it must not change afterwards. */
export function hasAnyWordStartingWith(text: string, prefixes: ReadonlySet<string>): boolean {
  const bit = gateBit(prefixes, true);
  const mask = bit ? textMask(text) : FOLDED;
  if (mask !== FOLDED) return (mask & bit) !== 0;
  for (const w of boundedWords(text)) for (const p of prefixes) if (w.startsWith(p)) return true;
  return false;
}

function addRuns(text: string, out: Set<string>, unicodeFold: boolean): void {
  for (let i = 0; i < text.length;) {
    if (!isWordChar(text.charCodeAt(i), unicodeFold)) { i++; continue; }
    let j = i + 1;
    while (j < text.length && isWordChar(text.charCodeAt(j), unicodeFold)) j++;
    out.add(unicodeFold ? fold(text.slice(i, j)) : text.slice(i, j).toLowerCase());
    i = j;
  }
}

function isWordChar(c: number, unicodeFold: boolean): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || (unicodeFold && (c === 0x17f || c === 0x212a));
}

function fold(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('\u017f') ? lower.replace(/\u017f/g, 's') : lower;
}

// ---------------------------------------------------------------------------------------------
// The word sets asked about, one bit each, and one open-addressing table of all their words.

/** Bits given out (bit 31 is FOLDED's sign); a set asked about after that is read the slow way. */
const MAX_GATES = 30;
/** textMask's answer for a text with "ſ" or "K": read it with boundedWords. */
const FOLDED = -1;

/** The bits of the sets asked about as whole words, and of those asked about as prefixes. */
const wordGates = new WeakMap<ReadonlySet<string>, number>();
const prefixGates = new WeakMap<ReadonlySet<string>, number>();
let gateCount = 0;
/** Bits of the word sets (whole words) and of the prefix sets (starts of words). */
let wordBits = 0, prefixBits = 0;
/** Lengths of the prefixes asked about (bit n: length n, up to 31). */
let prefixLengths = 0;
/** Words and prefixes of every set, and the bits of the sets each belongs to. */
let keys: Array<string | undefined> = new Array<string | undefined>(256);
let masks = new Int32Array(256);
let entries = 0;
/** Bumped when a set is added: masks computed before do not have its bit. */
let version = 0;

/** The bit of a set (given on first sight), or 0 when no bit is left. */
function gateBit(words: ReadonlySet<string>, prefix: boolean): number {
  const gates = prefix ? prefixGates : wordGates;
  const known = gates.get(words);
  if (known !== undefined) return known;
  if (gateCount >= MAX_GATES) return 0;
  for (const w of words) if (prefix && (w.length === 0 || w.length > 31)) return 0;
  const bit = 1 << gateCount++;
  gates.set(words, bit);
  if (prefix) prefixBits |= bit;
  else wordBits |= bit;
  for (const w of words) {
    if (prefix) prefixLengths |= 1 << w.length;
    addEntry(w, bit);
  }
  version++;
  return bit;
}

function addEntry(word: string, bit: number): void {
  if ((entries + 1) * 2 > keys.length) grow();
  let h = 0;
  for (let k = 0; k < word.length; k++) h = (Math.imul(h, 31) + word.charCodeAt(k)) | 0;
  const size = keys.length - 1;
  for (let i = slot(h) & size; ; i = (i + 1) & size) {
    const key = keys[i];
    if (key === undefined) { keys[i] = word; masks[i] = bit; entries++; return; }
    if (key === word) { masks[i] |= bit; return; }
  }
}

function grow(): void {
  const oldKeys = keys, oldMasks = masks;
  keys = new Array<string | undefined>(oldKeys.length * 2);
  masks = new Int32Array(oldKeys.length * 2);
  entries = 0;
  for (let i = 0; i < oldKeys.length; i++) {
    const key = oldKeys[i];
    if (key !== undefined) addEntry(key, oldMasks[i]);
  }
}

function slot(h: number): number {
  return h ^ (h >>> 13);
}

/** Bits of the entry equal to the lower-cased text[start, start + length) with hash `h`, or 0. */
function lookup(text: string, start: number, length: number, h: number): number {
  const size = keys.length - 1;
  for (let i = slot(h) & size; ; i = (i + 1) & size) {
    const key = keys[i];
    if (key === undefined) return 0;
    if (key.length !== length) continue;
    let k = 0;
    while (k < length && key.charCodeAt(k) === lower(text.charCodeAt(start + k))) k++;
    if (k === length) return masks[i];
  }
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c;
}

let maskText: string | undefined;
let maskVersion = -1;
let maskValue = 0;

/** The bits of every set `text` has a word of (or starts a word with), or FOLDED. */
function textMask(text: string): number {
  if (text === maskText && maskVersion === version) return maskValue;
  let mask = 0;
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c, false)) {
      if (c === 0x17f || c === 0x212a) { mask = FOLDED; break; }
      i++;
      continue;
    }
    const start = i;
    let h = 0;
    for (; i < text.length; i++) {
      const d = text.charCodeAt(i);
      if (!isWordChar(d, false)) break;
      h = (Math.imul(h, 31) + lower(d)) | 0;
      const length = i - start + 1;
      if (length < 32 && (prefixLengths >>> length) & 1) mask |= lookup(text, start, length, h) & prefixBits;
    }
    mask |= lookup(text, start, i - start, h) & wordBits;
  }
  maskText = text;
  maskVersion = version;
  maskValue = mask;
  return mask;
}
