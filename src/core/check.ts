/**
 * checkDocument: Markdown text + fact index -> findings. The whole pipeline, in one direction:
 * text -> prose blocks -> sentences -> claims -> bindings to facts -> findings (with fixes).
 */
import type { FactIndex } from './dataset/fact-index';
import type { Entity } from './dataset/schema';
import type { Finding } from './types';
import { FLAG_VERDICTS } from './types';
import { parseDraft } from './markdown';
import { analyzeBlock, type Sentence } from './analyze';
import { extractTimes } from './extract/dates';
import { extractFigures } from './extract/numbers';
import { findAttribution } from './extract/attribution';
import { extractQuotes } from './extract/quotes';
import { termIndexFor } from './match/term-index';
import type { DocContext } from './match/context';
import { judgeDuration, judgeFigure, sentenceEndOffset } from './match/figures';
import { judgeDate, judgeYear } from './match/times';
import { judgePlaces } from './match/places';
import { judgeRoles } from './match/roles';
import { judgeQuote } from './match/quotes';
import { fix, ignoreEdit } from './fixes';

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
  /** Number of characters checked. */
  checkedLength: number;
}

/** Checks a Markdown draft against the facts of `index`. Never throws for any string. */
export function checkDocument(text: string, index: FactIndex, options: CheckOptions = {}): CheckResult {
  const max = options.maxLength ?? Infinity;
  const truncated = text.length > max;
  let source = truncated ? text.slice(0, max) : text;
  // Never cut a surrogate pair in two.
  if (truncated && /[\uD800-\uDBFF]$/.test(source)) source = source.slice(0, -1);
  const draft = parseDraft(source);
  const ctx: DocContext = { text, index, terms: termIndexFor(index), footnoteLabels: draft.footnoteLabels, curly: /[’“”]/.test(source) };
  const ignored = new Set([...(options.ignoredFactIds ?? []), ...draft.fileIgnoreIds]);
  const findings: Finding[] = [];
  let lastSpeaker: Entity | undefined;

  for (const block of draft.blocks) {
    if (block.ignoreAll || ignored.has('*')) continue;
    const sentences = analyzeBlock(block);
    const quotes = extractQuotes(block.text);
    const blockFindings: Finding[] = [];
    for (const s of sentences) {
      const sStart = s.base, sEnd = s.base + s.text.length;
      // Quoted words are the speaker's: their figures are not the draft's claims.
      const quoted = quotes.filter((q) => q.start < sEnd && q.end > sStart).map((q) => ({ start: q.start - sStart, end: q.end - sStart }));
      for (const q of quotes) {
        if (q.start >= sStart && q.start < sEnd) {
          const endSentence = sentences.find((x) => q.end > x.base && q.end <= x.base + x.text.length) ?? s;
          // "he said" refers to the last person named before the quote, in this sentence or earlier.
          const named = ctx.terms.entityMentions(s.tokens).filter((m) => (m.entity.kind === 'person' || m.entity.kind === 'anonymous-source') && s.tokens[m.start].start < q.start - sStart);
          const f = judgeQuote(ctx, block, q, named.pop()?.entity ?? lastSpeaker, sentenceEndOffset(endSentence));
          if (f) blockFindings.push(f);
        }
      }
      blockFindings.push(...judgeSentence(ctx, s, quoted));
      lastSpeaker = ctx.terms.entityMentions(s.tokens).filter((m) => m.entity.kind === 'person' || m.entity.kind === 'anonymous-source').pop()?.entity ?? lastSpeaker;
    }
    const blockStart = block.offsets[0];
    for (const f of blockFindings) {
      if (f.factId && (ignored.has(f.factId) || block.ignoreIds.has(f.factId))) continue;
      f.text = source.slice(f.start, f.end);
      if (FLAG_VERDICTS.has(f.verdict)) f.fixes.push(fix(`Ignore this claim (${f.factId ?? 'all facts'})`, 'ignore', [ignoreEdit(text, blockStart, f.factId)]));
      findings.push(f);
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return { findings, truncated, checkedLength: source.length };
}

function judgeSentence(ctx: DocContext, s: Sentence, quoted: ReadonlyArray<{ start: number; end: number }>): Finding[] {
  const out: Finding[] = [];
  const inQuote = (a: number, b: number) => quoted.some((q) => a < q.end && q.start < b);
  const times = extractTimes(s.text);
  const attribution = findAttribution(s);
  const taken = [...times.dates, ...times.years, ...times.durations.map((d) => ({ start: d.hedgeStart, end: d.end })), ...quoted];
  const figures = extractFigures(s.text, taken);
  for (const d of times.dates) if (!inQuote(d.start, d.end)) out.push(judgeDate(ctx, s, d));
  for (const y of times.years) if (!inQuote(y.start, y.end)) out.push(judgeYear(ctx, s, y));
  for (const d of times.durations) {
    if (inQuote(d.start, d.end)) continue;
    const f = judgeDuration(ctx, s, d, attribution);
    if (f) out.push(f);
  }
  for (const fig of figures) {
    const f = judgeFigure(ctx, s, fig, figures, attribution);
    if (f) out.push(f);
  }
  out.push(...judgeRoles(ctx, s), ...judgePlaces(ctx, s));
  return out;
}
