/**
 * Hover on every recognised claim, supported ones too: the verdict, what the reference says, who
 * said it, the exact quote, the as-of date, the source document, and links that run
 * *Show Source* and *Look Up Source…*.
 */
import * as vscode from 'vscode';
import type { FactIndex } from '../core/dataset/fact-index';
import type { Finding, ReferenceSummary, Verdict } from '../core/types';
import type { DraftChecker } from './checker';
import type { DatasetService } from './datasets';
import { severityOf } from './diagnostics';
import { formatDate } from './factText';
import { guarded, type Logger } from './logger';
import { faultPoint } from './faults';
import type { SettingsReader } from './settings';

/** Commands the hover may run through its links (nothing else is trusted). */
const HOVER_COMMANDS = ['draftFactCheck.showSourceForClaim', 'draftFactCheck.lookUpSource'];

/** How each verdict is named to a writer, with its icon. */
export const VERDICT_LABELS: Record<Verdict, { icon: string; label: string }> = {
  supported: { icon: '$(pass)', label: 'Supported by the reference' },
  contradicted: { icon: '$(warning)', label: 'Contradicted by the reference' },
  misattributed: { icon: '$(warning)', label: 'Misattributed' },
  misquoted: { icon: '$(warning)', label: 'Misquoted' },
  unverified: { icon: '$(question)', label: 'Not in the reference datasets' },
};

/** A `command:` link with JSON arguments. */
export function commandLink(command: string, args: unknown): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([args]))}`;
}

/** Escapes what Markdown would read as syntax in dataset or draft text (readable, unlike
 *  `appendText`, which also turns every space into `&nbsp;`). */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/([\\`*_{}[\]<>#|~])/g, '\\$1');
}

function appendField(md: vscode.MarkdownString, name: string, text: string | undefined): void {
  if (!text) return;
  md.appendMarkdown(`**${escapeMarkdown(name)}:** ${escapeMarkdown(text)}  \n`);
}

/** What the claim's figure belongs to instead ("7,000" is the number initially expected). */
function appendConfusion(md: vscode.MarkdownString, finding: Finding): void {
  const other = finding.confusedWith;
  if (other) appendField(md, `“${finding.text}” is`, other.valueText ? `${other.valueText} — ${other.statement}` : other.statement);
}

function appendReference(md: vscode.MarkdownString, reference: ReferenceSummary, index: FactIndex, finding: Finding): void {
  appendField(md, 'The reference says', reference.valueText ? `${reference.valueText} — ${reference.statement}` : reference.statement);
  appendConfusion(md, finding);
  appendField(md, 'Who said it', reference.attribution);
  if (reference.quote) appendField(md, 'Exact quote', `“${reference.quote}”${reference.speaker ? ` — ${reference.speaker}` : ''}`);
  appendField(md, 'As of', reference.asOf ? formatDate(reference.asOf) : undefined);
  const doc = reference.sourceId ? index.document(reference.sourceId) : undefined;
  if (doc) {
    const link = doc.url ? ` — [${escapeMarkdown(doc.url)}](${doc.url.replace(/[()\s]/g, encodeURIComponent)})` : '';
    md.appendMarkdown(`**Source:** ${escapeMarkdown(`${doc.outlet}, “${doc.headline}”, ${formatDate(doc.published)}`)}${link}  \n`);
  }
}

/**
 * The hover text of one finding. `withMessage` is false when the claim has a diagnostic: VS Code
 * shows the diagnostic's message just above, so it is not repeated.
 */
export function findingHover(finding: Finding, document: vscode.Uri, index: FactIndex, withMessage = true): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: HOVER_COMMANDS };
  const { icon, label } = VERDICT_LABELS[finding.verdict];
  // The links go on the first line, where a long hover never scrolls them out of sight.
  const links: string[] = [];
  const factId = finding.factId ?? finding.reference?.factId;
  if (factId) links.push(`[$(book) Show source](${commandLink('draftFactCheck.showSourceForClaim', { factId, uri: document.toString() })})`);
  links.push(`[$(search) Look up source…](${commandLink('draftFactCheck.lookUpSource', { query: finding.text })})`);
  md.appendMarkdown(`${icon} **${label}** — ${links.join(' · ')}\n\n`);
  if (withMessage) md.appendMarkdown(`${escapeMarkdown(finding.message)}\n\n`);
  if (finding.reference) appendReference(md, finding.reference, index, finding);
  else if (finding.confusedWith) appendConfusion(md, finding);
  return md;
}

/** Provides hovers from the current findings of a draft. */
export class FactHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly checker: DraftChecker,
    private readonly datasets: DatasetService,
    private readonly settings: SettingsReader,
    private readonly logger: Logger,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    return guarded(this.logger, 'Hover', () => {
      faultPoint('hover');
      if (!this.checker.isChecked(document)) return undefined;
      const result = this.checker.current(document, { waitForSlow: true });
      if (!result) return undefined;
      const offset = result.positions.offsetAt(position);
      // The character under the mouse: inside [start, end).
      const findings = result.findings.filter((f) => f.start <= offset && offset < f.end);
      if (findings.length === 0) return undefined;
      const index = this.datasets.indexFor(document.uri);
      const settings = this.settings.get(document);
      const start = Math.min(...findings.map((f) => f.start));
      const end = Math.max(...findings.map((f) => f.end));
      const hovers = findings.map((f) => findingHover(f, document.uri, index, severityOf(f.verdict, settings) === undefined));
      return new vscode.Hover(hovers, result.positions.range(start, end));
    }, undefined);
  }
}
