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

/** Parses a draft. Never throws for any input string. */
export function parseDraft(source: string): ParsedDraft {
  const tree = fromMarkdown(source, {
    extensions: [gfm(), frontmatter(['yaml', 'toml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])],
  });
  const blocks: ProseBlock[] = [];
  const fileIgnoreIds = new Set<string>();
  const footnoteLabels = new Set<string>();
  walkBlocks(source, tree, { all: false, ids: new Set() }, blocks, fileIgnoreIds, footnoteLabels);
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
        // A soft line break is a space in prose (ICU would end a sentence at a newline); container
        // markers on continuation lines ("> " in block quotes) are spaces too. Lengths are kept.
        const slice = source.slice(s, e).replace(/\r?\n[ \t>]*|\r/g, (m) => ' '.repeat(m.length));
        text += slice;
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
