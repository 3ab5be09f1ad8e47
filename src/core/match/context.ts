/**
 * What every judge needs: the document, the fact index and its term index, and helpers that turn
 * a fact into the words of a message (value, who said it, as of when).
 */
import type { FactIndex } from '../dataset/fact-index';
import type { Fact } from '../dataset/schema';
import type { ReferenceSummary } from '../types';
import { describeValue, formatLongDate } from './values';
import type { CompiledFact, TermIndex } from './term-index';

export interface DocContext {
  text: string;
  index: FactIndex;
  terms: TermIndex;
  footnoteLabels: ReadonlySet<string>;
  /** The draft uses curly apostrophes/quotes; fixes follow its typography. */
  curly: boolean;
}

/** "two Iraqi judicial officials, two Iraqi security officials and three diplomats". */
export function whoSaid(f: Fact): string {
  return f.attribution.replace(/^(?:according to|as|per)\s+/i, '').replace(/\s+(?:reported|said)$/i, '');
}

export function asOfText(cf: CompiledFact): string {
  return formatLongDate(cf.indexed.asOf);
}

/** The fact's value as words ("around 500 detainees"). */
export function valueWithNoun(f: Fact): string {
  const v = describeValue(f.value, !!f.counts);
  return f.counts ? `${v} ${f.counts.noun}` : v;
}

/** "Reuters, January 30, 2026" for the fact's source document, or its dataset title. */
export function sourceText(ctx: DocContext, cf: CompiledFact): string {
  const doc = cf.fact.document ? ctx.index.document(cf.fact.document) : undefined;
  return doc ? `${doc.outlet}, ${formatLongDate(doc.published)}` : `${cf.indexed.origin.title}, as of ${formatLongDate(cf.indexed.asOf)}`;
}

/** The summary that findings carry for messages, hovers and the CLI. */
export function summarize(cf: CompiledFact, index?: FactIndex): ReferenceSummary {
  const f = cf.fact;
  const speaker = f.quote ? (index?.entity(f.quote.speaker)?.name ?? f.quote.speaker) : undefined;
  return {
    factId: f.id,
    statement: f.statement,
    valueText: f.quote ? f.quote.text : describeValue(f.value, !!f.counts) || undefined,
    attribution: f.attribution,
    asOf: cf.indexed.asOf,
    quote: f.quote?.text,
    speaker,
    sourceId: f.document,
    datasetId: cf.indexed.origin.file,
  };
}

/** Follows the writer's typography: straight apostrophes/quotes unless the draft uses curly ones. */
export function typographic(ctx: DocContext, s: string): string {
  return ctx.curly ? s.replace(/'/g, '’') : s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
}

export function capitalize(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
