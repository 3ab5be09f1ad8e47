/**
 * Fix builders: each returns one undoable Fix made of non-overlapping edits. The figure fix keeps
 * the writer's hedge when it says the same kind of thing as the reference; the citation fix adds a
 * Markdown footnote naming the source document.
 */
import type { Fix, TextEdit } from './types';
import type { CompiledFact } from './match/term-index';
import { formatLongDate } from './match/values';
import type { DocContext } from './match/context';

export function fix(title: string, kind: Fix['kind'], edits: TextEdit[], preferred = false): Fix {
  return { title, kind, edits: edits.length > 1 ? [...edits].sort((a, b) => a.start - b.start) : [...edits], ...(preferred ? { preferred } : {}) };
}

/** Label of the footnote citing a fact: `fc-<fact id>`. */
export function footnoteLabel(cf: CompiledFact): string {
  return `fc-${cf.fact.id}`;
}

/** The footnote definition text for a fact: one line (a line break in a dataset field reads as a space). */
const definitions = new WeakMap<CompiledFact, string>();

export function footnoteDefinition(ctx: DocContext, cf: CompiledFact): string {
  // The same for every claim citing the fact (a compiled fact belongs to one index): written once.
  let line = definitions.get(cf);
  if (line === undefined) definitions.set(cf, (line = writeFootnoteDefinition(ctx, cf)));
  return line;
}

function writeFootnoteDefinition(ctx: DocContext, cf: CompiledFact): string {
  const f = cf.fact;
  const doc = f.document ? ctx.index.document(f.document) : undefined;
  const source = doc ? `${doc.outlet}, “${doc.headline}”, ${formatLongDate(doc.published)}${doc.url ? `, ${doc.url}` : ''}` : cf.indexed.origin.title;
  const attribution = f.attribution.replace(/^according to\s+/i, 'According to ');
  const line = `[^${footnoteLabel(cf)}]: ${source}. ${/^[A-Z]/.test(attribution) ? attribution : `Attribution: ${attribution}`}; as of ${formatLongDate(cf.indexed.asOf)}.`;
  return /[\r\n]/.test(line) ? line.replace(/[ \t]*[\r\n]+[ \t]*/g, ' ') : line;
}

let breaksMemo: { text: string; starts: number[] } | undefined;

/** Offsets just after every "\n" and "\r" of `text`, after 0: where lines start (read once per text;
 *  a check asks for many lines of the same draft, and scans per question are quadratic on long lines). */
function lineStarts(text: string): number[] {
  if (breaksMemo?.text === text) return breaksMemo.starts;
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  breaksMemo = { text, starts };
  return starts;
}

/** Index in `starts` of the last start at or before `at`. */
function lastStartAtOrBefore(starts: readonly number[], at: number): number {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Offset of the first line break ("\n", "\r\n" or a lone "\r") at or after `from`, or the text's length. */
function nextBreak(text: string, from: number): number {
  const starts = lineStarts(text);
  const k = lastStartAtOrBefore(starts, from) + 1;
  // The break before the next line start; a break at `from` itself starts the line after `from`.
  return k < starts.length ? starts[k] - 1 : text.length;
}

/** Start of the line holding offset `at`. */
function lineStartOf(text: string, at: number): number {
  if (at <= 0) return 0;
  const starts = lineStarts(text);
  return starts[lastStartAtOrBefore(starts, Math.min(at, text.length))];
}

/** The line break that ends the line at `lineStart`, else (on the last line) the one before it, else "\n". */
export function lineEndingAt(text: string, lineStart: number): string {
  // (At the end, as every check asks for the citation footnote, no table of line starts is built.)
  const next = lineStart >= text.length ? text.length : nextBreak(text, lineStart);
  if (next < text.length) return text[next] === '\r' && text[next + 1] === '\n' ? '\r\n' : text[next];
  // On the last line: the break before it (from the table nextBreak built, else a scan of that line).
  let prev: number;
  if (lineStart < text.length) prev = lineStartOf(text, text.length) - 1;
  else for (prev = text.length - 1; prev >= 0 && text[prev] !== '\n' && text[prev] !== '\r';) prev--;
  if (prev < 0) return '\n';
  return text[prev] === '\n' && text[prev - 1] === '\r' ? '\r\n' : text[prev];
}

let endsMemo: { text: string; ends: { before: string; after: string } } | undefined;

/**
 * What goes around a footnote definition appended at the end of `text`: `before` leaves a blank
 * line between the text and the definition, `after` ends the definition's line. Both are the draft's
 * last line ending ("\r\n" in a CRLF draft, "\r" in a lone-CR one), so endings are never mixed.
 */
export function appendedDefinitionEnds(text: string): { before: string; after: string } {
  // Asked for by every citation fix of a check: worked out once per text (the last line may be long).
  if (endsMemo?.text === text) return endsMemo.ends;
  const eol = lineEndingAt(text, text.length);
  let trailing = 0; // line breaks at the end (a backwards scan: a regex anchored at $ is quadratic here)
  for (let i = text.length; trailing < 2 && i > 0; trailing++) {
    if (text[i - 1] === '\n') i -= text[i - 2] === '\r' ? 2 : 1;
    else if (text[i - 1] === '\r') i -= 1;
    else break;
  }
  const ends = { before: text.length === 0 || trailing >= 2 ? '' : trailing === 1 ? eol : eol + eol, after: eol };
  endsMemo = { text, ends };
  return ends;
}

/**
 * Edits that cite `cf` after sentence-end offset `sentenceEnd`: a footnote reference there and,
 * unless the document already defines it, the definition at the end of the document.
 */
export function citationEdits(ctx: DocContext, cf: CompiledFact, sentenceEnd: number): TextEdit[] {
  const label = footnoteLabel(cf);
  const edits: TextEdit[] = [{ start: sentenceEnd, end: sentenceEnd, newText: `[^${label}]` }];
  if (!ctx.footnoteLabels.has(label)) {
    const text = ctx.text;
    const { before, after } = appendedDefinitionEnds(text);
    edits.push({ start: text.length, end: text.length, newText: `${before}${footnoteDefinition(ctx, cf)}${after}` });
  }
  return edits;
}

/** The container markers opening a line — block-quote markers and list markers with the spaces
 *  around them — but not a heading's "#", a table's "|" or inline syntax ("*emphasis*"). */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)))*[ \t]*/;
