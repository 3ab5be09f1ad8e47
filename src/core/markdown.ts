/**
 * Markdown -> prose blocks with exact source offsets. Parsing is mdast-util-from-markdown with GFM
 * and front matter, so code (fenced, indented, inline), HTML, front matter, URLs, autolinks and
 * footnote definitions are recognised exactly as CommonMark/GFM renderers see them, and skipped.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import type { Nodes, Parents, Root, RootContent, Table } from 'mdast';
import { normalizeIdentifier, readFastChunk } from './markdown-fast';

/** A run of prose the checker reads: a paragraph, heading or table cell. */
export interface ProseBlock {
  kind: 'paragraph' | 'heading' | 'tableCell';
  /** The prose; skipped inline parts (code, HTML, images) are replaced by one space. */
  text: string;
  /** `offsets[i]` is the document offset of `text[i]`; `offsets[text.length]` is the end. */
  offsets: number[];
  /** Labels that belong to the claim but are not in `text`: a table cell's row and column headers. */
  context: string;
  /** Set by `<!-- fact-check-ignore -->` (all) or `<!-- fact-check-ignore id … -->` (those ids). */
  ignoreAll: boolean;
  ignoreIds: ReadonlySet<string>;
}

export interface ParsedDraft {
  blocks: ProseBlock[];
  /** Fact ids ignored in the whole file (`<!-- fact-check-ignore-file id -->`); '*' for all. */
  fileIgnoreIds: ReadonlySet<string>;
  /** Footnote labels already defined (`[^x]:`), so a citation fix picks a fresh one. */
  footnoteLabels: ReadonlySet<string>;
}

const IGNORE_RE = /^<!--\s*fact-check-ignore(-file)?\b([^]*?)-->\s*$/;

interface Suppression { all: boolean; ids: Set<string> }

type MarkdownOptions = NonNullable<Parameters<typeof fromMarkdown>[1]>;
let markdownOptions: { start: MarkdownOptions; afterStart: MarkdownOptions } | undefined;

/** micromark with GFM and front matter (`start`), or without front matter for text that does not
 *  start the document (`afterStart`: front matter is only recognised on line 1). The extension
 *  objects are built on first use (not at activation) and then only read. */
function options(): { start: MarkdownOptions; afterStart: MarkdownOptions } {
  return (markdownOptions ??= {
    start: { extensions: [gfm(), frontmatter(['yaml', 'toml'])], mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])] },
    afterStart: { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] },
  });
}

/** Parses a draft. Never throws for any input string. */
export function parseDraft(source: string): ParsedDraft {
  try {
    return parseChunked(source) ?? parseDraftWhole(source);
  } catch {
    return parseDraftWhole(source);
  }
}

/** Parses a draft as one mdast tree: the reference {@link parseDraft} must agree with, exactly. */
export function parseDraftWhole(source: string): ParsedDraft {
  // micromark drops a leading byte-order mark and counts offsets without it: read the text after the
  // marks and count them back (else every block reads one character early, and fixes land there).
  let bom = 0;
  while (source.charCodeAt(bom) === 0xfeff) bom++;
  const text = bom ? source.slice(bom) : source;
  const tree = fromMarkdown(text, options().start);
  const blocks: ProseBlock[] = [];
  const fileIgnoreIds = new Set<string>();
  const footnoteLabels = new Set<string>();
  walkBlocks(text, tree, { all: false, ids: new Set() }, blocks, fileIgnoreIds, footnoteLabels);
  if (bom) for (const b of blocks) for (let i = 0; i < b.offsets.length; i++) b.offsets[i] += bom;
  return { blocks, fileIgnoreIds, footnoteLabels };
}

