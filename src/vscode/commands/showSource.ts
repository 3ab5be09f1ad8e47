/**
 * *Fact Check: Show Source for Claim at Cursor* — opens the read-only source view of the fact the
 * claim under the cursor was matched to. Takes `{ factId?, uri?, line?, character? }` for links
 * (the hover uses it) and scripts.
 */
import * as vscode from 'vscode';
import { runLogged } from '../logger';
import type { Services } from '../services';
import { sourceViewUri } from '../sourceView';

/** Optional arguments: a fact directly, or a place in a draft (default: the active editor's cursor). */
export interface ShowSourceArgs {
  factId?: string;
  /** The draft (its workspace folder decides which datasets apply). */
  uri?: string;
  line?: number;
  character?: number;
}

/** The fact id of the claim at a position of a draft, if the checker recognised one there. */
function factAt(services: Services, document: vscode.TextDocument, position: vscode.Position): string | undefined {
  const result = services.checker.current(document);
  if (!result) return undefined;
  const offset = result.positions.offsetAt(position);
  // Prefer a claim the cursor is inside; a cursor just after a claim still counts.
  const found = result.findingsAt(offset).sort((a, b) => Number(b.start <= offset && offset < b.end) - Number(a.start <= offset && offset < a.end));
  for (const finding of found) {
    const id = finding.factId ?? finding.reference?.factId ?? finding.confusedWith?.factId;
    if (id) return id;
  }
  return undefined;
}

/** Runs the command; returns the source view's URI (as a string), or undefined when there is none. */
export async function showSourceForClaim(services: Services, args: ShowSourceArgs = {}): Promise<string | undefined> {
  let draft = args.uri ? vscode.Uri.parse(args.uri) : vscode.window.activeTextEditor?.document.uri;
  let factId = args.factId;
  if (!factId) {
    const editor = vscode.window.activeTextEditor;
    const document = args.uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === args.uri) : editor?.document;
    if (!document) {
      runLogged(services.logger, 'Message', vscode.window.showInformationMessage('Open a draft and put the cursor on a claim to see its source.'));
      return undefined;
    }
    draft = document.uri;
    const position = args.line !== undefined ? new vscode.Position(args.line, args.character ?? 0)
      : editor?.document === document ? editor.selection.active : undefined;
    factId = position ? factAt(services, document, position) : undefined;
    if (!factId) {
      const lookUp = 'Look Up Source…';
      const answer = await vscode.window.showInformationMessage('No checked claim at the cursor. Put the cursor on a figure, date, title or quote the checker recognised, or search the reference.', lookUp);
      if (answer === lookUp) await vscode.commands.executeCommand('draftFactCheck.lookUpSource');
      return undefined;
    }
  }
  const uri = sourceViewUri(factId, draft);
  let view = await vscode.workspace.openTextDocument(uri);
  if (view.languageId !== 'markdown') view = await vscode.languages.setTextDocumentLanguage(view, 'markdown');
  await vscode.window.showTextDocument(view, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  return uri.toString();
}
