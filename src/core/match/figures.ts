/**
 * Figures (counts, counts of sources, vague quantities) and durations: bind each to the facts of
 * its event and what it counts, then judge the value, the time it holds for, and the source the
 * draft credits.
 */
import { docEnd, docStart, tokenRange, clauseAt, type Sentence } from '../analyze';
import type { Figure } from '../extract/numbers';
import { claimInterval } from '../extract/numbers';
import type { DurationMention } from '../extract/dates';
import { durationInterval, extractTimes } from '../extract/dates';
import type { Attribution } from '../extract/attribution';
import type { Finding, Fix, TextEdit, Verdict } from '../types';
import { TermIndex, type CompiledFact } from './term-index';
import { bindAt, firstHighest, type Binding } from './bind';
import { attributionFit } from './attribution-match';
import { referenceInterval, overlaps, hedgeFits, boundWords, formatAmount, describeValue } from './values';
import { asOfText, capitalize, summarize, valueWithNoun, whoSaid, type DocContext } from './context';
import { citationEdits, fix } from '../fixes';
import { ARTICLES, BE_HAVE, DEMONSTRATIVES, MODALS, PREPOSITIONS, SPEECH_WORDS } from '../text/function-words';

/** Words after a figure that end its noun phrase. */
const NOUN_STOP = new Set<string>([...BE_HAVE, ...MODALS, ...DEMONSTRATIVES, ...PREPOSITIONS.filter((w) => w !== 'of'), 'said', 'say', 'into', 'across', 'who', 'which', 'and', 'or', 'but', 'since', 'so', 'far', 'already', 'now', 'more', 'than', 'being', 'may', 'might', 'over', 'under', 'after', 'before', 'during', 'while', 'as', 'its', 'their', 'there']);
const PARTITIVE = new Set(['those', 'them', 'these', 'which', 'whom']);

interface NounInfo { from: number; to: number; partitive: boolean }

/** Token range of what a figure counts: "7,000 [Islamic State prisoners]", "dozens of [foreign fighters]".
 *  `partitive` marks "130 of those moved" / "300 of the detainees": the subset is named elsewhere. */
function nounAfter(s: Sentence, figEnd: number): NounInfo {
  let i = 0;
  while (i < s.tokens.length && s.tokens[i].start < figEnd) i++;
  // Only if the noun follows directly (no punctuation in between other than spaces/hyphens).
  if (i < s.tokens.length && /[^\s\-–]/.test(s.text.slice(figEnd, s.tokens[i].start))) return { from: i, to: i, partitive: false };
  let partitive = false;
  if (s.tokens[i]?.lower === 'of') {
    const next = s.tokens[i + 1]?.lower;
    if (next && PARTITIVE.has(next)) return { from: i, to: i, partitive: true };
    partitive = next === 'the';
    i += partitive ? 2 : 1;
  }
  const from = i;
  while (i < s.tokens.length && i - from < 5 && !NOUN_STOP.has(s.tokens[i].lower) && !/[,.;:!?()]/.test(s.text.slice(s.tokens[i - 1]?.end ?? s.tokens[i].start, s.tokens[i].start))) i++;
  return { from, to: i, partitive };
}

const NUMERIC_KINDS = new Set(['quantity', 'source-count']);

/** Distance from a figure (token index) to a term at [i, i + len): a term just after the figure
 *  ("400 are foreigners") is nearer than one the same number of words before it. */
function termDistance(figureToken: number, i: number, len: number): number {
  return i > figureToken ? i - figureToken - 1 : figureToken - (i + len) + 2;
}

/** Best counts term of `cf` in tokens [t0, t1) that avoids the `owned` token indexes and that no
 *  other figure is nearer to: longer terms first, then nearer the figure. */
function freeMatch(tokens: readonly { stem: string }[], terms: readonly string[][], t0: number, t1: number, owned: ReadonlySet<number>, figureToken: number, others: readonly number[]): number {
  let best = 0;
  for (const t of terms) {
    for (let i = t0; i + t.length <= t1; i++) {
      let ok = true;
      for (let k = 0; k < t.length; k++) if (owned.has(i + k) || tokens[i + k].stem !== t[k]) { ok = false; break; }
      if (!ok) continue;
      const distance = termDistance(figureToken, i, t.length);
      if (nearerOther(others, i, t.length, distance)) continue; // "130 are Iraqis" is 130's
      best = Math.max(best, t.length + 1 / (1 + distance));
    }
  }
  return best;
}

