/**
 * Entry point of the editor layer: creates the long-lived parts once, registers every provider,
 * command and event handler (named functions, each pushed once into `context.subscriptions`),
 * and returns a small API for tests and other extensions.
 */
import * as vscode from 'vscode';
import { DraftChecker } from './checker';
import { FactCodeActionProvider } from './codeActions';
import { WorkspaceCheck, type CheckWorkspaceArgs } from './commands/checkWorkspace';
import { lookUpSource, type LookUpSourceArgs } from './commands/lookUpSource';
import { openDataset, type OpenDatasetArgs } from './commands/openDataset';
import { showSourceForClaim, type ShowSourceArgs } from './commands/showSource';
import { toggleChecking, type ToggleArgs } from './commands/toggle';
import { DatasetService } from './datasets';
import { DiagnosticsPublisher, VerdictDocs } from './diagnostics';
import { FindingsStore } from './findings';
import { FactHoverProvider } from './hover';
import { OutputChannelLogger, runLogged } from './logger';
import { CheckScheduler } from './scheduler';
import type { Services } from './services';
import { injectFault, type Feature } from './faults';
import { coreLoadTimes } from './loadCore';
import { SettingsReader } from './settings';
import { SOURCE_VIEW_SCHEME, SourceViewProvider } from './sourceView';
import { FactStatusBar, type StatusSnapshot } from './statusBar';

/** What `activate` returns (`vscode.extensions.getExtension(id).exports`). */
export interface DraftFactCheckApi {
  /** Resolves once the datasets were loaded and the open drafts checked. */
  readonly ready: Promise<void>;
  /** What the status bar item shows now. */
  status(): StatusSnapshot;
  /** Resolves after the datasets were read again (for tests that change dataset files). */
  reloadDatasets(): Promise<void>;
  /** For the integration tests only: fault injection and the log's recent lines. */
  readonly _test: {
    injectFault(feature: Feature, times?: number, message?: string): void;
    logLines(): readonly string[];
    /** `performance.now()` when activate() was entered and when it returned (the benchmark's
     *  activate-call time, as VS Code counts it: without the host's own work around the call). */
    readonly activation: { readonly enteredAt: number; readonly returnedAt: number };
    /** How long the last check of a document took in the extension (ms; 0 when never checked). */
    lastCheckMs(uri: vscode.Uri): number;
    /** When the core bundle was required and when `ready` resolved (`performance.now()`). */
    marks(): { coreLoad?: { startedAt: number; endedAt: number }; readyAt?: number };
  };
}

/** The settings a check's findings depend on (the datasets' settings reload the datasets). */
const CHECK_SETTINGS = ['enable', 'languages', 'maxDocumentSize'];

