/**
 * zod issues -> readable problems that name the field and what is wrong with it:
 * `facts[3].value.amount: expected a number, got string "500"`. Location is left to the caller
 * (see locate.ts); this module only decides the path to point at and the words.
 */
import type * as z from 'zod/v4';
import type { PathSegment } from './json-outline';
import { formatPath } from './locate';
import { didYouMean } from './suggest';

/**
 * Passed as the per-parse error map, so that an issue whose message is this marker had no
 * message of its own in the schema: the loader words it. Schema messages ("ids are lower-case
 * letters, …", "a fact needs at least one source") take precedence over a per-parse map in zod 4
 * and are kept.
 */
export const DEFAULT_MESSAGE = '\u0000default';

/** Parse options that mark zod's default messages (see {@link DEFAULT_MESSAGE}). */
export const MARK_DEFAULTS = { error: (): string => DEFAULT_MESSAGE };

/** One problem found by zod, relative to the whole file. */
export interface IssueReport {
  /** Path of the field (for an unknown key: the key). */
  path: PathSegment[];
  /** Point at the key rather than the value (unknown keys). */
  target: 'value' | 'key';
  message: string;
}

/** The value at a path, or undefined. Uses own properties only. */
export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v = root;
  for (const segment of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, segment)) return undefined;
    v = (v as Record<PathSegment, unknown>)[segment];
  }
  return v;
}

