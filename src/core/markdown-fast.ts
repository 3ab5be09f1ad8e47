/**
 * Reads a chunk of Markdown made of ATX headings, paragraphs, one-line list items, block quotes of
 * one paragraph, tables between pipes, one-line HTML comments and fenced code without micromark, giving
 * exactly the prose and offsets that mdast-util-from-markdown + collectText would (markdown.ts
 * checks this against one mdast tree in test/unit/markdown-chunks.test.ts). It knows the inline
 * constructs prose uses most — emphasis and strong emphasis with `*` and `_` (micromark's attention
 * algorithm, ported), code spans, inline links and images with a plain destination and title, URL
 * autolinks, footnote calls and brackets that are plain text (given the document's definitions) —
 * and gives up (returns undefined, and micromark reads the chunk) on anything else: escapes,
 * entities, raw HTML, reference links, strikethrough, autolink literals, definitions, tabs, trailing
 * or leading spaces on a line, and any line that could start another kind of block.
 */

/** A block the checker reads (the shape of markdown.ts's ProseBlock, offsets relative to the chunk). */
export interface FastBlock {
  kind: 'paragraph' | 'heading' | 'tableCell';
  text: string;
  offsets: number[];
  /** A table cell's row and column headers (markdown.ts walkTable). */
  context?: string;
}

/** A top-level node of the chunk: an HTML comment (for ignore directives), or the blocks of a
 *  heading, paragraph, list, block quote or code block (none when it has no prose). */
export type FastItem =
  | { html: string; blocks?: undefined; footnote?: undefined }
  | { html?: undefined; blocks: FastBlock[]; footnote?: undefined }
  /** A footnote definition (`[^label]: …`), never read: its label as written. */
  | { html?: undefined; blocks?: undefined; footnote: string };

type Inline =
  | { t: 'data'; s: number; e: number }
  | { t: 'seq'; s: number; e: number; marker: number; open: boolean; close: boolean }
  | { t: 'group'; s: number; e: number; children: Inline[] }
  | { t: 'link'; s: number; e: number; children: Inline[]; url: string }
  | { t: 'opaque'; s: number; e: number }
  | { t: 'label'; s: number; e: number; image: boolean };

const ORDERED_MARKER = /^\d{1,9}[.)](?:[ \t]|$)/;
const THEMATIC_OR_MARKER = /^(?:[*_](?:[ \t]|$)|(?:[-*_][ \t]*){3,}$)/;
// CommonMark's URI autolink: no ASCII control character, space, "<" or ">" inside.
// eslint-disable-next-line no-control-regex
const AUTOLINK = /^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20<>\x7f]*>/;
const AUTOLINK_LITERAL = /@|www\.|:\/\//i;
const DEFINITION_START = /^\[(?:\^|[^\]]*\]:)/;
const PUNCTUATION = /\p{P}|\p{S}/u;
const WHITESPACE = /\s/;

/** micromark's classifyCharacter on a UTF-16 code unit: 1 whitespace (or none), 2 punctuation, 0 other. */
function classify(code: number | undefined): number {
  if (code === undefined || code === 32 || code === 9 || code === 10 || code === 13) return 1;
  const ch = String.fromCharCode(code);
  if (WHITESPACE.test(ch)) return 1;
  return PUNCTUATION.test(ch) ? 2 : 0;
}

class GiveUp extends Error {}
const giveUp = new GiveUp();

/**
 * The headings and paragraphs of `text`, or undefined when it holds anything else. `prose(s, e)`
 * is markdown.ts's reading of a text node's source at [s, e).
 */
/** The document's definitions: identifiers (micromark's normalizeIdentifier) of its footnotes and links. */
export interface Definitions {
  footnotes: ReadonlySet<string>;
  links: ReadonlySet<string>;
}

/**
 * The chunk's top-level nodes, or undefined when micromark must read it. `needsDefinitions`: the
 * reading depends on the document's definitions (a footnote call, or brackets that are a shortcut
 * reference only if defined) and `definitions` was not given: then only the footnote definitions
 * among the items are final.
 */
