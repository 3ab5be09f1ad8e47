/** Collects one file's dataset problems, located, in text order, at most a fixed number. */
import type { DatasetProblem } from '../types';
import type { TextLocation } from './locate';

/** More problems than this in one file are counted, not listed (nor located). */
export const MAX_PROBLEMS_PER_FILE = 200;

const NOWHERE: TextLocation = { offset: 0, length: 0, line: 0, character: 0 };

export class ProblemSink {
  private readonly problems: DatasetProblem[] = [];
  private overflow = 0;
  private overflowSeverity: DatasetProblem['severity'] = 'warning';

  constructor(private readonly file: string, private readonly limit = MAX_PROBLEMS_PER_FILE) {}

  /** True once the limit is reached: further problems are only counted. */
  get full(): boolean {
    return this.problems.length >= this.limit;
  }

  /** Adds a problem; `where` is called only if the problem will be listed. */
  add(where: (() => TextLocation) | undefined, path: string, message: string, severity: DatasetProblem['severity'] = 'error'): void {
    if (this.full) {
      this.overflow++;
      if (severity === 'error') this.overflowSeverity = 'error';
      return;
    }
    const { line, character, offset, length } = where ? where() : NOWHERE;
    this.problems.push({ file: this.file, line, character, offset, length, path, message, severity });
  }

  /** The problems in text order, plus a last one saying how many were left out. */
  done(): DatasetProblem[] {
    const sorted = this.problems.map((p, i) => ({ p, i })).sort((a, b) => a.p.offset - b.p.offset || a.i - b.i).map(({ p }) => p);
    if (this.overflow) {
      const last = sorted[sorted.length - 1];
      sorted.push({ ...(last ?? { file: this.file, line: 0, character: 0, offset: 0, length: 0 }), path: '',
        message: `${this.overflow} more problem${this.overflow === 1 ? '' : 's'} not listed (only the first ${this.limit} are)`, severity: this.overflowSeverity });
    }
    return sorted;
  }
}
