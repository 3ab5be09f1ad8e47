/**
 * A file system kept in memory, served under a scheme of its own through
 * `vscode.workspace.registerFileSystemProvider` (after the `memfs` sample of
 * microsoft/vscode-extension-samples): stands in for a virtual workspace's files, which are not
 * `file:` and which only VS Code's file system API can read.
 */
import * as vscode from 'vscode';

interface Entry {
  type: vscode.FileType;
  ctime: number;
  mtime: number;
  data: Uint8Array;
}

/** Folders and files by path (`/a/b.md`); the root `/` always exists. */
export class MemFS implements vscode.FileSystemProvider {
  private readonly entries = new Map<string, Entry>([['/', { type: vscode.FileType.Directory, ctime: Date.now(), mtime: Date.now(), data: new Uint8Array() }]]);
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(readonly scheme: string) {}

  /** Registers the provider for its scheme. */
  register(): vscode.Disposable {
    const registration = vscode.workspace.registerFileSystemProvider(this.scheme, this, { isCaseSensitive: true });
    return vscode.Disposable.from(registration, this.changed);
  }

  uri(path: string): vscode.Uri {
    return vscode.Uri.from({ scheme: this.scheme, path });
  }

  private entry(uri: vscode.Uri): Entry {
    const entry = this.entries.get(uri.path);
    if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
    return entry;
  }

  private parentOf(uri: vscode.Uri): Entry {
    const parent = this.entries.get(uri.path.slice(0, uri.path.lastIndexOf('/')) || '/');
    if (!parent || parent.type !== vscode.FileType.Directory) throw vscode.FileSystemError.FileNotFound(uri);
    return parent;
  }

  watch(): vscode.Disposable {
    // Every change is reported anyway (see fire).
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const { type, ctime, mtime, data } = this.entry(uri);
    return { type, ctime, mtime, size: data.byteLength };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    if (this.entry(uri).type !== vscode.FileType.Directory) throw vscode.FileSystemError.FileNotADirectory(uri);
    const prefix = uri.path === '/' ? '/' : `${uri.path}/`;
    return [...this.entries].filter(([path]) => path !== prefix && path.startsWith(prefix) && !path.slice(prefix.length).includes('/'))
      .map(([path, entry]) => [path.slice(prefix.length), entry.type]);
  }

  createDirectory(uri: vscode.Uri): void {
    this.parentOf(uri);
    if (this.entries.has(uri.path)) throw vscode.FileSystemError.FileExists(uri);
    this.entries.set(uri.path, { type: vscode.FileType.Directory, ctime: Date.now(), mtime: Date.now(), data: new Uint8Array() });
    this.fire(vscode.FileChangeType.Created, uri);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const entry = this.entry(uri);
    if (entry.type !== vscode.FileType.File) throw vscode.FileSystemError.FileIsADirectory(uri);
    return entry.data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { readonly create: boolean; readonly overwrite: boolean }): void {
    this.parentOf(uri);
    const existing = this.entries.get(uri.path);
    if (existing?.type === vscode.FileType.Directory) throw vscode.FileSystemError.FileIsADirectory(uri);
    if (!existing && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (existing && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    this.entries.set(uri.path, { type: vscode.FileType.File, ctime: existing?.ctime ?? Date.now(), mtime: Date.now(), data: content });
    this.fire(existing ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri);
  }

  delete(uri: vscode.Uri): void {
    this.entry(uri);
    for (const path of [...this.entries.keys()]) {
      if (path === uri.path || path.startsWith(`${uri.path}/`)) this.entries.delete(path);
    }
    this.fire(vscode.FileChangeType.Deleted, uri);
  }

  rename(oldUri: vscode.Uri, newUri: vscode.Uri, options: { readonly overwrite: boolean }): void {
    const entry = this.entry(oldUri);
    this.parentOf(newUri);
    if (this.entries.has(newUri.path) && !options.overwrite) throw vscode.FileSystemError.FileExists(newUri);
    if (entry.type === vscode.FileType.Directory) throw vscode.FileSystemError.NoPermissions('folders are not renamed here');
    this.entries.delete(oldUri.path);
    this.entries.set(newUri.path, entry);
    this.fire(vscode.FileChangeType.Deleted, oldUri);
    this.fire(vscode.FileChangeType.Created, newUri);
  }

  private fire(type: vscode.FileChangeType, uri: vscode.Uri): void {
    this.changed.fire([{ type, uri }]);
  }
}