function walkBlocks(source: string, parent: Parents | Root, inherited: Suppression, out: ProseBlock[], fileIgnore: Set<string>, footnotes: Set<string>): void {
  let pending: Suppression | undefined;
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'html') {
      const m = IGNORE_RE.exec(child.value.trim());
      if (m) {
        const ids = m[2].split(/[\s,]+/).filter(Boolean);
        if (m[1]) { if (ids.length) ids.forEach((id) => fileIgnore.add(id)); else fileIgnore.add('*'); }
        else pending = { all: ids.length === 0, ids: new Set(ids) };
      }
      continue; // other HTML is never read
    }
    const suppression = pending ? { all: inherited.all || pending.all, ids: new Set([...inherited.ids, ...pending.ids]) } : inherited;
    pending = undefined;
    walkChild(source, child, suppression, out, fileIgnore, footnotes);
  }
}

/** The prose blocks of one block-level node other than HTML. */
function walkChild(source: string, child: RootContent, suppression: Suppression, out: ProseBlock[], fileIgnore: Set<string>, footnotes: Set<string>): void {
  switch (child.type) {
    case 'paragraph':
    case 'heading':
      pushBlock(source, child.type, child, '', suppression, out);
      break;
    case 'table':
      walkTable(source, child, suppression, out);
      break;
    case 'blockquote':
    case 'list':
    case 'listItem':
      walkBlocks(source, child, suppression, out, fileIgnore, footnotes);
      break;
    case 'footnoteDefinition':
      footnotes.add(child.identifier);
      break;
    default:
      break; // code, yaml/toml front matter, definitions, thematic breaks: not prose
  }
}

function walkTable(source: string, table: Table, suppression: Suppression, out: ProseBlock[]): void {
  const headers = (table.children[0]?.children ?? []).map((cell) => collectText(source, cell).text.trim());
  table.children.forEach((row, r) => {
    const rowLabel = r > 0 && row.children[0] ? collectText(source, row.children[0]).text.trim() : '';
    row.children.forEach((cell, c) => {
      const labels = r === 0 ? [] : [c > 0 ? rowLabel : '', headers[c] ?? ''].filter(Boolean);
      pushBlock(source, 'tableCell', cell, labels.join(' '), suppression, out);
    });
  });
}

function pushBlock(source: string, kind: ProseBlock['kind'], node: Parents, context: string, s: Suppression, out: ProseBlock[]): void {
  const { text, offsets } = collectText(source, node);
  if (!/[\p{L}\p{N}]/u.test(text)) return;
  out.push({ kind, text, offsets, context, ignoreAll: s.all, ignoreIds: s.ids });
}

/** The prose of a text node at [s, e): a soft line break is a space in prose (ICU would end a
 *  sentence at a newline); container markers on continuation lines ("> " in block quotes) are
 *  spaces too. Lengths are kept. */
function proseSlice(source: string, s: number, e: number): string {
  const slice = source.slice(s, e);
  if (!slice.includes('\n') && !slice.includes('\r')) return slice;
  return slice.replace(/(?:\r\n?|\n)[ \t>]*/g, (m) => ' '.repeat(m.length));
}

/** Concatenates the prose of an inline subtree, keeping each character's source offset. */
function collectText(source: string, node: Parents): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  let end = node.position?.end.offset ?? 0;
  const gap = (at: number) => {
    if (text && !text.endsWith(' ')) { text += ' '; offsets.push(at); }
  };
  const visit = (n: Nodes) => {
    switch (n.type) {
      case 'text': {
        const s = n.position?.start.offset, e = n.position?.end.offset;
        if (s === undefined || e === undefined) return;
        text += proseSlice(source, s, e);
        for (let i = s; i < e; i++) offsets.push(i);
        end = e;
        return;
      }
      case 'link':
        if (isAutolink(source, n)) { gap(n.position?.start.offset ?? end); return; }
        n.children.forEach(visit);
        return;
      case 'emphasis': case 'strong': case 'delete': case 'linkReference':
        n.children.forEach(visit);
        return;
      case 'break':
        gap(n.position?.start.offset ?? end);
        return;
      default:
        // inlineCode, html, image, imageReference, footnoteReference: never prose
        gap(n.position?.start.offset ?? end);
    }
  };
  for (const c of node.children as Nodes[]) visit(c);
  offsets.push(end);
  return { text, offsets };
}

