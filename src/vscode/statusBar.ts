/**
 * The status bar item on drafts: "✓ 7 ⚠ 2" (claims supported / flagged) for the active editor,
 * a warning colour when a long draft was only partly checked, a struck-through item when checking
 * is off. Clicking it opens Problems.
 */
import * as vscode from 'vscode';
import { FLAG_VERDICTS, type Verdict } from '../core/types';
import type { DraftChecker } from './checker';
import type { DatasetService } from './datasets';
import type { FindingsStore } from './findings';
import type { SettingsReader } from './settings';

/** What the item shows, for tests and the API. */
export interface StatusSnapshot {
  visible: boolean;
  text: string;
  tooltip: string;
}

/** The status bar item; follows the active editor, its findings, settings and datasets. */
export class FactStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('draftFactCheck.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private snapshot: StatusSnapshot = { visible: false, text: '', tooltip: '' };

  constructor(
    private readonly checker: DraftChecker,
    private readonly store: FindingsStore,
    settings: SettingsReader,
    private readonly datasets: DatasetService,
  ) {
    this.item.name = 'Fact Check';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      store.onDidChange((uri) => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
      settings.onDidChange(() => this.update()),
      datasets.onDidChange(() => this.update()),
    );
    this.update();
  }

  /** What the item shows now. */
  get status(): StatusSnapshot {
    return this.snapshot;
  }

  /** Recomputes the item from the active editor's findings. */
  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.checker.isDraft(document)) {
      this.item.hide();
      this.snapshot = { visible: false, text: '', tooltip: '' };
      return;
    }
    this.item.backgroundColor = undefined;
    let text: string;
    let tooltip: string;
    if (!this.checker.isChecked(document)) {
      text = '$(circle-slash) Fact Check';
      tooltip = 'Fact checking is off (Fact Check: Toggle Checking, or the draftFactCheck.enable setting). Click to turn it on.';
      this.item.command = { title: 'Toggle Checking', command: 'draftFactCheck.toggle', arguments: [{ enabled: true }] };
    } else {
      const result = this.store.get(document.uri);
      const counts = new Map<Verdict, number>();
      for (const f of result?.findings ?? []) counts.set(f.verdict, (counts.get(f.verdict) ?? 0) + 1);
      const flagged = [...FLAG_VERDICTS].reduce((n, v) => n + (counts.get(v) ?? 0), 0);
      const supported = counts.get('supported') ?? 0;
      text = `$(check) ${supported}  $(warning) ${flagged}`;
      const parts = [`${supported} claim${supported === 1 ? '' : 's'} supported by the reference`];
      const flags = [...FLAG_VERDICTS].filter((v) => counts.get(v)).map((v) => `${counts.get(v)} ${v}`);
      parts.push(`${flagged} flagged${flags.length ? ` (${flags.join(', ')})` : ''}`);
      const unverified = counts.get('unverified') ?? 0;
      if (unverified) parts.push(`${unverified} not in the reference`);
      const loaded = this.datasets.countsFor(document.uri);
      tooltip = `Fact Check: ${parts.join(', ')}.\nChecked against ${loaded.facts} facts from ${loaded.datasets} dataset${loaded.datasets === 1 ? '' : 's'}. Click to open Problems.`;
      if (loaded.facts === 0) {
        text = '$(warning) Fact Check: no facts';
        tooltip = 'No reference facts are loaded, so nothing can be checked. See Fact Check: Open Reference Dataset and the draftFactCheck.datasets setting.';
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      }
      if (result?.truncated) {
        text += '  $(alert) partial';
        tooltip += `\nThis draft is longer than draftFactCheck.maxDocumentSize: only its first ${result.checkedLength.toLocaleString('en-US')} characters were checked.`;
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      }
      this.item.command = { title: 'Open Problems', command: 'workbench.actions.view.problems' };
    }
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: tooltip.split('\n')[0], role: 'button' };
    this.item.show();
    this.snapshot = { visible: true, text, tooltip };
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
