/**
 * The outline of a dataset's JSON text: where the top-level members are and where each element of
 * a top-level array starts and ends, plus any key given twice in one object. It is what lets the
 * loader locate a problem in `facts[70412]` without a syntax tree of the whole file, and tell
 * which elements contain a syntax error or a duplicate key.
 *
 * One builder, two drivers: {@link outlineValidJson}, a fast pass over text `JSON.parse` has
 * already accepted (the common case), and {@link outlineWithErrors}, jsonc-parser's
 * error-tolerant visitor, for text with syntax errors. Neither builds a tree.
 */
import { printParseErrorCode, visit, type ParseError } from './jsonc';

/** A range of the text, in UTF-16 code units. */
export interface Span {
  offset: number;
  length: number;
}

export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** A segment of a JSON path: a property name or an array index. */
export type PathSegment = string | number;

/** One `"key": value` of the top-level object. */
export interface OutlineMember {
  key: string;
  /** The key including its quotes. */
  keySpan: Span;
  /** The value; undefined when a syntax error left the member without one. */
  value: (Span & { kind: JsonKind }) | undefined;
  /** For an array value: each element's span. */
  elements?: Span[];
}

/** A key that occurs twice in the same object. Reported at the second occurrence. */
export interface DuplicateKey {
  /** Path of the object that has the key twice. */
  objectPath: PathSegment[];
  key: string;
  keySpan: Span;
}

export interface Outline {
  /** The top-level value; undefined when the text holds no value at all. */
  root: (Span & { kind: JsonKind }) | undefined;
  /** Members of a top-level object, in text order (a key given twice appears twice). */
  members: OutlineMember[];
  duplicateKeys: DuplicateKey[];
}

/** Objects with more keys than this switch from a linear key list to a Set. */
const SMALL_OBJECT = 16;

/** An open object or array. Frames are reused by depth: a large file opens a million objects. */
interface Frame {
  isObject: boolean;
  /** Objects: the current member's key and where it is. */
  key: string;
  keyOffset: number;
  keyLength: number;
  /** Arrays: index of the current element; `count` values started so far. */
  index: number;
  count: number;
  keys: string[] | Set<string>;
}

/** Receives the structure of a JSON text in order and records the outline. */
class OutlineBuilder {
  private readonly frames: Frame[] = [];
  private depth = 0;
  private readonly outline: Outline = { root: undefined, members: [], duplicateKeys: [] };
  private member: OutlineMember | undefined;
  private elementStart = 0;

  /** A value (scalar or container) starts at `offset`. */
  begin(offset: number, kind: JsonKind): void {
    const { frames, depth } = this;
    const top = depth > 0 ? frames[depth - 1] : undefined;
    if (top && !top.isObject) top.index = top.count++;
    if (depth === 0) this.outline.root = { offset, length: 0, kind };
    else if (depth === 1 && top?.isObject) {
      this.member = { key: top.key, keySpan: { offset: top.keyOffset, length: top.keyLength }, value: { offset, length: 0, kind } };
      if (kind === 'array') this.member.elements = [];
      this.outline.members.push(this.member);
    } else if (depth === 2 && frames[0].isObject && !top?.isObject) this.elementStart = offset;
    if (kind === 'object' || kind === 'array') {
      let frame = frames[depth];
      if (!frame) frame = frames[depth] = { isObject: false, key: '', keyOffset: 0, keyLength: 0, index: -1, count: 0, keys: [] };
      frame.isObject = kind === 'object';
      frame.key = '';
      frame.keyOffset = offset;
      frame.keyLength = 0;
      frame.index = -1;
      frame.count = 0;
      if (Array.isArray(frame.keys)) frame.keys.length = 0;
      else frame.keys = [];
      this.depth++;
    }
  }

  /** The innermost open container ends just before `end`. */
  endContainer(end: number): void {
    if (this.depth > 0) this.depth--;
    this.end(end);
  }

  /** A scalar spans `offset` to `end`. */
  scalar(offset: number, end: number, kind: JsonKind): void {
    this.begin(offset, kind);
    this.end(end);
  }

  /** A property name (its quoted text at `offset`, `length` long) of the innermost object. */
  property(key: string, offset: number, length: number): void {
    const { frames, depth } = this;
    const top = depth > 0 ? frames[depth - 1] : undefined;
    if (!top?.isObject) return;
    if (this.seen(top, key)) {
      this.outline.duplicateKeys.push({
        objectPath: frames.slice(0, depth - 1).map((f) => (f.isObject ? f.key : f.index)),
        key,
        keySpan: { offset, length },
      });
    }
    top.key = key;
    top.keyOffset = offset;
    top.keyLength = length;
  }

