/**
 * A hand-written check of the valid shapes of dataset elements (documents, entities, facts), run
 * before zod: an element it accepts is one the schema (schema.ts) accepts, and the loader keeps
 * JSON.parse's object itself, with the schema's defaults filled in — exactly zod's output, without
 * zod's copy of every object. Anything it does not accept (an invalid element, but also valid
 * forms it does not try to follow: strings with surrounding white space, which zod trims, and
 * links, which zod normalises) goes to zod, which words the problems as before.
 * test/unit/dataset-fast-check.test.ts compares it with zod on valid and mutated elements.
 *
 * It also counts, for the duplicate-key test of the loader, the keys of the element and the ":"
 * characters inside its strings (see {@link tally}).
 */
import { Bound, DurationValue, Entity, FactKind, ISO_DATE_RE, SourceRef, VagueWord, isCalendarDate } from './schema';
import { SLOT_CONTEXT, SLOT_COUNTS, SLOT_EXCLUDES, SLOT_OTHER, SLOT_SOURCE, SLOT_TERMS, emptyList, shareIn } from './share-lists';

type Obj = Record<string, unknown>;

const FACT_KINDS: ReadonlySet<unknown> = new Set(FactKind.options);
const BOUNDS: ReadonlySet<unknown> = new Set(Bound.options);
const VAGUE_WORDS: ReadonlySet<unknown> = new Set(VagueWord.options);
const UNITS: ReadonlySet<unknown> = new Set(DurationValue.shape.unit.options);
const ENTITY_KINDS: ReadonlySet<unknown> = new Set(Entity.shape.kind.options);
const SOURCE_KINDS: ReadonlySet<unknown> = new Set(SourceRef.shape.kind.options);

/** Keys plus ":" inside strings of the element being checked (see {@link tally}). */
let counted = 0;

/** Dates already found to be calendar dates (datasets repeat their dates). */
const calendarDates = new Set<string>();

/** Counts the ":" characters of a string. */
export function colonsIn(s: string): number {
  let n = 0;
  for (let i = s.indexOf(':'); i >= 0; i = s.indexOf(':', i + 1)) n++;
  return n;
}

/**
 * The number of keys in a JSON value plus the number of ":" characters inside its strings (keys
 * and values). For a text JSON.parse accepted, without `\u003a` escapes, the text's ":" count is
 * the same number when no object has a key twice, and larger when one has (JSON.parse keeps only
 * the last, and what the first held is gone).
 */
export function tally(x: unknown): number {
  if (typeof x === 'string') return x.indexOf(':') < 0 ? 0 : colonsIn(x);
  if (typeof x !== 'object' || x === null) return 0;
  let n = 0;
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) n += tally(x[i]);
    return n;
  }
  for (const k in x) n += 1 + (k.indexOf(':') < 0 ? 0 : colonsIn(k)) + tally((x as Obj)[k]);
  return n;
}

/** The count of the last element {@link checkElement} accepted. */
export function lastTally(): number {
  return counted;
}

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Is `c` a code unit String.prototype.trim may remove? (Printable ASCII never is.) */
function maybeSpace(c: number): boolean {
  return c <= 0x20 || c >= 0x7f;
}

/** Any string (`z.string()`). */
function str(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  if (v.indexOf(':') >= 0) counted += colonsIn(v);
  return true;
}

/** `nonEmpty`, when trimming changes nothing: a string with no white space at either end (then
 *  it is not empty and not blank either). */
function nonEmpty(v: unknown): boolean {
  if (typeof v !== 'string' || v.length === 0) return false;
  if ((maybeSpace(v.charCodeAt(0)) || maybeSpace(v.charCodeAt(v.length - 1))) && v.trim() !== v) return false;
  if (v.indexOf(':') >= 0) counted += colonsIn(v);
  return true;
}

/** ID_RE (`^[a-z0-9][a-z0-9._-]*$`), without the regex engine. */
function id(v: unknown): boolean {
  if (typeof v !== 'string' || v.length === 0) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) continue; // a-z 0-9
    if (i > 0 && (c === 0x2e || c === 0x5f || c === 0x2d)) continue; // . _ -
    return false;
  }
  return true;
}

function isoDate(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  if (calendarDates.has(v)) return true;
  if (!ISO_DATE_RE.test(v) || !isCalendarDate(v)) return false;
  if (calendarDates.size < 100_000) calendarDates.add(v);
  return true;
}

function terms(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!nonEmpty(v[i])) return false;
  return true;
}

