/**
 * The citation quick fix in the style `draftFactCheck.citationStyle` asks for. The checker's own
 * citation fix (a Markdown footnote) is used as is for `footnote`; `inline` and `link` are built
 * here from the finding's reference and its source document, as plain text edits.
 */
import type { FactIndex } from '../core/dataset/fact-index';
import type { Finding, Fix } from '../core/types';
import { documentCitation, footnoteLabel } from './factText';
import type { CitationStyle } from './settings';

/** End of the sentence a claim is in: the offset of its closing punctuation (or of the line end). */
export function sentenceEnd(text: string, from: number): number {
  const re = /[.!?](?=["”’)\]]*(?:\s|$))|\n\s*\n|\n(?=\s*(?:[-*+]\s|#|\d+[.)]\s|>))/g;
  re.lastIndex = from;
  let m = re.exec(text);
  // Skip dots of initialisms and abbreviations ("U.S.", "Jan.") that are not sentence ends.
  while (m && m[0] === '.' && /(?:\b[A-Z]\.[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])$/.test(text.slice(Math.max(0, m.index - 6), m.index))) {
    m = re.exec(text);
  }
  if (!m) {
    const eol = text.indexOf('\n', from);
    return eol === -1 ? text.length : eol;
  }
  return m.index;
}

/** An inline attribution before the sentence's closing punctuation: "…to Iraq, according to X."
 *  Null when the sentence already carries that attribution. */
function inlineFix(text: string, finding: Finding): Fix | null | undefined {
  const reference = finding.reference;
  if (!reference) return undefined;
  const at = sentenceEnd(text, finding.end);
  const sentence = text.slice(finding.start, at);
  if (sentence.includes(reference.attribution)) return null;
  return {
    title: `Cite inline: “…, ${reference.attribution}”`,
    kind: 'citation',
    edits: [{ start: at, end: at, newText: `, ${reference.attribution}` }],
  };
}

/** A Markdown link around the claim to the source document's address. */
function linkFix(finding: Finding, index: FactIndex): Fix | undefined {
  const doc = finding.reference?.sourceId ? index.document(finding.reference.sourceId) : undefined;
  if (!doc?.url) return undefined;
  return {
    title: `Link “${finding.text}” to ${doc.outlet}`,
    kind: 'citation',
    edits: [{ start: finding.start, end: finding.end, newText: `[${finding.text}](${doc.url})` }],
  };
}

/** A footnote reference after the claim's sentence, and its definition at the end of the document. */
function footnoteFix(text: string, finding: Finding, index: FactIndex): Fix | undefined {
  const reference = finding.reference;
  if (!reference) return undefined;
  const doc = reference.sourceId ? index.document(reference.sourceId) : undefined;
  const label = footnoteLabel(doc, reference.factId);
  const at = sentenceEnd(text, finding.end);
  const marker = `[^${label}]`;
  const punct = /[.!?]/.test(text.charAt(at)) ? 1 : 0;
  const edits = [{ start: at + punct, end: at + punct, newText: marker }];
  if (!text.includes(`${marker}:`)) {
    const definition = `${marker}: ${doc ? `${documentCitation(doc)}; ` : ''}${reference.attribution}.`;
    const ending = text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    edits.push({ start: text.length, end: text.length, newText: `${ending}${definition}\n` });
  }
  return { title: `Add footnote citing ${doc?.outlet ?? reference.attribution}`, kind: 'citation', edits };
}

/**
 * The finding's fixes with its citation fixes in the configured style: the checker's own citation
 * fix stands when it matches the style (`footnote`), otherwise one is built here. When a style
 * cannot be honoured (a link without a known address), the footnote is offered instead.
 */
export function fixesInStyle(text: string, finding: Finding, style: CitationStyle, index: FactIndex): Fix[] {
  const others = finding.fixes.filter((f) => f.kind !== 'citation');
  const fromChecker = finding.fixes.filter((f) => f.kind === 'citation');
  let citation: Fix | undefined;
  if (style === 'inline') {
    const inline = inlineFix(text, finding);
    if (inline === null) return others;
    citation = inline;
  } else if (style === 'link') {
    citation = linkFix(finding, index);
  }
  if (!citation) citation = fromChecker[0] ?? (finding.reference ? footnoteFix(text, finding, index) : undefined);
  return citation ? [...others, citation] : others;
}