/** Is one of the `others` figures' tokens nearer the term at `i` than `distance`? (A loop, not a
 *  closure over `i`: that would allocate a context per position scanned.) */
function nearerOther(others: readonly number[], i: number, length: number, distance: number): boolean {
  for (const o of others) if (termDistance(o, i, length) < distance) return true;
  return false;
}

/** Nouns that say nothing about what is counted ("500 people"): binding on them needs more evidence. */
const GENERIC_NOUNS = new Set(['people', 'person', 'men', 'man', 'women', 'member', 'individual', 'other', 'those', 'all', 'total'].map((w) => w.replace(/s$/, '')));
/** Words that never make a figure about something else. */
const NEUTRAL = new Set<string>([...ARTICLES, ...BE_HAVE, ...SPEECH_WORDS, 'to', 'so', 'far', 'already', 'yet', 'in', 'into', 'by', 'from', 'of', 'on', 'at', 'total', 'now', 'date', 'just', 'only', 'some', 'about', 'around', 'roughly', 'nearly', 'almost', 'than', 'more', 'fewer', 'less', 'under', 'over', 'up', 'as', 'many', 'number', 'count', 'amount', 'figure', 'group', 'category', 'item', 'value', 'so-far', 'its', 'their', 'this', 'that', 'these', 'week', 'day', 'month', 'year', 'since', 'then', 'there', 'it', 'they', 'them', 'who', 'which', 'and', 'or', 'still', 'also', 'currently', 'initially', 'first', 'least', 'most', 'estimated', 'approximately', 'expected', 'within', 'days', 'fraction', 'part', 'share', 'portion', 'half', 'third', 'quarter', 'rest', 'remainder', 'majority', 'minority', 'bulk', 'another', 'further', 'additional', 'other', 'instead', 'however', 'meanwhile', 'moreover', 'nonetheless', 'nevertheless', 'though', 'although', 'even', 'thus', 'therefore', 'indeed', 'but', 'while', 'whereas', 'barely', 'merely', 'mere', 'altogether', 'overall', 'all', 'says', 'later', 'ago', 'earlier', 'recently', 'today', 'yesterday', 'we', 'he', 'she', 'i', 'you']);

/** A figure bound on its event words alone must not sit among words the datasets never use
 *  ("Transferred to reserves: 7,000", "moved 500 people to new housing"). */
function amongOwnWords(ctx: DocContext, s: Sentence, fig: Figure, noun: NounInfo): boolean {
  const vocab = ctx.terms.vocabulary;
  const foreign = (t: { stem: string; lower: string }) => !vocab.has(t.stem) && !NEUTRAL.has(t.lower) && !/^\d/.test(t.lower);
  if (s.contextTokens.some(foreign)) return false;
  let i = 0;
  while (i < s.tokens.length && s.tokens[i].end <= fig.hedgeStart) i++;
  const before = s.tokens.slice(Math.max(0, i - 4), i);
  const afterFrom = Math.max(noun.to, s.tokens.findIndex((t) => t.start >= fig.end));
  const after: typeof s.tokens = [];
  for (let k = afterFrom; k >= 0 && k < s.tokens.length && after.length < 6; k++) {
    if (/[,.;:!?()]/.test(s.text.slice(s.tokens[k - 1]?.end ?? s.tokens[k].start, s.tokens[k].start)) && after.length) break;
    after.push(s.tokens[k]);
  }
  return !before.some(foreign) && !after.some(foreign);
}

/** A participle right after a figure is its verb, not what it counts: "the 500 transferred". */
const PARTICIPLE = /(?:ed|en|wn|nt)$/;

/** What countsScore reads of a figure's sentence whatever the fact: worked out once per figure, on
 *  first need (a figure is scored against every candidate fact). */
interface FigureScope {
  /** Token range of the figure's clause. */
  t0: number;
  t1: number;
  figureToken: number;
  /** First tokens of the clause's other figures. */
  others: number[];
  /** Tokens owned by other figures' nouns and by names, without and with the figure's own noun. */
  owned: Set<number>;
  ownedWithNoun: Set<number>;
}

