/**
 * The read-only "source" view of a fact: a virtual Markdown document (scheme
 * `draft-fact-check-source:`) with the fact, who said it, its source document and the other facts
 * from the same source. Re-rendered when the datasets change.
 */
import * as vscode from 'vscode';
import type { FactIndex } from '../core/dataset/fact-index';
import type { DatasetService } from './datasets';
import { documentCitation, formatDate, peopleOf, valueText } from './factText';
import type { Logger } from './logger';

/** URI scheme of source views. */
export const SOURCE_VIEW_SCHEME = 'draft-fact-check-source';

/** The view's address for a fact, as seen from a draft (whose workspace folder picks the datasets). */
export function sourceViewUri(factId: string, draft?: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: SOURCE_VIEW_SCHEME, path: `/${factId}.md`, query: draft ? `from=${encodeURIComponent(draft.toString())}` : '' });
}

function parseUri(uri: vscode.Uri): { factId: string; draft: vscode.Uri | undefined } {
  const factId = decodeURIComponent(uri.path.replace(/^\//, '').replace(/\.md$/, ''));
  const from = new URLSearchParams(uri.query).get('from');
  return { factId, draft: from ? vscode.Uri.parse(from) : undefined };
}

/** Markdown-escapes text that comes from a dataset. */
function esc(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

/** Renders the source view of one fact, or a short note when the fact is not (or no longer) loaded. */
export function renderSourceView(factId: string, index: FactIndex): string {
  const indexed = index.fact(factId);
  if (!indexed) {
    return `# Fact not found\n\nNo loaded dataset has a fact with id \`${factId}\`. It may have been renamed or removed; run **Fact Check: Open Reference Dataset** to look.\n`;
  }
  const { fact } = indexed;
  const lines: string[] = [`# ${esc(fact.statement)}`, ''];
  const value = valueText(fact.value, index);
  const field = (name: string, text: string | undefined): void => {
    if (text) lines.push(`- **${name}:** ${text}`);
  };
  field('Value', value ? esc(fact.counts ? `${value} ${fact.counts.noun}` : value) : undefined);
  field('Event', fact.event ? esc(fact.event.label) : undefined);
  field('Who said it', esc(fact.attribution));
  field('Sources', fact.sources.map((s) => esc(`${s.count && s.count > 1 ? `${s.count} ` : ''}${s.who} (${s.kind})`)).join('; '));
  if (fact.quote) {
    const speaker = index.entity(fact.quote.speaker)?.name ?? fact.quote.speaker;
    field('Exact quote', `“${esc(fact.quote.text)}” — ${esc(speaker)}`);
  }
  const people = peopleOf(fact, index);
  field('People and organisations', people.length ? people.map(esc).join(', ') : undefined);
  field('As of', formatDate(indexed.asOf));
  field('Kind', fact.kind);
  field('Fact id', `\`${fact.id}\``);
  field('Dataset', `${esc(indexed.origin.title)} (${esc(indexed.origin.file)})`);

  lines.push('', '## Source document', '');
  const doc = fact.document ? index.document(fact.document) : undefined;
  if (doc) {
    lines.push(`**${esc(doc.outlet)}** — “${esc(doc.headline)}” — published ${formatDate(doc.published)}`);
    if (doc.url) lines.push('', `<${doc.url}>`);
    if (doc.note) lines.push('', esc(doc.note));
  } else {
    lines.push('The dataset names no source document for this fact.');
  }

  if (fact.confusableWith.length) {
    lines.push('', '## Easily confused with', '');
    for (const c of fact.confusableWith) {
      const other = index.fact(c.fact);
      const otherValue = other ? valueText(other.fact.value, index) : undefined;
      lines.push(`- ${otherValue ? `**${esc(otherValue)}** — ` : ''}${esc(other?.fact.statement ?? c.fact)} — ${esc(c.note)}`);
    }
  }

  if (doc) {
    const siblings = [...index.facts].filter((f) => f.fact.document === doc.id && f.fact.id !== fact.id);
    lines.push('', `## Other facts from the same source (${siblings.length})`, '');
    for (const s of siblings) {
      const v = valueText(s.fact.value, index);
      lines.push(`- ${v ? `**${esc(v)}** — ` : ''}${esc(s.fact.statement)} _(${esc(s.fact.attribution)})_`);
    }
  }
  if (doc) lines.push('', '---', '', `Cite as: ${esc(documentCitation(doc))}`);
  lines.push('');
  return lines.join('\n');
}

/** Serves source views from the current datasets. */
export class SourceViewProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChange = this.changed.event;

  constructor(private readonly datasets: DatasetService, private readonly logger: Logger) {
    this.subscription = datasets.onDidChange(() => {
      for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === SOURCE_VIEW_SCHEME) this.changed.fire(doc.uri);
    });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    try {
      const { factId, draft } = parseUri(uri);
      return renderSourceView(factId, this.datasets.indexFor(draft));
    } catch (error) {
      this.logger.error(`Rendering ${uri.toString()}`, error);
      return '# Cannot show this source\n\nSee the "Draft Fact Check" output channel for details.\n';
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
