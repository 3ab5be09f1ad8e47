/**
 * The extension as users get it, built apart from the working tree: a temporary copy of the sources
 * built with `node esbuild.js --production` and packaged with the project's own `vsce package`
 * command, so the benchmark measures the shipped (minified) bundle and a .vsix that is never stale,
 * without touching dist/ or dist-vsix/ (packaging is another engineer's).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');

/** What the copy of the extension holds after a production build and `vsce package`. */
export interface ProductionCopy {
  /** Root of the copy: an extension development path (package.json, dist/, media/). */
  dir: string;
  vsix: string;
  vsixBytes: number;
  /** Largest entries of the .vsix: [name, compressed bytes, uncompressed bytes]. */
  entries: Array<[string, number, number]>;
  bundleBytes: Record<string, number>;
}

const COPY = ['src', 'media', 'scripts', 'esbuild.js', 'package.json', 'tsconfig.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore'];

function run(cmd: string, args: string[], cwd: string): void {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}): ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ')}`);
}

/** Builds and packages a production copy of the extension in a temporary folder. */
export function buildProductionCopy(): ProductionCopy {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfc-bench-ext-'));
  for (const item of COPY) {
    const from = path.join(repoRoot, item);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, item), { recursive: true });
  }
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  run(process.execPath, ['esbuild.js', '--production'], dir);
  const vsix = path.join(dir, 'draft-fact-check.vsix');
  run(process.execPath, [path.join(repoRoot, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix], dir);
  const bundleBytes: Record<string, number> = {};
  for (const f of ['dist/extension.js', 'dist/core.js', 'dist/cli.js']) if (fs.existsSync(path.join(dir, f))) bundleBytes[f] = fs.statSync(path.join(dir, f)).size;
  return { dir, vsix, vsixBytes: fs.statSync(vsix).size, entries: zipEntries(fs.readFileSync(vsix)).sort((a, b) => b[1] - a[1]), bundleBytes };
}

/** Names and sizes from a zip's central directory. */
function zipEntries(zip: Buffer): Array<[string, number, number]> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return [];
  const out: Array<[string, number, number]> = [];
  for (let i = 0, at = zip.readUInt32LE(eocd + 16), n = zip.readUInt16LE(eocd + 10); i < n; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    out.push([zip.toString('utf8', at + 46, at + 46 + nameLength), zip.readUInt32LE(at + 20), zip.readUInt32LE(at + 24)]);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

export function removeProductionCopy(copy: ProductionCopy): void {
  fs.rmSync(copy.dir, { recursive: true, force: true });
}
