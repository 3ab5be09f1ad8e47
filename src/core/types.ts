/**
 * The core's public vocabulary. Offsets are UTF-16 code-unit indices into the document text
 * (JavaScript string indices); line/character conversion happens in exactly one place per
 * consumer (`positions.ts` for the CLI, `document.positionAt` in the editor).
 */

/** One verdict per finding. Only the three flags produce squiggles / a non-zero CLI exit. */
export type Verdict = 'supported' | 'contradicted' | 'misattributed' | 'misquoted' | 'unverified';

export const FLAG_VERDICTS: ReadonlySet<Verdict> = new Set<Verdict>(['contradicted', 'misattributed', 'misquoted']);

/** What kind of claim the draft makes. */
export type ClaimKind =
  | 'quantity'
  | 'date'
  | 'year'
  | 'duration'
  | 'source-count'
  | 'role'
  | 'place'
  | 'quote'
  | 'attribution';

/** A replacement of `text.slice(start, end)` by `newText`. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export type FixKind = 'figure' | 'attributed-figure' | 'citation' | 'quote' | 'speaker' | 'title' | 'place' | 'attribution' | 'ignore';

/** A fix is one undoable change made of one or more non-overlapping edits. */
export interface Fix {
  title: string;
  kind: FixKind;
  /** Sorted by start; never overlapping. The first edit is the "main" one (the CLI's `range`/`newText`). */
  edits: TextEdit[];
  /** At most one fix per finding is preferred. */
  preferred?: boolean;
}

/** What the reference says about a finding, for messages, hovers and the CLI. */
export interface ReferenceSummary {
  factId: string;
  /** Plain-words statement of the fact. */
  statement: string;
  /** The value as a writer would put it ("around 500", "January 21, 2026", "U.S. Secretary of State"). */
  valueText?: string;
  /** "according to two Iraqi judicial officials, …" */
  attribution: string;
  /** ISO date the fact holds as of. */
  asOf?: string;
  /** Exact quoted words, when the fact is a quote. */
  quote?: string;
  speaker?: string;
  sourceId?: string;
  datasetId?: string;
}

export interface Finding {
  verdict: Verdict;
  claimKind: ClaimKind;
  /** Range of the claim in the document. `text === document.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  /** One or two sentences: what the reference says, who said it, as of when. */
  message: string;
  /** The fact the claim was matched to (absent for `unverified`). */
  factId?: string;
  reference?: ReferenceSummary;
  /** A confusable fact the stated figure belongs to ("7,000 is the number initially expected"). */
  confusedWith?: ReferenceSummary;
  fixes: Fix[];
}

/** Problems found while loading a dataset: located, readable, never thrown. */
export interface DatasetProblem {
  /** File name or URI string, as given to the loader. */
  file: string;
  /** 0-based line/character of the problem (UTF-16), and offset. */
  line: number;
  character: number;
  offset: number;
  length: number;
  /** JSON path of the field, e.g. `facts[3].value.amount`. Empty for syntax errors. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
}
