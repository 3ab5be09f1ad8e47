/**
 * The extension's long-lived parts, created once in `activate` and handed to commands and
 * providers (no module-level state anywhere else).
 */
import type * as vscode from 'vscode';
import type { DraftChecker } from './checker';
import type { DatasetService } from './datasets';
import type { FindingsStore } from './findings';
import type { Logger } from './logger';
import type { SettingsReader } from './settings';

/** What commands need. */
export interface Services {
  readonly checker: DraftChecker;
  readonly datasets: DatasetService;
  readonly settings: SettingsReader;
  readonly store: FindingsStore;
  readonly logger: Logger;
  /** Checks every open draft again now (settings, datasets or the toggle changed). */
  recheckOpenDocuments(): void;
  /** Shows the output channel (for "Show log" buttons). */
  showLog(): void;
}

/** The document a command acts on: the active editor's, when it is a text editor. */
export function activeDocument(window: typeof vscode.window): vscode.TextDocument | undefined {
  return window.activeTextEditor?.document;
}
