/**
 * Quick fixes from the checker's fixes (each applied as one WorkspaceEdit, so one undo step), the
 * citation fix in the configured style, and "Fix all fact-check problems in this file" as
 * `source.fixAll.draftFactCheck`, so `editor.codeActionsOnSave` can run it. Fixes are looked up
 * from the current findings by the diagnostic's `source` and `code`, never read off the Diagnostic.
 */
import * as vscode from 'vscode';
import { FLAG_VERDICTS, type Finding, type Fix, type TextEdit } from '../core/types';
import type { DraftChecker } from './checker';
import { fixesInStyle } from './citations';
import type { DatasetService } from './datasets';
import { isFindingDiagnostic } from './diagnostics';
import type { DocumentFindings } from './findings';
import { guarded, type Logger } from './logger';
import { faultPoint } from './faults';
import type { SettingsReader } from './settings';

/** The kind of the fix-all action: `source.fixAll.draftFactCheck`. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('draftFactCheck');
/** Fix kinds the fix-all action applies: corrections, not citations or ignores. */
const FIX_ALL_APPLIES = new Set<Fix['kind']>(['figure', 'attributed-figure', 'quote', 'speaker', 'title', 'place', 'attribution']);

/** One WorkspaceEdit for one fix: all its edits together make one undo step. */
export function toWorkspaceEdit(result: DocumentFindings, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(result.uri, result.positions.range(e.start, e.end), e.newText);
  return edit;
}

function overlaps(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  // Insertions at the same point count as overlapping: their order would be ambiguous.
  return a.some((x) => b.some((y) => (x.start < y.end && y.start < x.end) || x.start === y.start));
}

/** The edits "fix all" makes: the preferred correction of every flagged claim, skipping any that
 *  would overlap an earlier one. */
export function fixAllEdits(findings: readonly Finding[]): { edits: TextEdit[]; fixed: number } {
  const edits: TextEdit[] = [];
  let fixed = 0;
  for (const finding of findings) {
    if (!FLAG_VERDICTS.has(finding.verdict)) continue;
    const fix = finding.fixes.find((f) => f.preferred && FIX_ALL_APPLIES.has(f.kind));
    if (!fix || overlaps(fix.edits, edits)) continue;
    edits.push(...fix.edits);
    fixed++;
  }
  return { edits: edits.sort((a, b) => a.start - b.start), fixed };
}

/** Provides the quick fixes and the fix-all action of drafts. */
export class FactCodeActionProvider implements vscode.CodeActionProvider {
  /** Registered with the provider so VS Code asks only for these kinds. */
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly checker: DraftChecker,
    private readonly datasets: DatasetService,
    private readonly settings: SettingsReader,
    private readonly logger: Logger,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return guarded(this.logger, 'Code actions', () => {
      faultPoint('codeActions');
      if (!this.checker.isChecked(document)) return [];
      const result = this.checker.current(document, { waitForSlow: true });
      if (!result) return [];
      const actions: vscode.CodeAction[] = [];
      if (!context.only || context.only.contains(vscode.CodeActionKind.QuickFix)) actions.push(...this.quickFixes(result, range, context));
      if (!context.only || context.only.contains(FIX_ALL_KIND)) {
        const fixAll = this.fixAll(result);
        if (fixAll) actions.push(fixAll);
      }
      return actions;
    }, []);
  }

  private quickFixes(result: DocumentFindings, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const settings = this.settings.get(result.uri);
    const index = this.datasets.indexFor(result.uri);
    const actions: vscode.CodeAction[] = [];
    const handled = new Set<Finding>();
    const forFinding = (finding: Finding, diagnostic: vscode.Diagnostic | undefined): void => {
      handled.add(finding);
      let preferredGiven = false;
      for (const fix of fixesInStyle(result.text, finding, settings.citationStyle, index)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(result, fix.edits);
        if (diagnostic) action.diagnostics = [diagnostic];
        // At most one preferred fix per claim, and only for a flagged one (auto-fix applies it).
        if (fix.preferred && !preferredGiven && FLAG_VERDICTS.has(finding.verdict)) {
          action.isPreferred = true;
          preferredGiven = true;
        }
        actions.push(action);
      }
    };
    // Flagged claims: through their diagnostics (ours only, by source and code).
    for (const diagnostic of context.diagnostics.filter(isFindingDiagnostic)) {
      const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      const finding = result.findings.find((f) => !handled.has(f) && f.verdict === code && result.positions.range(f.start, f.end).isEqual(diagnostic.range))
        ?? result.findings.find((f) => !handled.has(f) && f.verdict === code && result.positions.range(f.start, f.end).intersection(diagnostic.range) !== undefined);
      if (finding) forFinding(finding, diagnostic);
    }
    // Claims in the range that came without a diagnostic: supported ones and hidden unverified ones
    // (a citation is still useful), and flagged ones whose diagnostic has not reached the editor yet
    // (the check ran just now, after the last keystroke).
    for (const finding of result.findings) {
      if (handled.has(finding)) continue;
      const claim = result.positions.range(finding.start, finding.end);
      if (claim.intersection(range) !== undefined) forFinding(finding, undefined);
    }
    return actions;
  }

  private fixAll(result: DocumentFindings): vscode.CodeAction | undefined {
    const { edits, fixed } = fixAllEdits(result.findings);
    if (fixed === 0) return undefined;
    const action = new vscode.CodeAction(`Fix all fact-check problems in this file (${fixed})`, FIX_ALL_KIND);
    action.edit = toWorkspaceEdit(result, edits);
    return action;
  }
}
