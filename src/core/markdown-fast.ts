/**
 * Reads a chunk of Markdown made only of ATX headings and paragraphs without micromark, giving
 * exactly the prose and offsets that mdast-util-from-markdown + collectText would (markdown.ts
 * checks this against one mdast tree in test/unit/markdown-chunks.test.ts). It knows the inline
 * constructs prose uses most — emphasis and strong emphasis with `*` and `_` (micromark's attention
 * algorithm, ported), code spans, inline links and images with a plain destination and title, URL
 * autolinks and footnote calls (given the document's footnote labels) — and gives up (returns
 * undefined, and micromark reads the chunk) on anything else: escapes, entities, raw HTML, reference
 * links, strikethrough, autolink literals, definitions, tabs, trailing or leading spaces on a line,
 * and any line that could start another kind of block.
 */

/** A block the checker reads (the shape of markdown.ts's ProseBlock, offsets relative to the chunk). */
export interface FastBlock {
  kind: 'paragraph' | 'heading';
  text: string;
  offsets: number[];
}

/** Top-level nodes of the chunk: the blocks of each heading or paragraph (none when it has no prose). */
export type FastItems = FastBlock[][];

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
export function readFastChunk(text: string, prose: (s: number, e: number) => string, footnotes?: ReadonlySet<string>): FastItems | 'footnotes' | undefined {
  const ctx: Ctx = { prose, footnotes, calls: false };
  try {
    const items = readLines(text, ctx);
    return ctx.calls && !footnotes ? 'footnotes' : items;
  } catch (e) {
    if (e === giveUp) return undefined;
    throw e;
  }
}

interface Ctx {
  prose: (s: number, e: number) => string;
  /** Identifiers of the document's footnote definitions (micromark's normalizeIdentifier). */
  footnotes: ReadonlySet<string> | undefined;
  /** The chunk has footnote calls (`[^x]`): whether each is one depends on `footnotes`. */
  calls: boolean;
}

/** micromark's normalizeIdentifier. */
export function normalizeIdentifier(value: string): string {
  return value.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase();
}

function readLines(text: string, ctx: Ctx): FastItems {
  const items: FastItems = [];
  let paraStart = -1, paraEnd = -1;
  const flush = () => {
    if (paraStart >= 0) items.push(block(text, 'paragraph', paraStart, paraEnd, ctx));
    paraStart = -1;
  };
  for (let at = 0; at < text.length;) {
    let eol = text.indexOf('\n', at);
    if (eol < 0) eol = text.length;
    let blank = true;
    for (let k = at; k < eol; k++) if (text.charCodeAt(k) !== 32) { blank = false; break; }
    if (blank) {
      flush();
    } else {
      const last = text.charCodeAt(eol - 1);
      if (last === 32 || last === 9) throw giveUp; // trailing whitespace: a line suffix or a hard break
      const c = text.charCodeAt(at);
      if (c === 35) {
        // "# Heading": one to six "#", then a space or the end of the line, and no other "#".
        let n = 1;
        while (at + n < eol && text.charCodeAt(at + n) === 35) n++;
        if (n > 6 || (at + n < eol && text.charCodeAt(at + n) !== 32)) throw giveUp;
        const hash = text.indexOf('#', at + n);
        if (hash >= 0 && hash < eol) throw giveUp;
        flush();
        let s = at + n;
        while (s < eol && text.charCodeAt(s) === 32) s++;
        items.push(s < eol ? block(text, 'heading', s, eol, ctx) : []);
      } else {
        if (!paragraphLine(text, at, eol)) throw giveUp;
        // "[x]: url" and "[^x]: note" may be definitions (block-level): micromark decides.
        if (c === 91 && DEFINITION_START.test(text.slice(at, eol))) throw giveUp;
        if (paraStart < 0) paraStart = at;
        paraEnd = eol;
      }
    }
    at = eol + 1;
  }
  flush();
  return items;
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

function block(text: string, kind: FastBlock['kind'], s: number, e: number, ctx: Ctx): FastBlock[] {
  const items = readInline(text, s, e, ctx);
  const prose = ctx.prose;
  // collectText, on the nodes mdast would build from these items.
  let out = '';
  const offsets: number[] = [];
  let end = e;
  const gap = (at: number) => {
    if (out && !out.endsWith(' ')) { out += ' '; offsets.push(at); }
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
          out += prose(ts, te);
          for (let k = ts; k < te; k++) offsets.push(k);
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
  offsets.push(end);
  if (!/[\p{L}\p{N}]/u.test(out)) return [];
  return [{ kind, text: out, offsets }];
}

/** markdown.ts's isAutolink for an inline link: its text is its address (or the end of it). */
function isAutolinkLike(text: string, link: { children: Inline[]; url: string }): boolean {
  if (!link.children.length || !link.children.every((c) => c.t === 'data' || c.t === 'seq')) return false;
  const only = text.slice(link.children[0].s, link.children[link.children.length - 1].e);
  const bare = link.url.replace(/^(?:https?:\/\/|mailto:)/, '');
  return only === link.url || only === bare || link.url.endsWith(only);
}

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
          ctx.calls = true;
          if (!ctx.footnotes || ctx.footnotes.has(normalizeIdentifier(text.slice(i + 2, j)))) {
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
        const resource = readResource(text, i + 1, e);
        if (!resource) throw giveUp;
        flush(i);
        const label = items[at] as Extract<Inline, { t: 'label' }>;
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
      case 10: // a line ending inside a paragraph: continuation lines start at column 0 here
        data(i);
        i++;
        break;
      default:
        data(i);
        i++;
    }
  }
  flush(e);
  if (labels.length) throw giveUp;
  resolveAttention(items);
  checkLiterals(text, items);
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
