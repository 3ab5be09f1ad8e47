/**
 * Bad datasets end to end, through the built CLI (`node dist/cli.js`): invalid JSON, a file cut
 * short, wrong types, missing and unknown fields, duplicate ids, a quote with no speaker, an empty
 * file, non-UTF-8 bytes, a 50 MB file (valid, and broken near its end), a file over the size limit,
 * a directory and an unreadable file. Each gives a located, readable error (`file:line:col:
 * error: field: message`), the valid facts are still used (the draft is flagged against them), the
 * exit code is 2, and nothing is written to the user's files.
 *
 * The loader's own errors, message by message, are test/unit/dataset-load.test.ts's; this file is
 * about what a user running the checker sees. Fixtures: test/fixtures/bad-datasets/ (each holds the
 * valid fact `desk-good` next to its one defect).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assertCleanStderr, cli, CLI, type CliOptions, type Run } from '../fixtures/odd/cli-run';

const repoRoot = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(repoRoot, 'test/fixtures/bad-datasets');
const GOOD = path.join(FIXTURES, 'good.facts.json');
/** Contradicts the fixtures' one valid fact (around 500 detainees transferred so far). */
const DRAFT = 'The desk says 7,000 detainees have been transferred to Iraq so far.\n';
const PROBLEM_LINE = /^(.+):(\d+):(\d+): (error|warning): (.+)$/;

