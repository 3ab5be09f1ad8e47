/**
 * checkDocument: Markdown text + fact index -> findings. The whole pipeline, in one direction:
 * text -> prose blocks -> sentences -> claims -> bindings to facts -> findings (with fixes).
 */
import type { FactIndex } from './dataset/fact-index';
import type { Entity } from './dataset/schema';
import type { Finding, Fix, TextEdit } from './types';
import { FLAG_VERDICTS } from './types';
import { clearDraftCache, parseDraft, type ProseBlock } from './markdown';
import { limitNesting } from './markdown-guard';
import { analyzeBlock, type Sentence } from './analyze';
import { extractTimes } from './extract/dates';
import { extractFigures } from './extract/numbers';
import { findAttribution } from './extract/attribution';
import { extractQuotes } from './extract/quotes';
import { termIndexFor, type TermIndex } from './match/term-index';
import type { DocContext } from './match/context';
import { judgeDuration, judgeFigure, sentenceEndOffset } from './match/figures';
import { judgeDate, judgeYear } from './match/times';
import { judgePlaces } from './match/places';
import { judgeRoles } from './match/roles';
import { judgeQuote } from './match/quotes';
import { appendedDefinitionEnds, fix, ignoreEdit } from './fixes';

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
  // Markers nested beyond any draft's depth are read as spaces (same length): micromark's time and
  // the tree walks' stack grow with the depth (markdown-guard.ts).
  const draft = parseDraft(limitNesting(source));
  const ctx: DocContext = { text, index, terms: termIndexFor(index), footnoteLabels: draft.footnoteLabels, curly: /[’“”]/.test(source) };
  const ignored = new Set([...(options.ignoredFactIds ?? []), ...draft.fileIgnoreIds]);
  const findings: Finding[] = [];
  let lastSpeaker: Entity | undefined;
  const cache = blockCache(ctx);

  for (const block of draft.blocks) {
    if (block.ignoreAll || ignored.has('*')) continue;
    const judged = cache.judge(block, lastSpeaker);
    lastSpeaker = judged.lastSpeaker;
    const blockFindings = judged.findings;
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

/** The findings of one block (document offsets, before ignore directives), and the last person named. */
function judgeBlock(ctx: DocContext, block: ProseBlock, lastSpeaker: Entity | undefined): { findings: Finding[]; lastSpeaker: Entity | undefined } {
  const sentences = analyzeBlock(block);
  const quotes = extractQuotes(block.text);
  const blockFindings: Finding[] = [];
  for (const s of sentences) {
    const sStart = s.base, sEnd = s.base + s.text.length;
    // Quoted words are the speaker's: their figures are not the draft's claims.
    const quoted = quotes.length ? quotes.filter((q) => q.start < sEnd && q.end > sStart).map((q) => ({ start: q.start - sStart, end: q.end - sStart })) : NOTHING_TAKEN;
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
  return { findings: blockFindings, lastSpeaker };
}

const NOTHING_TAKEN: ReadonlyArray<{ start: number; end: number }> = [];

function judgeSentence(ctx: DocContext, s: Sentence, quoted: ReadonlyArray<{ start: number; end: number }>): Finding[] {
  const out: Finding[] = [];
  const inQuote = (a: number, b: number) => quoted.some((q) => a < q.end && q.start < b);
  const times = extractTimes(s.text);
  const attribution = findAttribution(s);
  // Spans figures are not read in: dates, years, durations and quoted words (most sentences have none).
  const taken = times.dates.length || times.years.length || times.durations.length || quoted.length
    ? [...times.dates, ...times.years, ...times.durations.map((d) => ({ start: d.hedgeStart, end: d.end })), ...quoted]
    : NOTHING_TAKEN;
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

// ---------------------------------------------------------------------------------------------
// Findings cached per block, so that a re-check after an edit judges only the blocks that changed.
//
// A block's findings are a function of: the block (kind, prose, labels, and where each character
// sits relative to the first — its "shape"), the person last named before it (for "he said"), the
// fact index, and two things of the whole document: whether it uses curly quotes, and the footnote
// labels it defines. That is the key. Findings are kept relative to the block's first offset, and
// an edit that adds a footnote definition at the end of the document (citation fixes) is kept as
// "at the end", without the newlines before it (they depend on how the document ends), so a block
// that moved (text typed above it) or a document that grew elsewhere reuses them. Ignore directives and
// the ignore fix are applied after, on every check. test/unit/check-cache.test.ts compares re-checks
// with fresh checks over typing sessions.

interface CachedEdit { start: number; end: number; newText: string; atEnd: boolean }
interface CachedFix { title: string; kind: Fix['kind']; edits: CachedEdit[]; preferred?: boolean }
interface CachedFinding extends Omit<Finding, 'fixes'> { fixes: CachedFix[] }
interface CacheEntry { findings: CachedFinding[]; lastSpeaker: Entity | undefined; used: number }

const blockCaches = new WeakMap<TermIndex, Map<string, CacheEntry>>();
let checkGeneration = 0;

/** Forgets every cached parse and finding (benchmarks of cold checks; memory). */
export function clearCheckCaches(): void {
  clearDraftCache();
  blockCacheClears++;
}
let blockCacheClears = 0;
const clearedAt = new WeakMap<Map<string, CacheEntry>, number>();

/** A footnote definition appended at the end of the document (see fixes.ts citationEdits): line
 *  breaks of any kind, the definition's one line, a line break. */
const FOOTNOTE_DEFINITION_EDIT = /^[\r\n]*(\[\^[^\]\r\n]+\]: [^\r\n]*)(?:\r\n?|\n)$/;

function blockCache(ctx: DocContext): { judge(block: ProseBlock, lastSpeaker: Entity | undefined): { findings: Finding[]; lastSpeaker: Entity | undefined } } {
  let cache = blockCaches.get(ctx.terms);
  if (!cache) blockCaches.set(ctx.terms, (cache = new Map()));
  if ((clearedAt.get(cache) ?? 0) !== blockCacheClears) { cache.clear(); clearedAt.set(cache, blockCacheClears); }
  const generation = ++checkGeneration;
  if (cache.size > 50_000) for (const [k, v] of cache) if (generation - v.used > 16) cache.delete(k);
  const text = ctx.text;
  // What goes around a footnote definition added at the end, in the draft's line endings (fixes.ts citationEdits).
  const ends = appendedDefinitionEnds(text);
  const documentKey = `${ctx.curly ? 1 : 0}${[...ctx.footnoteLabels].sort().join('\u0002')}`;
  const store = cache;
  return {
    judge(block, lastSpeaker) {
      const key = `${documentKey}\u0001${lastSpeaker?.id ?? ''}\u0001${block.kind}\u0001${block.context}\u0001${shape(block.offsets)}\u0001${block.text}`;
      const base = block.offsets[0];
      const entry = store.get(key);
      if (entry) {
        entry.used = generation;
        return { findings: entry.findings.map((f) => fromCached(f, base, text.length, ends)), lastSpeaker: entry.lastSpeaker };
      }
      const judged = judgeBlock(ctx, block, lastSpeaker);
      store.set(key, { findings: judged.findings.map((f) => toCached(f, base, text.length)), lastSpeaker: judged.lastSpeaker, used: generation });
      return judged;
    },
  };
}

/** Where each character of a block sits relative to the first: runs of consecutive offsets. */
function shape(offsets: readonly number[]): string {
  let out = '';
  let run = 0;
  const base = offsets[0];
  for (let i = 1; i <= offsets.length; i++) {
    if (i === offsets.length || offsets[i] !== offsets[i - 1] + 1) {
      out += `${offsets[run] - base}+${i - run},`;
      run = i;
    }
  }
  return out;
}

function toCached(f: Finding, base: number, length: number): CachedFinding {
  return {
    ...f, start: f.start - base, end: f.end - base,
    fixes: f.fixes.map((x) => ({
      ...x,
      edits: x.edits.map((e) => {
        const definition = e.start === length && e.end === length ? FOOTNOTE_DEFINITION_EDIT.exec(e.newText)?.[1] : undefined;
        // Kept as the definition's line alone: the line breaks around it depend on how the document ends.
        return definition !== undefined ? { start: 0, end: 0, newText: definition, atEnd: true } : { start: e.start - base, end: e.end - base, newText: e.newText, atEnd: false };
      }),
    })),
  };
}

function fromCached(f: CachedFinding, base: number, length: number, ends: { before: string; after: string }): Finding {
  return {
    ...f, start: f.start + base, end: f.end + base,
    fixes: f.fixes.map((x): Fix => ({
      ...x,
      edits: x.edits.map((e): TextEdit => (e.atEnd ? { start: length, end: length, newText: ends.before + e.newText + ends.after } : { start: e.start + base, end: e.end + base, newText: e.newText })),
    })),
  };
}
