/**
 * The extension's log: one output channel ("Draft Fact Check") that every module writes to.
 * Providers never throw into VS Code; they catch at their edge and report here instead.
 */
import * as vscode from 'vscode';

/** What modules need from the log; an interface so tests or other hosts can supply their own. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** Logs an error with what was being done when it happened. */
  error(what: string, error: unknown): void;
}

/** A {@link Logger} writing to a VS Code log output channel. */
export class OutputChannelLogger implements Logger, vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;
  private readonly recent: string[] = [];

  /** The last 500 lines written, most recent last (for the tests' `_test.logLines()`). */
  get lines(): readonly string[] {
    return this.recent;
  }

  private remember(line: string): void {
    this.recent.push(line);
    if (this.recent.length > 500) this.recent.shift();
  }

  constructor(name = 'Draft Fact Check') {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  info(message: string): void {
    this.remember(`info ${message}`);
    this.channel.info(message);
  }

  warn(message: string): void {
    this.remember(`warn ${message}`);
    this.channel.warn(message);
  }

  error(what: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.remember(`error ${what}: ${detail}`);
    this.channel.error(`${what}: ${detail}`);
  }

  /** Reveals the channel, for the "Show log" buttons of error messages. */
  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}

/**
 * Runs a promise that nobody awaits (a VS Code event handler cannot) and logs its failure, so no
 * promise floats and no rejection goes unnoticed.
 */
export function runLogged(logger: Logger, what: string, work: Thenable<unknown> | Promise<unknown>): void {
  Promise.resolve(work).catch((error: unknown) => logger.error(what, error));
}

/** Calls `fn` and logs instead of throwing: the edge between a provider and VS Code. */
export function guarded<T>(logger: Logger, what: string, fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (error) {
    logger.error(what, error);
    return fallback;
  }
}
