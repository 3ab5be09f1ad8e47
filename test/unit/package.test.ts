/**
 * The .vsix holds exactly what users need (the allow-list in .vscodeignore) and everything the
 * manifest points at. The package is built here, from the current dist/ with the project's own
 * `package:vsix` command (only its --out redirected to a temp dir), so the test never reads a stale
 * .vsix; `npm test` builds dist/ first.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

/** Names in a zip's central directory (enough of the format for a file list). */
function zipEntries(zip: Buffer): string[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'not a zip file: no end-of-central-directory record');
  const count = zip.readUInt16LE(eocd + 10);
  const names: string[] = [];
  for (let i = 0, at = zip.readUInt32LE(eocd + 16); i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, `bad central directory entry at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}

/** Files under `dir`, relative to it, with forward slashes. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'));
}

describe('the .vsix package', function () {
  this.timeout(120000);
  let tmp: string;
  let entries: string[];

  before(() => {
    for (const f of ['dist/extension.js', 'dist/core.js', 'dist/cli.js']) {
      assert.ok(fs.existsSync(path.join(repoRoot, f)), `${f} is missing: run npm run build first`);
    }
    const command = manifest.scripts['package:vsix'] as string;
    const m = /^vsce (package .*) --out \S+$/.exec(command);
    assert.ok(m, `scripts.package:vsix should be "vsce package … --out FILE", is "${command}"`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dfc-vsix-'));
    const vsix = path.join(tmp, 'draft-fact-check.vsix');
    execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/@vscode/vsce/vsce'), ...m[1].split(/\s+/), '--out', vsix],
      { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    entries = zipEntries(fs.readFileSync(vsix));
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('contains exactly the allow-listed files', () => {
    const expected = [
      '[Content_Types].xml', 'extension.vsixmanifest', // vsce's own
      'extension/package.json', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt',
      'extension/dist/extension.js', 'extension/dist/core.js', // the entry and the core it requires (esbuild.js)
      ...filesUnder(path.join(repoRoot, 'media')).filter((f) => !f.startsWith('screenshots/')).map((f) => `extension/media/${f}`),
    ];
    assert.deepEqual([...entries].sort(), expected.sort());
  });

  it('ships no sources, source maps, tests, dependencies, the CLI or the README screenshots', () => {
    const leaked = entries.filter((e) => /(^|\/)(src|test|out|node_modules|\.vscode|screenshots)\/|\.(ts|map)$|tsconfig|esbuild|cli\.js$/.test(e));
    assert.deepEqual(leaked, []);
  });

  it('keeps working files out of media/ (everything in it ships)', () => {
    const sources = entries.filter((e) => e.startsWith('extension/media/') && /\.(xcf|psd|kra|sketch|fig|afdesign|blend|pdn|ai|mjs|sh|tmp|bak)$|~$/i.test(e));
    assert.deepEqual(sources, []);
  });

  it('ships every file the manifest points at', () => {
    // (package.json's "bin" is for npm installs of the checker, not for VS Code: not in the .vsix.)
    const referenced: string[] = [manifest.main, manifest.icon,
      ...(manifest.contributes?.jsonValidation ?? []).map((v: { url: string }) => v.url).filter((u: string) => !/^[a-z]+:/i.test(u))];
    assert.ok(referenced.length >= 3);
    for (const ref of referenced) {
      assert.ok(entries.includes(`extension/${path.posix.normalize(ref)}`), `${ref} (referenced in package.json) is not in the .vsix`);
    }
  });

  it('ships every file the extension bundle requires at run time (dist/core.js)', () => {
    const main = path.posix.normalize(manifest.main as string);
    const required = [...fs.readFileSync(path.join(repoRoot, main), 'utf8').matchAll(/\brequire\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)]
      .map((m) => path.posix.join(path.posix.dirname(main), m[1]));
    assert.ok(required.includes('dist/core.js'), `${main} should require ./core.js (src/vscode/loadCore.ts)`);
    for (const file of required) assert.ok(entries.includes(`extension/${file}`), `${file} (required by ${main}) is not in the .vsix`);
  });

  it('has a square PNG icon of at least 128 pixels', () => {
    const png = fs.readFileSync(path.join(repoRoot, manifest.icon));
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.equal(width, height);
    assert.ok(width >= 128, `icon is ${width}x${height}`);
  });
});
