/**
 * *Fact Check: Open Reference Dataset* — picks one of the loaded datasets (the bundled one, the
 * workspace's) and opens it; offers to create `.factcheck/<name>.facts.json` in the workspace.
 * Takes `{ file? }` (a URI string, or "bundled") for scripts.
 */
import * as vscode from 'vscode';
import { DATASET_FOLDER } from '../datasets';
import { runLogged } from '../logger';
import type { Services } from '../services';

/** Optional arguments: the dataset to open without asking. */
export interface OpenDatasetArgs {
  file?: string;
}

const NEW_DATASET = (title: string, today: string): string => `${JSON.stringify({
  version: 1,
  metadata: { title, description: '', language: 'en', asOf: today },
  documents: [],
  entities: [],
  facts: [],
}, null, 2)}\n`;

async function createDataset(services: Services): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    runLogged(services.logger, 'Message', vscode.window.showInformationMessage('Open a folder to keep a dataset with your drafts.'));
    return undefined;
  }
  const name = await vscode.window.showInputBox({
    title: 'New reference dataset',
    prompt: `A file name in ${DATASET_FOLDER}/ (the story or beat it covers)`,
    value: 'my-story',
    validateInput: (v) => (/^[a-z0-9][a-z0-9._-]*$/i.test(v.trim()) ? undefined : 'Letters, digits, ".", "_" and "-" only'),
  });
  if (!name) return undefined;
  const uri = vscode.Uri.joinPath(folder.uri, DATASET_FOLDER, `${name.trim()}.facts.json`);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    const today = new Date().toISOString().slice(0, 10);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(NEW_DATASET(name.trim(), today)));
  }
  return uri;
}

/** Runs the command; returns the URI (string) of the dataset opened. */
export async function openDataset(services: Services, args: OpenDatasetArgs = {}): Promise<string | undefined> {
  const loaded = services.datasets.datasets();
  let uri: vscode.Uri | undefined;
  if (args.file) {
    uri = args.file === 'bundled' ? services.datasets.bundledUri : vscode.Uri.parse(args.file);
  } else {
    const items: Array<vscode.QuickPickItem & { uri?: vscode.Uri }> = loaded.map((d) => ({
      label: `${d.bundled ? '$(package)' : '$(file)'} ${d.title ?? vscode.workspace.asRelativePath(d.uri)}`,
      description: d.bundled ? 'bundled with the extension' : vscode.workspace.asRelativePath(d.uri),
      detail: `${d.factCount} facts${d.problemCount ? ` · ${d.problemCount} problem${d.problemCount === 1 ? '' : 's'}` : ''}`,
      uri: d.uri,
    }));
    items.push({ label: '$(new-file) Create a dataset in this workspace…', description: `${DATASET_FOLDER}/*.facts.json` });
    const picked = await vscode.window.showQuickPick(items, { title: 'Open Reference Dataset', placeHolder: 'Datasets the drafts are checked against' });
    if (!picked) return undefined;
    uri = picked.uri ?? (await createDataset(services));
  }
  if (!uri) return undefined;
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return uri.toString();
}
