/**
 * Findings per document version: the single source for diagnostics, hovers, quick fixes and the
 * status bar. Nothing is hung on Diagnostic objects; consumers look findings up here by URI and
 * convert offsets with the snapshot's {@link LineIndex}.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/types';
import { LineIndex } from './positions';

/** The result of checking one version of one document (or a file's text on disk). */
export class DocumentFindings {
  private lines: LineIndex | undefined;

  constructor(
    readonly uri: vscode.Uri,
    /** The document version checked, or undefined for a file read from disk. */
    readonly version: number | undefined,
    /** The exact text that was checked: offsets in the findings refer to it. */
    readonly text: string,
    readonly findings: readonly Finding[],
    /** True when only the first `checkedLength` characters were checked. */
    readonly truncated: boolean,
    readonly checkedLength: number,
  ) {}

  /** Offset <-> position conversion for this snapshot (built on first use). */
  get positions(): LineIndex {
    this.lines ??= new LineIndex(this.text);
    return this.lines;
  }

  /** Whether these findings describe the document as it is now. */
  isCurrentFor(document: vscode.TextDocument): boolean {
    return this.version === document.version || (this.version === undefined && this.text === document.getText());
  }

  /** Findings whose claim range contains or touches `offset`. */
  findingsAt(offset: number): Finding[] {
    return this.findings.filter((f) => f.start <= offset && offset <= f.end);
  }
}

/** Keeps the latest findings per URI and tells listeners which URI changed. */
export class FindingsStore implements vscode.Disposable {
  private readonly byUri = new Map<string, DocumentFindings>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();

  /** Fires with the URI whose findings were set or removed. */
  readonly onDidChange = this.changed.event;

  /**
   * Records a result, replacing the URI's previous one. Checks read a document as it is when they
   * run (synchronously), so the latest result is the current one, even with a lower version: a new
   * document can have a closed one's URI (VS Code reuses untitled names).
   */
  set(result: DocumentFindings): void {
    this.byUri.set(result.uri.toString(), result);
    this.changed.fire(result.uri);
  }

  get(uri: vscode.Uri): DocumentFindings | undefined {
    return this.byUri.get(uri.toString());
  }

  delete(uri: vscode.Uri): void {
    if (this.byUri.delete(uri.toString())) this.changed.fire(uri);
  }

  /** Every URI with findings. */
  uris(): vscode.Uri[] {
    return [...this.byUri.values()].map((r) => r.uri);
  }

  clear(): void {
    const uris = this.uris();
    this.byUri.clear();
    for (const uri of uris) this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