export function readFastChunk(text: string, prose: (s: number, e: number) => string, definitions?: Definitions, first = false): { items: FastItem[]; needsDefinitions: boolean } | undefined {
  const ctx: Ctx = { prose, definitions, needsDefinitions: false, first };
  try {
    const items = readLines(text, ctx);
    return { items, needsDefinitions: ctx.needsDefinitions && !definitions };
  } catch (e) {
    if (e === giveUp) return undefined;
    throw e;
  }
}

interface Ctx {
  prose: (s: number, e: number) => string;
  definitions: Definitions | undefined;
  /** Whether the chunk has footnote calls (`[^x]`) or brackets that only definitions decide. */
  needsDefinitions: boolean;
  /** The chunk starts the document (front matter is recognised there). */
  first: boolean;
}

/** micromark's normalizeIdentifier. */
export function normalizeIdentifier(value: string): string {
  return value.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase();
}

const BULLET_ITEM = /^([-*+]) (?=\S)/;
const ORDERED_ITEM = /^\d{1,9}([.)]) (?=\S)/;
const FENCE = /^(`{3,}|~{3,})/;
const TASK = /^\[[ xX]\](?:[ \t]|$)/;
const FOOTNOTE_DEFINITION = /^\[\^([^\]\s\\[^]{1,999})\]: /;

function readLines(text: string, ctx: Ctx): FastItem[] {
  const items: FastItem[] = [];
  let para: [number, number] | undefined;
  let quote: [number, number] | undefined;
  let list: { marker: string; blocks: FastBlock[] } | undefined;
  // What the line before was: a list item or a block quote line may be followed only by a line that
  // cannot be its lazy continuation; a paragraph line only by lines that are not list items.
  let prev: 'blank' | 'paragraph' | 'item' | 'quote' | 'footnote' | 'closed' = 'blank';
  const endParagraph = () => {
    if (para) items.push({ blocks: block(text, 'paragraph', para[0], para[1], ctx) });
    if (quote) items.push({ blocks: block(text, 'paragraph', quote[0], quote[1], ctx) });
    para = quote = undefined;
  };
  const endAll = () => {
    endParagraph();
    if (list) items.push({ blocks: list.blocks });
    list = undefined;
  };
  /** Paragraph text from `s` to the end of the line: checked like a paragraph's first line. */
  const content = (s: number, eol: number) => {
    const c = text.charCodeAt(s);
    if (c === 35 || !paragraphLine(text, s, eol) || (c === 91 && DEFINITION_START.test(text.slice(s, eol)))) throw giveUp;
  };
  let at = 0;
  if (ctx.first && (text.startsWith('---') || text.startsWith('+++'))) {
    // Front matter: the fence alone on line 1, anything, the same fence alone on a line.
    const fence = text.slice(0, 3);
    const open = /^(?:---|\+\+\+)[ \t]*\n/.exec(text);
    if (!open) throw giveUp;
    let close = -1;
    for (let k = open[0].length; k < text.length;) {
      let e = text.indexOf('\n', k);
      if (e < 0) e = text.length;
      if (text.startsWith(fence, k) && /^[ \t]*$/.test(text.slice(k + 3, e))) { close = e; break; }
      k = e + 1;
    }
    if (close < 0) throw giveUp;
    items.push({ blocks: [] });
    prev = 'closed';
    at = close + 1;
  }
  for (; at < text.length;) {
    let eol = text.indexOf('\n', at);
    if (eol < 0) eol = text.length;
    let blank = true;
    for (let k = at; k < eol; k++) if (text.charCodeAt(k) !== 32) { blank = false; break; }
    if (blank) {
      endParagraph(); // a list stays open: its next item may follow a blank line
      prev = 'blank';
      at = eol + 1;
      continue;
    }
    const last = text.charCodeAt(eol - 1);
    if (last === 32 || last === 9) throw giveUp; // trailing whitespace: a line suffix or a hard break
    const line = text.slice(at, Math.min(eol, at + 16));
    const c = text.charCodeAt(at);
    let m: RegExpExecArray | null;
    if (c === 35) {
      // "# Heading": one to six "#", then a space or the end of the line, and no other "#".
      let n = 1;
      while (at + n < eol && text.charCodeAt(at + n) === 35) n++;
      if (n > 6 || (at + n < eol && text.charCodeAt(at + n) !== 32)) throw giveUp;
      const hash = text.indexOf('#', at + n);
      if (hash >= 0 && hash < eol) throw giveUp;
      endAll();
      let s = at + n;
      while (s < eol && text.charCodeAt(s) === 32) s++;
      items.push({ blocks: s < eol ? block(text, 'heading', s, eol, ctx) : [] });
      prev = 'closed';
    } else if (c === 60 && line.startsWith('<!--')) {
      // An HTML comment on one line: an HTML block that ends with its line.
      const close = text.indexOf('-->', at + 4);
      if (close < 0 || close + 3 > eol) throw giveUp;
      endAll();
      items.push({ html: text.slice(at, eol) });
      prev = 'closed';
    } else if ((m = FENCE.exec(line))) {
      // Fenced code, skipped to its closing fence (at column 0, as long, nothing after it).
      if (m[1][0] === '`' && text.slice(at + m[1].length, eol).includes('`')) throw giveUp;
      endAll();
      let close = -1;
      for (let k = eol + 1; k < text.length;) {
        let e = text.indexOf('\n', k);
        if (e < 0) e = text.length;
        const inner = text.slice(k, e);
        const f = /^( {0,3})(`{3,}|~{3,})[ \t]*$/.exec(inner);
        if (f && f[2][0] === m[1][0] && f[2].length >= m[1].length) {
          if (f[1]) throw giveUp; // an indented closing fence: micromark decides
          close = e;
          break;
        }
        k = e + 1;
      }
      if (close < 0) throw giveUp;
      items.push({ blocks: [] });
      prev = 'closed';
      at = close + 1;
      continue;
    } else if ((m = BULLET_ITEM.exec(line) ?? ORDERED_ITEM.exec(line))) {
      // A list item of one line (a bullet may not interrupt a paragraph here; micromark decides).
      if (prev === 'paragraph' || prev === 'quote' || prev === 'footnote') throw giveUp;
      const s = at + m[0].length;
      content(s, eol);
      if (TASK.test(text.slice(s, s + 4))) throw giveUp; // a GFM task list item
      const marker = m[1];
      if (!list || list.marker !== marker || prev === 'closed') {
        endAll();
        list = { marker, blocks: [] };
      }
      list.blocks.push(...block(text, 'paragraph', s, eol, ctx));
      prev = 'item';
    } else if (c === 62) {
      // "> text": a block quote of one paragraph, one "> " line after another.
      if (text.charCodeAt(at + 1) !== 32 || prev === 'footnote') throw giveUp;
      content(at + 2, eol);
      if (prev === 'quote' && quote) quote[1] = eol;
      else {
        endAll();
        quote = [at + 2, eol];
      }
      prev = 'quote';
    } else if (c === 91 && (m = FOOTNOTE_DEFINITION.exec(line.length < 16 ? line : text.slice(at, Math.min(eol, at + 1004))))) {
      // "[^label]: note" on one line (not read; the next line must not continue it).
      if (prev === 'paragraph' || prev === 'item' || prev === 'quote') throw giveUp;
      const s = at + m[0].length;
      if (s < eol) content(s, eol);
      endAll();
      items.push({ footnote: m[1] });
      prev = 'footnote';
    } else if (c === 124 && (prev === 'blank' || prev === 'closed')) {
      // A table: every row between pipes, the delimiter row second, then a blank line.
      endAll();
      at = readTable(text, at, ctx, items);
      prev = 'closed';
      continue;
    } else {
      if (prev === 'item' || prev === 'quote' || prev === 'footnote') throw giveUp; // lazy continuation
      content(at, eol);
      if (list) endAll();
      if (para) para[1] = eol;
      else para = [at, eol];
      prev = 'paragraph';
    }
    at = eol + 1;
  }
  endAll();
  return items;
}

