/**
 * Runs the core checker on a document (or a file's text) with the settings and the dataset index
 * that apply to it, and records the result in the {@link FindingsStore}. Never throws: a failing
 * check is logged and leaves the previous findings in place.
 */
import * as vscode from 'vscode';
import { faultPoint } from './faults';
import type { DatasetService } from './datasets';
import { DocumentFindings, type FindingsStore } from './findings';
import { loadCore } from './loadCore';
import type { Logger } from './logger';
import type { SettingsReader } from './settings';
import { SOURCE_VIEW_SCHEME } from './sourceView';

/** Document schemes that are never checked even when their language is (our own views, diffs). */
const NEVER_CHECKED = new Set([SOURCE_VIEW_SCHEME, 'git', 'output', 'vscode-scm', 'debug', 'search-editor', 'vscode-settings', 'vscode-userdata']);

/** A check taking longer than this (ms) makes hovers and quick fixes wait for the scheduled check
 *  instead of checking on the spot, so a very long draft never holds up the extension host per hover. */
const SLOW_CHECK_MS = 250;

/** Checks drafts; one instance for the extension. */
export class DraftChecker {
  private sessionEnabled = true;
  private readonly slowReported = new Set<string>();
  private readonly durations = new Map<string, number>();

  constructor(
    private readonly datasets: DatasetService,
    private readonly settings: SettingsReader,
    private readonly store: FindingsStore,
    private readonly logger: Logger,
  ) {}

  /** Checking switched on or off for this window by *Toggle Checking* (the setting still applies). */
  get enabledForSession(): boolean {
    return this.sessionEnabled;
  }

  set enabledForSession(value: boolean) {
    this.sessionEnabled = value;
  }

  /** Whether a document is a draft of a checked language in a checked place (files, untitled, the workspace's own scheme). */
  isDraft(document: vscode.TextDocument): boolean {
    if (NEVER_CHECKED.has(document.uri.scheme)) return false;
    return this.settings.get(document).languages.includes(document.languageId);
  }

  /** Whether a document is checked now: a draft, with checking on for the session and by setting. */
  isChecked(document: vscode.TextDocument): boolean {
    return this.sessionEnabled && this.isDraft(document) && this.settings.get(document).enable;
  }

  /**
   * Checks the document as it is now and records the findings. Returns them, or undefined when
   * the document is not checked (its old findings are then removed).
   */
  check(document: vscode.TextDocument): DocumentFindings | undefined {
    if (document.isClosed || !this.isChecked(document)) {
      this.store.delete(document.uri);
      return undefined;
    }
    const result = this.run(document.uri, document.version, document.getText());
    if (result) this.store.set(result);
    return result;
  }

  /** Checks a file's text (a file that is not open) and records the findings. */
  checkText(uri: vscode.Uri, text: string): DocumentFindings | undefined {
    const settings = this.settings.get(uri);
    if (!this.sessionEnabled || !settings.enable) return undefined;
    const result = this.run(uri, undefined, text);
    if (result) this.store.set(result);
    return result;
  }

  /**
   * Findings that describe the document exactly as it is now: the recorded ones when they are for
   * this version, otherwise a fresh check (cheap) so offsets never point into stale text. With
   * `waitForSlow`, a document whose checks are slow is not checked on the spot: undefined until the
   * scheduled check has run (hovers and quick fixes then appear a moment later).
   */
  current(document: vscode.TextDocument, { waitForSlow = false } = {}): DocumentFindings | undefined {
    const recorded = this.store.get(document.uri);
    if (recorded?.isCurrentFor(document)) return recorded;
    if (waitForSlow && this.lastDuration(document.uri) > SLOW_CHECK_MS) return undefined;
    return this.check(document);
  }

  /** How long the last check of this document took (ms; 0 when never checked). */
  lastDuration(uri: vscode.Uri): number {
    return this.durations.get(uri.toString()) ?? 0;
  }

  /** Forgets what is kept per document (closed). */
  forget(uri: vscode.Uri): void {
    this.durations.delete(uri.toString());
    this.slowReported.delete(uri.toString());
  }

  private run(uri: vscode.Uri, version: number | undefined, text: string): DocumentFindings | undefined {
    const settings = this.settings.get(uri);
    const index = this.datasets.indexFor(uri);
    const started = Date.now();
    try {
      faultPoint('check');
      const { findings, truncated } = loadCore().checkDocument(text, index, { maxLength: settings.maxDocumentSize });
      const elapsed = Date.now() - started;
      this.durations.set(uri.toString(), elapsed);
      if (elapsed > 500 && !this.slowReported.has(uri.toString())) {
        this.slowReported.add(uri.toString());
        this.logger.warn(`Checking ${uri.toString(true)} (${text.length} characters) took ${elapsed} ms.`);
      }
      return new DocumentFindings(uri, version, text, findings, truncated, Math.min(text.length, settings.maxDocumentSize));
    } catch (error) {
      this.logger.error(`Checking ${uri.toString(true)}`, error);
      return undefined;
    }
  }
}
