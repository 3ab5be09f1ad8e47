/**
 * Fix builders: each returns one undoable Fix made of non-overlapping edits. The figure fix keeps
 * the writer's hedge when it says the same kind of thing as the reference; the citation fix adds a
 * Markdown footnote naming the source document.
 */
import type { Fix, TextEdit } from './types';
import type { CompiledFact } from './match/term-index';
import { formatLongDate } from './match/values';
import type { DocContext } from './match/context';

export function fix(title: string, kind: Fix['kind'], edits: TextEdit[], preferred = false): Fix {
  return { title, kind, edits: [...edits].sort((a, b) => a.start - b.start), ...(preferred ? { preferred } : {}) };
}

/** Label of the footnote citing a fact: `fc-<fact id>`. */
export function footnoteLabel(cf: CompiledFact): string {
  return `fc-${cf.fact.id}`;
}

/** The footnote definition text for a fact. */
export function footnoteDefinition(ctx: DocContext, cf: CompiledFact): string {
  const f = cf.fact;
  const doc = f.document ? ctx.index.document(f.document) : undefined;
  const source = doc ? `${doc.outlet}, “${doc.headline}”, ${formatLongDate(doc.published)}${doc.url ? `, ${doc.url}` : ''}` : cf.indexed.origin.title;
  const attribution = f.attribution.replace(/^according to\s+/i, 'According to ');
  return `[^${footnoteLabel(cf)}]: ${source}. ${/^[A-Z]/.test(attribution) ? attribution : `Attribution: ${attribution}`}; as of ${formatLongDate(cf.indexed.asOf)}.`;
}

/**
 * Edits that cite `cf` after sentence-end offset `sentenceEnd`: a footnote reference there and,
 * unless the document already defines it, the definition at the end of the document.
 */
export function citationEdits(ctx: DocContext, cf: CompiledFact, sentenceEnd: number): TextEdit[] {
  const label = footnoteLabel(cf);
  const edits: TextEdit[] = [{ start: sentenceEnd, end: sentenceEnd, newText: `[^${label}]` }];
  if (!ctx.footnoteLabels.has(label)) {
    const text = ctx.text;
    let trailing = 0; // newlines at the end (a backwards scan: a regex anchored at $ is quadratic here)
    while (trailing < text.length && text.charCodeAt(text.length - 1 - trailing) === 10) trailing++;
    const sep = text.length === 0 ? '' : trailing >= 2 ? '' : trailing === 1 ? '\n' : '\n\n';
    edits.push({ start: text.length, end: text.length, newText: `${sep}${footnoteDefinition(ctx, cf)}\n` });
  }
  return edits;
}

/** An edit that inserts `<!-- fact-check-ignore <id> -->` on its own line before the block at `blockStart`. */
export function ignoreEdit(text: string, blockStart: number, factId: string | undefined): TextEdit {
  // Lines end with "\n", "\r\n" or a lone "\r"; the directive ends with the draft's own line ending.
  const lineStart = Math.max(text.lastIndexOf('\n', blockStart - 1), text.lastIndexOf('\r', blockStart - 1)) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const eol = lineStart > 0 ? (text[lineStart - 1] === '\r' ? '\r' : text[lineStart - 2] === '\r' ? '\r\n' : '\n') : (/\r\n?|\n/.exec(text)?.[0] ?? '\n');
  return { start: lineStart, end: lineStart, newText: `${indent}<!-- fact-check-ignore${factId ? ` ${factId}` : ''} -->${eol}` };
}
