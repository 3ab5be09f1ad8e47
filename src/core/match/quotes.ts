/**
 * Direct quotes: find the reference quote a draft quote resembles; an exact (possibly shortened)
 * quote is supported, a resembling one is misquoted with what differs, and a right quote credited
 * to someone else is misattributed.
 */
import type { ProseBlock } from '../markdown';
import type { Entity } from '../dataset/schema';
import type { Finding } from '../types';
import type { QuoteMention } from '../extract/quotes';
import { tokenize, normalizePunctuation, type Token } from '../text/tokens';
import { capitalize, sourceText, summarize, typographic, type DocContext } from './context';
import { citationEdits, fix } from '../fixes';
import type { CompiledFact } from './term-index';
import { ARTICLES, BE_HAVE, DEMONSTRATIVES, MODALS, PREPOSITIONS } from '../text/function-words';

interface Word { w: string; start: number; end: number }

const FUNCTION_WORDS = new Set<string>([...ARTICLES, ...BE_HAVE, ...MODALS, ...DEMONSTRATIVES, ...PREPOSITIONS, 'it', "it's", 'and', 'or', 'but', 'if', 'we', 'us', 'our', 'they', 'them', 'their', 'he', 'she', 'his', 'her', 'i', 'you', 'your', 'not', 'no', 'do', 'does', 'did', 'should', 'can', 'as', 'so', 'then', 'there', 'what', 'why', 'who', 'how']);

function words(text: string): Word[] {
  return tokenize(normalizePunctuation(text)).map((t: Token) => ({ w: t.lower.replace(/’/g, "'"), start: t.start, end: t.end }));
}

interface Reference { words: Word[]; distinct: ReadonlySet<string> }
const references = new WeakMap<CompiledFact, Reference>();

/** The words of a quote fact, and the set of them, read once per fact (a draft quote is compared
 *  with many). Read-only. */
function reference(cf: CompiledFact): Reference {
  let r = references.get(cf);
  if (!r) {
    const w = words(cf.fact.quote!.text);
    references.set(cf, (r = { words: w, distinct: new Set(w.map((x) => x.w)) }));
  }
  return r;
}

/** Longest common subsequence alignment: pairs (draft index, reference index). */
function align(d: readonly Word[], r: readonly Word[]): Array<[number, number]> {
  const n = d.length, m = r.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = d[i].w === r[j].w ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    if (d[i].w === r[j].w) { pairs.push([i, j]); i++; j++; }
    else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

/** Index just after the first occurrence of `d` in `r` at or after `from`, or -1. */
function findRun(d: readonly Word[], r: readonly Word[], from = 0): number {
  outer: for (let j = from; j + d.length <= r.length; j++) {
    for (let i = 0; i < d.length; i++) if (d[i].w !== r[j + i].w) continue outer;
    return j + d.length;
  }
  return -1;
}

/** The draft's words are the reference's, in order, with nothing but marked omissions between runs
 *  ("…", "[…]") — and each run contiguous: a quote shortened at either end or in the middle. */
function isFaithful(runs: readonly (readonly Word[])[], r: readonly Word[]): boolean {
  let at = 0;
  for (const run of runs) {
    if (!run.length) continue;
    at = findRun(run, r, at);
    if (at < 0) return false;
  }
  return true;
}

/** Runs of a draft quote between omission marks; bracketed editorial insertions are dropped. */
function quoteRuns(text: string): Word[][] {
  const runs: Word[][] = [];
  // Keep offsets: blank out brackets' contents, then split at ellipses and brackets.
  const blanked = text.replace(/\[[^\]]*\]/g, (m) => '\uE000'.repeat(m.length)).replace(/…|\.\.\./g, (m) => '\uE000'.repeat(m.length));
  let start = 0;
  for (const m of blanked.matchAll(/\uE000+/g)) {
    runs.push(words(text.slice(start, m.index)).map((w) => ({ ...w, start: w.start + start, end: w.end + start })));
    start = m.index + m[0].length;
  }
  runs.push(words(text.slice(start)).map((w) => ({ ...w, start: w.start + start, end: w.end + start })));
  return runs.filter((r) => r.length);
}

interface Match { cf: CompiledFact; exact: boolean; pairs: Array<[number, number]>; ref: Word[]; score: number }

