/**
 * Fact wording for the editor's source look-up, identical to what findings carry, so a fact reads
 * the same in a hover, a QuickPick and a copied citation.
 */
import type { FactIndex } from './dataset/fact-index';
import type { ReferenceSummary } from './types';
import { termIndexFor } from './match/term-index';
import { summarize } from './match/context';
import { footnoteDefinition, footnoteLabel } from './fixes';

/** Summary of one fact (value as words, attribution, speaker's name, quote), or undefined. */
export function summarizeFact(index: FactIndex, factId: string): ReferenceSummary | undefined {
  const cf = termIndexFor(index).compiledFact(factId);
  return cf ? summarize(cf, index) : undefined;
}

/** The Markdown footnote citing a fact, as the citation fix writes it: `[^fc-<id>]: Outlet, “Headline”, Date. …`. */
export function citationFootnote(index: FactIndex, factId: string): { label: string; definition: string } | undefined {
  const terms = termIndexFor(index);
  const cf = terms.compiledFact(factId);
  if (!cf) return undefined;
  return { label: footnoteLabel(cf), definition: footnoteDefinition({ text: '', index, terms, footnoteLabels: new Set(), curly: true }, cf) };
}
