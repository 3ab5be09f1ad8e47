/**
 * The benchmark's core loop, shared by `npm run bench` (bench/bench.ts) and the unit test that
 * keeps it working (test/unit/bench.test.ts): load datasets into an index, check drafts, re-check
 * after one-character edits, and time each as the median of repeated runs after a warm-up.
 */
import { checkDocument, clearCheckCaches, type CheckResult } from '../src/core/check';
import { BUNDLED_DATASET_FILE, BUNDLED_DATASET_TEXT } from '../src/core/dataset/bundled';
import type { FactIndex } from '../src/core/dataset/fact-index';
import { mergeDatasets, parseDataset } from '../src/core/dataset/load';
import { termIndexFor } from '../src/core/match/term-index';
import { Rng } from './rng';
import { summarize, type Stats } from './stats';

export { summarize, type Stats } from './stats';

export interface MeasureOptions {
  warmup?: number;
  runs?: number;
  /** Stop adding runs (after the third) once this much time was spent. */
  budgetMs?: number;
}

/** Median (and range) of `runs` timed calls of `fn` after `warmup` untimed ones. */
export function measure(fn: (run: number) => void, options: MeasureOptions = {}): Stats {
  const { warmup = 3, runs = 15, budgetMs = 30_000 } = options;
  for (let i = 0; i < warmup; i++) fn(-1 - i);
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    times.push(performance.now() - t0);
    if (i >= 2 && performance.now() - started > budgetMs) break;
  }
  return summarize(times);
}

export interface DatasetText {
  file: string;
  text: string;
}

export const BUNDLED: DatasetText = { file: BUNDLED_DATASET_FILE, text: BUNDLED_DATASET_TEXT };

/** Where a load's time went (milliseconds): reading and validating each file, merging, the term
 *  index, and its vocabulary. */
export interface LoadPhases { parse: number; merge: number; termIndex: number; vocabulary: number }

/** What the editor and the CLI do with dataset files: parse, validate, merge, build the term index
 *  (which the editor and the CLI build on the first check), timing each step. */
export function loadIndexPhases(datasets: readonly DatasetText[]): { index: FactIndex; problems: number; phases: LoadPhases } {
  const t0 = performance.now();
  const parsed = datasets.map((d) => parseDataset(d.text, d.file));
  const t1 = performance.now();
  const { index, problems } = mergeDatasets(parsed);
  const t2 = performance.now();
  // The term index and the vocabulary the first check builds: part of what loading costs.
  const terms = termIndexFor(index);
  const t3 = performance.now();
  void terms.vocabulary;
  const t4 = performance.now();
  const count = problems.length + parsed.reduce((a, p) => a + p.problems.length, 0);
  return { index, problems: count, phases: { parse: t1 - t0, merge: t2 - t1, termIndex: t3 - t2, vocabulary: t4 - t3 } };
}

/** loadIndexPhases without the phases. */
export function loadIndex(datasets: readonly DatasetText[]): { index: FactIndex; problems: number } {
  const { index, problems } = loadIndexPhases(datasets);
  return { index, problems };
}

/** A full check, as the editor runs it: `cold` forgets what earlier checks cached first (a draft
 *  opened for the first time); otherwise blocks and chunks seen before are reused (typing). */
export function check(text: string, index: FactIndex, cold = true): CheckResult {
  if (cold) clearCheckCaches();
  return checkDocument(text, index);
}

/** Offsets of letters inside prose words (not in code, front matter or HTML), where an edit is a typo. */
export function editablePositions(text: string): number[] {
  const out: number[] = [];
  let inFence = false, inFront = text.startsWith('---\n');
  const lines = text.split('\n');
  let at = 0;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    if (inFront && li > 0 && line === '---') inFront = false;
    else if (/^(?:```|~~~)/.test(line)) inFence = !inFence;
    else if (!inFront && !inFence && /^[A-Z][a-z]+ [a-z]+ [a-z]+/.test(line)) {
      // A lower-case letter inside the second word of a prose line.
      const m = /^[A-Z][a-z]+ ([a-z]+)/.exec(line);
      if (m) out.push(at + m[0].length - 1);
    }
    at += line.length + 1;
  }
  return out;
}

/** The text with one character typed at `at` (an "x" before the letter there). */
export function typeCharacter(text: string, at: number): string {
  return `${text.slice(0, at)}x${text.slice(at)}`;
}

/**
 * A typing session: each step types one character somewhere in the prose of the previous text,
 * as a writer fixing words across a long draft does; returns the texts in order.
 */
export function typingSession(text: string, steps: number, seed = 3): string[] {
  const rng = new Rng(seed);
  const out: string[] = [];
  let current = text;
  for (let i = 0; i < steps; i++) {
    const positions = editablePositions(current);
    if (!positions.length) throw new Error('no prose line to edit in the draft');
    current = typeCharacter(current, positions[rng.int(0, positions.length - 1)]);
    out.push(current);
  }
  return out;
}

/** Counts of findings by verdict, for reports and sanity checks. */
export function verdictCounts(result: CheckResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of result.findings) counts[f.verdict] = (counts[f.verdict] ?? 0) + 1;
  return counts;
}