function bestReference(ctx: DocContext, d: readonly Word[], runs: readonly (readonly Word[])[]): Match | undefined {
  const stems = new Set(tokenize(d.map((x) => x.w).join(' ')).map((t) => t.stem));
  const faithful = firstFaithful(ctx, stems, runs);
  if (faithful) return faithful;
  // Only the quotes that share at least two of the draft's words (one, for a one-word quote) and
  // half of them: term-index.ts finds them through the rarest words.
  const candidates = ctx.terms.quoteCandidates(stems, Math.max(Math.min(2, stems.size), stems.size * 0.5));
  let best: Match | undefined;
  const draftContent = d.filter((x) => !FUNCTION_WORDS.has(x.w)).length;
  for (const cf of candidates.keys()) {
    const { words: ref, distinct: inRef } = reference(cf);
    if (isFaithful(runs, ref)) return { cf, exact: true, pairs: [], ref, score: 1 };
    // The alignment pairs only draft words the reference has: counting those bounds what it can
    // find, and a reference that cannot pass the tests below or beat the best so far is not aligned.
    let present = 0, contentPresent = 0;
    for (const x of d) if (inRef.has(x.w)) { present++; if (!FUNCTION_WORDS.has(x.w)) contentPresent++; }
    if (contentPresent < 2 || contentPresent < draftContent * 0.5 || (best && present / d.length <= best.score)) continue;
    const pairs = align(d, ref);
    // Resemblance is in the content words: "It's a shame" is not "It's a trap" misquoted.
    const content = pairs.filter(([i]) => !FUNCTION_WORDS.has(d[i].w)).length;
    if (content < 2 || content < draftContent * 0.5) continue;
    const score = pairs.length / d.length;
    if (!best || score > best.score) best = { cf, exact: false, pairs, ref, score };
  }
  return best;
}

/**
 * The quote a right (possibly shortened) draft quote is: what the loop of bestReference returns
 * first when some reference is faithful, found without counting every quote that shares words.
 * A faithful reference has every draft word, so every draft stem: it is among the quotes that share
 * all of them (found from the rarest stem), all of which the count puts first, in the datasets'
 * order — the order they are looked through here.
 */
function firstFaithful(ctx: DocContext, stems: ReadonlySet<string>, runs: readonly (readonly Word[])[]): Match | undefined {
  const sets: Array<ReadonlySet<CompiledFact>> = [];
  for (const s of stems) {
    const set = ctx.terms.quoteWords.get(s);
    if (!set) return undefined;
    sets.push(set);
  }
  if (!sets.length) return undefined;
  sets.sort((a, b) => a.size - b.size);
  outer: for (const cf of sets[0]) {
    for (let i = 1; i < sets.length; i++) if (!sets[i].has(cf)) continue outer;
    const ref = reference(cf).words;
    if (isFaithful(runs, ref)) return { cf, exact: true, pairs: [], ref, score: 1 };
  }
  return undefined;
}

/** Differences between a draft quote and the aligned reference words, as a phrase. */
function describeDiff(d: readonly Word[], r: readonly Word[], pairs: ReadonlyArray<[number, number]>, dText: string, rText: string, marksOmissions = false): string {
  const parts: string[] = [];
  const anchors: Array<[number, number]> = [[-1, pairs.length ? pairs[0][1] - Math.min(pairs[0][0], pairs[0][1]) - 1 : -1], ...pairs, [d.length, pairs.length ? pairs[pairs.length - 1][1] + (d.length - pairs[pairs.length - 1][0]) : r.length]];
  for (let k = 0; k + 1 < anchors.length && parts.length < 3; k++) {
    const [di, ri] = anchors[k], [dj, rj] = anchors[k + 1];
    const dSeg = dj - di > 1 ? dText.slice(d[di + 1].start, d[dj - 1].end) : '';
    const rSeg = rj - ri > 1 && ri + 1 < r.length ? rText.slice(r[Math.max(0, ri + 1)].start, r[Math.min(r.length - 1, rj - 1)].end) : '';
    if (dSeg && rSeg) parts.push(`the reference has “${rSeg}” where the draft has “${dSeg}”`);
    else if (dSeg) parts.push(`the draft adds “${dSeg}”`);
    else if (rSeg && k > 0 && k + 1 < anchors.length - 1 && !marksOmissions) parts.push(`the draft leaves out “${rSeg}”`);
  }
  return parts.join('; ');
}

/** The longest end of `s` made of characters of `cls` (a loop: `/[…]*$/` is quadratic on long runs inside `s`). */
function trailingRun(s: string, cls: RegExp): string {
  let k = s.length;
  while (k > 0 && cls.test(s[k - 1])) k--;
  return s.slice(k);
}

/** Entity the speaker phrase names, if any. */
function speakerEntity(ctx: DocContext, text: string): Entity | undefined {
  return ctx.terms.entityMentions(tokenize(text)).find((m) => m.entity.kind === 'person' || m.entity.kind === 'anonymous-source')?.entity;
}