/** `z.number()` (finite). */
function num(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function value(o: unknown): boolean {
  if (!isObject(o)) return false;
  let n = 0;
  switch (o.type) {
    case 'number':
      for (const k in o) {
        n++;
        if (k === 'type') continue;
        if (k === 'amount') { if (!num(o.amount)) return false; }
        else if (k === 'bound') { if (!BOUNDS.has(o.bound)) return false; }
        else if (k === 'tolerance') { if (!num(o.tolerance) || o.tolerance < 0) return false; }
        else return false;
      }
      if (!('amount' in o)) return false;
      break;
    case 'range':
      for (const k in o) {
        n++;
        if (k !== 'type' && k !== 'min' && k !== 'max') return false;
      }
      if (!num(o.min) || !num(o.max) || o.min > o.max) return false;
      break;
    case 'vague':
      for (const k in o) {
        n++;
        if (k !== 'type' && k !== 'word') return false;
      }
      if (!VAGUE_WORDS.has(o.word)) return false;
      break;
    case 'date':
      for (const k in o) {
        n++;
        if (k !== 'type' && k !== 'date') return false;
      }
      if (!isoDate(o.date)) return false;
      break;
    case 'year':
      for (const k in o) {
        n++;
        if (k !== 'type' && k !== 'year') return false;
      }
      if (!Number.isSafeInteger(o.year) || (o.year as number) < 1 || (o.year as number) > 9999) return false;
      break;
    case 'duration':
      for (const k in o) {
        n++;
        if (k === 'type') continue;
        if (k === 'amount') { if (!num(o.amount) || o.amount <= 0) return false; }
        else if (k === 'unit') { if (!UNITS.has(o.unit)) return false; }
        else if (k === 'bound') { if (!BOUNDS.has(o.bound)) return false; }
        else return false;
      }
      if (!('amount' in o) || !('unit' in o)) return false;
      break;
    case 'place':
      for (const k in o) {
        n++;
        if (k === 'type') continue;
        if (k === 'name') { if (!nonEmpty(o.name)) return false; }
        else if (k === 'aliases') { if (!terms(o.aliases)) return false; }
        else return false;
      }
      if (!('name' in o)) return false;
      break;
    case 'role':
      for (const k in o) {
        n++;
        if (k === 'type') continue;
        if (k === 'entity') { if (!id(o.entity)) return false; }
        else if (k === 'phrase') { if (!nonEmpty(o.phrase)) return false; }
        else if (k === 'accepted') { if (!terms(o.accepted)) return false; }
        else if (k === 'beforeName') { if (!str(o.beforeName)) return false; }
        else return false;
      }
      if (!('entity' in o) || !('phrase' in o)) return false;
      break;
    default:
      return false;
  }
  counted += n;
  return true;
}

// Each object kind checked by hand, key by key (no table of checks, no closures): an object
// whose keys are all among its fields, each value passing its field's check, with every required
// key present. Its keys are counted.

function period(o: unknown): boolean {
  if (!isObject(o)) return false;
  let n = 0;
  for (const k in o) {
    n++;
    if ((k !== 'from' && k !== 'to') || !isoDate(o[k])) return false;
  }
  counted += n;
  return true;
}

function quote(o: unknown): boolean {
  if (!isObject(o)) return false;
  let n = 0;
  for (const k in o) {
    n++;
    const v = o[k];
    switch (k) {
      case 'text': if (!nonEmpty(v)) return false; break;
      case 'speaker': if (!id(v)) return false; break;
      default: return false;
    }
  }
  if (n !== 2) return false; // both, as each key comes once
  counted += n;
  return true;
}

function confusable(o: unknown): boolean {
  if (!isObject(o)) return false;
  let n = 0;
  for (const k in o) {
    n++;
    const v = o[k];
    switch (k) {
      case 'fact': if (!id(v)) return false; break;
      case 'note': if (!nonEmpty(v)) return false; break;
      default: return false;
    }
  }
  if (n !== 2) return false;
  counted += n;
  return true;
}

function sourceRef(o: unknown): boolean {
  if (!isObject(o)) return false;
  let n = 0, required = 0;
  for (const k in o) {
    n++;
    const v = o[k];
    switch (k) {
      case 'who': if (!nonEmpty(v)) return false; required++; break;
      case 'kind': if (!SOURCE_KINDS.has(v)) return false; required++; break;
      case 'entity': if (!id(v)) return false; break;
      case 'count': if (!Number.isSafeInteger(v) || (v as number) <= 0) return false; break;
      case 'terms': if (!terms(v)) return false; break;
      default: return false;
    }
  }
  if (required !== 2) return false;
  counted += n;
  return true;
}

function counts(o: unknown): boolean {
  if (!isObject(o)) return false;
  let n = 0, required = 0;
  for (const k in o) {
    n++;
    const v = o[k];
    switch (k) {
      case 'noun': if (!nonEmpty(v)) return false; required++; break;
      case 'terms': if (!terms(v)) return false; break;
      case 'implicit': if (typeof v !== 'boolean') return false; break;
      default: return false;
    }
  }
  if (required !== 1) return false;
  counted += n;
  return true;
}

function event(o: unknown): boolean {
  if (!isObject(o)) return false;
  let n = 0, required = 0;
  for (const k in o) {
    n++;
    const v = o[k];
    switch (k) {
      case 'label': if (!nonEmpty(v)) return false; required++; break;
      case 'terms': case 'context': case 'excludes': if (!terms(v)) return false; break;
      default: return false;
    }
  }
  if (required !== 1) return false;
  counted += n;
  return true;
}

function isEntity(o: unknown): boolean {
  if (!isObject(o)) return false;
  let n = 0, required = 0;
  for (const k in o) {
    n++;
    const v = o[k];
    switch (k) {
      case 'id': if (!id(v)) return false; required++; break;
      case 'kind': if (!ENTITY_KINDS.has(v)) return false; required++; break;
      case 'name': if (!nonEmpty(v)) return false; required++; break;
      case 'affiliation': if (!id(v)) return false; break;
      case 'aliases': if (!terms(v)) return false; break;
      case 'title': case 'description': if (!str(v)) return false; break;
      default: return false;
    }
  }
  if (required !== 3) return false;
  counted += n;
  return true;
}

/** Documents with a `url` are left to zod (it trims and normalises links). */
function isDocument(o: unknown): boolean {
  if (!isObject(o)) return false;
  let n = 0, required = 0;
  for (const k in o) {
    n++;
    const v = o[k];
    switch (k) {
      case 'id': if (!id(v)) return false; required++; break;
      case 'outlet': case 'headline': if (!nonEmpty(v)) return false; required++; break;
      case 'published': if (!isoDate(v)) return false; required++; break;
      case 'note': if (!str(v)) return false; break;
      default: return false;
    }
  }
  if (required !== 4) return false;
  counted += n;
  return true;
}

function isFact(o: unknown): boolean {
  if (!isObject(o)) return false;
  let n = 0, required = 0;
  for (const k in o) {
    n++;
    const v = o[k];
    switch (k) {
      case 'id': if (!id(v)) return false; required++; break;
      case 'kind': if (!FACT_KINDS.has(v)) return false; required++; break;
      case 'statement': case 'attribution': if (!nonEmpty(v)) return false; required++; break;
      case 'value': if (!value(v)) return false; break;
      case 'counts': if (!counts(v)) return false; break;
      case 'event': if (!event(v)) return false; break;
      case 'asOf': if (!isoDate(v)) return false; break;
      case 'period': if (!period(v)) return false; break;
      case 'sources':
        if (!Array.isArray(v) || v.length === 0) return false;
        for (let i = 0; i < v.length; i++) if (!sourceRef(v[i])) return false;
        required++;
        break;
      case 'document': if (!id(v)) return false; break;
      case 'quote': if (!quote(v)) return false; break;
      case 'confusableWith':
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!confusable(v[i])) return false;
        break;
      default: return false;
    }
  }
  if (required !== 5) return false; // id, kind, statement, sources, attribution
  // The schema's superRefine.
  const kind = o.kind;
  if (kind === 'quote' && o.quote === undefined) return false;
  if ((kind === 'quantity' || kind === 'source-count') && o.value === undefined) return false;
  if (kind === 'role' && (o.value as Obj | undefined)?.type !== 'role') return false;
  counted += n;
  return true;
}

