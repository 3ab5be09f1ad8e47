/**
 * Reference datasets for the editor: the bundled one, the files named by `draftFactCheck.datasets`
 * and every `.factcheck/*.facts.json` of each workspace folder. Files are read through
 * `vscode.workspace.fs` (so virtual workspaces work), or from the open editor when a dataset is
 * being edited, watched, and re-merged on any change without a reload. A dataset's problems are
 * shown as diagnostics in the dataset file itself; its valid facts are still used.
 */
import * as vscode from 'vscode';
import { fileNames, readText } from './files';
import type { FactIndex } from '../core/dataset/fact-index';
import type { ParsedDataset } from '../core/dataset/load';
import type { DatasetProblem } from '../core/types';
import { loadCore } from './loadCore';
import type { Logger } from './logger';
import { runLogged } from './logger';
import { LineIndex } from './positions';
import type { SettingsReader } from './settings';

/** The folder of a workspace whose `*.facts.json` files are always loaded. */
export const DATASET_FOLDER = '.factcheck';
/** Glob (relative to a workspace folder) of the datasets loaded without any setting. */
export const DATASET_GLOB = `${DATASET_FOLDER}/*.facts.json`;
/** `source` of the diagnostics shown in dataset files. */
export const DATASET_DIAGNOSTIC_SOURCE = 'Fact Check dataset';

/** One dataset file as loaded, for *Open Reference Dataset* and the status bar. */
export interface LoadedDataset {
  /** The file; for the bundled dataset, its copy inside the extension. */
  readonly uri: vscode.Uri;
  readonly bundled: boolean;
  /** The dataset's title, when its metadata could be read. */
  readonly title: string | undefined;
  readonly factCount: number;
  readonly problemCount: number;
}

interface ReadFile {
  uri: vscode.Uri;
  bundled: boolean;
  text: string;
  parsed: ParsedDataset;
}

/** Where a folder's datasets come from, resolved from settings. */
interface ScopeSources {
  bundled: boolean;
  files: vscode.Uri[];
}

const GLOB_CHARS = /[*?[\]{}]/;

/** Splits a settings entry into a base folder and a glob below it (`../data/*.json` -> `../data`, `*.json`). */
function splitPattern(folder: vscode.Uri | undefined, entry: string): { base: vscode.Uri; glob: string | undefined } | undefined {
  const normalised = entry.replace(/\\/g, '/');
  const absolute = normalised.startsWith('/') || /^[A-Za-z]:\//.test(normalised);
  const segments = normalised.split('/');
  const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
  const literal = (firstGlob === -1 ? segments : segments.slice(0, firstGlob)).join('/');
  const glob = firstGlob === -1 ? undefined : segments.slice(firstGlob).join('/');
  let base: vscode.Uri;
  if (absolute) {
    if (folder && folder.scheme !== 'file') return undefined;
    base = vscode.Uri.file(literal || '/');
  } else {
    if (!folder) return undefined;
    base = literal ? vscode.Uri.joinPath(folder, literal) : folder;
  }
  return { base, glob };
}


/** Loads, watches and merges datasets; one instance for the extension. */
export class DatasetService implements vscode.Disposable {
  private readonly problemsCollection = vscode.languages.createDiagnosticCollection('draftFactCheck.datasets');
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  /** The patterns the watchers follow (see rewatch). */
  private watchKey: string | undefined;
  private indexes = new Map<string, FactIndex>();
  private loaded: LoadedDataset[] = [];
  private knownFiles = new Set<string>();
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private emptyIndex: FactIndex | undefined;