const DELIMITER_CELL = /^ *:?-+:? *$/;

/** Cells of a table row "| a | b |": [start, end) of each cell's content without its padding. */
function rowCells(text: string, at: number, eol: number, padded: boolean): Array<[number, number]> {
  if (text.charCodeAt(at) !== 124 || text.charCodeAt(eol - 1) !== 124 || eol - at < 2) throw giveUp;
  const line = text.slice(at, eol);
  if (/[\\\t]/.test(line)) throw giveUp;
  const cells: Array<[number, number]> = [];
  for (let i = 1; i < line.length;) {
    const j = line.indexOf('|', i);
    let s = i, e = j;
    // Content padded with spaces on both sides (what comes before and after it is then a space for
    // micromark's emphasis rules too), or an empty cell.
    while (s < e && line.charCodeAt(s) === 32) s++;
    while (e > s && line.charCodeAt(e - 1) === 32) e--;
    if (padded && s < e && (s === i || e === j)) throw giveUp;
    cells.push([at + s, at + e]);
    i = j + 1;
  }
  return cells;
}

/** Reads a table at `at` into `items` (markdown.ts walkTable's blocks); returns where it ends. */
function readTable(text: string, at: number, ctx: Ctx, items: FastItem[]): number {
  const lines: Array<[number, number]> = [];
  for (let k = at; k < text.length;) {
    let e = text.indexOf('\n', k);
    if (e < 0) e = text.length;
    if (/^ *$/.test(text.slice(k, e))) break;
    lines.push([k, e]);
    k = e + 1;
  }
  if (lines.length < 2) throw giveUp;
  const rows = lines.map(([s, e], i) => rowCells(text, s, e, i !== 1));
  const width = rows[0].length;
  if (rows.some((r) => r.length !== width)) throw giveUp;
  if (!rows[1].every(([s, e]) => DELIMITER_CELL.test(text.slice(s, e)))) throw giveUp;
  const body = [rows[0], ...rows.slice(2)];
  const headers = body[0].map(([s, e]) => collect(text, s, e, ctx).text.trim());
  const blocks: FastBlock[] = [];
  body.forEach((row, r) => {
    const rowLabel = r > 0 ? collect(text, row[0][0], row[0][1], ctx).text.trim() : '';
    row.forEach(([s, e], c) => {
      const labels = r === 0 ? [] : [c > 0 ? rowLabel : '', headers[c] ?? ''].filter(Boolean);
      blocks.push(...block(text, 'tableCell', s, e, ctx, labels.join(' ')));
    });
  });
  items.push({ blocks });
  const end = lines[lines.length - 1][1];
  return end + 1;
}