// Defaults, as the schema's `.default(…)`s: only called on elements the check accepted.

function fillValue(v: Obj): void {
  switch (v.type) {
    case 'number': case 'duration': if (v.bound === undefined) v.bound = 'exact'; break;
    case 'place': v.aliases = v.aliases === undefined ? emptyList() : shareIn(SLOT_OTHER, v.aliases); break;
    case 'role': v.accepted = v.accepted === undefined ? emptyList() : shareIn(SLOT_OTHER, v.accepted); break;
  }
}

function fillFact(f: Obj): void {
  if (f.value !== undefined) fillValue(f.value as Obj);
  const c = f.counts as Obj | undefined;
  if (c) {
    c.terms = c.terms === undefined ? emptyList() : shareIn(SLOT_COUNTS, c.terms);
    if (c.implicit === undefined) c.implicit = false;
  }
  const e = f.event as Obj | undefined;
  if (e) {
    e.terms = e.terms === undefined ? emptyList() : shareIn(SLOT_TERMS, e.terms);
    e.context = e.context === undefined ? emptyList() : shareIn(SLOT_CONTEXT, e.context);
    e.excludes = e.excludes === undefined ? emptyList() : shareIn(SLOT_EXCLUDES, e.excludes);
  }
  for (const s of f.sources as Obj[]) s.terms = s.terms === undefined ? emptyList() : shareIn(SLOT_SOURCE, s.terms);
  if (f.confusableWith === undefined) f.confusableWith = emptyList();
}

export type ElementKind = 'documents' | 'entities' | 'facts';

/**
 * True when `v` is a valid element of the given array that the fast check follows; then its
 * schema defaults are filled in, in place, and `v` is what zod's parse would return (equal, not
 * the same object). False tells nothing: ask zod. {@link lastTally} is the count of an accepted
 * element.
 */
export function checkElement(kind: ElementKind, v: unknown): boolean {
  counted = 0;
  switch (kind) {
    case 'facts':
      if (!isFact(v)) return false;
      fillFact(v as Obj);
      return true;
    case 'entities': {
      if (!isEntity(v)) return false;
      const e = v as Obj;
      e.aliases = e.aliases === undefined ? emptyList() : shareIn(SLOT_OTHER, e.aliases);
      return true;
    }
    case 'documents':
      return isDocument(v);
  }
}
