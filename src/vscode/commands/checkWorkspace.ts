/**
 * *Fact Check: Check All Markdown Files in Workspace* — checks every draft of the workspace, open
 * or not, with progress and cancellation; results go to Problems like an open draft's. Files
 * that are not open are read from disk and stay in Problems until the next run (closing such a
 * file re-reads it from disk instead of clearing it).
 */
import * as vscode from 'vscode';
import { FLAG_VERDICTS } from '../../core/types';
import { runLogged } from '../logger';
import type { Services } from '../services';
import { readText } from '../files';

/** File extensions of the languages a workspace check looks for (`draftFactCheck.languages`). */
const EXTENSIONS_BY_LANGUAGE: Record<string, readonly string[]> = {
  markdown: ['md', 'markdown', 'mdown', 'mkd', 'mkdn', 'mdwn', 'mdtxt', 'mdtext'],
  mdx: ['mdx'],
  quarto: ['qmd'],
  rmd: ['rmd', 'Rmd'],
};

/** Optional arguments, for scripts. */
export interface CheckWorkspaceArgs {
  /** A glob instead of the one built from the languages setting. */
  include?: string;
  /** No summary message at the end. */
  quiet?: boolean;
}

/** What a run found. */
export interface CheckWorkspaceResult {
  files: number;
  filesWithFlags: number;
  flagged: number;
  supported: number;
  cancelled: boolean;
}

/** The glob of files written in the given languages. */
export function includeGlob(languages: readonly string[]): string {
  const extensions = [...new Set(languages.flatMap((l) => EXTENSIONS_BY_LANGUAGE[l] ?? [l]))];
  return extensions.length === 1 ? `**/*.${extensions[0]}` : `**/*.{${extensions.join(',')}}`;
}

/** Workspace-wide checks, and which files' results came from one. */
export class WorkspaceCheck {
  private readonly fromDisk = new Set<string>();

  constructor(private readonly services: Services) {}

  /** Whether a file's results came from the last workspace check. */
  covers(uri: vscode.Uri): boolean {
    return this.fromDisk.has(uri.toString());
  }

  /** Re-checks a file from disk (it was closed, or the datasets changed). */
  async recheckFromDisk(uri: vscode.Uri): Promise<void> {
    try {
      const text = await readText(uri);
      if (!this.services.checker.checkText(uri, text)) this.services.store.delete(uri);
    } catch {
      // Deleted or unreadable: its old results would mislead.
      this.fromDisk.delete(uri.toString());
      this.services.store.delete(uri);
    }
  }

  /** Re-checks every file from the last run that is not open in an editor. */
  async recheckAllFromDisk(): Promise<void> {
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const key of this.fromDisk) {
      if (!open.has(key)) await this.recheckFromDisk(vscode.Uri.parse(key));
    }
  }

  /** Runs the command. */
  async run(args: CheckWorkspaceArgs = {}): Promise<CheckWorkspaceResult> {
    const { services } = this;
    const settings = services.settings.get();
    if (!settings.enable || !services.checker.enabledForSession) {
      runLogged(services.logger, 'Message', vscode.window.showInformationMessage('Fact checking is off. Turn it on with “Fact Check: Toggle Checking” or the draftFactCheck.enable setting.'));
      return { files: 0, filesWithFlags: 0, flagged: 0, supported: 0, cancelled: false };
    }
    const include = args.include ?? includeGlob(settings.languages);
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Fact Check', cancellable: true },
      async (progress, token) => {
        progress.report({ message: 'Finding drafts…' });
        const summary: CheckWorkspaceResult = { files: 0, filesWithFlags: 0, flagged: 0, supported: 0, cancelled: false };
        let uris: vscode.Uri[];
        try {
          uris = await vscode.workspace.findFiles(include, '**/node_modules/**', undefined, token);
        } catch (error) {
          if (!token.isCancellationRequested) throw error;
          uris = [];
        }
        // Cancelled while finding: findFiles returns what it had found (nothing, in practice).
        if (token.isCancellationRequested) {
          summary.cancelled = true;
          return summary;
        }
        uris.sort((a, b) => a.toString().localeCompare(b.toString()));
        for (const uri of uris) {
          if (token.isCancellationRequested) {
            summary.cancelled = true;
            break;
          }
          progress.report({ message: `${vscode.workspace.asRelativePath(uri)} (${summary.files + 1}/${uris.length})`, increment: 100 / uris.length });
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
          let findings;
          if (open) {
            findings = services.checker.current(open)?.findings;
          } else {
            let text: string;
            try {
              text = await readText(uri);
            } catch (error) {
              services.logger.warn(`Workspace check: cannot read ${uri.toString(true)}: ${error instanceof Error ? error.message : String(error)}`);
              continue;
            }
            if (token.isCancellationRequested) {
              summary.cancelled = true;
              break;
            }
            findings = services.checker.checkText(uri, text)?.findings;
            if (findings) this.fromDisk.add(uri.toString());
          }
          summary.files++;
          const flagged = findings?.filter((f) => FLAG_VERDICTS.has(f.verdict)).length ?? 0;
          summary.flagged += flagged;
          summary.supported += findings?.filter((f) => f.verdict === 'supported').length ?? 0;
          if (flagged) summary.filesWithFlags++;
        }
        return summary;
      },
    );
    services.logger.info(`Workspace check: ${result.files} file(s), ${result.flagged} flagged claim(s) in ${result.filesWithFlags} file(s)${result.cancelled ? ' (cancelled)' : ''}.`);
    if (!args.quiet) {
      const message = `${result.cancelled ? 'Cancelled after checking' : 'Checked'} ${result.files} file${result.files === 1 ? '' : 's'}: ` +
        (result.flagged ? `${result.flagged} claim${result.flagged === 1 ? '' : 's'} flagged in ${result.filesWithFlags} file${result.filesWithFlags === 1 ? '' : 's'}.` : 'nothing flagged.');
      const openProblems = 'Open Problems';
      runLogged(services.logger, 'Workspace check message', Promise.resolve(vscode.window.showInformationMessage(message, openProblems)).then(async (answer) => {
        if (answer === openProblems) await vscode.commands.executeCommand('workbench.actions.view.problems');
      }));
    }
    return result;
  }
}