/** A line that can only be paragraph text (or its continuation), never the start of another block. */
function paragraphLine(text: string, at: number, eol: number): boolean {
  const c = text.charCodeAt(at);
  const head = () => text.slice(at, Math.min(eol, at + 64));
  switch (c) {
    case 32: case 9: case 62 /* > */: case 45 /* - */: case 43 /* + */: case 61 /* = */: case 126 /* ~ */: case 124 /* | */: case 58 /* : */:
      return false;
    case 42 /* * */: case 95 /* _ */:
      return !THEMATIC_OR_MARKER.test(text.slice(at, eol));
    case 96 /* ` */:
      return !head().startsWith('```');
    case 60 /* < */:
      return AUTOLINK.test(head()) || AUTOLINK.test(text.slice(at, eol));
    default:
      if (c >= 48 && c <= 57) return !ORDERED_MARKER.test(head());
      return !WHITESPACE.test(String.fromCharCode(c)) && c !== 0xfeff;
  }
}

function block(text: string, kind: FastBlock['kind'], s: number, e: number, ctx: Ctx, context?: string): FastBlock[] {
  const { text: out, offsets } = collect(text, s, e, ctx);
  if (!/[\p{L}\p{N}]/u.test(out)) return [];
  return [context === undefined ? { kind, text: out, offsets } : { kind, text: out, offsets, context }];
}