/** 1-based line and column of the first occurrence of `needle` in `file` (UTF-16 columns). */
function locate(file: string, needle: string, nth = 1): [number, number] {
  const text = fs.readFileSync(file, 'utf8');
  let at = -1;
  for (let k = 0; k < nth; k++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} in ${file}`);
  const before = text.slice(0, at).split('\n');
  return [before.length, before[before.length - 1].length + 1];
}

/** Every file under `dir` with its size, time and hash. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, name);
    let st: fs.Stats;
    try { st = fs.statSync(p); } catch { continue; }
    if (!st.isFile()) { out.set(name, 'dir'); continue; }
    let hash = 'unreadable';
    try { hash = createHash('sha1').update(fs.readFileSync(p)).digest('hex'); } catch { /* chmod 000 */ }
    out.set(name, `${st.size} ${st.mtimeMs} ${hash}`);
  }
  return out;
}

interface Expected { line: number; column: number; severity: 'error' | 'warning'; text: RegExp }

/** Runs the checker on DRAFT with `datasets`, and asserts the contract for bad datasets. */
function checkWith(datasets: readonly string[], cwd: string, expected: readonly Expected[], shortName: string, as: CliOptions = {}): Run {
  const draft = path.join(cwd, 'draft.md');
  const r = cli(['check', '--no-bundled', ...datasets.flatMap((d) => ['--dataset', d]), draft], { ...as, cwd });
  const lines = assertCleanStderr(r, r.stderr.split('\n').filter(Boolean).length, shortName);
  // Every expected problem is reported (a broken file may have more); a dataset expected to be clean reports nothing.
  if (expected.length) assert.ok(lines.length >= expected.length, `${shortName}: problems reported: ${r.stderr}`);
  else assert.equal(lines.length, 0, `${shortName}: no problem expected, got:\n${r.stderr}`);
  for (const l of lines) assert.match(l, PROBLEM_LINE, `${shortName}: every line is file:line:col: severity: message`);
  for (const e of expected) {
    const hit = lines.map((l) => PROBLEM_LINE.exec(l)!).find((m) => Number(m[2]) === e.line && Number(m[3]) === e.column && m[4] === e.severity && e.text.test(m[5]));
    assert.ok(hit, `${shortName}: expected ${e.severity} at ${e.line}:${e.column} matching ${e.text}, got:\n${r.stderr}`);
  }
  assert.match(r.stdout, /draft\.md:1:15 contradicted .*\[desk-good\]/, `${shortName}: the valid fact is still used:\n${r.stdout}`);
  assert.equal(r.status, expected.some((e) => e.severity === 'error') ? 2 : 1, `${shortName}: exit code`);
  return r;
}

describe('bad datasets through the CLI: located errors, the valid facts still used, nothing written', function () {
  this.timeout(180_000);
  let tmp = '';
  let fixturesBefore = new Map<string, string>();
  let beforeTmp = new Map<string, string>();

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dfc-datasets-'));
    fs.writeFileSync(path.join(tmp, 'draft.md'), DRAFT);
    fixturesBefore = snapshot(FIXTURES);
    beforeTmp = snapshot(tmp);
  });
  after(() => {
    for (const f of fs.readdirSync(tmp)) try { fs.chmodSync(path.join(tmp, f), 0o644); } catch { /* gone */ }
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const fx = (name: string) => path.join(FIXTURES, name);
  const cases: Array<{ name: string; file: string; alone: boolean; expected: () => Expected[] }> = [
    { name: 'invalid JSON (a missing comma)', file: 'missing-comma.facts.json', alone: true, expected: () => [{ ...at(fx('missing-comma.facts.json'), '"event"', 2), severity: 'error', text: /^expected a comma/ }] },
    { name: 'a file cut short', file: 'cut-short.facts.json', alone: true, expected: () => [{ line: locate(fx('cut-short.facts.json'), '"attribution"', 2)[0], column: 22, severity: 'error', text: /unterminated string/ }] },
    { name: 'wrong types', file: 'wrong-types.facts.json', alone: true, expected: () => [
      { ...at(fx('wrong-types.facts.json'), '7,'), severity: 'error', text: /^facts\[1\]\.kind: expected one of "quantity".*got number 7$/ },
      { ...at(fx('wrong-types.facts.json'), '"500"'), severity: 'error', text: /^facts\[1\]\.value\.amount: expected a number, got string "500"$/ },
    ] },
    { name: 'missing fields', file: 'missing-fields.facts.json', alone: true, expected: () => [
      { ...at(fx('missing-fields.facts.json'), '"desk-incomplete"'), severity: 'error', text: /^facts\[1\]\.statement: missing required field "statement"$/ },
      { ...at(fx('missing-fields.facts.json'), '"desk-incomplete"'), severity: 'error', text: /^facts\[1\]\.sources: missing required field "sources"$/ },
    ] },
    { name: 'an unknown field', file: 'unknown-field.facts.json', alone: true, expected: () => [{ ...at(fx('unknown-field.facts.json'), '"confidence"'), severity: 'error', text: /^facts\[1\]\.confidence: unknown field "confidence"$/ }] },
    { name: 'duplicate ids', file: 'duplicate-ids.facts.json', alone: true, expected: () => [{ ...at(fx('duplicate-ids.facts.json'), '"desk-good"', 2), severity: 'error', text: /^facts\[1\]\.id: fact id "desk-good" is already defined at facts\[0\] \(line \d+\); this one is ignored$/ }] },
    { name: 'a quote with no speaker', file: 'quote-without-speaker.facts.json', alone: true, expected: () => [{ ...at(fx('quote-without-speaker.facts.json'), '"quote": {'), severity: 'error', text: /^facts\[1\]\.quote\.speaker: missing required field "speaker"$/ }] },
    { name: 'an empty file', file: 'empty.facts.json', alone: false, expected: () => [{ line: 1, column: 1, severity: 'error', text: /^the file is empty/ }] },
    { name: 'bytes that are not UTF-8', file: 'not-utf8.facts.json', alone: false, expected: () => [{ line: 51, column: 57, severity: 'error', text: /^cannot read the dataset: is not valid UTF-8 text \(byte 0xE9/ }] },
    { name: 'a byte-order mark (fine)', file: 'with-bom.facts.json', alone: true, expected: () => [] },
  ];
  function at(file: string, needle: string, nth = 1): { line: number; column: number } {
    const [line, column] = locate(file, needle, nth);
    return { line, column };
  }

  for (const c of cases) {
    it(c.name, () => {
      const datasets = c.alone ? [fx(c.file)] : [GOOD, fx(c.file)];
      const r = checkWith(datasets, tmp, c.expected(), c.name);
      for (const l of r.stderr.split('\n').filter(Boolean)) assert.ok(l.startsWith(fx(c.file)), `problems name the file they are in: ${l}`);
    });
  }

  it('a directory given as a dataset: located at 1:1, the other datasets used', () => {
    fs.mkdirSync(path.join(tmp, 'desk.facts.json'));
    checkWith([GOOD, path.join(tmp, 'desk.facts.json')], tmp, [{ line: 1, column: 1, severity: 'error', text: /^cannot read the dataset: is a directory/ }], 'a directory');
  });

  it('a missing dataset: located at 1:1, the other datasets used', () => {
    checkWith([GOOD, path.join(tmp, 'gone.facts.json')], tmp, [{ line: 1, column: 1, severity: 'error', text: /^cannot read the dataset: no such file$/ }], 'a missing dataset');
  });

  it('an unreadable dataset (chmod 000): located at 1:1, the other datasets used', function () {
    // root reads whatever the mode says: as root, the checker runs as the unprivileged user
    // "nobody" (65534), from a directory of its own that nobody can read (the CLI bundle, the
    // draft, the good dataset) next to the locked file.
    const root = process.getuid?.() === 0;
    const dir = root ? fs.mkdtempSync(path.join(os.tmpdir(), 'dfc-nobody-')) : tmp;
    try {
      const as: CliOptions = {};
      if (root) {
        fs.chmodSync(dir, 0o755);
        for (const [from, to] of [[CLI, 'cli.js'], [GOOD, 'good.facts.json'], [path.join(tmp, 'draft.md'), 'draft.md']]) fs.copyFileSync(from, path.join(dir, to));
        Object.assign(as, { cli: path.join(dir, 'cli.js'), uid: 65534, gid: 65534 });
        const probe = spawnSync(process.execPath, ['-e', '0'], { uid: 65534, gid: 65534 });
        if (probe.status !== 0) {
          console.log(`      skipped: running as root, and Node cannot run as user 65534 here (${probe.error?.message ?? `exit ${probe.status}`})`);
          this.skip();
        }
      }
      const p = path.join(dir, 'locked.facts.json');
      fs.copyFileSync(GOOD, p);
      fs.chmodSync(p, 0o000);
      if (!root) {
        let readable = true;
        try { fs.readFileSync(p); } catch { readable = false; }
        if (readable) {
          console.log(`      skipped: running as a user who can read ${p} whatever its mode (CAP_DAC_OVERRIDE)`);
          this.skip();
        }
      }
      const good = root ? path.join(dir, 'good.facts.json') : GOOD;
      checkWith([good, p], dir, [{ line: 1, column: 1, severity: 'error', text: /^cannot read the dataset: cannot be read \(EACCES\)$/ }], 'an unreadable dataset', as);
    } finally {
      if (root) fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('sizes', () => {
    /** A valid dataset of about `bytes` bytes: the good fact, then generated ones. */
    function bigDataset(bytes: number): string {
      const good = fs.readFileSync(GOOD, 'utf8');
      const parts: string[] = [];
      let size = good.length;
      for (let i = 0; size < bytes; i++) {
        const f = `    {\n      "id": "desk-gen-${i}",\n      "kind": "quantity",\n      "statement": "Around ${i + 1} widgets were delivered to warehouse ${i}.",\n      "value": { "type": "number", "amount": ${i + 1}, "bound": "approximate" },\n      "counts": { "noun": "widgets" },\n      "event": { "label": "delivered", "terms": ["delivered"] },\n      "sources": [{ "who": "the warehouse", "kind": "official" }],\n      "attribution": "according to the warehouse"\n    }`;
        parts.push(f);
        size += f.length + 2;
      }
      const close = good.lastIndexOf(']');
      return `${good.slice(0, good.lastIndexOf('}', close) + 1)},\n${parts.join(',\n')}\n  ]\n}\n`;
    }

    it('a 50 MB dataset loads within budget, its facts used', () => {
      const p = path.join(tmp, 'big.facts.json');
      fs.writeFileSync(p, bigDataset(50_000_000));
      assert.ok(fs.statSync(p).size >= 50_000_000);
      const t0 = performance.now();
      checkWith([p], tmp, [], '50 MB');
      const ms = performance.now() - t0;
      console.log(`      50 MB dataset: ${(ms / 1000).toFixed(1)} s`);
      assert.ok(ms < 60_000, `loaded in ${ms.toFixed(0)} ms`);
      fs.rmSync(p);
    });

    it('a 50 MB dataset broken near its end: the error located there, the rest used', () => {
      const p = path.join(tmp, 'big-broken.facts.json');
      const text = bigDataset(50_000_000);
      const k = text.lastIndexOf('"attribution": ');
      fs.writeFileSync(p, `${text.slice(0, k)}"attribution" ${text.slice(k + '"attribution": '.length)}`);
      const line = text.slice(0, k).split('\n').length;
      const t0 = performance.now();
      checkWith([p], tmp, [{ line, column: 21, severity: 'error', text: /^expected ":" after the property name/ }], '50 MB broken');
      const ms = performance.now() - t0;
      console.log(`      50 MB dataset with an error at line ${line}: ${(ms / 1000).toFixed(1)} s`);
      assert.ok(ms < 60_000, `checked in ${ms.toFixed(0)} ms`);
      fs.rmSync(p);
    });

    it('a dataset over the size limit (70 MB): one located error, not read, the others used', () => {
      const p = path.join(tmp, 'huge.facts.json');
      fs.writeFileSync(p, '');
      fs.truncateSync(p, 70 * 1024 * 1024); // sparse: no 70 MB written to disk
      checkWith([GOOD, p], tmp, [{ line: 1, column: 1, severity: 'error', text: /^cannot read the dataset: file too large \(73400320 bytes; the limit is 67108864\)$/ }], 'over the limit');
      fs.rmSync(p);
    });
  });

  describe('afterwards', () => {
    it('nothing was written to the fixtures, the draft or its folder', () => {
      assert.deepEqual(snapshot(FIXTURES), fixturesBefore);
      const now = snapshot(tmp);
      for (const [name, v] of beforeTmp) assert.equal(now.get(name), v, `${name} unchanged`);
      const added = [...now.keys()].filter((k) => !beforeTmp.has(k));
      assert.deepEqual(added.filter((n) => !/^(?:desk\.facts\.json|locked\.facts\.json)$/.test(n)), [], 'no file added next to the draft but the test\'s own');
    });
  });
});
