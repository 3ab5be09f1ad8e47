/**
 * When drafts are checked: at once on open and save, after a pause in typing (the
 * `draftFactCheck.debounceMs` setting), never for a closed document. One pending timer per
 * document; a check reads the document as it is when it runs.
 */
import * as vscode from 'vscode';

/** What the scheduler drives: a synchronous check of the document as it is when called. */
export type CheckFn = (document: vscode.TextDocument) => void;

/** One debounce timer per document; the owner calls it from document events. */
export class CheckScheduler implements vscode.Disposable {
  private readonly pending = new Map<string, { timer: ReturnType<typeof setTimeout>; document: vscode.TextDocument }>();

  constructor(
    private readonly check: CheckFn,
    private readonly delayFor: (document: vscode.TextDocument) => number,
  ) {}

  /** Checks now (open, save, settings or datasets changed), cancelling a pending typing check. */
  now(document: vscode.TextDocument): void {
    this.cancel(document.uri);
    if (!document.isClosed) this.check(document);
  }

  /** Checks after the typing pause; each call restarts the wait. */
  afterTyping(document: vscode.TextDocument): void {
    this.cancel(document.uri);
    const delay = this.delayFor(document);
    if (delay <= 0) {
      this.now(document);
      return;
    }
    const key = document.uri.toString();
    const timer = setTimeout(() => {
      this.pending.delete(key);
      // The document object is live: this checks its latest version, never a stale one.
      if (!document.isClosed) this.check(document);
    }, delay);
    this.pending.set(key, { timer, document });
  }

  /** Forgets a pending check (document closed). */
  cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    const entry = this.pending.get(key);
    if (entry) {
      clearTimeout(entry.timer);
      this.pending.delete(key);
    }
  }

  /** Whether a typing check is waiting for this document. */
  isPending(uri: vscode.Uri): boolean {
    return this.pending.has(uri.toString());
  }

  dispose(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