function figureScope(ctx: DocContext, s: Sentence, noun: NounInfo, clause: [number, number], figures: readonly Figure[], self: Figure): FigureScope {
  const [t0, t1] = tokenRange(s, clause[0], clause[1]);
  const owned = new Set<number>();
  for (const f of figures) {
    if (f === self) continue;
    const n = nounAfter(s, f.end);
    for (let k = n.from; k < n.to; k++) owned.add(k);
  }
  // Words inside a name ("Iraq's foreign ministry") are not what a figure counts.
  for (const m of ctx.terms.entityMentions(s.tokens, 0, s.tokens.length)) for (let k = m.start; k < m.end; k++) owned.add(k);
  const ownedWithNoun = new Set(owned);
  for (let k = noun.from; k < noun.to; k++) ownedWithNoun.add(k);
  const [figureToken] = tokenRange(s, self.start, self.end);
  const others = figures.filter((f) => f !== self && f.start >= clause[0] && f.start < clause[1]).map((f) => tokenRange(s, f.start, f.end)[0]);
  return { t0, t1, figureToken, others, owned, ownedWithNoun };
}

/** How well a figure's counted thing fits a fact's `counts`: undefined when it counts something else. */
function countsScore(s: Sentence, cf: CompiledFact, noun: NounInfo, scope: () => FigureScope): number | undefined {
  const own = noun.to > noun.from ? TermIndex.longestMatch(s.tokens, cf.counts, noun.from, noun.to) : 0;
  const verbNotNoun = own === 0 && noun.to > noun.from && !noun.partitive && PARTICIPLE.test(s.tokens[noun.from].lower) && !cf.counts.some((c) => c[0] === s.tokens[noun.from].stem);
  if (noun.to > noun.from && !noun.partitive && !verbNotNoun) return own > 0 ? own : undefined; // "7,000 laptops" counts laptops
  // No noun of its own, or a partitive: a counts word elsewhere in the clause that no other figure
  // owns ("130 of those moved were Iraqi citizens"), or in the table labels of the cell.
  const { t0, t1, figureToken, others, owned: ownedBase, ownedWithNoun } = scope();
  const owned = verbNotNoun ? ownedBase : ownedWithNoun;
  let elsewhere = Math.max(freeMatch(s.tokens, cf.counts, t0, t1, owned, figureToken, others), TermIndex.longestMatch(s.contextTokens, cf.counts));
  // A short clause ("— about 400 —") borrows the counted thing from its sentence.
  if (elsewhere === 0) elsewhere = 0.5 * freeMatch(s.tokens, cf.counts, 0, s.tokens.length, owned, figureToken, others);
  // The subset's own description outranks the whole it is taken from.
  if (elsewhere > 0) return elsewhere + 1;
  if (own > 0) return own;
  return cf.fact.counts?.implicit || !cf.fact.counts ? 0 : undefined;
}

/** Groups alternative statements of one figure (same event and noun: "around 500", "under 500"). */
function slotKey(cf: CompiledFact): string {
  let key = slotKeys.get(cf);
  if (key === undefined) slotKeys.set(cf, (key = `${cf.fact.kind}|${cf.fact.event?.label ?? cf.fact.id}|${cf.fact.counts?.noun ?? ''}|${cf.fact.value?.type === 'duration' ? 'd' : ''}`));
  return key;
}
const slotKeys = new WeakMap<CompiledFact, string>();

function sourceWeight(cf: CompiledFact): number {
  return cf.fact.sources.reduce((a, s) => a + (s.count ?? 1), 0);
}

const LATER_TIME = /\b(?:first|initial|opening)\s+(?:day|days|week|batch|group|wave|flight|flights|convoy|transfer|transfers|phase)\b|\b(?:the|its|a)\s+first\s+(?:\d|few|several|dozens?|hundreds?|two|three|four|five|ten)|\bby\s+(?:the\s+end\s+of|next|mid|late)\b|\bnext\s+(?:week|month|year)\b|\b(?:will|would)\s+(?:be\s+|have\s+)?\w+|\bon\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\beventually\b|\bin\s+the\s+coming\b|\blast\s+year\b/i;