function quote(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}…` : s);
}

/** `string "500"`, `number 5`, `null`, `an array`, … */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.length ? 'an array' : 'an empty array';
  switch (typeof v) {
    case 'string': return `string ${quote(v)}`;
    case 'number': return `number ${v}`;
    case 'boolean': return String(v);
    case 'undefined': return 'nothing';
    default: return 'an object';
  }
}

const EXPECTED: Record<string, string> = {
  number: 'a number', int: 'a whole number', string: 'a string', object: 'an object', array: 'an array',
  boolean: 'true or false', null: 'null',
};

function oneOf(values: readonly unknown[]): string {
  const listed = values.map((v) => JSON.stringify(v));
  return listed.length === 1 ? listed[0] : `one of ${listed.join(', ')}`;
}

/** zod schema internals: enough to find which keys an object at a path allows. */
interface Def { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType;
  options?: z.ZodType[]; discriminator?: string; in?: z.ZodType; values?: unknown[] }
function def(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The keys the object schema at `path` allows (for "did you mean"), or nothing. */
export function allowedKeys(schema: z.ZodType, value: unknown, path: readonly PathSegment[]): string[] {
  let s: z.ZodType | undefined = schema;
  let v = value;
  for (let i = 0; s && i <= path.length; i++) {
    let d = def(s);
    for (let guard = 0; guard < 10; guard++) {
      if (d.innerType) s = d.innerType;
      else if (d.type === 'pipe' && d.in) s = d.in;
      else if (d.type === 'union' && d.options) {
        const discriminator = d.discriminator;
        const tag = discriminator ? valueAt(v, [discriminator]) : undefined;
        s = d.options.find((o) => {
          const lit = discriminator ? def(o).shape?.[discriminator] : undefined;
          return lit && def(lit).values?.includes(tag);
        });
        if (!s) return [];
      } else break;
      d = def(s);
    }
    if (i === path.length) return d.type === 'object' && d.shape ? Object.keys(d.shape) : [];
    const segment = path[i];
    s = d.type === 'object' ? d.shape?.[String(segment)] : d.type === 'array' ? d.element : undefined;
    v = valueAt(v, [segment]);
  }
  return [];
}

function prefixed(path: readonly PathSegment[], message: string): string {
  return path.length ? `${formatPath(path)}: ${message}` : message;
}

/**
 * Turns the issues of `schema.safeParse(value, MARK_DEFAULTS)` into reports. `base` is the path
 * of `value` in the file (`['facts', 3]`). One report per field: the first issue wins (a date
 * that is not YYYY-MM-DD is not also "not a calendar date").
 */
export function reportIssues(schema: z.ZodType, value: unknown, issues: readonly z.core.$ZodIssue[], base: readonly PathSegment[]): IssueReport[] {
  const reports: IssueReport[] = [];
  const seen = new Set<string>();
  const add = (relative: readonly PathSegment[], target: IssueReport['target'], message: string): void => {
    const path = [...base, ...relative];
    const key = `${target}:${formatPath(path)}`;
    if (seen.has(key)) return;
    seen.add(key);
    reports.push({ path, target, message });
  };
  for (const issue of issues) {
    const rel = issue.path.filter((s): s is PathSegment => typeof s === 'string' || typeof s === 'number');
    const parentRel = rel.slice(0, -1);
    const field = rel[rel.length - 1];
    const parent = valueAt(value, parentRel);
    const actual = valueAt(value, rel);
    const missing = rel.length > 0 && parent !== null && typeof parent === 'object' && !Array.isArray(parent)
      && !Object.prototype.hasOwnProperty.call(parent, field);
    const where = [...base, ...rel];
    const missingMessage = (hint = ''): string => prefixed([...base, ...parentRel], `missing required field ${JSON.stringify(field)}${hint}`);
    if (issue.message !== DEFAULT_MESSAGE) {
      // The schema's own words; show what was there.
      const got = actual === undefined || (typeof actual === 'object' && actual !== null) ? '' : ` (got ${describeValue(actual)})`;
      add(rel, 'value', prefixed(where, issue.message + got));
      continue;
    }
    switch (issue.code) {
      case 'invalid_type':
        add(rel, 'value', missing ? missingMessage() : prefixed(where, `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeValue(actual)}`));
        break;
      case 'invalid_value':
        add(rel, 'value', missing
          ? missingMessage(` (${oneOf(issue.values)})`)
          : prefixed(where, `expected ${oneOf(issue.values)}, got ${describeValue(actual)}${didYouMean(actual, issue.values.map(String))}`));
        break;
      case 'invalid_union': {
        const options = (issue as { options?: unknown[] }).options;
        if (options && (issue as { discriminator?: string }).discriminator) {
          add(rel, 'value', missing
            ? missingMessage(` (${oneOf(options)})`)
            : prefixed(where, `expected ${oneOf(options)}, got ${describeValue(actual)}${didYouMean(actual, options.map(String))}`));
        } else {
          add(rel, 'value', prefixed(where, `${describeValue(actual)} matches none of the allowed forms`));
        }
        break;
      }
      case 'unrecognized_keys': {
        const keys = allowedKeys(schema, value, rel);
        for (const key of issue.keys) add([...rel, key], 'key', prefixed(where, `unknown field ${JSON.stringify(key)}${didYouMean(key, keys)}`));
        break;
      }
      case 'too_small':
      case 'too_big': {
        const small = issue.code === 'too_small';
        const limit = Number(small ? issue.minimum : issue.maximum);
        const inclusive = issue.inclusive !== false;
        let words: string;
        if (issue.origin === 'string') words = small && limit <= 1 ? 'must not be empty' : `must have ${small ? 'at least' : 'at most'} ${limit} characters`;
        else if (issue.origin === 'array' || issue.origin === 'set') words = `must have ${small ? 'at least' : 'at most'} ${limit} item${limit === 1 ? '' : 's'}`;
        else words = `must be ${small ? (inclusive ? 'at least' : 'greater than') : (inclusive ? 'at most' : 'less than')} ${limit}, got ${describeValue(actual)}`;
        add(rel, 'value', prefixed(where, words));
        break;
      }
      case 'invalid_format':
        add(rel, 'value', prefixed(where, issue.format === 'url'
          ? `expected a URL such as "https://…", got ${describeValue(actual)}`
          : `expected ${issue.format === 'regex' ? `text matching ${String((issue as { pattern?: string }).pattern)}` : `a valid ${issue.format}`}, got ${describeValue(actual)}`));
        break;
      case 'not_multiple_of':
        add(rel, 'value', prefixed(where, `must be a multiple of ${String(issue.divisor)}, got ${describeValue(actual)}`));
        break;
      default:
        add(rel, 'value', prefixed(where, `invalid value: ${describeValue(actual)}`));
    }
  }
  return reports;
}
