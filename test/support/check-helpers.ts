/** Shared helpers for unit tests of the checker: the bundled index, applying fixes, finding spans. */
import { parseDataset, mergeDatasets } from '../../src/core/dataset/load';
import { BUNDLED_DATASET_FILE, BUNDLED_DATASET_TEXT } from '../../src/core/dataset/bundled';
import { checkDocument } from '../../src/core/check';
import type { FactIndex } from '../../src/core/dataset/fact-index';
import type { Finding, Fix } from '../../src/core/types';
import { FLAG_VERDICTS } from '../../src/core/types';

let bundled: FactIndex | undefined;

/** The index of the bundled dataset (built once). */
export function bundledIndex(): FactIndex {
  if (!bundled) {
    const parsed = parseDataset(BUNDLED_DATASET_TEXT, BUNDLED_DATASET_FILE);
    if (parsed.problems.some((p) => p.severity === 'error')) throw new Error(`bundled dataset has errors: ${parsed.problems.map((p) => p.message).join('; ')}`);
    bundled = mergeDatasets([parsed]).index;
  }
  return bundled;
}

export function check(md: string, index: FactIndex = bundledIndex()): Finding[] {
  return checkDocument(md, index).findings;
}

export const flags = (fs: readonly Finding[]) => fs.filter((f) => FLAG_VERDICTS.has(f.verdict));

/** Applies a fix's edits (non-overlapping) to a text. */
export function applyFix(text: string, fix: Fix): string {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Offset of the nth (1-based) occurrence of `needle` in `text`; throws when absent. */
export function nth(text: string, needle: string, n = 1): number {
  let i = -1;
  for (let k = 0; k < n; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`"${needle}" (#${n}) not in: ${text}`);
  }
  return i;
}

export const overlaps = (f: Finding, start: number, end: number) => f.start < end && start < f.end;