  done(): Outline {
    return this.outline;
  }

  private end(end: number): void {
    const { frames, depth, outline, member } = this;
    if (depth === 0) {
      if (outline.root) outline.root.length = end - outline.root.offset;
    } else if (depth === 1 && frames[0].isObject) {
      if (member?.value) member.value.length = end - member.value.offset;
    } else if (depth === 2 && frames[0].isObject && !frames[1].isObject) {
      member?.elements?.push({ offset: this.elementStart, length: end - this.elementStart });
    }
  }

  private seen(frame: Frame, key: string): boolean {
    if (Array.isArray(frame.keys)) {
      if (frame.keys.includes(key)) return true;
      frame.keys.push(key);
      if (frame.keys.length > SMALL_OBJECT) frame.keys = new Set(frame.keys);
      return false;
    }
    if (frame.keys.has(key)) return true;
    frame.keys.add(key);
    return false;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isJsonWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Offset just past the string literal that starts (with its quote) at `start`. */
function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length; // not reached for valid JSON
    let backslashes = 0;
    for (let k = quote - 1; text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/**
 * Outlines text that is known to be valid JSON (`JSON.parse` accepted it); on other text the
 * result is unspecified. One pass: strings are skipped with `indexOf`, nothing is decoded but
 * object keys.
 */
export function outlineValidJson(text: string): Outline {
  const builder = new OutlineBuilder();
  /** Per open container: is it an object? (for telling keys from string values) */
  const objects: boolean[] = [];
  let expectKey = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isJsonWhitespace(c)) { i++; continue; }
    switch (c) {
      case OPEN_BRACE:
        builder.begin(i, 'object');
        objects.push(true);
        expectKey = true;
        i++;
        break;
      case OPEN_BRACKET:
        builder.begin(i, 'array');
        objects.push(false);
        expectKey = false;
        i++;
        break;
      case CLOSE_BRACE:
      case CLOSE_BRACKET:
        objects.pop();
        expectKey = false;
        i++;
        builder.endContainer(i);
        break;
      case COMMA:
        expectKey = objects[objects.length - 1];
        i++;
        break;
      case COLON:
        expectKey = false;
        i++;
        break;
      case QUOTE: {
        const end = stringEnd(text, i);
        if (expectKey) {
          const raw = text.slice(i + 1, end - 1);
          builder.property(raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw, i, end - i);
          expectKey = false;
        } else builder.scalar(i, end, 'string');
        i = end;
        break;
      }
      default: {
        // A number, true, false or null: runs to the next delimiter.
        let end = i + 1;
        while (end < n) {
          const d = text.charCodeAt(end);
          if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isJsonWhitespace(d)) break;
          end++;
        }
        builder.scalar(i, end, c === 0x74 || c === 0x66 ? 'boolean' : c === 0x6e ? 'null' : 'number');
        i = end;
      }
    }
  }
  return builder.done();
}

/** A syntax error, and whether the parser got through any value or key since the previous
 *  error (if not, it is most likely the same mistake seen again while recovering). */
export interface OutlineSyntaxError extends ParseError {
  afterProgress: boolean;
}

/** Outlines any text with jsonc-parser's error-tolerant visitor, and returns its syntax errors. */
export function outlineWithErrors(text: string): { outline: Outline; errors: OutlineSyntaxError[] } {
  const builder = new OutlineBuilder();
  const errors: OutlineSyntaxError[] = [];
  let progress = true;
  const step = (): void => { progress = true; };
  visit(text, {
    onObjectBegin: (offset) => { step(); builder.begin(offset, 'object'); },
    onArrayBegin: (offset) => { step(); builder.begin(offset, 'array'); },
    // At a missing "}" or "]" the parser ends the container at whatever token it stopped on.
    onObjectEnd: (offset, length) => { step(); builder.endContainer(text[offset] === '}' ? offset + length : offset); },
    onArrayEnd: (offset, length) => { step(); builder.endContainer(text[offset] === ']' ? offset + length : offset); },
    onObjectProperty: (key, offset, length) => { step(); builder.property(key, offset, length); },
    onLiteralValue: (value: unknown, offset, length) => {
      step();
      builder.scalar(offset, offset + length, value === null ? 'null' : typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'string');
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length, afterProgress: progress });
      // A comment is reported by the scanner, not in the middle of a recovery.
      if (printParseErrorCode(error) !== 'InvalidCommentToken') progress = false;
    },
  }, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  return { outline: builder.done(), errors };
}