/** collectText (markdown.ts), on the nodes mdast would build for the inline content [s, e). */
function collect(text: string, s: number, e: number, ctx: Ctx): { text: string; offsets: number[] } {
  const items = readInline(text, s, e, ctx);
  const prose = ctx.prose;
  // collectText, on the nodes mdast would build from these items.
  let out = '';
  // At most one offset per character of [s, e) (a skipped part gives one), and the end.
  const offsets = new Array<number>(e - s + 1);
  let count = 0;
  let end = e;
  const gap = (at: number) => {
    if (out && !out.endsWith(' ')) { out += ' '; offsets[count++] = at; }
  };
  const visit = (list: readonly Inline[]) => {
    for (let i = 0; i < list.length; i++) {
      const n = list[i];
      switch (n.t) {
        case 'data': case 'seq': {
          // Adjacent data is one text node: its source is read as one slice.
          let j = i;
          while (j + 1 < list.length && (list[j + 1].t === 'data' || list[j + 1].t === 'seq')) j++;
          const ts = n.s, te = list[j].e;
          // In a block quote, where a text node that ends in the next line's "> " ends depends on
          // what comes after it in micromark: a run that ends there, before a code span, link or
          // the like, is left to micromark.
          if (j + 1 < list.length) {
            const nl = text.lastIndexOf('\n', te - 1);
            if (nl >= ts && nl + 1 < te && /^[> ]+$/.test(text.slice(nl + 1, te))) throw giveUp;
          }
          out += prose(ts, te);
          for (let k = ts; k < te; k++) offsets[count++] = k;
          end = te;
          i = j;
          break;
        }
        case 'group':
          visit(n.children);
          break;
        case 'link':
          if (isAutolinkLike(text, n)) gap(n.s);
          else visit(n.children);
          break;
        default:
          gap(n.s);
      }
    }
  };
  visit(items);
  offsets[count++] = end;
  offsets.length = count;
  return { text: out, offsets };
}

/** markdown.ts's isAutolink for an inline link: its text is its address (or the end of it). */
function isAutolinkLike(text: string, link: { children: Inline[]; url: string }): boolean {
  if (!link.children.length || !link.children.every((c) => c.t === 'data' || c.t === 'seq')) return false;
  const only = text.slice(link.children[0].s, link.children[link.children.length - 1].e);
  const bare = link.url.replace(/^(?:https?:\/\/|mailto:)/, '');
  return only === link.url || only === bare || link.url.endsWith(only);
}

/** The characters readInline's switch has a case for (ASCII), other than the line feed. */
const INLINE_SPECIAL = new Uint8Array(128);
for (const c of '`*_[!]<\\&~\t\r\0') INLINE_SPECIAL[c.charCodeAt(0)] = 1;