function isAutolink(source: string, link: { url: string; children: Nodes[]; position?: { start: { offset?: number } } }): boolean {
  const start = link.position?.start.offset ?? 0;
  if (source[start] === '<') return true;
  const only = link.children.length === 1 && link.children[0].type === 'text' ? link.children[0].value : undefined;
  if (only === undefined) return false;
  const bare = link.url.replace(/^(?:https?:\/\/|mailto:)/, '');
  return only === link.url || only === bare || link.url.endsWith(only);
}

// ---------------------------------------------------------------------------------------------
// Chunked parsing: the same blocks as parseDraftWhole, faster and cached.
//
// The text is cut into chunks at lines where no CommonMark/GFM construct can still be open: a line
// at column 0 after a blank line (which ends any block quote, footnote and list item there), that
// is not an item of a list still open before it, outside front matter and outside a fenced code
// block. Only a fenced code block, an HTML block of kinds 1–5 (comments,
// <script>, …) and front matter survive a blank line at the top level; a chunk whose parse still
// has one of them open is merged with the next. The one thing that crosses chunks is definitions
// (`[x]: url`, `[^x]: note`), which decide whether `[x]` is a link and `[^x]` a footnote call: a
// chunk that has a "[" is parsed with the definitions of the other chunks appended after it.
//
// A chunk of front matter, ATX headings, paragraphs, one-line list items, one-paragraph block quotes,
// tables, one-line HTML comments, fenced code and one-line footnote definitions, whose inline content is plain text, emphasis, code spans, inline
// links and images, URL autolinks, footnote calls and plain brackets, is read directly (markdown-fast.ts), to the
// same blocks micromark would give. Any other chunk goes to micromark.
// Chunk results are cached by text, so a re-check after an edit parses only the edited chunk.

/** One top-level node of a chunk: HTML (for ignore directives) or the blocks of anything else. */
type TopItem = { html: string; blocks?: undefined } | { html?: undefined; blocks: ProseBlock[] };

interface ChunkParse {
  /** Offsets relative to the chunk; suppression only from directives inside containers. */
  items: TopItem[];
  fileIgnore: string[];
  footnotes: string[];
  /** Markdown that defines again what the chunk defines (`[x]: #`, `[^x]: x`). */
  definitions: string[];
  /** Identifiers of what the chunk defines (micromark's normalizeIdentifier): "f:" footnotes, "l:" links. */
  definitionIds: string[];
  /** Read without micromark once the document's definitions are known (footnote calls, brackets). */
  calls: boolean;
  /** Ends inside a fenced code block or an HTML block of kinds 1–5: what closes it (searched
   *  for in the text after the chunk), else undefined. */
  open: RegExp | undefined;
  /** Whether the chunk could refer to definitions elsewhere. */
  bracket: boolean;
  /** A definition that cannot be restated on one line: parse the whole document instead. */
  unsupported: boolean;
  used: number;
}

const NO_IDS: ReadonlySet<string> = new Set();
const NONE: Suppression = { all: false, ids: new Set() };
const chunkCache = new Map<string, ChunkParse>();
let generation = 0;

/** Forgets every cached chunk (benchmarks of cold checks; memory). */
export function clearDraftCache(): void {
  chunkCache.clear();
}