/** Is the clause about another time than the fact's ("on the first day", "by February 13")? */
function otherTime(s: Sentence, clause: [number, number], cf: CompiledFact): string | undefined {
  const f = cf.fact;
  if (!f.period && !f.asOf) return undefined;
  const text = s.text.slice(clause[0], clause[1]);
  const m = LATER_TIME.exec(text);
  if (m) return m[0];
  // ", after 20 detainees were moved": a figure in a time clause marks a moment, not the total.
  const lead = /^[\s,]*(after|before|when|once|until|as soon as)\b/i.exec(text);
  if (lead && clause[0] > 0) return lead[1];
  const asOf = cf.indexed.asOf;
  const times = extractTimes(text);
  // "in 2014": a year outside the fact's time.
  const fromYear = Number((f.period?.from ?? asOf).slice(0, 4)), toYear = Number((f.period?.to ?? asOf).slice(0, 4));
  for (const y of times.years) if (y.year < fromYear || y.year > toYear) return text.slice(y.start, y.end);
  for (const d of times.dates) {
    const year = d.year ?? Number(asOf.slice(0, 4));
    const iso = `${year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    const to = f.period?.to ?? asOf;
    const from = f.period?.from;
    if (iso > to || (from !== undefined && iso < from)) return text.slice(d.start, d.end);
  }
  return undefined;
}

export interface NumericClaim {
  kind: 'quantity' | 'source-count' | 'duration';
  /** Sentence-local range of the figure, and where its hedge starts. */
  start: number;
  end: number;
  hedgeStart: number;
  interval: [number, number];
  /** Writes a reference fact's value over [hedgeStart, end), in the writer's style. */
  render: (cf: CompiledFact) => string;
}

/** A fact's figure and event in words ("around 500 detainees transferred so far"), once per fact. */
function statedOf(cf: CompiledFact): string {
  let out = stated.get(cf);
  if (out === undefined) stated.set(cf, (out = `${valueWithNoun(cf.fact)} ${cf.fact.event?.label ?? ''}`.replace(/\s+/g, ' ').trim()));
  return out;
}
const stated = new WeakMap<CompiledFact, string>();

export function judgeFigure(ctx: DocContext, s: Sentence, fig: Figure, figures: readonly Figure[], attribution: Attribution | undefined): Finding | undefined {
  const clause = clauseAt(s, fig.start);
  const noun = nounAfter(s, fig.end);
  const scored: Array<{ b: Binding; score: number }> = [];
  let scope: FigureScope | undefined;
  const scopeOnce = () => (scope ??= figureScope(ctx, s, noun, clause, figures, fig));
  let among: boolean | undefined;
  for (const b of bindAt(ctx, s, fig.start, (cf) => NUMERIC_KINDS.has(cf.fact.kind) && !!cf.fact.value && ['number', 'vague', 'range'].includes(cf.fact.value.type))) {
    const cs = countsScore(s, b.cf, noun, scopeOnce);
    if (cs === undefined) continue;
    const generic = noun.to > noun.from && !noun.partitive && s.tokens.slice(noun.from, noun.to).every((t) => GENERIC_NOUNS.has(t.stem) || !b.cf.counts.some((c) => c.includes(t.stem)));
    if ((cs === 0 || generic) && !(among ??= amongOwnWords(ctx, s, fig, noun))) continue;
    scored.push({ b, score: cs * 3 + b.eventScore });
  }
  const claim: NumericClaim = {
    kind: 'quantity', start: fig.start, end: fig.end, hedgeStart: fig.hedgeStart,
    interval: claimInterval(fig.value),
    render: (cf) => renderFigure(fig, s.text.slice(fig.hedgeStart, fig.start), cf),
  };
  if (!scored.length) return unverified(s, claim, noun.to > noun.from ? 'quantity' : 'quantity');
  if (scored.some((x) => x.b.cf.fact.kind === 'source-count')) claim.kind = 'source-count';
  return judgeNumeric(ctx, s, claim, scored, clause, attribution);
}

export function judgeDuration(ctx: DocContext, s: Sentence, d: DurationMention, attribution: Attribution | undefined): Finding | undefined {
  const clause = clauseAt(s, d.start);
  const scored = bindAt(ctx, s, d.start, (cf) => cf.fact.value?.type === 'duration').map((b) => ({ b, score: b.eventScore }));
  const claim: NumericClaim = {
    kind: 'duration', start: d.start, end: d.end, hedgeStart: d.hedgeStart, interval: durationInterval(d),
    render: (cf) => { const t = describeValue(cf.fact.value); return d.capitalized ? capitalize(t) : t; },
  };
  if (!scored.length) return unverified(s, claim, 'duration');
  return judgeNumeric(ctx, s, claim, scored, clause, attribution);
}

function renderFigure(fig: Figure, writerHedge: string, cf: CompiledFact): string {
  const v = cf.fact.value;
  let out: string;
  if (v?.type === 'vague') out = v.word;
  else if (v?.type === 'number') {
    const amount = formatAmount(v.amount, { words: fig.style.words || v.amount < 10, separator: fig.style.separator || ',' });
    const keep = fig.value.type === 'number' && writerHedge && hedgeFits(fig.value.hedge, v.bound);
    const hedge = keep ? writerHedge.trim().toLowerCase() : boundWords(v.bound, !!cf.fact.counts);
    out = [hedge, amount].filter(Boolean).join(' ');
  } else out = describeValue(v);
  // Capitalised as written, or because it now opens the sentence ("1.2 million …" -> "Around 400 …").
  return fig.style.capitalized || fig.hedgeStart === 0 ? capitalize(out) : out;
}

function unverified(s: Sentence, claim: NumericClaim, kind: Finding['claimKind']): Finding {
  return {
    verdict: 'unverified', claimKind: kind, start: docStart(s, claim.start), end: docEnd(s, claim.end), text: '',
    message: 'No fact in the reference datasets covers this claim.', fixes: [],
  };
}

function judgeNumeric(ctx: DocContext, s: Sentence, claim: NumericClaim, scored: Array<{ b: Binding; score: number }>, clause: [number, number], attribution: Attribution | undefined): Finding {
  // The best-bound slot; its facts are alternative statements of the same figure.
  const bySlot = new Map<string, { score: number; facts: CompiledFact[] }>();
  for (const { b, score } of scored) {
    const k = slotKey(b.cf);
    const slot = bySlot.get(k) ?? { score: 0, facts: [] };
    slot.score = Math.max(slot.score, score);
    slot.facts.push(b.cf);
    bySlot.set(k, slot);
  }
  const slot = firstHighest([...bySlot.values()], (x) => x.score)!;
  const facts = slot.facts.length > 1 ? slot.facts.sort((a, b) => sourceWeight(b) - sourceWeight(a)) : slot.facts;
  const primary = facts[0];
  const compatible = (cf: CompiledFact) => { const iv = referenceInterval(cf.fact.value); return !!iv && overlaps(claim.interval, iv); };

  const start = docStart(s, claim.start), end = docEnd(s, claim.end);
  const when = otherTime(s, clause, primary);
  if (when) {
    return {
      verdict: 'unverified', claimKind: claim.kind, start, end, text: '', factId: primary.fact.id, reference: summarize(primary),
      message: `Not checked: this figure is about another time (“${when}”); the reference has ${valueWithNoun(primary.fact)} ${primary.fact.event?.label ?? ''} as of ${asOfText(primary)}, ${primary.fact.attribution}.`.replace(/\s+/g, ' '),
      fixes: [],
    };
  }

  // Who the draft credits, judged against each alternative.
  let fits: Map<CompiledFact, 'match' | 'mismatch' | 'unknown'> | undefined;
  // Who is credited matters for figures the reference attributes to someone, not for the framing
  // (durations, the outlet's own reporting).
  // A count of sources is itself the attribution, and is never judged against one.
  const attributable = claim.kind === 'quantity' && facts.some((cf) => cf.fact.sources.some((src) => src.kind !== 'reporting'));
  if (attribution && attributable && !(attribution.start <= claim.start && claim.end <= attribution.end)) {
    const [a0, a1] = tokenRange(s, attribution.start, attribution.end);
    const phrase = s.tokens.slice(a0, a1);
    fits = new Map(facts.map((cf) => [cf, attributionFit(ctx, phrase, cf.fact)]));
  }
  const matched = fits ? facts.filter((cf) => fits!.get(cf) === 'match') : [];
  const clearlyOther = !!fits && facts.every((cf) => fits!.get(cf) === 'mismatch');

  let verdict: Verdict;
  let ref: CompiledFact;
  if (matched.length) {
    const ok = matched.find(compatible);
    verdict = ok ? 'supported' : 'contradicted';
    ref = ok ?? matched[0];
  } else {
    const ok = facts.find(compatible);
    if (ok && clearlyOther) { verdict = 'misattributed'; ref = ok; }
    else if (ok) { verdict = 'supported'; ref = ok; }
    else { verdict = 'contradicted'; ref = primary; }
  }

  const claimText = s.text.slice(claim.start, claim.end);
  const stated = statedOf(ref);
  const finding: Finding = { verdict, claimKind: claim.kind, start, end, text: '', factId: ref.fact.id, reference: summarize(ref), message: '', fixes: [] };
  const sentenceEnd = sentenceEndOffset(s);
  const hedgeStart = docStart(s, claim.hedgeStart);

  if (verdict === 'supported') {
    finding.message = `Matches the reference: ${stated}, ${ref.fact.attribution} (as of ${asOfText(ref)}).`;
    finding.fixes = [fix(`Cite the source (${ref.fact.id})`, 'citation', citationEdits(ctx, ref, sentenceEnd))];
    return finding;
  }
  if (verdict === 'misattributed' && attribution) {
    finding.message = `The figure matches the reference, but the reference credits it to ${whoSaid(ref.fact)}, not ${attribution.text}: ${stated} (as of ${asOfText(ref)}).`;
    const who = whoSaid(ref.fact);
    const replacement: TextEdit = { start: docStart(s, attribution.start), end: docEnd(s, attribution.end), newText: attribution.start === 0 ? capitalize(who) : who };
    finding.fixes = [
      fix(`Credit ${who}`, 'attribution', [replacement], true),
      fix(`Cite the source (${ref.fact.id})`, 'citation', [replacement, ...citationEdits(ctx, ref, sentenceEnd)]),
    ];
    return finding;
  }
  // Contradicted: say which confusable fact the stated figure belongs to, if any.
  const confused = ref.fact.confusableWith
    .map((c) => ({ c, cf: ctx.terms.compiledFact(c.fact) }))
    .find(({ cf }) => cf && cf !== ref && compatible(cf));
  if (confused?.cf) finding.confusedWith = summarize(confused.cf);
  const lead = confused ? `${confused.c.note.replace(/\.$/, '')}. ` : `The draft says ${claimText}; `;
  finding.message = `${lead}${confused ? 'The reference has' : 'the reference has'} ${stated}, ${ref.fact.attribution} (as of ${asOfText(ref)}).`;
  const newFigure = claim.render(ref);
  const figureEdit: TextEdit = { start: hedgeStart, end, newText: newFigure };
  const fixes: Fix[] = [];
  if (clearlyOther && attribution && (attribution.end <= claim.hedgeStart || attribution.start >= claim.end)) {
    // The draft also credits someone the reference does not: the preferred fix mends both.
    const who = whoSaid(ref.fact);
    const credit: TextEdit = { start: docStart(s, attribution.start), end: docEnd(s, attribution.end), newText: attribution.start === 0 ? capitalize(who) : who };
    fixes.push(fix(`Change to “${newFigure}” and credit ${who}`, 'attributed-figure', [figureEdit, credit], true));
    fixes.push(fix(`Change to “${newFigure}”`, 'figure', [figureEdit]));
  } else {
    fixes.push(fix(`Change to “${newFigure}”`, 'figure', [figureEdit], true));
  }
  if (!attribution) {
    const at = sentenceEndBeforePunctuation(s);
    fixes.push(fix(`Change to “${newFigure}” with attribution`, 'attributed-figure', [figureEdit, { start: at, end: at, newText: `, ${ref.fact.attribution}` }]));
  }
  fixes.push(fix(`Change to “${newFigure}” and cite the source`, 'citation', [figureEdit, ...citationEdits(ctx, ref, sentenceEnd)]));
  finding.fixes = fixes;
  return finding;
}

/** Document offset just after the sentence (after its final punctuation). */
export function sentenceEndOffset(s: Sentence): number {
  let e = s.text.length;
  while (e > 0 && /[\s*_]/.test(s.text[e - 1])) e--;
  return docEnd(s, e);
}

/** Document offset before the sentence's final punctuation (for appending ", according to …"). */
export function sentenceEndBeforePunctuation(s: Sentence): number {
  let e = s.text.length;
  while (e > 0 && /[\s*_]/.test(s.text[e - 1])) e--;
  while (e > 0 && /[.!?"”’)]/.test(s.text[e - 1])) e--;
  return docEnd(s, e);
}
