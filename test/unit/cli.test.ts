/**
 * The built command-line checker (`node dist/cli.js`, built by `node esbuild.js`) as a user and a CI
 * job meet it: missing files, directories, unmatched globs, binary and non-UTF-8 files, standard
 * input and bad flags each give one line on standard error, the documented exit code (0 nothing
 * flagged, 1 something flagged, 2 usage or input error) and never a stack trace; the JSON, SARIF and
 * text outputs keep their contracts.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { assertCleanStderr, cli, CLI, offsetOf, type Run } from '../fixtures/odd/cli-run';

const FLAGGED = 'The U.S. has now transferred 7,000 detainees from Syria to Iraq.\n';
const CLEAN = 'The weather was fine on the day the ministry opened.\n';

let tmp = '';
const file = (name: string, content: string | Buffer) => { const p = path.join(tmp, name); fs.writeFileSync(p, content); return p; };

describe('the command-line checker (dist/cli.js)', function () {
  this.timeout(120_000);
  before(() => {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run \`node esbuild.js\` before the unit tests`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dfc-cli-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('exit codes', () => {
    it('0 when nothing is flagged, 1 when something is; the summary says so', () => {
      const clean = cli(['check', file('clean.md', CLEAN)]);
      assert.equal(clean.status, 0, clean.stderr);
      assert.match(clean.stdout, /Nothing flagged\.\n$/);
      const flagged = cli(['check', file('flagged.md', FLAGGED)]);
      assert.equal(flagged.status, 1, flagged.stderr);
      assert.match(flagged.stdout, /1 flagged\.\n$/);
      assertCleanStderr(flagged, 0, 'a flagged draft');
    });
    it('--help and --version: 0, on standard output', () => {
      for (const args of [['--help'], ['-h'], [], ['--version']]) {
        const r = cli(args);
        assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
        assert.ok(r.stdout.trim().length > 0);
        assertCleanStderr(r, 0, args.join(' '));
      }
    });
  });

  describe('input errors: one line on stderr, exit 2, no stack trace', () => {
    const cases: Array<{ name: string; args: () => string[]; input?: string | Buffer; line: RegExp; shell?: string }> = [
      { name: 'a missing file', args: () => ['check', path.join(tmp, 'nothere.md')], line: /^draft-fact-check: .*nothere\.md: no such file$/ },
      { name: 'a directory', args: () => ['check', tmp], line: /^draft-fact-check: .*: is a directory \(give Markdown files\)$/ },
      { name: 'a binary file', args: () => ['check', file('image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]))], line: /^draft-fact-check: .*image\.md:\d+:\d+: looks like a binary file, not Markdown/ },
      { name: 'a Latin-1 file (not UTF-8), located', args: () => ['check', file('latin1.md', Buffer.from('Line one.\nThe caf\xe9 has 7,000 seats.\n', 'latin1'))], line: /^draft-fact-check: .*latin1\.md:2:8: is not valid UTF-8 text \(byte 0xE9; save it as UTF-8\)$/ },
      { name: 'a truncated UTF-8 sequence at the end', args: () => ['check', file('cut.md', Buffer.concat([Buffer.from('Text '), Buffer.from([0xe2, 0x80])]))], line: /^draft-fact-check: .*cut\.md:1:6: is not valid UTF-8 text/ },
      { name: 'UTF-16 with a byte-order mark', args: () => ['check', file('utf16.md', Buffer.from('\ufeffSome text.\n', 'utf16le'))], line: /^draft-fact-check: .*utf16\.md:\d+:\d+: (?:looks like a binary file|is not valid UTF-8)/ },
      { name: 'non-UTF-8 standard input', args: () => ['check', '-'], input: Buffer.from([0x41, 0xff, 0x42]), line: /^draft-fact-check: standard input:1:2: is not valid UTF-8 text \(byte 0xFF/ },
      { name: 'binary standard input', args: () => ['check', '-'], input: Buffer.from([0x00, 0x01, 0x02]), line: /^draft-fact-check: standard input:1:1: looks like a binary file/ },
      { name: 'an unmatched glob (the shell passes the pattern on)', args: () => [], shell: 'cd "$TMP" && node "$CLI" check nomatch-*.md', line: /^draft-fact-check: nomatch-\*\.md: no such file \(a pattern that matched no file\?\)$/ },
      { name: 'an unknown option', args: () => ['check', '--bogus', 'x.md'], line: /^draft-fact-check: unknown option "--bogus" \(usage: draft-fact-check check .*\)$/ },
      { name: 'an unknown format', args: () => ['check', '--format', 'xml', 'x.md'], line: /^draft-fact-check: --format must be text, json or sarif \(got "xml"\)/ },
      { name: '--format with nothing after it', args: () => ['check', '--format'], line: /^draft-fact-check: --format must be text, json or sarif \(got nothing\)/ },
      { name: '--dataset with nothing after it', args: () => ['check', 'x.md', '--dataset'], line: /^draft-fact-check: --dataset needs a file/ },
      { name: 'no file', args: () => ['check'], line: /^draft-fact-check: no file to check/ },
      { name: 'an unknown command', args: () => ['lint', 'x.md'], line: /^draft-fact-check: unknown command "lint"/ },
      { name: 'the bundled dataset off and no other', args: () => ['check', '--no-bundled', file('nodata.md', CLEAN)], line: /^draft-fact-check: no usable facts/ },
    ];
    for (const c of cases) {
      it(c.name, () => {
        let r: Run;
        if (c.shell) {
          const s = spawnSync('sh', ['-c', c.shell], { env: { ...process.env, TMP: tmp, CLI }, encoding: 'utf8', timeout: 60_000 });
          r = { status: s.status, stdout: s.stdout, stderr: s.stderr };
        } else r = cli(c.args(), c.input === undefined ? {} : { input: c.input });
        assert.equal(r.status, 2, `exit code: ${JSON.stringify(r)}`);
        const [line] = assertCleanStderr(r, 1, c.name);
        assert.match(line, c.line);
      });
    }

    it('one unreadable file among good ones: reported on its line, the others still checked, exit 2', () => {
      const good = file('good.md', FLAGGED);
      const r = cli(['check', path.join(tmp, 'gone.md'), good, tmp]);
      assert.equal(r.status, 2);
      const lines = assertCleanStderr(r, 2, 'two bad inputs');
      assert.match(lines[0], /gone\.md: no such file$/);
      assert.match(lines[1], /is a directory/);
      assert.match(r.stdout, /good\.md:1:\d+ contradicted /);
      assert.match(r.stdout, /^1 file, /m);
    });

    it('JSON output stays a whole document when no file could be read', () => {
      const r = cli(['check', '--format', 'json', path.join(tmp, 'gone.md')]);
      assert.equal(r.status, 2);
      assert.deepEqual(JSON.parse(r.stdout).files, []);
    });

    it('a reader that stops early (| head) ends the output quietly', async () => {
      const big = file('many.md', FLAGGED.repeat(3000));
      const child = spawn(process.execPath, [CLI, 'check', big], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.ok(!/\s+at |EPIPE|Error/.test(stderr), `no stack trace: ${stderr}`);
      assert.ok(code === 1 || code === 0, `exit ${code}`);
    });
  });

  describe('standard input', () => {
    it('"-" reads the draft from standard input, named <stdin>', () => {
      const r = cli(['check', '-'], { input: FLAGGED });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /^<stdin>:1:30 contradicted /m);
    });
    it('empty standard input: nothing to flag', () => {
      const r = cli(['check', '-'], { input: '' });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^1 file, 0 claims\. Nothing flagged\.$/m);
    });
  });

  describe('output contracts', () => {
    const DRAFT = '# Transfers\r\n\r\nThe U.S. has now transferred 7,000 detainees from Syria to Iraq.\r\n\r\n😀 Officials said 😀 7,000 detainees were transferred to Iraq.\rOn 21 January, Marco Rubio, the U.S. national security adviser, spoke.\n';
    let draftPath = '';
    before(() => { draftPath = file('contract.md', DRAFT); });

    it('JSON (version 1): zero-based UTF-16 ranges whose text is the slice; fixes with ranges and edits', () => {
      const r = cli(['check', '--format', 'json', draftPath]);
      assert.equal(r.status, 1, r.stderr);
      const out = JSON.parse(r.stdout) as { version: number; files: Array<{ path: string; findings: Array<{ verdict: string; claimKind: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string; message: string; factId?: string; fixes: Array<{ title: string; kind: string; range: unknown; newText: string; edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }> }> }> }>; datasetProblems: unknown[] };
      assert.equal(out.version, 1);
      assert.ok(Array.isArray(out.datasetProblems));
      assert.equal(out.files.length, 1);
      assert.equal(out.files[0].path, draftPath);
      const findings = out.files[0].findings;
      assert.ok(findings.filter((f) => f.verdict === 'contradicted').length >= 2, JSON.stringify(findings.map((f) => [f.verdict, f.text])));
      for (const f of findings) {
        const s = offsetOf(DRAFT, f.range.start), e = offsetOf(DRAFT, f.range.end);
        assert.equal(DRAFT.slice(s, e), f.text, `${f.verdict} ${JSON.stringify(f.text)} at ${JSON.stringify(f.range)}`);
        assert.ok(['supported', 'contradicted', 'misattributed', 'misquoted', 'unverified'].includes(f.verdict));
        assert.ok(typeof f.message === 'string' && f.message.length > 0);
        for (const fix of f.fixes) {
          assert.ok(fix.title && fix.kind && typeof fix.newText === 'string');
          assert.deepEqual(fix.range, fix.edits[0].range, 'a fix range is its first edit');
          for (const ed of fix.edits) assert.ok(offsetOf(DRAFT, ed.range.start) <= offsetOf(DRAFT, ed.range.end) && offsetOf(DRAFT, ed.range.end) <= DRAFT.length);
        }
      }
      // After the astral characters and the lone CR: positions count UTF-16 code units per line.
      const astral = findings.find((f) => f.verdict === 'contradicted' && f.range.start.line === 4);
      assert.deepEqual(astral?.range.start, { line: 4, character: '😀 Officials said 😀 '.length });
      assert.ok(findings.some((f) => f.range.start.line === 5), 'a line after a lone CR is its own line');
    });

    it('SARIF 2.1.0: schema, tool, rules, results with UTF-16 regions whose snippet is the text', () => {
      const r = cli(['check', '--format', 'sarif', draftPath]);
      assert.equal(r.status, 1, r.stderr);
      const sarif = JSON.parse(r.stdout) as { $schema: string; version: string; runs: Array<{ tool: { driver: { name: string; version: string; rules: Array<{ id: string; shortDescription: { text: string } }> } }; columnKind: string; results: Array<{ ruleId: string; level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number; snippet: { text: string } } } }> }> }> };
      assert.equal(sarif.version, '2.1.0');
      assert.match(sarif.$schema, /sarif-2\.1\.0/);
      assert.equal(sarif.runs.length, 1);
      const run = sarif.runs[0];
      assert.equal(run.tool.driver.name, 'draft-fact-check');
      assert.equal(run.columnKind, 'utf16CodeUnits');
      const ruleIds = new Set(run.tool.driver.rules.map((x) => x.id));
      assert.deepEqual([...ruleIds].sort(), ['contradicted', 'misattributed', 'misquoted']);
      assert.ok(run.results.length >= 2);
      for (const res of run.results) {
        assert.ok(ruleIds.has(res.ruleId));
        assert.ok(['error', 'warning', 'note'].includes(res.level));
        assert.ok(res.message.text.length > 0);
        const loc = res.locations[0].physicalLocation;
        assert.equal(loc.artifactLocation.uri, draftPath.replace(/\\/g, '/'));
        const g = loc.region;
        assert.ok(g.startLine >= 1 && g.startColumn >= 1 && g.endLine >= g.startLine);
        const s = offsetOf(DRAFT, { line: g.startLine - 1, character: g.startColumn - 1 }), e = offsetOf(DRAFT, { line: g.endLine - 1, character: g.endColumn - 1 });
        assert.equal(DRAFT.slice(s, e), g.snippet.text);
      }
    });

    it('text: `file:line:col verdict message`, one-based, pointing at the claim; a summary last', () => {
      const r = cli(['check', draftPath]);
      assert.equal(r.status, 1, r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      assert.match(lines[lines.length - 1], /^1 file, \d+ claims?: .*\. \d+ flagged\.$/);
      const flags = lines.slice(0, -1);
      assert.ok(flags.length >= 2);
      // The same flags as the JSON output, in its order, each at the first character of its claim.
      const json = JSON.parse(cli(['check', '--format', 'json', draftPath]).stdout) as { files: Array<{ findings: Array<{ verdict: string; text: string; message: string; range: { start: { line: number; character: number } } }> }> };
      const flagged = json.files[0].findings.filter((f) => ['contradicted', 'misattributed', 'misquoted'].includes(f.verdict));
      assert.equal(flags.length, flagged.length, flags.join('\n'));
      flags.forEach((l, i) => {
        const m = /^(.+):(\d+):(\d+) (contradicted|misattributed|misquoted) (.+)$/.exec(l);
        assert.ok(m, `format: ${l}`);
        assert.equal(m[1], draftPath);
        const f = flagged[i];
        assert.deepEqual([Number(m[2]), Number(m[3]), m[4]], [f.range.start.line + 1, f.range.start.character + 1, f.verdict], l);
        assert.ok(m[5].startsWith(f.message), `the message: ${l}`);
        const at = offsetOf(DRAFT, { line: Number(m[2]) - 1, character: Number(m[3]) - 1 });
        assert.equal(DRAFT.slice(at, at + f.text.length), f.text, `points at the claim “${f.text}”: ${l}`);
      });
      assert.ok(flags.some((l) => l.startsWith(`${draftPath}:5:${'😀 Officials said 😀 '.length + 1} `)), flags.join('\n'));
    });
  });
});
