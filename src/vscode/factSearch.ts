/**
 * Fuzzy search over the facts for *Look Up Source…*: every word of the query must match the
 * fact's statement, figures, people or quotes (as a word, a word's start, a substring, or letters
 * in order for a typo), figures match with or without thousands separators ("7000" ~ "7,000"),
 * and the best matches come first.
 */
import type { FactIndex } from '../core/dataset/fact-index';
import { attributedText, peopleOf, summarize, valueText } from './factText';

/** One searchable fact, with what the picker shows. */
export interface SearchEntry {
  readonly factId: string;
  /** The statement. */
  readonly label: string;
  /** The kind of fact. */
  readonly description: string;
  /** Figure, quote and attribution. */
  readonly detail: string;
  /** What "insert" puts at the cursor. */
  readonly insertText: string;
  /** Normalised words of each field, with a weight. */
  readonly fields: ReadonlyArray<{ weight: number; words: readonly string[]; text: string }>;
}

/** Lower case, typographic quotes and apostrophes folded, thousands separators dropped. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/(\d),(?=\d{3}\b)/g, '$1');
}

function words(text: string): string[] {
  return normalise(text).split(/[^\p{L}\p{N}']+/u).filter((w) => w.length > 0);
}

/** Builds the search entries of every fact in the index. */
export function buildSearchEntries(index: FactIndex): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const indexed of index.facts) {
    const { fact } = indexed;
    // A quote's "value" is its words: they are searched as the quote, not shown as a figure.
    const summaryValue = fact.quote ? undefined : summarize(indexed, index).valueText;
    const value = fact.quote ? undefined : (summaryValue ?? valueText(fact.value, index));
    const figure = value ? `${value}${fact.counts ? ` ${fact.counts.noun}` : ''}` : '';
    const people = peopleOf(fact, index);
    const quote = fact.quote ? `“${fact.quote.text}”` : '';
    const field = (weight: number, text: string): { weight: number; words: string[]; text: string } => ({ weight, words: words(text), text: normalise(text) });
    entries.push({
      factId: fact.id,
      label: fact.statement,
      description: fact.kind,
      detail: [figure, quote, fact.attribution].filter(Boolean).join(' · '),
      insertText: attributedText(indexed, index, summaryValue),
      fields: [
        field(1.2, `${figure} ${fact.value?.type === 'number' ? String(fact.value.amount) : ''}`),
        field(1, fact.statement),
        field(1, `${people.join(' ')} ${fact.attribution}`),
        field(0.8, fact.quote?.text ?? ''),
        field(0.5, `${fact.id} ${fact.kind} ${fact.event?.label ?? ''}`),
      ],
    });
  }
  return entries;
}

/** Whether `term`'s letters appear in order in `word` (a typo-tolerant match). */
function isSubsequence(term: string, word: string): boolean {
  let i = 0;
  for (const c of word) if (c === term[i]) i++;
  return i === term.length;
}

/** Score of one query word against one field: 0 when it does not match. */
function termScore(term: string, field: { words: readonly string[]; text: string }): number {
  let best = 0;
  for (const w of field.words) {
    if (w === term) return 4;
    if (w.startsWith(term)) best = Math.max(best, 3);
    else if (term.length >= 3 && w.includes(term)) best = Math.max(best, 2);
    else if (term.length >= 4 && w.length <= term.length + 3 && w[0] === term[0] && isSubsequence(term, w)) best = Math.max(best, 1);
  }
  if (best === 0 && term.length >= 3 && field.text.includes(term)) best = 1.5;
  return best;
}

/**
 * The entries matching every word of the query, best first (ties keep dataset order). An empty
 * query returns all entries.
 */
export function searchFacts(entries: readonly SearchEntry[], query: string): SearchEntry[] {
  const terms = words(query);
  if (terms.length === 0) return [...entries];
  const scored: Array<{ entry: SearchEntry; score: number; order: number }> = [];
  entries.forEach((entry, order) => {
    let total = 0;
    for (const term of terms) {
      const best = Math.max(...entry.fields.map((f) => termScore(term, f) * f.weight));
      if (best === 0) return;
      total += best;
    }
    scored.push({ entry, score: total, order });
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((s) => s.entry);
}
