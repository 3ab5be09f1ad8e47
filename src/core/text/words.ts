/**
 * The words of a text as a regular expression's `\b` sees them: maximal runs of `\w` characters
 * ([A-Za-z0-9_]), lower-cased; and, as the `iu` flags see them, the same runs with U+017F "ſ" and
 * U+212A "K" as word characters folded to "s" and "k" (both views are in the set). A word a regex requires between word boundaries (`\bsaid\b`, `\biraq\b`) is one of
 * these runs, so the extractors ask this set first and skip their longer scans when a sentence
 * cannot match: same results, less work.
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

/** True when one of `words` is a word of `text`. */
export function hasAnyWord(text: string, words: ReadonlySet<string>): boolean {
  for (const w of boundedWords(text)) if (words.has(w)) return true;
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
