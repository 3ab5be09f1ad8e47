/**
 * Dataset text -> validated dataset + located problems. Never throws, never evaluates anything:
 * JSON is parsed with jsonc-parser (which keeps offsets), validated with the zod schema, and each
 * invalid fact / entity / document is dropped on its own so the valid rest is still used.
 *
 * STUB: signatures are the contract; the implementation is being written (issue 3).
 */
import type { DatasetProblem } from '../types';
import type { Dataset } from './schema';
import { FactIndex } from './fact-index';

export interface ParsedDataset {
  file: string;
  /** The valid part of the dataset; undefined when nothing usable is left (e.g. invalid JSON). */
  dataset: Dataset | undefined;
  problems: DatasetProblem[];
}

/** Parses and validates one dataset file's text. */
export function parseDataset(text: string, file: string): ParsedDataset {
  try {
    return { file, dataset: JSON.parse(text) as Dataset, problems: [] };
  } catch (e) {
    return { file, dataset: undefined, problems: [{ file, line: 0, character: 0, offset: 0, length: 0, path: '', message: String(e), severity: 'error' }] };
  }
}

/** Merges parsed datasets (in priority order) into one index; reports ids defined twice. */
export function mergeDatasets(parsed: readonly ParsedDataset[]): { index: FactIndex; problems: DatasetProblem[] } {
  const ok = parsed.filter((p): p is ParsedDataset & { dataset: Dataset } => p.dataset !== undefined);
  return { index: new FactIndex(ok.map((p) => ({ file: p.file, dataset: p.dataset }))), problems: parsed.flatMap((p) => p.problems) };
}