/** When the draft names someone other than the reference speaker: who, and the edit that credits the right one. */
function wrongSpeaker(ctx: DocContext, block: ProseBlock, q: QuoteMention, lastSpeaker: Entity | undefined, speakerId: string, speakerName: string): { named: string; edit: { start: number; end: number; newText: string } } | undefined {
  const sp = q.speaker;
  if (!sp) return undefined;
  const named = sp.pronoun ? lastSpeaker : speakerEntity(ctx, sp.text);
  const properName = !sp.pronoun && /\b\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u.test(sp.text);
  const wrong = named ? named.id !== speakerId : properName;
  if (!wrong || (sp.pronoun && !named)) return undefined;
  const atStart = block.text.slice(0, sp.start).trim() === '' || /[.!?]\s*$/.test(block.text.slice(0, sp.start));
  const newText = sp.pronoun ? speakerName : atStart ? capitalize(speakerName) : speakerName;
  return { named: named?.name ?? sp.text, edit: { start: block.offsets[sp.start], end: block.offsets[sp.end - 1] + 1, newText } };
}

export function judgeQuote(ctx: DocContext, block: ProseBlock, q: QuoteMention, lastSpeaker: Entity | undefined, sentenceEnd: number): Finding | undefined {
  const runs = quoteRuns(q.text);
  const d = runs.flat();
  if (d.length === 0) return undefined;
  const doc = (i: number) => block.offsets[i];
  const docEndOf = (i: number) => block.offsets[i - 1] + 1;
  const start = doc(q.start), end = docEndOf(q.end);
  const match = bestReference(ctx, d, runs);
  const base = { claimKind: 'quote' as const, start, end, text: '' };
  if (!match || (!match.exact && (d.length < 3 || match.score < 0.6))) {
    return { ...base, verdict: 'unverified', message: 'No quote in the reference datasets matches these words.', fixes: [] };
  }
  const cf = match.cf, quote = cf.fact.quote!;
  const speaker = ctx.index.entity(quote.speaker);
  const speakerName = speaker?.name ?? quote.speaker;
  const ref = summarize(cf);
  ref.speaker = speakerName;
  const finding = { ...base, factId: cf.fact.id, reference: ref };

  if (!match.exact) {
    const pairs = match.pairs;
    const firstR = pairs[0][1] - Math.min(pairs[0][0], pairs[0][1]);
    const lastPair = pairs[pairs.length - 1];
    const lastR = Math.min(match.ref.length - 1, lastPair[1] + (d.length - 1 - lastPair[0]));
    const rText = quote.text;
    const window = rText.slice(match.ref[firstR].start, match.ref[lastR].end);
    const trailing = trailingRun(q.text, /[\s,.;:!?]/);
    const windowTrail = trailingRun(rText.slice(match.ref[lastR].end), /[,.;:!?]/);
    const newText = typographic(ctx, window + (trailing.trim() ? (windowTrail && trailing.trim() !== ',' ? windowTrail : trailing) : ''));
    const diff = describeDiff(d, match.ref, pairs, q.text, rText, runs.length > 1);
    // When the draft also names someone else as the speaker, restoring the words restores the speaker too.
    const credit = wrongSpeaker(ctx, block, q, lastSpeaker, quote.speaker, speakerName);
    const restore = [{ start, end, newText }, ...(credit ? [credit.edit] : [])];
    return {
      ...finding, verdict: 'misquoted',
      message: `Differs from the quote of ${speakerName}: ${diff || 'the wording differs'}${credit ? `; the reference attributes it to ${speakerName}, not ${credit.named}` : ''}. Reference: “${quote.text}” (${speakerName}; ${sourceText(ctx, cf)}).`,
      fixes: [
        fix(credit ? `Restore the exact quote and credit ${speakerName}` : 'Restore the exact quote', 'quote', restore, true),
        fix('Restore the exact quote and cite the source', 'citation', [...restore, ...citationEdits(ctx, cf, sentenceEnd)]),
      ],
    };
  }

  // The words are right: is the speaker?
  const credit = wrongSpeaker(ctx, block, q, lastSpeaker, quote.speaker, speakerName);
  if (credit) {
    return {
      ...finding, verdict: 'misattributed',
      message: `The reference attributes these words to ${speakerName}, not ${credit.named} (${sourceText(ctx, cf)}).`,
      fixes: [
        fix(`Credit ${speakerName}`, 'speaker', [credit.edit], true),
        fix(`Credit ${speakerName} and cite the source`, 'citation', [credit.edit, ...citationEdits(ctx, cf, sentenceEnd)]),
      ],
    };
  }
  return {
    ...finding, verdict: 'supported',
    message: `Matches the reference quote of ${speakerName} (${sourceText(ctx, cf)}).`,
    fixes: [fix(`Cite the source (${cf.fact.id})`, 'citation', citationEdits(ctx, cf, sentenceEnd))],
  };
}
