/**
 * Dataset text -> validated dataset + located problems. Never throws, never evaluates anything.
 *
 * Fast path (valid JSON, the common case): `JSON.parse`, then each element of the common valid
 * shapes is accepted by a hand-written check (fast-check.ts) and kept as JSON.parse made it, with
 * the schema's defaults filled in and equal term lists shared; zod validates the rest and words
 * their problems. No outline of the text (json-outline.ts) is made unless a problem needs a
 * location, and then only the one fact or object concerned is parsed into a tree (locate.ts).
 * Keys given twice (JSON.parse keeps the last) are found by counting: the text has more ":" than
 * the value has keys and ":" in its strings; then the text is parsed again the careful way, with
 * an outline, which reports them.
 * Slow path (syntax errors): the outline comes from jsonc-parser's error-tolerant visitor; each
 * error is reported, and elements that contain one are dropped, except for comments and trailing
 * commas, which change nothing about the values around them. Still no tree of the whole file.
 *
 * Salvage: the top level and the metadata are validated on their own, and so is each element of
 * `documents`, `entities` and `facts`. An invalid element is reported and dropped; the valid rest
 * is kept. Invalid metadata is reported and replaced by a fallback built from its valid fields.
 * Ids must be unique per kind; a later duplicate is reported and dropped.
 *
 * Cross-references (a fact's document, a quote's speaker, …) are checked by {@link mergeDatasets},
 * which sees every dataset: a user's dataset may refer to the bundled dataset's entities.
 */
import type { DatasetProblem } from '../types';
import { Dataset, DatasetMetadata, Entity, Fact, SourceDocument } from './schema';
import { parseTree, type JsonNode } from './jsonc';
import { outlineValidJson, outlineWithErrors, type JsonKind, type Outline, type OutlineMember, type PathSegment, type Span } from './json-outline';
import { DatasetLocator, formatPath, type LocateTarget, type TextLocation } from './locate';
import { describeSyntaxErrors, syntaxErrorFromJsonParse, type SyntaxProblem } from './syntax';
import { MARK_DEFAULTS, reportIssues, type IssueReport } from './issues';
import { ProblemSink } from './problem-sink';
import { checkElement, colonsIn, lastTally, tally } from './fast-check';
import { resetSharing } from './share-lists';

export { mergeDatasets } from './merge';
export { MAX_PROBLEMS_PER_FILE } from './problem-sink';

/** Texts longer than this (UTF-16 code units, 64 Mi) get one clear error instead of a long parse. */
export const MAX_DATASET_LENGTH = 64 * 1024 * 1024;

/** The array members of a dataset, and what their elements are called in messages. */
export const DATASET_ARRAYS = [
  { key: 'documents', noun: 'document', schema: SourceDocument },
  { key: 'entities', noun: 'entity', schema: Entity },
  { key: 'facts', noun: 'fact', schema: Fact },
] as const;

export type DatasetArrayKey = (typeof DATASET_ARRAYS)[number]['key'];

export interface ParsedDataset {
  file: string;
  /** The valid part of the dataset. Undefined when nothing is usable: an empty file, text that
   *  is not a JSON object, an unsupported `version`, a file over {@link MAX_DATASET_LENGTH}. */
  dataset: Dataset | undefined;
  /** This file's problems, in text order. */
  problems: DatasetProblem[];
  /**
   * Locates a JSON path of the file's text (e.g. `['facts', 12, 'document']`), for problems found
   * later by {@link mergeDatasets}. Holds on to the text. Absent for datasets not parsed from text.
   */
  locate?: (path: readonly PathSegment[], target?: LocateTarget) => TextLocation;
  /** For each kept document, entity and fact, its index in the file (the dataset's arrays skip
   *  the dropped ones). Absent for datasets not parsed from text. */
  indexInFile?: Record<DatasetArrayKey, number[]>;
}

/** A value that could not be read because of a syntax error inside it. */
const BROKEN = Symbol('broken');
type Read = unknown | typeof BROKEN;

