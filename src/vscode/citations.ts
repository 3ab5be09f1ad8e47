/**
 * The citation quick fix in the style `draftFactCheck.citationStyle` asks for. The checker's
 * citation fix is a Markdown footnote (a `[^label]` marker and its definition), possibly together
 * with a correction of the figure; it is used as is for `footnote`. For the other styles the
 * correction is kept and the footnote replaced:
 * - `inline`: an attribution before the sentence's end ("…to Iraq, as Reuters reported."); where
 *   the checker already offers the figure "with attribution", that fix is the inline citation;
 * - `link`: the claim (or its correction) becomes a Markdown link to the source document; without
 *   a known address the footnote is offered instead.
 */
import type { FactIndex } from '../core/dataset/fact-index';
import type { Finding, Fix, TextEdit } from '../core/types';
import type { CitationStyle } from './settings';

/** Initialisms and abbreviations whose dot does not end a sentence ("U.S. officials", "Jan. 21"). */
const ABBREVIATION = /(?:\b(?:[A-Z]\.)+[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))$/;

/** End of the sentence a claim is in: the offset of its closing punctuation (or of the line end). */
export function sentenceEnd(text: string, from: number): number {
  const re = /[.!?](?=["”’)\]]*(?:\s|$))|\n\s*\n/g;
  re.lastIndex = from;
  let m = re.exec(text);
  while (m && m[0] === '.' && ABBREVIATION.test(text.slice(Math.max(0, m.index - 12), m.index)) && /^\. +\S/.test(text.slice(m.index, m.index + 3))) {
    m = re.exec(text);
  }
  if (!m) {
    const eol = text.indexOf('\n', from);
    return eol === -1 ? text.length : eol;
  }
  return m.index;
}

/** Whether an edit is part of a footnote (its marker or its definition). */
function isFootnoteEdit(edit: TextEdit): boolean {
  return /\[\^[^\]]+\]/.test(edit.newText);
}

function linkTarget(finding: Finding, index: FactIndex): { url: string; outlet: string } | undefined {
  const doc = finding.reference?.sourceId ? index.document(finding.reference.sourceId) : undefined;
  return doc?.url ? { url: doc.url, outlet: doc.outlet } : undefined;
}

/** The footnote citation rewritten as a link around the claim or around its correction. */
function asLink(fix: Fix, finding: Finding, index: FactIndex): Fix | undefined {
  const target = linkTarget(finding, index);
  if (!target) return undefined;
  const corrections = fix.edits.filter((e) => !isFootnoteEdit(e));
  const onClaim = corrections.find((e) => e.start === finding.start && e.end === finding.end);
  const label = onClaim ? onClaim.newText : finding.text;
  const edits = corrections.filter((e) => e !== onClaim);
  edits.push({ start: finding.start, end: finding.end, newText: `[${label}](${target.url})` });
  edits.sort((a, b) => a.start - b.start);
  const title = onClaim ? `Change to “${label}” and link to ${target.outlet}` : `Link “${finding.text}” to ${target.outlet}`;
  return { title, kind: 'citation', edits };
}

/** The footnote citation rewritten as an inline attribution (for claims with no correction). */
function asInline(fix: Fix, finding: Finding, text: string): Fix | undefined {
  const reference = finding.reference;
  if (!reference) return undefined;
  const corrections = fix.edits.filter((e) => !isFootnoteEdit(e));
  if (corrections.length > 0) return undefined;
  const at = sentenceEnd(text, finding.end);
  if (text.slice(finding.start, at).includes(reference.attribution)) return undefined;
  return {
    title: `Cite inline: “…, ${reference.attribution}”`,
    kind: 'citation',
    edits: [{ start: at, end: at, newText: `, ${reference.attribution}` }],
  };
}

/**
 * The finding's fixes with its citation fixes in the configured style. Nothing is invented: each
 * variant is built from the checker's citation fix and the reference it names.
 */
export function fixesInStyle(text: string, finding: Finding, style: CitationStyle, index: FactIndex): Fix[] {
  if (style === 'footnote') return finding.fixes;
  const hasAttributedFigure = finding.fixes.some((f) => f.kind === 'attributed-figure');
  const fixes: Fix[] = [];
  for (const fix of finding.fixes) {
    if (fix.kind !== 'citation') {
      fixes.push(fix);
      continue;
    }
    if (style === 'link') {
      fixes.push(asLink(fix, finding, index) ?? fix);
    } else if (fix.edits.some((e) => !isFootnoteEdit(e))) {
      // A correction with a footnote: "Change to … with attribution" is its inline form.
      if (!hasAttributedFigure) fixes.push(fix);
    } else {
      const inline = asInline(fix, finding, text);
      if (inline) fixes.push(inline);
      else if (!finding.reference || !text.slice(finding.start, sentenceEnd(text, finding.end)).includes(finding.reference.attribution)) fixes.push(fix);
    }
  }
  return fixes;
}