/** A GFM table's delimiter row, after its line's container markers: "|---|:-:|", "--- | ---". */
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** The innermost list marker of a line's container markers, with the spaces after it. */
const TASK_ITEM_MARKER = /(?:[-+*]|\d{1,9}[.)])[ \t]*$/;
/** How many lines above a table cell are searched for the table's header. */
const MAX_TABLE_LINES = 1000;

/** A line's text after its container markers. */
function lineContent(text: string, lineStart: number): string {
  const line = text.slice(lineStart, nextBreak(text, lineStart));
  return line.slice(CONTAINER_PREFIX.exec(line)?.[0].length ?? 0);
}

/**
 * The start of the line of the header of the GFM table whose row begins at `lineStart`, or
 * `lineStart` when that line is not in a table's body. A table's rows run from its header to a
 * blank line, and a directive between two rows would end the table.
 */
function tableStart(text: string, lineStart: number): number {
  if (!lineContent(text, lineStart).includes('|')) return lineStart; // a body row without "|" is rare: such a table keeps the old placement
  const lines = [lineStart]; // the run of non-blank lines up to this one, last first
  while (lines.length < MAX_TABLE_LINES) {
    const here = lines[lines.length - 1];
    if (here === 0) break;
    const breakStart = text[here - 1] === '\n' && text[here - 2] === '\r' ? here - 2 : here - 1;
    const previous = lineStartOf(text, breakStart);
    if (lineContent(text, previous).trim() === '') break;
    lines.push(previous);
  }
  // The first delimiter row of the run, below a header with "|", starts the table.
  for (let i = lines.length - 2; i >= 1; i--) {
    if (TABLE_DELIMITER.test(lineContent(text, lines[i])) && /[|]/.test(lineContent(text, lines[i]) + lineContent(text, lines[i + 1]))) return lines[i + 1];
  }
  return lineStart;
}

/**
 * An edit that inserts `<!-- fact-check-ignore <id> -->` on its own line before the block at
 * `blockStart`, inside the same containers, so that it applies to that block only: in a block
 * quote the directive line keeps the "> > " markers; in a list item it follows the item's marker and
 * the block moves to the next line, indented to the item's content (a task item's checkbox stays
 * first: its directive goes before the item); a table cell's directive goes before the table (a line
 * between two rows would split it); after a byte-order mark, not before it.
 * The directive ends with the line ending of the line it goes before.
 */
export function ignoreEdit(text: string, blockStart: number, factId: string | undefined): TextEdit {
  const blockLine = lineStartOf(text, blockStart);
  let line = tableStart(text, blockLine);
  if (line === 0) while (line < text.length && text.charCodeAt(line) === 0xfeff) line++;
  let prefix = CONTAINER_PREFIX.exec(text.slice(line, nextBreak(text, line)))?.[0] ?? '';
  if (line === blockLine && line + prefix.length > blockStart) prefix = prefix.slice(0, Math.max(0, blockStart - line));
  // A task item's checkbox must open its first paragraph: the directive goes before the item (which
  // starts a new list there), not between its marker and the checkbox.
  const taskMarker = TASK_ITEM_MARKER.exec(prefix);
  if (taskMarker && /^\[[ xX]\](?=[ \t]|$)/.test(text.slice(line + prefix.length, line + prefix.length + 4))) prefix = prefix.slice(0, taskMarker.index);
  const directive = `<!-- fact-check-ignore${factId ? ` ${factId}` : ''} -->`;
  const eol = lineEndingAt(text, line);
  // A list marker on the line is replaced by spaces on the block's new line: the block stays in the item.
  const continuation = prefix.replace(/[^ \t>]/g, ' ');
  if (continuation === prefix) return { start: line, end: line, newText: `${prefix}${directive}${eol}` };
  const at = line + prefix.length;
  return { start: at, end: at, newText: `${directive}${eol}${continuation}` };
}