/** Inline items of [s, e), attention resolved. */
function readInline(text: string, s: number, e: number, ctx: Ctx): Inline[] {
  const items: Inline[] = [];
  const labels: number[] = [];
  let dataStart = -1;
  const flush = (upTo: number) => {
    if (dataStart >= 0 && upTo > dataStart) items.push({ t: 'data', s: dataStart, e: upTo });
    dataStart = -1;
  };
  const data = (i: number) => { if (dataStart < 0) dataStart = i; };
  let i = s;
  while (i < e) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 96: { // ` code span: a closing run of exactly as many backticks, else literal
        let n = 1;
        while (i + n < e && text.charCodeAt(i + n) === 96) n++;
        let close = -1;
        for (let j = i + n; j < e;) {
          const k = text.indexOf('`', j);
          if (k < 0 || k >= e) break;
          let m = 1;
          while (k + m < e && text.charCodeAt(k + m) === 96) m++;
          if (m === n) { close = k; break; }
          j = k + m;
        }
        if (close < 0) { data(i); i += n; break; }
        flush(i);
        items.push({ t: 'opaque', s: i, e: close + n });
        i = close + n;
        break;
      }
      case 42: case 95: { // * _ attention sequence
        let n = 1;
        while (i + n < e && text.charCodeAt(i + n) === c) n++;
        const before = classify(i > s ? text.charCodeAt(i - 1) : undefined);
        const after = classify(i + n < e ? text.charCodeAt(i + n) : undefined);
        const open = !after || (after === 2 && !!before);
        const close = !before || (before === 2 && !!after);
        flush(i);
        items.push({ t: 'seq', s: i, e: i + n, marker: c, open: c === 42 ? open : open && (!!before || !close), close: c === 42 ? close : close && (!!after || !open) });
        i += n;
        break;
      }
      case 91: { // [ label start
        if (labels.length) throw giveUp; // nested brackets
        if (text.charCodeAt(i + 1) === 94) {
          // [^label]: a footnote call when the document defines the label, else a link label.
          let j = i + 2;
          while (j < e && j - i < 1000) {
            const d = text.charCodeAt(j);
            if (d === 93 || d === 91 || d === 92 || d === 32 || d === 9 || d === 10 || d === 13) break;
            j++;
          }
          if (j === i + 2 || j >= e || text.charCodeAt(j) !== 93) throw giveUp;
          ctx.needsDefinitions = true;
          if (!ctx.definitions || ctx.definitions.footnotes.has(normalizeIdentifier(text.slice(i + 2, j)))) {
            flush(i);
            items.push({ t: 'opaque', s: i, e: j + 1 });
            i = j + 1;
            break;
          }
        }
        flush(i);
        labels.push(items.length);
        items.push({ t: 'label', s: i, e: i + 1, image: false });
        i++;
        break;
      }
      case 33: // ! image label start, else text
        if (text.charCodeAt(i + 1) !== 91) { data(i); i++; break; }
        if (text.charCodeAt(i + 2) === 94 || labels.length) throw giveUp;
        flush(i);
        labels.push(items.length);
        items.push({ t: 'label', s: i, e: i + 2, image: true });
        i += 2;
        break;
      case 93: { // ] label end: only an inline link or image with a plain resource
        const at = labels.pop();
        if (at === undefined) throw giveUp;
        const label = items[at] as Extract<Inline, { t: 'label' }>;
        if (i - label.e > 999) throw giveUp;
        const resource = readResource(text, i + 1, e);
        if (!resource) {
          // Not followed by a resource: a shortcut reference when its label is defined, else plain
          // text ("[sic]"). A "[" after it would make a full or collapsed reference, a "(" maybe a
          // resource this reader does not know, a ":" maybe a definition: micromark decides.
          const next = text.charCodeAt(i + 1);
          if (next === 91 || next === 40 || next === 58) throw giveUp;
          ctx.needsDefinitions = true;
          if (ctx.definitions?.links.has(normalizeIdentifier(text.slice(label.e, i)))) throw giveUp;
          items[at] = { t: 'data', s: label.s, e: label.e };
          data(i);
          i++;
          break;
        }
        flush(i);
        const children = items.splice(at + 1);
        items.length = at;
        resolveAttention(children);
        items.push(label.image ? { t: 'opaque', s: label.s, e: resource.end } : { t: 'link', s: label.s, e: resource.end, children, url: resource.url });
        i = resource.end;
        break;
      }
      case 60: { // < URL autolink; anything else may be HTML
        const m = AUTOLINK.exec(text.slice(i, Math.min(e, i + 4096)));
        if (!m) throw giveUp;
        flush(i);
        items.push({ t: 'opaque', s: i, e: i + m[0].length });
        i += m[0].length;
        break;
      }
      case 92: case 38: case 126: case 9: case 13: case 0: // \ & ~ tab CR NUL
        throw giveUp;
      default: // text, and line endings inside a paragraph (continuation lines start at column 0 here)
        data(i);
        i++;
        while (i < e && !INLINE_SPECIAL[text.charCodeAt(i)]) i++;
    }
  }
  flush(e);
  if (labels.length) throw giveUp;
  resolveAttention(items);
  // Every text checkLiterals reads is a part of [s, e): none has a literal when [s, e) has none.
  if (AUTOLINK_LITERAL.test(text.slice(s, e))) checkLiterals(text, items);
  return items;
}

