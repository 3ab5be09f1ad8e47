/**
 * A same-length guard against pathological nesting, applied to a draft before it is parsed.
 *
 * micromark's time grows with about the cube of the nesting depth of block quotes and lists
 * ("- - - - … x": 2,000 levels 0.6 s, 10,000 levels 51 s) and with the square of the depth of
 * emphasis and links ("*a **a " ×5,000 then the closers: 49 s), and the tree walks after it
 * (mdast-util-gfm's transforms, the prose reader in markdown.ts) recurse once per level, so
 * 3,000–10,000 levels overflow the stack. Real drafts nest a few levels. Markers beyond the limits
 * below are read as spaces: the text keeps its length, so every offset stays the document's, and a
 * text within the limits is returned as it is (the same string), so ordinary drafts never change.
 */

/** Container markers (">", "-", "*", "+", "1." …) read as such at the start of a line. */
export const MAX_CONTAINER_DEPTH = 32;
/** List or quote markers further right than this column (nesting by indentation) are not. */
export const MAX_MARKER_COLUMN = 160;
/** Open emphasis runs ("*", "_", "~") or link brackets per paragraph, and closers that close nothing. */
export const MAX_INLINE_DEPTH = 64;

/** The draft with container and inline markers beyond the limits replaced by spaces. */
export function limitNesting(source: string): string {
  return limitInline(limitContainers(source));
}

const isLineEnd = (c: number) => c === 10 || c === 13;

function limitContainers(source: string): string {
  let out: string[] | undefined;
  let copied = 0;
  for (let at = 0; at < source.length;) {
    let eol = at;
    while (eol < source.length && !isLineEnd(source.charCodeAt(eol))) eol++;
    let i = at, column = 0, markers = 0;
    while (i < eol) {
      const c = source.charCodeAt(i);
      if (c === 32) { column++; i++; continue; }
      if (c === 9) { column += 4 - (column % 4); i++; continue; }
      let end = -1;
      if (c === 62 /* > */ || c === 45 /* - */ || c === 43 /* + */ || c === 42 /* * */) end = i + 1;
      else if (c >= 48 && c <= 57) {
        let j = i;
        while (j < eol && j - i < 9 && source.charCodeAt(j) >= 48 && source.charCodeAt(j) <= 57) j++;
        if (source.charCodeAt(j) === 46 /* . */ || source.charCodeAt(j) === 41 /* ) */) end = j + 1;
      }
      if (end < 0) break;
      // A list marker needs a space, a tab or the end of the line after it; ">" does not.
      if (c !== 62 && end < eol && source.charCodeAt(end) !== 32 && source.charCodeAt(end) !== 9) break;
      markers++;
      if (markers > MAX_CONTAINER_DEPTH || column > MAX_MARKER_COLUMN) {
        out ??= [];
        out.push(source.slice(copied, i), ' '.repeat(end - i));
        copied = end;
      }
      column += end - i;
      i = end;
    }
    at = eol + 1;
  }
  if (!out) return source;
  out.push(source.slice(copied));
  return out.join('');
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isPunctuation = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c);

/** The inline half of limitNesting: emphasis runs and link brackets beyond the limits read as spaces. */
export function limitInline(source: string): string {
  let chars: string[] | undefined;
  const blank = (from: number, to: number) => {
    chars ??= source.split('');
    for (let k = from; k < to; k++) chars[k] = ' ';
  };
  // Per marker ("*", "_", "~", and "[" with "]"): runs or brackets open, and closers that closed nothing.
  const open = [0, 0, 0, 0];
  const unmatched = [0, 0, 0, 0];
  const n = source.length;
  for (let i = 0; i < n;) {
    const c = source.charCodeAt(i);
    if (c === 92 /* \ */) { i += 2; continue; }
    if (c === 10 || c === 13) {
      // A blank line ends the paragraph.
      let j = c === 13 && source.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      while (j < n && (source.charCodeAt(j) === 32 || source.charCodeAt(j) === 9)) j++;
      if (j >= n || source.charCodeAt(j) === 10 || source.charCodeAt(j) === 13) {
        open.fill(0);
        unmatched.fill(0);
      }
      i++;
      continue;
    }
    if (c === 42 /* * */ || c === 95 /* _ */ || c === 126 /* ~ */) {
      const k = c === 42 ? 0 : c === 95 ? 1 : 2;
      let j = i;
      while (j < n && source.charCodeAt(j) === c) j++;
      const before = source[i - 1], after = source[j];
      // CommonMark's left- and right-flanking delimiter runs.
      const left = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
      const right = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
      const run = j - i;
      if (left && !right) {
        const room = Math.max(0, MAX_INLINE_DEPTH - open[k]);
        if (run > room) blank(i, j - room); // keep the characters next to the text
        open[k] += Math.min(run, room);
      } else if (right && !left) {
        // A closer with nothing open stays literal text; micromark looks back over every earlier
        // run for each, so past the limit they are spaces.
        if (open[k] === 0 && ++unmatched[k] > MAX_INLINE_DEPTH) blank(i, j);
        open[k] = Math.max(0, open[k] - run);
      }
      i = j;
      continue;
    }
    if (c === 91 /* [ */) {
      if (open[3] >= MAX_INLINE_DEPTH) blank(i, i + 1);
      else open[3]++;
    } else if (c === 93 /* ] */) {
      if (open[3] === 0 && ++unmatched[3] > MAX_INLINE_DEPTH) blank(i, i + 1);
      open[3] = Math.max(0, open[3] - 1);
    }
    i++;
  }
  return chars ? chars.join('') : source;
}
