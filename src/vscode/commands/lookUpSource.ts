/**
 * *Fact Check: Look Up Source…* — a QuickPick over all facts with fuzzy search on statement,
 * figures, people and quotes; the chosen fact can be inserted at the cursor (the attributed
 * figure), its citation copied, or its source shown. For scripts and tests the command takes
 * `{ query?, factId?, action? }` and then asks nothing it was told.
 */
import * as vscode from 'vscode';
import type { FactIndex } from '../../core/dataset/fact-index';
import { citationText, summarize } from '../factText';
import { runLogged } from '../logger';
import { buildSearchEntries, searchFacts, type SearchEntry } from '../factSearch';
import type { Services } from '../services';

/** What to do with the chosen fact. */
export type LookUpAction = 'insert' | 'copy' | 'show';

/** Optional arguments, for scripted use (`executeCommand('draftFactCheck.lookUpSource', args)`). */
export interface LookUpSourceArgs {
  /** The search text: the picker opens with it, or (with `action`) its best match is taken. */
  query?: string;
  /** Take this fact without asking. */
  factId?: string;
  /** Do this without asking. */
  action?: LookUpAction;
}

/** What the command did; undefined when the user cancelled or nothing matched. */
export interface LookUpSourceResult {
  factId: string;
  action: LookUpAction;
  /** The text inserted or copied. */
  text?: string;
}

interface FactItem extends vscode.QuickPickItem {
  entry: SearchEntry;
}

function toItems(entries: readonly SearchEntry[]): FactItem[] {
  return entries.map((entry) => ({ label: entry.label, description: entry.description, detail: entry.detail, alwaysShow: true, entry }));
}

/** The fuzzy picker: our own ranking decides what is listed (items always show, so VS Code's
 *  simpler filter cannot hide a fact that matched on a figure or a name). */
function pickFact(entries: readonly SearchEntry[], initial: string): Promise<SearchEntry | undefined> {
  return new Promise((resolve) => {
    const picker = vscode.window.createQuickPick<FactItem>();
    picker.title = 'Look Up Source';
    picker.placeholder = 'Search the reference: a figure, a name, words of a quote or of the fact';
    picker.matchOnDescription = false;
    picker.matchOnDetail = false;
    picker.value = initial;
    picker.items = toItems(searchFacts(entries, initial));
    let chosen: SearchEntry | undefined;
    const disposables = [
      picker.onDidChangeValue((value) => {
        picker.items = toItems(searchFacts(entries, value));
      }),
      picker.onDidAccept(() => {
        chosen = picker.selectedItems[0]?.entry ?? picker.activeItems[0]?.entry;
        picker.hide();
      }),
      picker.onDidHide(() => {
        disposables.forEach((d) => d.dispose());
        picker.dispose();
        resolve(chosen);
      }),
    ];
    picker.show();
  });
}

async function pickAction(entry: SearchEntry, citation: string, canInsert: boolean): Promise<LookUpAction | undefined> {
  const items: Array<vscode.QuickPickItem & { action: LookUpAction }> = [
    ...(canInsert ? [{ label: '$(insert) Insert attributed figure at cursor', detail: entry.insertText, action: 'insert' as const }] : []),
    { label: '$(copy) Copy citation', detail: citation, action: 'copy' },
    { label: '$(book) Show source', detail: entry.label, action: 'show' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: entry.label, placeHolder: 'What to do with this fact' });
  return picked?.action;
}

/** Runs the command. */
export async function lookUpSource(services: Services, args: LookUpSourceArgs = {}): Promise<LookUpSourceResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  const draft = editor?.document;
  const index: FactIndex = services.datasets.indexFor(draft?.uri);
  const entries = buildSearchEntries(index);
  if (entries.length === 0) {
    runLogged(services.logger, 'Message', vscode.window.showWarningMessage('No reference facts are loaded. Check the draftFactCheck.datasets settings and the Draft Fact Check output.'));
    return undefined;
  }

  let entry: SearchEntry | undefined;
  if (args.factId) {
    entry = entries.find((e) => e.factId === args.factId);
    if (!entry) {
      runLogged(services.logger, 'Message', vscode.window.showWarningMessage(`No fact with id "${args.factId}" is loaded.`));
      return undefined;
    }
  } else if (args.action && args.query !== undefined) {
    entry = searchFacts(entries, args.query)[0];
  } else {
    entry = await pickFact(entries, args.query ?? '');
  }
  if (!entry) return undefined;

  const indexed = index.fact(entry.factId);
  if (!indexed) return undefined;
  const summary = summarize(indexed, index);
  const doc = summary.sourceId ? index.document(summary.sourceId) : undefined;
  const citation = citationText(summary, doc, services.settings.get(draft?.uri).citationStyle, index);
  const action = args.action ?? (await pickAction(entry, citation, editor !== undefined));
  if (!action) return undefined;

  switch (action) {
    case 'insert': {
      if (!editor) {
        runLogged(services.logger, 'Message', vscode.window.showWarningMessage('Open a draft and place the cursor where the figure should go.'));
        return undefined;
      }
      const text = entry.insertText;
      // One edit for all selections: one undo step.
      const done = await editor.edit((builder) => {
        for (const selection of editor.selections) builder.replace(selection, text);
      });
      return done ? { factId: entry.factId, action, text } : undefined;
    }
    case 'copy':
      await vscode.env.clipboard.writeText(citation);
      vscode.window.setStatusBarMessage('$(copy) Citation copied', 3000);
      return { factId: entry.factId, action, text: citation };
    case 'show':
      await vscode.commands.executeCommand('draftFactCheck.showSourceForClaim', { factId: entry.factId, uri: draft?.uri.toString() });
      return { factId: entry.factId, action };
  }
}