/** No GFM autolink literal ("www.", "http://", e-mail) in the text that stays text. */
function checkLiterals(text: string, list: readonly Inline[]): void {
  for (const n of list) {
    if ((n.t === 'data' || n.t === 'seq') && AUTOLINK_LITERAL.test(text.slice(n.s, n.e))) throw giveUp;
    if (n.t === 'group' || n.t === 'link') checkLiterals(text, n.children);
  }
  // Literals can also span adjacent data items ("www" "." …): check the joined text of each run.
  let run = '';
  for (const n of list) {
    if (n.t === 'data' || n.t === 'seq') run += text.slice(n.s, n.e);
    else { if (AUTOLINK_LITERAL.test(run)) throw giveUp; run = ''; }
  }
  if (AUTOLINK_LITERAL.test(run)) throw giveUp;
}

/** `(destination "title")` right after a `]`: a destination without spaces, parentheses, `<` or `\`. */
function readResource(text: string, at: number, e: number): { end: number; url: string } | undefined {
  if (text.charCodeAt(at) !== 40) return undefined;
  let i = at + 1;
  while (i < e && text.charCodeAt(i) === 32) i++;
  const destStart = i;
  while (i < e) {
    const c = text.charCodeAt(i);
    if (c === 41 || c === 32) break;
    if (c < 33 || c === 127 || c === 40 || c === 60 || c === 92) return undefined;
    i++;
  }
  const url = text.slice(destStart, i);
  if (i < e && text.charCodeAt(i) === 32) {
    while (i < e && text.charCodeAt(i) === 32) i++;
    if (text.charCodeAt(i) === 34) {
      if (!url) return undefined;
      const close = text.indexOf('"', i + 1);
      if (close < 0 || close >= e) return undefined;
      const title = text.slice(i + 1, close);
      if (/[\\\n\r&]/.test(title)) return undefined;
      i = close + 1;
      while (i < e && text.charCodeAt(i) === 32) i++;
    }
  }
  if (text.charCodeAt(i) !== 41 || i >= e) return undefined;
  return { end: i + 1, url };
}

/** micromark's resolveAllAttention on a list of items; leftover sequences become text. */
function resolveAttention(items: Inline[]): void {
  for (let index = 0; index < items.length; index++) {
    const close = items[index];
    if (close.t !== 'seq' || !close.close) continue;
    let open = index;
    while (open--) {
      const o = items[open];
      if (o.t !== 'seq' || !o.open || o.marker !== close.marker) continue;
      const oSize = o.e - o.s, cSize = close.e - close.s;
      if ((o.close || close.open) && cSize % 3 && !((oSize + cSize) % 3)) continue;
      const use = oSize > 1 && cSize > 1 ? 2 : 1;
      const inner = items.slice(open + 1, index);
      resolveAttention(inner);
      const group: Inline = { t: 'group', s: o.e - use, e: close.s + use, children: inner };
      o.e -= use;
      close.s += use;
      const replacement: Inline[] = [];
      if (o.e > o.s) replacement.push(o);
      replacement.push(group);
      if (close.e > close.s) replacement.push(close);
      items.splice(open, index - open + 1, ...replacement);
      index = open + (o.e > o.s ? 1 : 0); // the group; the loop goes on with what remains of the closer
      break;
    }
  }
  for (let k = 0; k < items.length; k++) {
    const n = items[k];
    if (n.t === 'seq') items[k] = { t: 'data', s: n.s, e: n.e };
  }
}