/** Activates the extension (on the first Markdown document). */
export function activate(context: vscode.ExtensionContext): DraftFactCheckApi {
  const enteredAt = performance.now();
  const logger = new OutputChannelLogger();
  const settings = new SettingsReader(logger);
  const store = new FindingsStore();
  const datasets = new DatasetService(settings, logger, context.extensionUri);
  const checker = new DraftChecker(datasets, settings, store, logger);
  const diagnostics = new DiagnosticsPublisher(store, settings, VerdictDocs.fromManifest(context.extension.packageJSON as Record<string, unknown>));
  // A draft that takes long to check waits at least that long after typing before the next check.
  const scheduler = new CheckScheduler((document) => checker.check(document),
    (document) => Math.max(settings.get(document).debounceMs, Math.min(5000, checker.lastDuration(document.uri))));
  const statusBar = new FactStatusBar(checker, store, settings, datasets);
  const sourceViews = new SourceViewProvider(datasets, logger);
  context.subscriptions.push(logger, settings, store, datasets, diagnostics, scheduler, statusBar, sourceViews);

  let datasetsLoaded = false;

  /** Every open draft, checked again at once. */
  function recheckOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (checker.isDraft(document)) scheduler.now(document);
      else if (store.get(document.uri)) store.delete(document.uri);
    }
  }

  const services: Services = { checker, datasets, settings, store, logger, recheckOpenDocuments, showLog: () => logger.show() };
  const workspaceCheck = new WorkspaceCheck(services);

  function onDidOpenTextDocument(document: vscode.TextDocument): void {
    if (datasetsLoaded && checker.isDraft(document)) scheduler.now(document);
  }

  function onDidChangeTextDocument(event: vscode.TextDocumentChangeEvent): void {
    if (datasetsLoaded && event.contentChanges.length > 0 && checker.isChecked(event.document)) scheduler.afterTyping(event.document);
  }

  function onDidSaveTextDocument(document: vscode.TextDocument): void {
    if (datasetsLoaded && checker.isDraft(document)) scheduler.now(document);
  }

  function onDidCloseTextDocument(document: vscode.TextDocument): void {
    scheduler.cancel(document.uri);
    checker.forget(document.uri);
    // A file from a workspace check stays in Problems, as it is on disk; anything else is cleared.
    if (workspaceCheck.covers(document.uri) && checker.isDraft(document)) runLogged(logger, 'Re-checking a closed file', workspaceCheck.recheckFromDisk(document.uri));
    else store.delete(document.uri);
  }

  function onDidChangeSettings(event: vscode.ConfigurationChangeEvent): void {
    // Dataset settings make the DatasetService reload, which re-checks through onDidChangeDatasets.
    if (event.affectsConfiguration('draftFactCheck.datasets') || event.affectsConfiguration('draftFactCheck.useBundledDataset')) return;
    recheckOpenDocuments();
    diagnostics.renderAll();
    // Files from a workspace check follow too (cleared when checking was switched off), read again
    // from disk only when a setting that changes what a check finds did (severities and the like
    // are only rendered).
    if (CHECK_SETTINGS.some((name) => event.affectsConfiguration(`draftFactCheck.${name}`))) {
      runLogged(logger, 'Re-checking workspace files', workspaceCheck.recheckAllFromDisk());
    }
  }

  function onDidChangeDatasets(): void {
    datasetsLoaded = true;
    recheckOpenDocuments();
    runLogged(logger, 'Re-checking workspace files', workspaceCheck.recheckAllFromDisk());
  }

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(onDidOpenTextDocument),
    vscode.workspace.onDidChangeTextDocument(onDidChangeTextDocument),
    vscode.workspace.onDidSaveTextDocument(onDidSaveTextDocument),
    vscode.workspace.onDidCloseTextDocument(onDidCloseTextDocument),
    settings.onDidChange(onDidChangeSettings),
    datasets.onDidChange(onDidChangeDatasets),
    vscode.workspace.registerTextDocumentContentProvider(SOURCE_VIEW_SCHEME, sourceViews),
    // Every scheme: files, untitled drafts and virtual workspaces alike (the checker decides).
    vscode.languages.registerHoverProvider({ language: 'markdown' }, new FactHoverProvider(checker, datasets, settings, logger)),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new FactCodeActionProvider(checker, datasets, settings, logger), FactCodeActionProvider.metadata),
  );
  registerForOtherLanguages(context, settings, checker, datasets, logger);

  /** Commands run by the user: failures are logged and shown (the user asked for something). */
  function command<A, R>(id: string, run: (args?: A) => R | Promise<R>): vscode.Disposable {
    return vscode.commands.registerCommand(id, async (args?: A) => {
      try {
        return await run(args && typeof args === 'object' && !(args instanceof vscode.Uri) ? args : undefined);
      } catch (error) {
        logger.error(`Command ${id}`, error);
        const showLog = 'Show Log';
        runLogged(logger, 'Error message', Promise.resolve(vscode.window.showErrorMessage(`Fact Check: ${error instanceof Error ? error.message : String(error)}`, showLog))
          .then((answer) => { if (answer === showLog) logger.show(); }));
        return undefined;
      }
    });
  }

  context.subscriptions.push(
    command<LookUpSourceArgs, unknown>('draftFactCheck.lookUpSource', (args) => lookUpSource(services, args)),
    command<ShowSourceArgs, unknown>('draftFactCheck.showSourceForClaim', (args) => showSourceForClaim(services, args)),
    command<CheckWorkspaceArgs, unknown>('draftFactCheck.checkWorkspace', (args) => workspaceCheck.run(args)),
    command<OpenDatasetArgs, unknown>('draftFactCheck.openDataset', (args) => openDataset(services, args)),
    command<ToggleArgs, unknown>('draftFactCheck.toggle', (args) => toggleChecking(services, args)),
  );

  // The datasets are loaded (and the open drafts then checked) once activate() has returned: the
  // core bundle (loadCore), parsing and indexing the datasets and the first checks never hold up
  // activation, even without a workspace folder (where nothing else would yield first).
  let start: ReturnType<typeof setTimeout> | undefined;
  context.subscriptions.push({ dispose: () => clearTimeout(start) });
  const ready = new Promise<void>((resolve) => { start = setTimeout(resolve, 0); }).then(() => datasets.reload()).then(() => {
    // onDidChangeDatasets already checked the open drafts.
    logger.info(`Draft Fact Check ${String((context.extension.packageJSON as { version?: unknown }).version)} active in VS Code ${vscode.version}.`);
  });
  runLogged(logger, 'Loading datasets', ready);
  let readyAt: number | undefined;
  void ready.then(() => { readyAt = performance.now(); }, () => undefined);

  const activation = { enteredAt, returnedAt: 0 };
  const api: DraftFactCheckApi = {
    ready,
    status: () => statusBar.status,
    reloadDatasets: () => datasets.reload(),
    _test: { injectFault, logLines: () => logger.lines, activation, lastCheckMs: (uri) => checker.lastDuration(uri), marks: () => ({ coreLoad: coreLoadTimes(), readyAt }) },
  };
  activation.returnedAt = performance.now();
  return api;
}

/**
 * Hovers and fixes for languages added to `draftFactCheck.languages` besides Markdown. They are
 * registered once for the languages configured at activation (a later change needs a reload for
 * these two providers only; checking itself follows the setting at once).
 */
function registerForOtherLanguages(context: vscode.ExtensionContext, settings: SettingsReader, checker: DraftChecker, datasets: DatasetService, logger: OutputChannelLogger): void {
  const others = settings.get().languages.filter((l) => l !== 'markdown');
  if (others.length === 0) return;
  const selector = others.map((language) => ({ language }));
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(selector, new FactHoverProvider(checker, datasets, settings, logger)),
    vscode.languages.registerCodeActionsProvider(selector, new FactCodeActionProvider(checker, datasets, settings, logger), FactCodeActionProvider.metadata),
  );
}

/** Nothing to do: everything is disposed through `context.subscriptions`. */
export function deactivate(): void {}
