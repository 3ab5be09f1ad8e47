/**
 * checkDocument: Markdown text + fact index -> findings. The whole pipeline, in one direction:
 * text -> prose spans -> claims -> matches -> findings (with fixes).
 *
 * STUB: the signature is the contract; the implementation is being written (issue 4).
 */
import type { FactIndex } from './dataset/fact-index';
import type { Finding } from './types';

export interface CheckOptions {
  /** Fact ids never to report (a user setting or a file-level directive). */
  ignoredFactIds?: ReadonlySet<string>;
  /** Only the first `maxLength` characters are checked; the result says when this cut applied. */
  maxLength?: number;
}

export interface CheckResult {
  /** Sorted by start offset. Every recognised claim: supported and unverified too. */
  findings: Finding[];
  /** True when the document was longer than `maxLength` and only its start was checked. */
  truncated: boolean;
}

export function checkDocument(text: string, index: FactIndex, options: CheckOptions = {}): CheckResult {
  void index;
  const max = options.maxLength ?? Infinity;
  return { findings: [], truncated: text.length > max };
}