/** The fast parse found that the text has a key given twice: parse it again with an outline. */
const RETRY = Symbol('retry');

/** A top-level member: from the outline, or, in a fast parse, from JSON.parse's value. */
interface Member {
  key: string;
  /** The kind of the value; undefined when a syntax error left the member without one. */
  kind: JsonKind | undefined;
  /** For an array: the number of its elements. */
  count: number | undefined;
  /** Its outline (not in a fast parse). */
  outline?: OutlineMember;
}

function kindOf(v: unknown): JsonKind {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  return t === 'object' ? 'object' : t === 'string' ? 'string' : t === 'boolean' ? 'boolean' : 'number';
}

/** Does the text have a "\u003a" escape (or something like it)? */
function hasColonEscape(text: string): boolean {
  return text.indexOf('\\u003') >= 0 && /\\u003a/i.test(text);
}

/** The outline and the locator of a text, built on first use. Holds on to the text. */
class LazyLocator {
  private built: DatasetLocator | undefined;
  constructor(private readonly text: string, private known?: Outline) {}
  get outline(): Outline {
    return (this.known ??= outlineValidJson(this.text));
  }
  get(): DatasetLocator {
    return (this.built ??= new DatasetLocator(this.text, this.outline));
  }
}

const datasetShape = 'a dataset is a JSON object: { "version": 1, "metadata": { "title", "asOf" }, "documents": […], "entities": […], "facts": […] }';

/** Parses and validates one dataset file's text. */
export function parseDataset(text: string, file: string): ParsedDataset {
  let sink = new ProblemSink(file);
  resetSharing();
  try {
    // First without an outline of the text (built only if a problem needs a location); if the
    // text turns out to have a key given twice, again the thorough way.
    const fast = new DatasetParser(text, file, sink, true).parse();
    if (fast !== RETRY) return fast;
    sink = new ProblemSink(file);
    return new DatasetParser(text, file, sink, false).parse() as ParsedDataset;
  } catch (e) {
    // A bug or a pathological text (nesting deeper than the stack); still never throw.
    sink.add(undefined, '', `could not read the dataset: ${e instanceof Error ? e.message : String(e)}`);
    return { file, dataset: undefined, problems: sink.done() };
  } finally {
    resetSharing();
  }
}

/** Builds a value from a jsonc-parser node. Keys are defined, not assigned, so `"__proto__"` is
 *  an ordinary (and, for the schema, unknown) key. */
function nodeValue(node: JsonNode): unknown {
  if (node.type === 'object') {
    const o: Record<string, unknown> = {};
    for (const property of node.children ?? []) {
      const [k, v] = property.children ?? [];
      if (k && v && typeof k.value === 'string') Object.defineProperty(o, k.value, { value: nodeValue(v), enumerable: true, writable: true, configurable: true });
    }
    return o;
  }
  if (node.type === 'array') return (node.children ?? []).map(nodeValue);
  return node.value;
}

function latestDate(dates: Iterable<string | undefined>): string | undefined {
  let latest: string | undefined;
  for (const d of dates) if (d !== undefined && (latest === undefined || d > latest)) latest = d;
  return latest;
}

function baseName(file: string): string {
  return file.replace(/^.*[/\\:]/, '') || file;
}

class DatasetParser {
  private text: string;
  /** Set at once, except in a fast parse, where it is built when a problem needs a location. */
  private lazy!: LazyLocator;
  /** Offsets of syntax errors (other than comments and trailing commas) and duplicate keys:
   *  an element containing one is not used. Sorted. */
  private poison: number[] = [];
  /** Syntax errors other than comments and trailing commas: the parser's recovery may have
   *  changed the top level (a key skipped, a member taken out of its object), so only syntax errors
   *  and problems inside elements without one are reported. */
  private mangled = false;
  /** The whole value, when the text is valid JSON. */
  private value: Record<string, unknown> | undefined;