  /** Fires after the datasets were re-read and merged (indexes replaced). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly settings: SettingsReader,
    private readonly logger: Logger,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.disposables.push(
      this.problemsCollection,
      this.changed,
      settings.onDidChange((event) => {
        if (event.affectsConfiguration('draftFactCheck.datasets') || event.affectsConfiguration('draftFactCheck.useBundledDataset')) this.scheduleReload(0);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleReload(0)),
      // A dataset being edited is re-read from the editor, so its problems follow the typing.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.knownFiles.has(event.document.uri.toString()) && event.contentChanges.length > 0) this.scheduleReload(300);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.knownFiles.has(document.uri.toString()) && document.isDirty) this.scheduleReload(0);
      }),
    );
  }

  /** The bundled dataset's file inside the extension (for *Open Reference Dataset*). */
  get bundledUri(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'media', 'datasets', loadCore().BUNDLED_DATASET_FILE.replace(/^bundled:/, ''));
  }

  /** The merged index for a document (by its workspace folder) or for the window. */
  indexFor(uri?: vscode.Uri): FactIndex {
    return this.loadedIndexFor(uri) ?? this.empty();
  }

  /** How many facts from how many dataset files a document is checked against (none before the
   *  first load; the core is not loaded for this). */
  countsFor(uri?: vscode.Uri): { facts: number; datasets: number } {
    const index = this.loadedIndexFor(uri);
    return { facts: index?.size ?? 0, datasets: index?.origins.length ?? 0 };
  }

  private loadedIndexFor(uri: vscode.Uri | undefined): FactIndex | undefined {
    const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
    return this.indexes.get(folder?.uri.toString() ?? '') ?? this.indexes.get('');
  }

  private empty(): FactIndex {
    this.emptyIndex ??= loadCore().mergeDatasets([]).index;
    return this.emptyIndex;
  }

  /** Every dataset file loaded for any folder. */
  datasets(): readonly LoadedDataset[] {
    return this.loaded;
  }

  /** Re-reads after `delayMs`, coalescing bursts of file events. */
  scheduleReload(delayMs: number): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = undefined;
      runLogged(this.logger, 'Reloading datasets', this.reload());
    }, delayMs);
  }

  /** Reads every dataset and merges them; concurrent calls share one run, and a call during a run
   *  causes one more run afterwards. Resolves once the indexes reflect the files. */
  reload(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async (): Promise<void> => {
      try {
        do {
          this.again = false;
          await this.load();
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    };
    this.running = run();
    return this.running;
  }

  private async load(): Promise<void> {
    const started = Date.now();
    const { BUNDLED_DATASET_FILE, BUNDLED_DATASET_TEXT, mergeDatasets, parseDataset } = loadCore();
    const folders = vscode.workspace.workspaceFolders ?? [];
    // Watch before looking: a file created while the folders are read is then reported (and read
    // by the next reload). Watching after the first load left a moment in which a new dataset was
    // neither found nor reported.
    this.rewatch(folders);
    const scopes = new Map<string, ScopeSources>();
    for (const folder of folders) {
      scopes.set(folder.uri.toString(), await this.sourcesOf(folder));
    }
    // Documents outside every folder (untitled drafts too) use the window's bundled setting and
    // every folder's datasets.
    scopes.set('', {
      bundled: this.settings.get().useBundledDataset,
      files: [...scopes.values()].flatMap((s) => s.files),
    });

    const files = new Map<string, ReadFile>();
    const wantBundled = [...scopes.values()].some((s) => s.bundled);
    if (wantBundled) {
      files.set(BUNDLED_DATASET_FILE, { uri: this.bundledUri, bundled: true, text: BUNDLED_DATASET_TEXT, parsed: parseDataset(BUNDLED_DATASET_TEXT, BUNDLED_DATASET_FILE) });
    }
    for (const uri of [...scopes.values()].flatMap((s) => s.files)) {
      const key = uri.toString();
      if (files.has(key)) continue;
      const text = await this.readText(uri);
      if (text === undefined) continue;
      files.set(key, { uri, bundled: false, text, parsed: parseDataset(text, key) });
    }

    const indexes = new Map<string, FactIndex>();
    const problems = new Map<string, DatasetProblem>();
    const addProblem = (p: DatasetProblem): void => {
      problems.set(`${p.file}\u0000${p.offset}\u0000${p.path}\u0000${p.message}`, p);
    };
    for (const [scope, sources] of scopes) {
      // The bundled dataset comes first: where a user's id clashes with it, the clash is reported
      // in the user's file, where they can see and fix it (the later duplicate is dropped).
      const parsed = sources.files.map((u) => files.get(u.toString())?.parsed).filter((p): p is ParsedDataset => p !== undefined);
      if (sources.bundled) parsed.unshift(files.get(BUNDLED_DATASET_FILE)!.parsed);
      try {
        const merged = mergeDatasets(parsed);
        indexes.set(scope, merged.index);
        merged.problems.forEach(addProblem);
      } catch (error) {
        this.logger.error(`Merging datasets for ${scope || 'files outside folders'}`, error);
        indexes.set(scope, this.empty());
      }
    }
    for (const file of files.values()) file.parsed.problems.forEach(addProblem);

    this.publishProblems(files, [...problems.values()]);
    this.loaded = [...files.values()].map((f) => ({
      uri: f.uri,
      bundled: f.bundled,
      title: f.parsed.dataset?.metadata?.title,
      factCount: f.parsed.dataset?.facts?.length ?? 0,
      problemCount: [...problems.values()].filter((p) => p.file === (f.bundled ? BUNDLED_DATASET_FILE : f.uri.toString())).length,
    }));
    this.knownFiles = new Set([...files.values()].filter((f) => !f.bundled).map((f) => f.uri.toString()));
    this.indexes = indexes;
    const factCount = [...indexes.values()].reduce((max, index) => Math.max(max, index.size), 0);
    this.logger.info(`Loaded ${files.size} dataset file(s), up to ${factCount} facts per folder, ${problems.size} problem(s), in ${Date.now() - started} ms.`);
    this.changed.fire();
  }

  /** The dataset files a folder uses: `.factcheck/*.facts.json`, then the `datasets` setting's entries. */
  private async sourcesOf(folder: vscode.WorkspaceFolder): Promise<ScopeSources> {
    const settings = this.settings.get(folder);
    const files: vscode.Uri[] = [];
    const seen = new Set<string>();
    const add = (uri: vscode.Uri): void => {
      if (!seen.has(uri.toString())) {
        seen.add(uri.toString());
        files.push(uri);
      }
    };
    const factcheck = vscode.Uri.joinPath(folder.uri, DATASET_FOLDER);
    try {
      (await fileNames(factcheck))
        .filter((name) => name.endsWith('.facts.json'))
        .sort()
        .forEach((name) => add(vscode.Uri.joinPath(factcheck, name)));
    } catch {
      // No .factcheck folder: nothing to load.
    }
    for (const entry of settings.datasets) {
      const split = splitPattern(folder.uri, entry);
      if (!split) {
        this.logger.warn(`draftFactCheck.datasets entry "${entry}" cannot be resolved in ${folder.name}.`);
        continue;
      }
      if (split.glob === undefined) {
        add(split.base);
        continue;
      }
      try {
        const found = await vscode.workspace.findFiles(new vscode.RelativePattern(split.base, split.glob));
        if (found.length === 0) this.logger.warn(`draftFactCheck.datasets entry "${entry}" matches no file in ${folder.name}.`);
        found.sort((a, b) => a.toString().localeCompare(b.toString())).forEach(add);
      } catch (error) {
        this.logger.error(`Searching for datasets "${entry}"`, error);
      }
    }
    return { bundled: settings.useBundledDataset, files };
  }

  private async readText(uri: vscode.Uri): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    try {
      return await readText(uri);
    } catch (error) {
      this.logger.warn(`Cannot read dataset ${uri.toString(true)}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private publishProblems(files: Map<string, ReadFile>, problems: DatasetProblem[]): void {
    this.problemsCollection.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const problem of problems) {
      const file = files.get(problem.file);
      if (!file || file.bundled) {
        // The bundled dataset is not the user's to fix: its problems go to the log only.
        this.logger.warn(`${problem.file}:${problem.line + 1}:${problem.character + 1}: ${problem.message}`);
        continue;
      }
      const lines = new LineIndex(file.text);
      const start = new vscode.Position(problem.line, problem.character);
      const end = problem.length > 0 ? lines.positionAt(problem.offset + problem.length) : start.translate(0, 1);
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(start, end.isBefore(start) ? start : end),
        problem.path && !problem.message.startsWith(problem.path) ? `${problem.path}: ${problem.message}` : problem.message,
        problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.source = DATASET_DIAGNOSTIC_SOURCE;
      diagnostic.code = problem.path ? 'dataset-field' : 'dataset-syntax';
      const list = byFile.get(problem.file) ?? [];
      list.push(diagnostic);
      byFile.set(problem.file, list);
    }
    for (const [file, diagnostics] of byFile) this.problemsCollection.set(files.get(file)!.uri, diagnostics);
  }

  private rewatch(folders: readonly vscode.WorkspaceFolder[]): void {
    const patterns: vscode.RelativePattern[] = [];
    for (const folder of folders) {
      // The folder itself too: a file written into a folder just created is not always reported
      // (the watcher may start on the new folder after the file is in it); the folder is.
      patterns.push(new vscode.RelativePattern(folder, DATASET_GLOB), new vscode.RelativePattern(folder, DATASET_FOLDER));
      for (const entry of this.settings.get(folder).datasets) {
        const split = splitPattern(folder.uri, entry);
        if (!split) continue;
        if (split.glob !== undefined) patterns.push(new vscode.RelativePattern(split.base, split.glob));
        else patterns.push(new vscode.RelativePattern(vscode.Uri.joinPath(split.base, '..'), split.base.path.split('/').pop() ?? ''));
      }
    }
    // The same patterns keep their watchers: replacing them after every reload left a moment in
    // which a file created or changed was never reported (and its dataset never read).
    const key = patterns.map((p) => `${p.baseUri.toString()}\u0000${p.pattern}`).join('\u0001');
    if (key === this.watchKey) return;
    this.watchKey = key;
    this.watchers.forEach((w) => w.dispose());
    this.watchers = [];
    const onEvent = (): void => this.scheduleReload(100);
    for (const pattern of patterns) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      this.watchers.push(watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent));
    }
  }

  dispose(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.watchers.forEach((w) => w.dispose());
    this.disposables.forEach((d) => d.dispose());
  }
}