function parseChunked(source: string): ParsedDraft | undefined {
  // micromark drops a leading byte-order mark and counts offsets without it; the whole-tree reading
  // keeps that behaviour (readers of files, TextDecoder and VS Code, drop the mark before us).
  if (source.charCodeAt(0) === 0xfeff) return undefined;
  generation++;
  const starts = chunkStarts(source);
  if (!starts) return undefined;
  // Parse each chunk on its own; merge a chunk that leaves a block open with the next.
  const chunks: Array<{ start: number; end: number; parse: ChunkParse }> = [];
  for (let i = 0; i < starts.length;) {
    const start = starts[i];
    let j = i + 1;
    let end = j < starts.length ? starts[j] : source.length;
    let parse = chunkParse(source.slice(start, end), start === 0, '');
    for (let merges = 0; parse.open && j < starts.length; merges++) {
      // The block runs to the line that closes it ("-->", a closing fence …), or to the end: the
      // chunk grows to there in one step (not chunk by chunk, which is quadratic).
      parse.open.lastIndex = end;
      const close = parse.open.exec(source);
      const lineEnd = close ? source.indexOf('\n', close.index + close[0].length) : -1;
      const target = !close || lineEnd < 0 || merges >= 8 ? source.length : lineEnd + 1;
      do j++; while (j < starts.length && starts[j] < target);
      end = j < starts.length ? starts[j] : source.length;
      parse = chunkParse(source.slice(start, end), start === 0, '');
    }
    if (parse.unsupported) return undefined;
    chunks.push({ start, end, parse });
    i = j;
  }
  // Footnote calls and brackets in chunks read without micromark, now that every definition is known.
  const definitionIds = [...new Set(chunks.flatMap((c) => c.parse.definitionIds))].sort();
  for (const c of chunks) if (c.parse.calls) c.parse = chunkParse(source.slice(c.start, c.end), c.start === 0, '', definitionIds);
  // Definitions elsewhere can turn "[x]" into a link and "[^x]" into a footnote call.
  const allDefinitions = chunks.flatMap((c) => c.parse.definitions);
  if (allDefinitions.length) {
    for (const c of chunks) {
      if (!c.parse.bracket) continue;
      const own = new Set(c.parse.definitions);
      const others = allDefinitions.filter((d) => !own.has(d));
      if (!others.length) continue;
      if (c.parse.open) return undefined; // the appended definitions would land inside the open block
      c.parse = chunkParse(source.slice(c.start, c.end), c.start === 0, [...new Set(others)].join('\n\n'));
      if (c.parse.unsupported) return undefined;
    }
  }
  evict();

  const blocks: ProseBlock[] = [];
  const fileIgnoreIds = new Set<string>();
  const footnoteLabels = new Set<string>();
  let pending: Suppression | undefined;
  for (const { start, parse } of chunks) {
    for (const id of parse.fileIgnore) fileIgnoreIds.add(id);
    for (const id of parse.footnotes) footnoteLabels.add(id);
    for (const item of parse.items) {
      if (item.html !== undefined) {
        const m = IGNORE_RE.exec(item.html.trim());
        if (m) {
          const ids = m[2].split(/[\s,]+/).filter(Boolean);
          if (m[1]) { if (ids.length) ids.forEach((id) => fileIgnoreIds.add(id)); else fileIgnoreIds.add('*'); }
          else pending = { all: ids.length === 0, ids: new Set(ids) };
        }
        continue;
      }
      const s = pending;
      pending = undefined;
      for (const b of item.blocks) {
        const offsets = new Array<number>(b.offsets.length);
        for (let k = 0; k < offsets.length; k++) offsets[k] = b.offsets[k] + start;
        const ignoreIds = s ? new Set([...s.ids, ...b.ignoreIds]) : b.ignoreIds;
        blocks.push({ kind: b.kind, text: b.text, offsets, context: b.context, ignoreAll: (s?.all ?? false) || b.ignoreAll, ignoreIds });
      }
    }
  }
  return { blocks, fileIgnoreIds, footnoteLabels };
}

function evict(): void {
  if (chunkCache.size <= 4096) return;
  for (const [key, value] of chunkCache) if (generation - value.used > 8) chunkCache.delete(key);
}

/** The parse of a chunk; `definitionIds`, when given, are the document's (for footnote calls and brackets). */
function chunkParse(text: string, first: boolean, appended: string, definitionIds?: readonly string[]): ChunkParse {
  const key = `${first ? 'F' : 'N'}${appended}${definitionIds ? `\u0001${definitionIds.join('\u0001')}` : ''}\u0000${text}`;
  let parse = chunkCache.get(key);
  if (!parse) {
    // Appended definitions are for micromark: a chunk read without it needs none (footnote calls aside).
    const plain = appended ? undefined : plainChunk(text, first, definitionIds);
    parse = plain ?? micromarkChunk(text, appended, first);
    chunkCache.set(key, parse);
  }
  parse.used = generation;
  return parse;
}