  /**
   * @param fast For text JSON.parse accepts: no outline of the text unless a problem needs a
   *  location, elements of the common valid shapes accepted without zod (fast-check.ts), and
   *  RETRY when the text turns out to have a key given twice.
   */
  constructor(text: string, private readonly file: string, private readonly sink: ProblemSink, private fast: boolean) {
    // A byte order mark is not JSON; a space in its place keeps every offset.
    this.text = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  }

  private get outline(): Outline {
    return this.lazy.outline;
  }

  private get locator(): DatasetLocator {
    return this.lazy.get();
  }

  parse(): ParsedDataset | typeof RETRY {
    const { text, file, sink } = this;
    const fail = (): ParsedDataset => ({ file, dataset: undefined, problems: sink.done() });
    if (text.length > MAX_DATASET_LENGTH) {
      const mb = (n: number): string => (n / (1024 * 1024)).toFixed(1);
      sink.add(undefined, '', `the dataset is too large to load (${mb(text.length)} MB; the limit is ${mb(MAX_DATASET_LENGTH)} MB): split it into several files`);
      return fail();
    }
    if (!/\S/.test(text)) {
      sink.add(undefined, '', `the file is empty: ${datasetShape}`);
      return fail();
    }

    let syntax: SyntaxProblem[] = [];
    try {
      const value: unknown = JSON.parse(text);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        this.value = value as Record<string, unknown>;
        // A "\u003a" escape would upset the count of ":" that finds keys given twice.
        if (this.fast && !hasColonEscape(text)) {
          this.lazy = new LazyLocator(text);
          return this.validate(this.valueMembers());
        }
      }
      this.fast = false;
      this.lazy = new LazyLocator(text, outlineValidJson(text));
    } catch (e) {
      this.fast = false;
      const { outline, errors } = outlineWithErrors(text);
      syntax = describeSyntaxErrors(text, errors);
      if (!syntax.length) syntax = [syntaxErrorFromJsonParse(text, e)];
      this.lazy = new LazyLocator(text, outline);
    }
    const locator = this.locator;
    for (const s of syntax) sink.add(() => locator.at(s), '', s.message);
    for (const d of this.outline.duplicateKeys) {
      const path = [...d.objectPath, d.key];
      sink.add(() => locator.at(d.keySpan), formatPath(path),
        `${d.objectPath.length ? `${formatPath(d.objectPath)}: ` : ''}the key ${JSON.stringify(d.key)} is given twice (JSON keeps only the last)`);
    }
    this.mangled = syntax.some((p) => !p.benign);
    this.poison = [...syntax.filter((s) => !s.benign).map((s) => s.offset), ...this.outline.duplicateKeys.filter((d) => d.objectPath.length > 0).map((d) => d.keySpan.offset)]
      .sort((a, b) => a - b);

