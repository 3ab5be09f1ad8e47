/**
 * From a JSON path (`['facts', 3, 'value', 'amount']`) to a place in the dataset text: offset,
 * length, 0-based line and UTF-16 character. Only the region that holds the path (one fact, the
 * metadata object) is parsed into a tree, and only when a problem there needs a location.
 */
import { findNodeAtLocation, parseTree, type JsonNode, type ParseError } from './jsonc';
import type { Outline, PathSegment, Span } from './json-outline';

/** A located place in the text. */
export interface TextLocation extends Span {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 character in the line. */
  character: number;
}

/** Offsets to line/character. Lines end at "\n", "\r\n" or "\r", as in VS Code. */
export class LineTable {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    const starts = this.starts;
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        starts.push(i + 1);
      } else if (c === 0x0a) starts.push(i + 1);
    }
  }

  /** The line and character of `offset` (clamped to the text). */
  position(offset: number): { line: number; character: number } {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: Math.max(0, offset - starts[lo]) };
  }
}

/** `facts[3].value.amount`; keys that are not plain identifiers are bracketed: `a["b c"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** A tree of part of the text, with the offset of its first character. */
interface Region {
  node: JsonNode;
  base: number;
  /** The key of the member this region is the value of, if any. */
  keySpan?: Span;
}

/** What to point at: the value at the path, or the key of the property at the path. */
export type LocateTarget = 'value' | 'key';

/**
 * Locates JSON paths in one dataset text, using its outline for the top level and a tree of
 * just the member or array element the path goes into.
 *
 * - An existing scalar: the whole literal (strings with their quotes).
 * - An existing object or array: its key when it is a property's value, else its `"id"` value
 *   when it has one (a fact, an entity), else its opening bracket; a multi-line squiggle helps no-one.
 * - A missing field: the same anchor for the nearest enclosing object that exists.
 */
export class DatasetLocator {
  private lines: LineTable | undefined;
  private readonly regions = new Map<number, JsonNode>();

  constructor(private readonly text: string, private readonly outline: Outline) {}

  /** The place of `path`, or of the nearest enclosing thing that exists. */
  locate(path: readonly PathSegment[], target: LocateTarget = 'value'): TextLocation {
    return this.at(this.span(path, target));
  }

  /** Line and character of a span. */
  at(span: Span): TextLocation {
    this.lines ??= new LineTable(this.text);
    return { ...span, ...this.lines.position(span.offset) };
  }

  private span(path: readonly PathSegment[], target: LocateTarget): Span {
    const root = this.outline.root;
    if (!root) return { offset: 0, length: 0 };
    const rootAnchor = { offset: root.offset, length: 1 };
    if (path.length === 0) return rootAnchor;
    let member;
    for (const m of this.outline.members) if (m.key === path[0]) member = m; // the last one counts, as in JSON.parse
    if (!member) return rootAnchor;
    if (path.length === 1) {
      if (target === 'key' || !member.value || member.value.kind === 'object' || member.value.kind === 'array') return member.keySpan;
      return { offset: member.value.offset, length: member.value.length };
    }
    let region: Region | undefined;
    let rest: readonly PathSegment[];
    if (member.elements && typeof path[1] === 'number') {
      const element = member.elements[path[1]];
      if (!element) return member.keySpan;
      region = this.region(element);
      rest = path.slice(2);
    } else {
      if (!member.value) return member.keySpan;
      region = this.region(member.value, member.keySpan);
      rest = path.slice(1);
    }
    if (!region) return member.keySpan;
    let node = region.node;
    for (let i = 0; i < rest.length; i++) {
      const child = findNodeAtLocation(node, [rest[i]]);
      if (!child) return this.anchor(node, region);
      if (target === 'key' && i === rest.length - 1) {
        const keyNode = child.parent?.type === 'property' ? child.parent.children?.[0] : undefined;
        if (keyNode) return { offset: region.base + keyNode.offset, length: keyNode.length };
      }
      node = child;
    }
    if (node.type === 'object' || node.type === 'array') return this.anchor(node, region);
    return { offset: region.base + node.offset, length: node.length };
  }

  /** Key, else `"id"` value, else opening bracket of a container node. */
  private anchor(node: JsonNode, region: Region): Span {
    const keyNode = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    if (keyNode) return { offset: region.base + keyNode.offset, length: keyNode.length };
    if (node === region.node && region.keySpan) return region.keySpan;
    if (node.type === 'object') {
      const id = findNodeAtLocation(node, ['id']);
      if (id && id.type === 'string') return { offset: region.base + id.offset, length: id.length };
    }
    return { offset: region.base + node.offset, length: 1 };
  }

  /** The tree of a member value or array element, parsed from its text. Comments and trailing
   *  commas are tolerated here: they are reported as syntax errors on their own. */
  private region(span: Span, keySpan?: Span): Region | undefined {
    let node = this.regions.get(span.offset);
    if (!node) {
      const errors: ParseError[] = [];
      node = parseTree(this.text.slice(span.offset, span.offset + span.length), errors, { allowTrailingComma: true });
      if (!node) return undefined;
      this.regions.set(span.offset, node);
    }
    return { node, base: span.offset, keySpan };
  }
}
