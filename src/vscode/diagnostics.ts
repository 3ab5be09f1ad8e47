/**
 * Findings -> diagnostics. Flags (contradicted, misattributed, misquoted) get the severity their
 * setting names; unverified claims are hidden unless asked for; supported ones are never
 * diagnostics (the hover and the status bar show them). Every diagnostic carries `source` and a
 * stable `code` whose target is the README's explanation; quick fixes filter on both.
 */
import * as vscode from 'vscode';
import { FLAG_VERDICTS, type Finding, type Verdict } from '../core/types';
import type { DocumentFindings, FindingsStore } from './findings';
import type { FactCheckSettings, FlagSeverity, SettingsReader } from './settings';

/** `source` of every diagnostic in a draft. */
export const DIAGNOSTIC_SOURCE = 'Fact Check';
/** Code of the diagnostic that says a document was only partly checked. */
export const TRUNCATED_CODE = 'truncated';
/** Codes of diagnostics with fixes: the verdicts that flag a claim. */
export type FindingCode = Exclude<Verdict, 'supported'>;

const SEVERITY: Record<FlagSeverity | 'hidden', vscode.DiagnosticSeverity | undefined> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
  hidden: undefined,
};

/** Links from diagnostic codes to the README's explanation of each verdict. */
export class VerdictDocs {
  constructor(private readonly readme: vscode.Uri) {}

  /** Builds the README address from the extension's manifest (homepage, else repository). */
  static fromManifest(packageJSON: { homepage?: unknown; repository?: unknown }): VerdictDocs {
    const repository = typeof packageJSON.repository === 'string' ? packageJSON.repository
      : (packageJSON.repository as { url?: unknown } | undefined)?.url;
    const base = typeof packageJSON.homepage === 'string' ? packageJSON.homepage
      : typeof repository === 'string' ? `${repository.replace(/\.git$/, '')}/blob/main/README.md` : 'https://example.invalid/README.md';
    return new VerdictDocs(vscode.Uri.parse(base.replace(/#.*$/, '')));
  }

  /** The README section explaining a diagnostic code: a verdict's own heading, and the section
   *  on long drafts for `truncated`. */
  uriFor(code: string): vscode.Uri {
    return this.readme.with({ fragment: code === TRUNCATED_CODE ? 'long-drafts' : code });
  }
}

/** The severity a verdict gets under the given settings, or undefined when it is not shown. */
export function severityOf(verdict: Verdict, settings: FactCheckSettings): vscode.DiagnosticSeverity | undefined {
  switch (verdict) {
    case 'supported':
      return undefined;
    case 'unverified':
      if (settings.severity.unverified !== 'hidden') return SEVERITY[settings.severity.unverified];
      return settings.showUnverified ? vscode.DiagnosticSeverity.Hint : undefined;
    default:
      return SEVERITY[settings.severity[verdict]];
  }
}

/** Whether a diagnostic is one of ours about a finding (not the truncation notice, not someone else's). */
export function isFindingDiagnostic(diagnostic: vscode.Diagnostic): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return diagnostic.source === DIAGNOSTIC_SOURCE && typeof code === 'string' && (FLAG_VERDICTS.has(code as Verdict) || code === 'unverified');
}

/** The diagnostics of one checked document. */
export function toDiagnostics(result: DocumentFindings, settings: FactCheckSettings, docs: VerdictDocs): vscode.Diagnostic[] {
  const diagnostics: vscode.Diagnostic[] = [];
  for (const finding of result.findings) {
    const severity = severityOf(finding.verdict, settings);
    if (severity === undefined) continue;
    diagnostics.push(findingDiagnostic(result, finding, severity, docs));
  }
  if (result.truncated) {
    const cut = result.positions.lineRangeAt(result.checkedLength);
    const diagnostic = new vscode.Diagnostic(
      result.positions.range(result.checkedLength, Math.max(cut.end, result.checkedLength)),
      `Only the first ${result.checkedLength.toLocaleString('en-US')} of ${result.text.length.toLocaleString('en-US')} characters were checked ` +
        '(setting draftFactCheck.maxDocumentSize). Claims after this point are not checked.',
      vscode.DiagnosticSeverity.Warning,
    );
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = { value: TRUNCATED_CODE, target: docs.uriFor(TRUNCATED_CODE) };
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

function findingDiagnostic(result: DocumentFindings, finding: Finding, severity: vscode.DiagnosticSeverity, docs: VerdictDocs): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(result.positions.range(finding.start, finding.end), finding.message, severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.verdict, target: docs.uriFor(finding.verdict) };
  return diagnostic;
}

/** Keeps the "Fact Check" diagnostic collection in step with the findings store. */
export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('draftFactCheck');
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly store: FindingsStore,
    private readonly settings: SettingsReader,
    private readonly docs: VerdictDocs,
  ) {
    this.subscription = store.onDidChange((uri) => this.render(uri));
  }

  /** Re-renders one document's diagnostics from its recorded findings. */
  render(uri: vscode.Uri): void {
    const result = this.store.get(uri);
    if (!result) this.collection.delete(uri);
    else this.collection.set(uri, toDiagnostics(result, this.settings.get(uri), this.docs));
  }

  /** Re-renders everything (a severity setting changed: no need to check again). */
  renderAll(): void {
    for (const uri of this.store.uris()) this.render(uri);
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