    const root = this.outline.root;
    if (!root) {
      if (!syntax.length) sink.add(undefined, '', `no JSON value found: ${datasetShape}`);
      return fail();
    }
    if (root.kind !== 'object') {
      sink.add(() => locator.at({ offset: root.offset, length: root.kind === 'array' ? 1 : root.length }), '',
        `expected a JSON object, got ${root.kind === 'array' ? 'an array' : `a ${root.kind}`}: ${datasetShape}`);
      return fail();
    }
    return this.validate(this.outlineMembers());
  }

  private outlineMembers(): Map<string, Member> {
    const byKey = new Map<string, Member>();
    for (const m of this.outline.members) {
      byKey.set(m.key, { key: m.key, kind: m.value?.kind, count: m.elements?.length, outline: m }); // the last one counts, as in JSON.parse
    }
    return byKey;
  }

  /** The members of the value JSON.parse returned (a fast parse). */
  private valueMembers(): Map<string, Member> {
    const byKey = new Map<string, Member>();
    const value = this.value!;
    for (const key of Object.keys(value)) {
      const v = value[key];
      byKey.set(key, { key, kind: kindOf(v), count: Array.isArray(v) ? v.length : undefined });
    }
    return byKey;
  }

  /** Where the key of a top-level member is (the last one of that name). */
  private keySpan(key: string): Span | undefined {
    let span: Span | undefined;
    for (const m of this.outline.members) if (m.key === key) span = m.keySpan;
    return span;
  }

  private isPoisoned(span: Span): boolean {
    // First poisoned offset after the span's start; the span's own first character is a boundary
    // ("} {": a missing comma before an element does not spoil it).
    const p = this.poison;
    let lo = 0;
    let hi = p.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (p[mid] <= span.offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= p.length) return false;
    const end = span.offset + span.length;
    return p[lo] < end || (p[lo] === end && end === this.text.length);
  }

  private readMember(m: Member): Read {
    const o = m.outline;
    if (!o) return this.value![m.key];
    if (!o.value || this.isPoisoned(o.value)) return BROKEN;
    return this.value ? this.value[m.key] : this.readSpan(o.value);
  }

  private readElement(m: Member, i: number): Read {
    const o = m.outline;
    if (!o) return (this.value![m.key] as unknown[])[i];
    const element = o.elements?.[i];
    if (!element || this.isPoisoned(element)) return BROKEN;
    return this.value ? (this.value[m.key] as unknown[])[i] : this.readSpan(element);
  }

  /** The value of part of a text with syntax errors, none of them inside the part: the part is
   *  JSON, or JSON but for comments and trailing commas. */
  private readSpan(span: Span): Read {
    const part = this.text.slice(span.offset, span.offset + span.length);
    try {
      return JSON.parse(part) as unknown;
    } catch {
      const node = parseTree(part, [], { allowTrailingComma: true });
      return node ? nodeValue(node) : BROKEN;
    }
  }

  private report(reports: readonly IssueReport[], severity: DatasetProblem['severity'] = 'error'): void {
    for (const r of reports) this.sink.add(() => this.locator.locate(r.path, r.target), formatPath(r.path), r.message, severity);
  }

  private validate(members: Map<string, Member>): ParsedDataset | typeof RETRY {
    const { file, sink, fast } = this;
    /** A fast parse: the number of keys and of ":" inside strings, to compare with the text's ":". */
    let colons = 0;

    // The top level, with the arrays standing in as empty: version, metadata, unknown keys, and
    // members that should be arrays but are not.
    const shell: Record<string, unknown> = {};
    const broken = new Set<string>();
    for (const [key, m] of members) {
      if (fast) colons += 1 + tally(key);
      if (DATASET_ARRAYS.some((a) => a.key === key) && m.kind === 'array') shell[key] = [];
      else {
        if (fast) colons += tally(this.value![key]);
        const v = this.readMember(m);
        if (v === BROKEN) broken.add(key);
        else Object.defineProperty(shell, key, { value: v, enumerable: true, writable: true, configurable: true });
      }
    }
    if (shell.version !== undefined && !Dataset.shape.version.safeParse(shell.version).success) {
      // Another format version may mean something else: use nothing.
      sink.add(() => this.locator.locate(['version']), 'version',
        `version: unsupported dataset version ${JSON.stringify(shell.version)}: this extension reads version 1 ("version": 1)`);
      return { file, dataset: undefined, problems: sink.done() };
    }
    const top = Dataset.safeParse(shell, MARK_DEFAULTS);
    if (!top.success && !this.mangled) {
      const reports = reportIssues(Dataset, shell, top.error.issues, []).filter((r) => !broken.has(String(r.path[0])));
      const version = reports.find((r) => r.path[0] === 'version' && r.path.length === 1);
      if (version) version.message = 'missing required field "version": add "version": 1';
      this.report(reports);
    }

    // Each element on its own.
    const kept = { documents: [] as SourceDocument[], entities: [] as Entity[], facts: [] as Fact[] };
    const indexInFile: Record<DatasetArrayKey, number[]> = { documents: [], entities: [], facts: [] };
    for (const { key, noun, schema } of DATASET_ARRAYS) {
      const m = members.get(key);
      if (m?.kind !== 'array' || m.count === undefined) continue;
      const firstIndex = new Map<string, number>();
      const out = kept[key] as Array<{ id: string }>;
      for (let i = 0; i < m.count; i++) {
        const v = this.readElement(m, i);
        if (v === BROKEN) continue; // its syntax error or duplicate key is reported
        let data: { id: string };
        if (fast && checkElement(key, v)) {
          // Valid: JSON.parse's object is zod's output (defaults filled in).
          colons += lastTally();
          data = v as { id: string };
        } else {
          if (fast) colons += tally(v);
          const r = schema.safeParse(v, MARK_DEFAULTS);
          if (!r.success) {
            this.report(reportIssues(schema, v, r.error.issues, [key, i]));
            continue;
          }
          data = r.data;
        }
        const id = data.id;
        const earlier = firstIndex.get(id);
        if (earlier !== undefined) {
          sink.add(() => this.locator.locate([key, i, 'id']), formatPath([key, i, 'id']),
            `${formatPath([key, i, 'id'])}: ${noun} id ${JSON.stringify(id)} is already defined at ${formatPath([key, earlier])} (line ${this.locator.locate([key, earlier]).line + 1}); this one is ignored`);
          continue;
        }
        firstIndex.set(id, i);
        out.push(data);
        indexInFile[key].push(i);
      }
    }
    // No key given twice (JSON.parse kept the last): else the whole file is read again, carefully.
    if (fast && colons !== colonsIn(this.text)) return RETRY;
    this.value = undefined;

    const metadata = this.metadata(members, shell, broken, kept);
    const dataset: Dataset = {
      ...(typeof shell.$schema === 'string' ? { $schema: shell.$schema } : {}),
      version: 1,
      metadata,
      ...kept,
    };
    const lazy = this.lazy;
    return { file, dataset, problems: sink.done(), locate: (path, target) => lazy.get().locate(path, target), indexInFile };
  }

  /** The metadata, or a fallback made of its valid fields (reported as a warning). */
  private metadata(members: Map<string, Member>, shell: Record<string, unknown>, broken: ReadonlySet<string>,
    kept: { documents: SourceDocument[]; facts: Fact[] }): Dataset['metadata'] {
    const given = shell.metadata;
    const parsed = DatasetMetadata.safeParse(given);
    if (parsed.success) return parsed.data;
    const field = <K extends keyof typeof DatasetMetadata.shape>(k: K): unknown => {
      const r = DatasetMetadata.shape[k].safeParse(given !== null && typeof given === 'object' ? (given as Record<string, unknown>)[k] : undefined);
      return r.success ? r.data : undefined;
    };
    const asOf = (field('asOf') as string | undefined)
      ?? latestDate([...kept.facts.map((f) => f.asOf), ...kept.documents.map((d) => d.published)])
      ?? new Date().toISOString().slice(0, 10);
    const fallback: Dataset['metadata'] = {
      title: (field('title') as string | undefined) ?? baseName(this.file),
      language: (field('language') as string | undefined) ?? 'en',
      asOf,
    };
    const description = field('description') as string | undefined;
    if (description !== undefined) fallback.description = description;
    const m = members.get('metadata');
    if (this.mangled) return fallback; // the syntax errors come first
    this.sink.add(() => (m ? this.locator.at(m.outline?.keySpan ?? this.keySpan('metadata')!) : this.locator.locate([])), 'metadata',
      `${m && !broken.has('metadata') ? 'the metadata is invalid' : m ? 'the metadata cannot be read' : 'the metadata is missing'}, so the dataset's facts are used with title ${JSON.stringify(fallback.title)} and asOf ${fallback.asOf}`,
      'warning');
    return fallback;
  }
}
