/**
 * The one typed, validated way to read `draftFactCheck.*` settings. Every value is checked against
 * what `contributes.configuration` in package.json declares; an invalid value falls back to the
 * default and is logged once. Results are cached per scope until a configuration change.
 */
import * as vscode from 'vscode';
import type { Logger } from './logger';

export type FlagSeverity = 'error' | 'warning' | 'information' | 'hint';
export type UnverifiedSeverity = 'hidden' | 'hint' | 'information';
export type CitationStyle = 'inline' | 'footnote' | 'link';

/** All settings of the extension, already validated. */
export interface FactCheckSettings {
  readonly enable: boolean;
  readonly languages: readonly string[];
  readonly debounceMs: number;
  readonly severity: {
    readonly contradicted: FlagSeverity;
    readonly misattributed: FlagSeverity;
    readonly misquoted: FlagSeverity;
    readonly unverified: UnverifiedSeverity;
  };
  readonly datasets: readonly string[];
  readonly useBundledDataset: boolean;
  readonly citationStyle: CitationStyle;
  readonly showUnverified: boolean;
  readonly maxDocumentSize: number;
}

/** The section all settings live under. */
export const SETTINGS_SECTION = 'draftFactCheck';

/** Defaults; they equal the `default`s in package.json (an integration test holds them together). */
export const DEFAULT_SETTINGS: FactCheckSettings = {
  enable: true,
  languages: ['markdown'],
  debounceMs: 300,
  severity: { contradicted: 'warning', misattributed: 'warning', misquoted: 'warning', unverified: 'hidden' },
  datasets: [],
  useBundledDataset: true,
  citationStyle: 'footnote',
  showUnverified: false,
  maxDocumentSize: 2_000_000,
};

const FLAG_SEVERITIES: readonly FlagSeverity[] = ['error', 'warning', 'information', 'hint'];
const UNVERIFIED_SEVERITIES: readonly UnverifiedSeverity[] = ['hidden', 'hint', 'information'];
const CITATION_STYLES: readonly CitationStyle[] = ['inline', 'footnote', 'link'];

/** A check of one raw value: the valid value, or undefined when it is invalid. */
type Validator<T> = (raw: unknown) => T | undefined;

const bool: Validator<boolean> = (raw) => (typeof raw === 'boolean' ? raw : undefined);
const stringList: Validator<readonly string[]> = (raw) =>
  Array.isArray(raw) && raw.every((s) => typeof s === 'string') ? raw.map((s: string) => s.trim()).filter((s) => s.length > 0) : undefined;
const oneOf = <T extends string>(values: readonly T[]): Validator<T> => (raw) =>
  typeof raw === 'string' && (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
const integer = (min: number, max: number): Validator<number> => (raw) =>
  typeof raw === 'number' && Number.isInteger(raw) && raw >= min && raw <= max ? raw : undefined;

/** Reads and validates settings; one instance for the extension. */
export class SettingsReader implements vscode.Disposable {
  private readonly cache = new Map<string, FactCheckSettings>();
  private readonly reported = new Set<string>();
  private readonly listener: vscode.Disposable;
  private readonly changed = new vscode.EventEmitter<vscode.ConfigurationChangeEvent>();

  /** Fires after a `draftFactCheck.*` setting changed (the cache is already reset). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly logger: Logger) {
    this.listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
      this.cache.clear();
      this.changed.fire(event);
    });
  }

  /** The settings that apply to a document or folder (or the window, without a scope). */
  get(scope?: vscode.Uri | vscode.TextDocument | vscode.WorkspaceFolder): FactCheckSettings {
    const uri = scope === undefined ? undefined : 'uri' in scope ? scope.uri : scope;
    // Settings are resource-scoped: documents of one folder share them, and documents outside
    // every folder (untitled ones too) get the user's settings.
    const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
    const key = folder?.uri.toString() ?? '';
    let settings = this.cache.get(key);
    if (!settings) {
      settings = this.read(folder?.uri);
      this.cache.set(key, settings);
    }
    return settings;
  }

  private read(scope: vscode.Uri | undefined): FactCheckSettings {
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
    const value = <T>(key: string, validate: Validator<T>, fallback: T): T => {
      const raw: unknown = config.get(key);
      if (raw === undefined || raw === null) return fallback;
      const valid = validate(raw);
      if (valid !== undefined) return valid;
      const report = `${key}=${JSON.stringify(raw)}`;
      if (!this.reported.has(report)) {
        this.reported.add(report);
        this.logger.warn(`Setting ${SETTINGS_SECTION}.${key} has an invalid value ${JSON.stringify(raw)}; using ${JSON.stringify(fallback)} instead.`);
      }
      return fallback;
    };
    const d = DEFAULT_SETTINGS;
    return {
      enable: value('enable', bool, d.enable),
      languages: value('languages', stringList, d.languages),
      debounceMs: value('debounceMs', integer(0, 5000), d.debounceMs),
      severity: {
        contradicted: value('severity.contradicted', oneOf(FLAG_SEVERITIES), d.severity.contradicted),
        misattributed: value('severity.misattributed', oneOf(FLAG_SEVERITIES), d.severity.misattributed),
        misquoted: value('severity.misquoted', oneOf(FLAG_SEVERITIES), d.severity.misquoted),
        unverified: value('severity.unverified', oneOf(UNVERIFIED_SEVERITIES), d.severity.unverified),
      },
      datasets: value('datasets', stringList, d.datasets),
      useBundledDataset: value('useBundledDataset', bool, d.useBundledDataset),
      citationStyle: value('citationStyle', oneOf(CITATION_STYLES), d.citationStyle),
      showUnverified: value('showUnverified', bool, d.showUnverified),
      maxDocumentSize: value('maxDocumentSize', integer(1000, Number.MAX_SAFE_INTEGER), d.maxDocumentSize),
    };
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