const BLANK_LINE = /^[ \t]*$/;
/** A list item of a top-level list (up to three spaces before the marker). */
const ANY_LIST_MARKER = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** Offsets where chunks start (the first is 0), or undefined for one chunk. */
function chunkStarts(source: string): number[] | undefined {
  const starts = [0];
  let at = 0;
  // Front matter may hold blank lines: no chunk starts before its closing fence.
  if (/^(?:---|\+\+\+)/.test(source)) {
    const fence = source.slice(0, 3);
    let close = -1;
    for (let i = source.indexOf('\n') + 1; i > 0 && i < source.length; i = source.indexOf('\n', i) + 1) {
      if (source.startsWith(fence, i)) { close = i; break; }
    }
    if (close < 0) return undefined;
    at = source.indexOf('\n', close) + 1;
    if (at <= 0) return undefined;
  }
  let blankBefore = false;
  // A top-level list may be open: a list item after a blank line would continue it.
  let listOpen = false;
  // The last non-blank line was indented (maybe indented code).
  let indentedBefore = false;
  let fence: { char: string; length: number } | undefined;
  while (at < source.length) {
    let eol = source.indexOf('\n', at);
    if (eol < 0) eol = source.length;
    const line = source.slice(at, eol);
    if (fence) {
      const m = FENCE_OPEN.exec(line);
      if (m && m[1][0] === fence.char && m[1].length >= fence.length && BLANK_LINE.test(line.slice(m[0].length))) fence = undefined;
      blankBefore = false;
    } else if (BLANK_LINE.test(line)) {
      blankBefore = true;
    } else {
      const c = line.charCodeAt(0);
      const indented = c === 32 || c === 9 || c === 13 || c === 0xfeff || /^\s/.test(line);
      const marker = ANY_LIST_MARKER.test(line);
      // After a blank line, a line at column 0 ends every open block quote, footnote and list item;
      // only another item of an open list continues it. (micromark also reads a list item after
      // indented code as paragraph text, so no chunk starts with one there either.)
      if (blankBefore && !indented && !(marker && (listOpen || indentedBefore))) {
        starts.push(at);
        listOpen = false;
      }
      if (marker) listOpen = true;
      indentedBefore = indented;
      const m = FENCE_OPEN.exec(line);
      if (m) fence = { char: m[1][0], length: m[1].length };
      blankBefore = false;
    }
    at = eol + 1;
  }
  return starts;
}

/** A chunk of headings and paragraphs read without micromark (markdown-fast.ts); undefined otherwise. */
function plainChunk(text: string, first: boolean, definitionIds: readonly string[] | undefined): ChunkParse | undefined {
  const definitions = definitionIds && {
    footnotes: new Set(definitionIds.filter((d) => d.startsWith('f:')).map((d) => d.slice(2))),
    links: new Set(definitionIds.filter((d) => d.startsWith('l:')).map((d) => d.slice(2))),
  };
  const read = readFastChunk(text, (s, e) => proseSlice(text, s, e), definitions, first);
  if (!read) return undefined;
  const items: TopItem[] = [];
  const footnotes: string[] = [], restated: string[] = [], ids: string[] = [];
  for (const item of read.items) {
    if (item.html !== undefined) items.push({ html: item.html });
    else if (item.footnote !== undefined) {
      // What micromark's parse would give: a footnote label defined (mdast's identifier), never read.
      const id = normalizeIdentifier(item.footnote);
      footnotes.push(id.toLowerCase());
      restated.push(`[^${item.footnote}]: x`);
      ids.push(`f:${id}`);
      items.push({ blocks: [] });
    } else items.push({ blocks: item.blocks.map((b) => ({ kind: b.kind, text: b.text, offsets: b.offsets, context: b.context ?? '', ignoreAll: false, ignoreIds: NO_IDS })) });
  }
  const calls = read.needsDefinitions;
  return { items: calls ? [] : items, fileIgnore: [], footnotes, definitions: restated, definitionIds: ids, calls, open: undefined, bracket: false, unsupported: false, used: generation };
}

