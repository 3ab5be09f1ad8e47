/**
 * Reading files: local ones (`file:`) with Node's fs, the rest (virtual workspaces) through
 * `vscode.workspace.fs`. The extension host answers a `file:` call of `workspace.fs` from the same
 * disk, but only after asking the workbench to activate file system providers, a round trip that
 * takes a second or more while the workbench is busy (opening the editor that activated us, say).
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** The names of the files in a folder (symbolic links to files included). */
export async function fileNames(folder: vscode.Uri): Promise<string[]> {
  if (folder.scheme !== 'file') {
    return (await vscode.workspace.fs.readDirectory(folder)).filter(([, type]) => (type & vscode.FileType.File) !== 0).map(([name]) => name);
  }
  const entries = await fs.readdir(folder.fsPath, { withFileTypes: true });
  const isFile = async (e: { name: string; isFile(): boolean; isSymbolicLink(): boolean }): Promise<boolean> =>
    e.isFile() || (e.isSymbolicLink() && (await fs.stat(path.join(folder.fsPath, e.name)).then((s) => s.isFile(), () => false)));
  const files = await Promise.all(entries.map(async (e) => ((await isFile(e)) ? e.name : undefined)));
  return files.filter((name): name is string => name !== undefined);
}

/** A file's bytes. */
async function readBytes(uri: vscode.Uri): Promise<Uint8Array> {
  return uri.scheme === 'file' ? fs.readFile(uri.fsPath) : vscode.workspace.fs.readFile(uri);
}

/** A file's text (UTF-8). */
export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder('utf-8').decode(await readBytes(uri));
}
