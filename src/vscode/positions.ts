/**
 * The one place where the core's UTF-16 offsets become VS Code positions and back. Findings are
 * converted against the text they were computed from (a snapshot), never against a document that
 * may have changed since.
 */
import * as vscode from 'vscode';

/** Line starts of a text, for offset <-> position conversion in O(log lines). */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      } else if (c === 10 /* \n */) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  /** Number of lines (a text without line breaks has one). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of a 0-based UTF-16 offset; offsets outside the text are clamped. */
  positionAt(offset: number): vscode.Position {
    const at = Math.max(0, Math.min(Math.floor(offset), this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    return new vscode.Position(low, at - this.lineStarts[low]);
  }

  /** The offset of a position; positions past a line's end are clamped to it. */
  offsetAt(position: vscode.Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const next = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    let end = next;
    // Exclude the line break itself.
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.min(start + Math.max(0, position.character), end);
  }

  /** The range covering `[start, end)`. */
  range(start: number, end: number): vscode.Range {
    return new vscode.Range(this.positionAt(start), this.positionAt(Math.max(start, end)));
  }

  /** The offset range of the whole line an offset is on, without its line break. */
  lineRangeAt(offset: number): { start: number; end: number } {
    const position = this.positionAt(offset);
    const start = this.lineStarts[position.line];
    return { start, end: this.offsetAt(new vscode.Position(position.line, Number.MAX_SAFE_INTEGER)) };
  }
}