/** A chunk parsed by micromark, with `appended` definitions after it. */
function micromarkChunk(text: string, appended: string, first: boolean): ChunkParse {
  const src = appended ? `${text}\n\n${appended}\n` : text;
  const tree = fromMarkdown(src, first ? options().start : options().afterStart);
  const items: TopItem[] = [];
  const fileIgnore = new Set<string>();
  const footnotes = new Set<string>();
  let last: RootContent | undefined;
  for (const child of tree.children) {
    if ((child.position?.start.offset ?? 0) >= text.length) break; // the appended definitions
    last = child;
    if (child.type === 'html') { items.push({ html: child.value }); continue; }
    const blocks: ProseBlock[] = [];
    walkChild(src, child, NONE, blocks, fileIgnore, footnotes);
    items.push({ blocks });
  }
  const definitions: string[] = [];
  const definitionIds: string[] = [];
  const unsupported = !collectDefinitions(src, tree, text.length, definitions, definitionIds);
  return { items, fileIgnore: [...fileIgnore], footnotes: [...footnotes], definitions, definitionIds, calls: false, open: isOpen(src, last), bracket: text.includes('['), unsupported, used: generation };
}

const LINK_DEFINITION = /^\[(?:[^\\[\]\n]|\\[^\n])+\]:/;
const FOOTNOTE_DEFINITION = /^\[\^(?:[^\\[\]\s]|\\[^\s])+\]:/;

/** Restates the definitions in `node` (before `limit`) on one line each; false if one cannot be. */
function collectDefinitions(src: string, node: Parents | Root, limit: number, out: string[], ids: string[]): boolean {
  for (const child of node.children as RootContent[]) {
    const start = child.position?.start.offset ?? 0;
    if (start >= limit) break;
    if (child.type === 'definition' || child.type === 'footnoteDefinition') {
      const m = (child.type === 'definition' ? LINK_DEFINITION : FOOTNOTE_DEFINITION).exec(src.slice(start, start + 1000));
      if (!m) return false;
      out.push(child.type === 'definition' ? `${m[0]} #` : `${m[0]} x`);
      ids.push(child.type === 'footnoteDefinition' ? `f:${normalizeIdentifier(m[0].slice(2, -2))}` : `l:${normalizeIdentifier(m[0].slice(1, -2))}`);
    }
    if ((child.type === 'blockquote' || child.type === 'list' || child.type === 'listItem' || child.type === 'footnoteDefinition') && !collectDefinitions(src, child, limit, out, ids)) return false;
  }
  return true;
}

/** If the last top-level node is a fenced code block or an HTML block (kinds 1–5) still open, what
 *  closes it (a global regular expression); else undefined. */
function isOpen(src: string, last: RootContent | undefined): RegExp | undefined {
  if (!last?.position) return undefined;
  const text = src.slice(last.position.start.offset, last.position.end.offset);
  if (last.type === 'code') {
    const m = FENCE_OPEN.exec(text);
    if (!m) return undefined; // indented code: closed by the next chunk's first line
    const closing = new RegExp(`^ {0,3}${m[1][0] === '`' ? '`' : '~'}{${m[1].length},}[ \\t]*$`, 'gm');
    const nl = text.lastIndexOf('\n');
    if (nl < 0) return closing;
    const close = FENCE_OPEN.exec(text.slice(nl + 1));
    return close && close[1][0] === m[1][0] && close[1].length >= m[1].length && BLANK_LINE.test(text.slice(nl + 1 + close[0].length)) ? undefined : closing;
  }
  if (last.type === 'html') {
    const t = text.replace(/^ {0,3}/, '');
    if (/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i.test(t)) return /<\/(?:script|pre|style|textarea)>/i.test(t) ? undefined : /<\/(?:script|pre|style|textarea)>/gi;
    if (t.startsWith('<!--')) return t.includes('-->', 4) ? undefined : /-->/g;
    if (t.startsWith('<?')) return t.includes('?>', 2) ? undefined : /\?>/g;
    if (t.startsWith('<![CDATA[')) return t.includes(']]>', 9) ? undefined : /\]\]>/g;
    if (/^<![A-Za-z]/.test(t)) return t.includes('>', 2) ? undefined : />/g;
  }
  return undefined;
}
