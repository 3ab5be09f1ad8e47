/**
 * Facts from the index in a writer's words, for what the editor shows or inserts when there is no
 * finding to take the wording from: the Look Up Source picker, the source view, inserted figures
 * and citations. (Findings bring their own `ReferenceSummary`; these helpers only fill the gaps.)
 */
import type { FactIndex, IndexedFact } from '../core/dataset/fact-index';
import type { Fact, FactValue, SourceDocument } from '../core/dataset/schema';
import type { ReferenceSummary } from '../core/types';
import { loadCore } from './loadCore';
import type { CitationStyle } from './settings';

const BOUND_WORDS: Record<string, string> = {
  exact: '',
  approximate: 'around ',
  lessThan: 'under ',
  atMost: 'as many as ',
  moreThan: 'more than ',
  atLeast: 'at least ',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-01-21" -> "January 21, 2026" (the date as written in the dataset, no time zone shifts). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${month} ${Number(m[3])}, ${m[1]}` : iso;
}

/** 7000 -> "7,000". */
export function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** The value as a writer would put it: "around 500", "January 21, 2026", "more than a week". */
export function valueText(value: FactValue | undefined, index?: FactIndex): string | undefined {
  if (!value) return undefined;
  switch (value.type) {
    case 'number':
      return `${BOUND_WORDS[value.bound] ?? ''}${formatNumber(value.amount)}`;
    case 'range':
      return `between ${formatNumber(value.min)} and ${formatNumber(value.max)}`;
    case 'vague':
      return value.word;
    case 'date':
      return formatDate(value.date);
    case 'year':
      return String(value.year);
    case 'duration': {
      const unit = value.amount === 1 ? value.unit : `${value.unit}s`;
      const amount = value.amount === 1 ? 'a' : formatNumber(value.amount);
      return `${BOUND_WORDS[value.bound] ?? ''}${amount} ${unit}`;
    }
    case 'place':
      return value.name;
    case 'role': {
      const name = index?.entity(value.entity)?.name;
      return name ? `${name}, ${value.phrase}` : value.phrase;
    }
  }
}

/** The people and organisations a fact names: its speaker, its sources' entities, a role's holder. */
export function peopleOf(fact: Fact, index: FactIndex): string[] {
  const ids = new Set<string>();
  if (fact.quote) ids.add(fact.quote.speaker);
  if (fact.value?.type === 'role') ids.add(fact.value.entity);
  for (const source of fact.sources) if (source.entity) ids.add(source.entity);
  const names = [...ids].map((id) => index.entity(id)?.name).filter((n): n is string => n !== undefined);
  for (const source of fact.sources) if (!source.entity) names.push(source.who);
  return [...new Set(names)];
}

/** A summary of a fact in the words findings use: the core's own summary, so a fact reads the same
 *  in a hover, the picker and a copied citation. */
export function summarize(indexed: IndexedFact, index: FactIndex): ReferenceSummary {
  const summary = loadCore().summarizeFact(index, indexed.fact.id);
  if (!summary) throw new Error(`fact ${indexed.fact.id} is not in the index it was taken from`);
  return summary;
}

/**
 * What *Look Up Source…* inserts at the cursor: the figure with what it counts and who says so
 * ("around 500 detainees, according to two Iraqi judicial officials, …"), a quote with its speaker,
 * a person with their title; otherwise the statement. `summaryValue`: the fact summary's value
 * text, when the caller already has it.
 */
export function attributedText(indexed: IndexedFact, index: FactIndex, summaryValue?: string): string {
  const { fact } = indexed;
  if (fact.quote) {
    const speaker = index.entity(fact.quote.speaker)?.name ?? fact.quote.speaker;
    return `“${fact.quote.text}” ${speaker} said`;
  }
  if (fact.value?.type === 'role') return valueText(fact.value, index) ?? fact.statement;
  // The value in the summary's words, when the caller has not worked the summary out already.
  const value = summaryValue ?? summarize(indexed, index).valueText;
  if (value && fact.value && (fact.value.type === 'number' || fact.value.type === 'range' || fact.value.type === 'vague')) {
    const noun = fact.counts?.noun;
    return `${value}${noun ? ` ${noun}` : ''}, ${fact.attribution}`;
  }
  return `${fact.statement.replace(/[.]$/, '')}, ${fact.attribution}`;
}

/** "Reuters, “Headline”, January 30, 2026" (+ the address when known). */
export function documentCitation(doc: SourceDocument): string {
  return `${doc.outlet}, “${doc.headline}”, ${formatDate(doc.published)}${doc.url ? `, ${doc.url}` : ''}`;
}

/**
 * A citation in the requested style, for copying: inline ("according to … (Reuters, January 30,
 * 2026)"), the footnote definition the checker's citation fix writes, or a Markdown link.
 */
export function citationText(summary: ReferenceSummary, doc: SourceDocument | undefined, style: CitationStyle, index: FactIndex): string {
  switch (style) {
    case 'inline':
      return doc ? `${summary.attribution} (${doc.outlet}, ${formatDate(doc.published)})` : summary.attribution;
    case 'footnote':
      // The definition the checker's citation fix writes.
      return loadCore().citationFootnote(index, summary.factId)?.definition ?? summary.attribution;
    case 'link':
      if (doc?.url) return `[${doc.outlet}: ${doc.headline}](${doc.url})`;
      return doc ? documentCitation(doc) : summary.attribution;
  }
}
