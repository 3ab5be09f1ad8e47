/**
 * `npm run bench`: how fast the checker is, at any draft and dataset size, against the targets of
 * issue 6. Prints a table and writes BENCHMARKS.md (machine, Node version, date, figures, ratios).
 *
 *   node out/bench/bench.js [--quick] [--no-vscode] [--no-cli] [--no-package] [--out FILE]
 *
 * Every figure is the median of repeated runs after a warm-up. Dataset sizes run in a child process
 * each (`--expose-gc`), so the heap an index takes is measured alone. The VS Code figures come from
 * a benchmark suite run inside code-server by the integration harness (bench/vscode.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUNDLED, check, loadIndex, loadIndexPhases, measure, summarize, typingSession, verdictCounts, type LoadPhases, type Stats } from './core';
import { generateDataset } from './dataset';
import { countWords, generateDraft } from './draft';
import { buildProductionCopy, removeProductionCopy, type ProductionCopy } from './package';
import { clearWordMemos } from '../src/core/text/tokens';
import type { FactIndex } from '../src/core/dataset/fact-index';

const repoRoot = path.resolve(__dirname, '../..');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const RUNS = quick ? 5 : 15;
const DRAFT_WORDS = [1_000, 10_000, 100_000];
const DATASET_FACTS = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];

interface DatasetResult {
  facts: number;
  bytes: number;
  load: Stats;
  /** Medians of each step over the same loads, and of JSON.parse alone on the generated file. */
  phases: LoadPhases & { jsonParse: number };
  heapMB: number;
  checks: Record<number, Stats>;
  flagged10k: number;
}

const ms = (s: Stats | undefined) => (s ? `${s.median < 10 ? s.median.toFixed(2) : s.median.toFixed(1)} ms` : 'n/a');

function drafts(): Map<number, string> {
  return new Map(DRAFT_WORDS.map((w) => [w, generateDraft(w, w)]));
}

/** Cold checks of every draft, twice, before any is timed: the first figure measured is otherwise
 *  also the one the JIT is still compiling the checker for (a 1k-word check measured first was
 *  slower than the same check after the others, and a 10k-word check slower than the same check
 *  with more to do measured later). What is timed is an editor that has checked drafts before. */
function warmUp(texts: Iterable<string>, index: FactIndex): void {
  const all = [...texts];
  for (let round = 0; round < 2; round++) for (const text of all) check(text, index);
}

// ---------------------------------------------------------------------------------------------
// Child: one dataset size, alone in its process.

function child(facts: number): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the dataset child with --expose-gc');
  const text = generateDataset(facts);
  const sources = [BUNDLED, { file: `generated-${facts}.facts.json`, text }];
  const loads = facts >= 100_000 ? 3 : 7;
  // Heap: before and after one load, with everything else collected; the index stays referenced.
  gc(); gc();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  let loaded = loadIndexPhases(sources);
  const first = performance.now() - t0;
  gc(); gc();
  const heapMB = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  const times = [first];
  const phases: LoadPhases[] = [loaded.phases];
  for (let i = 1; i < loads; i++) {
    loaded = undefined as unknown as typeof loaded;
    gc();
    const t = performance.now();
    loaded = loadIndexPhases(sources);
    times.push(performance.now() - t);
    phases.push(loaded.phases);
  }
  if (loaded.problems || loaded.index.size !== facts + 48) throw new Error(`the generated dataset of ${facts} facts loaded ${loaded.index.size - 48} facts with ${loaded.problems} problems`);
  const parseTimes: number[] = [];
  for (let i = 0; i < loads; i++) {
    gc();
    const t = performance.now();
    JSON.parse(text);
    parseTimes.push(performance.now() - t);
  }
  const med = (k: keyof LoadPhases) => summarize(phases.map((p) => p[k])).median;
  const phaseMedians = { parse: med('parse'), merge: med('merge'), termIndex: med('termIndex'), vocabulary: med('vocabulary'), jsonParse: summarize(parseTimes).median };
  const checks: Record<number, Stats> = {};
  let flagged10k = 0;
  const texts = drafts();
  warmUp(texts.values(), loaded.index);
  for (const [words, draft] of texts) {
    checks[words] = measure(() => check(draft, loaded.index), { runs: words >= 100_000 ? Math.min(RUNS, 7) : RUNS, warmup: 2 });
    if (words === 10_000) flagged10k = check(draft, loaded.index).findings.filter((f) => f.verdict !== 'supported' && f.verdict !== 'unverified').length;
  }
  const result: DatasetResult = { facts, bytes: Buffer.byteLength(text), load: summarize(times), phases: phaseMedians, heapMB, checks, flagged10k };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runChild(facts: number): DatasetResult {
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', __filename, '--child', String(facts), ...(quick ? ['--quick'] : [])], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`dataset child (${facts} facts) failed: ${r.stderr}`);
  if (r.stderr.trim()) process.stderr.write(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as DatasetResult;
}

// ---------------------------------------------------------------------------------------------
// Whole processes: the CLI and markdownlint-cli2 on the same file.

function timeProcess(cmd: string, args: string[], cwd: string, runs: number): Stats {
  const times: number[] = [];
  for (let i = -1; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { cwd, stdio: 'ignore' });
    const t = performance.now() - t0;
    if (r.error) throw r.error;
    if (i >= 0) times.push(t);
  }
  return summarize(times);
}

function machine(): Record<string, string> {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  let nproc = String(os.availableParallelism?.() ?? os.cpus().length);
  try { nproc = execFileSync('nproc', { encoding: 'utf8' }).trim(); } catch { /* not Linux */ }
  return {
    CPU: `${model} (nproc ${nproc})`,
    Memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    Node: process.version,
    OS: `${os.type()} ${os.release()}`,
    Date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

function loadAverage(): string {
  return os.loadavg().map((x) => x.toFixed(2)).join(', ');
}

interface VsCodeResult {
  vscode?: string;
  codeLoadingMs?: number;
  activateCallMs?: number;
  activationMs?: number;
  readyMs?: number;
  openToDiagnosticsMs?: number;
  openShowToDiagnosticsMs?: number;
  editToDiagnosticsMs?: number;
  hostBeforeActivateMs?: number;
  openCheckMs?: number;
  openShowCheckMs?: number;
  firstOpenToDiagnosticsMs?: number;
  firstOpenCheckMs?: number;
  error?: string;
}

function runVsCode(extensionDir: string | undefined): VsCodeResult {
  const runner = path.join(__dirname, 'vscode.js');
  if (!fs.existsSync(runner)) return { error: 'out/bench/vscode.js missing (build with node esbuild.js)' };
  const r = spawnSync(process.execPath, [runner, ...(extensionDir ? [extensionDir] : [])], { encoding: 'utf8', maxBuffer: 1 << 26, timeout: 15 * 60_000 });
  const line = r.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (!line) return { error: `the VS Code run produced no result (exit ${r.status}): ${(r.stderr || r.stdout).trim().split('\n').slice(-5).join(' | ')}` };
  return JSON.parse(line.slice('BENCH_RESULT '.length)) as VsCodeResult;
}

// ---------------------------------------------------------------------------------------------

interface Row { measure: string; result: string; target: string; met?: boolean }

async function main(): Promise<void> {
  const childAt = argv.indexOf('--child');
  if (childAt >= 0) return child(Number(argv[childAt + 1]));
  const outFile = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : path.join(repoRoot, 'BENCHMARKS.md');
  const loadAtStart = loadAverage();
  const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
  const rows: Row[] = [];
  const notes: string[] = [];
  const texts = drafts();
  const words = new Map([...texts].map(([w, t]) => [w, countWords(t)]));

  // Bundled dataset: load, then full checks of each draft.
  log('bundled dataset');
  const bundledLoad = measure(() => loadIndex([BUNDLED]), { runs: RUNS });
  const { index } = loadIndex([BUNDLED]);
  warmUp(texts.values(), index);
  const bundled: Record<number, Stats> = {};
  for (const [w, text] of texts) bundled[w] = measure(() => check(text, index), { runs: w >= 100_000 ? Math.min(RUNS, 9) : RUNS });
  const counts10k = verdictCounts(check(texts.get(10_000)!, index));
  // The same, with the word and stem memos (kept across checks, bounded) emptied before each check too.
  const bundledNoMemo = measure(() => { clearWordMemos(); check(texts.get(10_000)!, index); }, { runs: RUNS });

  // One-character edits in the 10k-word draft, each checked after the previous text was.
  log('re-check after one-character edits');
  const base = texts.get(10_000)!;
  const session = typingSession(base, RUNS + 3);
  check(base, index);
  const recheck = measure((i) => check(session[i < 0 ? -1 - i : i + 3], index, false), { runs: RUNS, warmup: 3 });

  // markdownlint (library, default rules) on the same 10k-word draft.
  log('markdownlint');
  let lint: Stats | undefined;
  try {
    const { lint: lintSync } = (await import('markdownlint/sync')) as { lint: (o: { strings: Record<string, string> }) => unknown };
    lint = measure(() => lintSync({ strings: { draft: base } }), { runs: RUNS });
  } catch (e) {
    notes.push(`markdownlint could not run: ${(e as Error).message}`);
  }

  // Generated datasets, one child process each.
  const datasets: DatasetResult[] = [];
  for (const facts of DATASET_FACTS) {
    log(`generated dataset of ${facts} facts`);
    datasets.push(runChild(facts));
  }

  // The shipped build: production bundles and a fresh .vsix, in a temporary copy.
  let copy: ProductionCopy | undefined;
  if (!argv.includes('--no-package')) {
    log('production build and .vsix (temporary copy)');
    try { copy = buildProductionCopy(); } catch (e) { notes.push(`The production copy could not be built: ${(e as Error).message}`); }
  }

  // Whole processes on the 100k-word draft.
  let cli: Stats | undefined, cli2: Stats | undefined;
  if (!argv.includes('--no-cli')) {
    log('CLI vs markdownlint-cli2 on the 100k-word draft');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfc-bench-'));
    fs.writeFileSync(path.join(dir, 'draft-100k.md'), texts.get(100_000)!);
    const cliJs = path.join(copy?.dir ?? repoRoot, 'dist/cli.js');
    const cli2Js = path.join(repoRoot, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
    const runs = quick ? 3 : 7;
    cli = timeProcess(process.execPath, [cliJs, 'check', 'draft-100k.md'], dir, runs);
    cli2 = timeProcess(process.execPath, [cli2Js, 'draft-100k.md'], dir, runs);
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // The .vsix in dist-vsix/ (built by `npm run package`, another engineer's) may be older than the
  // sources: the fresh one from the production copy is the figure, this one a note.
  const vsixPath = path.join(repoRoot, 'dist-vsix/draft-fact-check.vsix');
  const oldVsix = fs.existsSync(vsixPath) ? fs.statSync(vsixPath) : undefined;
  if (oldVsix) notes.push(`dist-vsix/draft-fact-check.vsix on disk: ${(oldVsix.size / 1024).toFixed(1)} KiB, built ${oldVsix.mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC (${copy && oldVsix.size !== copy.vsixBytes ? 'not the current sources' : 'as fresh'}).`);
  if (copy) notes.push(`Largest entries of the fresh .vsix (compressed / uncompressed bytes): ${copy.entries.slice(0, 6).map(([n, c, u]) => `${n.replace(/^extension\//, '')} ${c} / ${u}`).join('; ')}. Production bundles: ${Object.entries(copy.bundleBytes).map(([f, b]) => `${f} ${(b / 1024).toFixed(0)} KiB`).join(', ')}.`);

  let vscodeResult: VsCodeResult = { error: 'skipped (--no-vscode)' };
  if (!argv.includes('--no-vscode')) {
    log('VS Code (code-server) activation and open-to-diagnostics');
    vscodeResult = runVsCode(copy?.dir);
  }
  if (copy) removeProductionCopy(copy);

  // ---- the table ----
  const w = (n: number) => `${(words.get(n)! / 1000).toFixed(0)}k-word draft (${(texts.get(n)!.length / 1024).toFixed(0)} KiB)`;
  for (const n of DRAFT_WORDS) {
    const s = bundled[n];
    rows.push({ measure: `Full check, ${w(n)}, bundled dataset (48 facts)`, result: ms(s), target: n === 10_000 ? '≤ 10 ms' : '', met: n === 10_000 ? s.median <= 10 : undefined });
    if (n === 10_000) rows.push({ measure: `… the same, with the word and stem memos emptied before each check too`, result: ms(bundledNoMemo), target: '' });
  }
  const linear = bundled[100_000].median / bundled[10_000].median;
  rows.push({ measure: 'Scaling with draft length: 100k / 10k words, bundled dataset', result: `× ${linear.toFixed(2)} for × ${(words.get(100_000)! / words.get(10_000)!).toFixed(2)} words`, target: 'linear (≈ × 10)', met: linear <= 12 });
  if (lint) {
    const ratio = bundled[10_000].median / lint.median;
    rows.push({ measure: 'markdownlint (library, default rules), same 10k-word draft', result: ms(lint), target: '' });
    rows.push({ measure: 'Full check / markdownlint, 10k-word draft', result: `${ratio.toFixed(2)}`, target: '≤ 1.00', met: ratio <= 1 });
  }
  rows.push({ measure: 'Re-check after a one-character edit, 10k-word draft', result: ms(recheck), target: '' });
  rows.push({ measure: 'Load + index, bundled dataset', result: ms(bundledLoad), target: '' });
  for (const d of datasets) {
    const label = `${d.facts.toLocaleString('en-US')} generated facts + bundled (${(d.bytes / 2 ** 20).toFixed(1)} MiB of JSON)`;
    const big = d.facts === 100_000;
    rows.push({ measure: `Load + index, ${label}`, result: ms(d.load), target: big ? '≤ 500 ms' : '', met: big ? d.load.median <= 500 : undefined });
    if (big) {
      const p = d.phases, f = (x: number) => `${x.toFixed(0)} ms`;
      rows.push({ measure: `… of which: reading and validating the files (of which JSON.parse of the generated file alone: ${f(p.jsonParse)}); merging; the term index; its vocabulary`, result: `${f(p.parse)}; ${f(p.merge)}; ${f(p.termIndex)}; ${f(p.vocabulary)}`, target: '' });
    }
    rows.push({ measure: `Heap of the index, ${label}`, result: `${d.heapMB.toFixed(1)} MiB`, target: big ? '≤ 150 MB' : '', met: big ? d.heapMB * 1.048576 <= 150 : undefined });
    for (const n of DRAFT_WORDS) {
      const s = d.checks[n];
      rows.push({ measure: `Full check, ${w(n)}, ${d.facts.toLocaleString('en-US')} generated facts + bundled`, result: ms(s), target: big && n === 10_000 ? '≤ 50 ms' : '', met: big && n === 10_000 ? s.median <= 50 : undefined });
    }
  }
  if (datasets.length >= 2) {
    const a = datasets[0], b = datasets[datasets.length - 1];
    const r = b.checks[10_000].median / a.checks[10_000].median;
    rows.push({ measure: `Scaling with dataset size: 10k-word check, ${b.facts.toLocaleString('en-US')} / ${a.facts.toLocaleString('en-US')} facts`, result: `× ${r.toFixed(2)} for × ${b.facts / a.facts} facts`, target: 'sublinear', met: r < b.facts / a.facts });
  }
  if (cli && cli2) {
    rows.push({ measure: 'CLI `draft-fact-check check`, 100k-word draft, whole process', result: ms(cli), target: '' });
    rows.push({ measure: '`markdownlint-cli2`, same file, whole process', result: ms(cli2), target: '' });
    rows.push({ measure: 'CLI / markdownlint-cli2', result: (cli.median / cli2.median).toFixed(2), target: '≤ 1.00', met: cli.median <= cli2.median });
  }
  const f0 = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(0)} ms`);
  if (vscodeResult.error) rows.push({ measure: 'VS Code figures', result: vscodeResult.error, target: '' });
  else {
    const build = copy ? 'production build' : 'development build';
    rows.push({ measure: `Activation in VS Code ${vscodeResult.vscode ?? ''} (code-server), ${build}: loading the code + activate()`, result: `${vscodeResult.activationMs?.toFixed(1)} ms (${vscodeResult.codeLoadingMs?.toFixed(1)} + ${vscodeResult.activateCallMs?.toFixed(1)})`, target: '≤ 50 ms', met: (vscodeResult.activationMs ?? Infinity) <= 50 });
    rows.push({ measure: 'VS Code\'s own work before it calls activate() (not the extension\'s; shown apart)', result: f0(vscodeResult.hostBeforeActivateMs), target: '' });
    rows.push({ measure: 'Activation → datasets loaded and open drafts checked (api.ready)', result: f0(vscodeResult.readyMs), target: '' });
    const checkOf = (x: number | undefined) => (x === undefined ? '' : ` (of which the extension's check: ${x.toFixed(0)} ms)`);
    rows.push({ measure: 'First 10k-word draft opened in a fresh window → its diagnostics, activation included', result: `${f0(vscodeResult.firstOpenToDiagnosticsMs)}${checkOf(vscodeResult.firstOpenCheckMs)}`, target: '' });
    rows.push({ measure: 'Open a 10k-word draft (openTextDocument) → its diagnostics', result: `${f0(vscodeResult.openToDiagnosticsMs)}${checkOf(vscodeResult.openCheckMs)}`, target: '' });
    rows.push({ measure: 'Open and show another 10k-word draft in an editor → its diagnostics', result: `${f0(vscodeResult.openShowToDiagnosticsMs)}${checkOf(vscodeResult.openShowCheckMs)}`, target: '' });
    rows.push({ measure: 'Type one character in it → updated diagnostics (debounceMs 0), median of 7', result: f0(vscodeResult.editToDiagnosticsMs), target: '' });
  }
  rows.push({ measure: '.vsix size (production build of the current sources, `vsce package`)', result: copy ? `${(copy.vsixBytes / 1024).toFixed(1)} KiB` : 'not built', target: '≤ 300 KB', met: copy ? copy.vsixBytes <= 300_000 : undefined });

  const status = (r: Row) => (r.met === undefined ? '' : r.met ? 'met' : 'NOT met');
  const table = ['| Measure | Median | Target | |', '|---|---:|---|---|', ...rows.map((r) => `| ${r.measure} | ${r.result} | ${r.target} | ${status(r)} |`)].join('\n');
  const m = machine();
  const loadAtEnd = loadAverage();
  const md = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/bench.ts); re-run it to refresh. Figures are medians of repeated runs after a warm-up.',
    '',
    ...Object.entries(m).map(([k, v]) => `- ${k}: ${v}`),
    `- Load average (1, 5, 15 min) at start: ${loadAtStart}; at end: ${loadAtEnd}. The machine is shared; figures under load are slower than on an idle machine, and medians are used to damp that.`,
    `- Runs per figure: ${RUNS}${quick ? ' (--quick)' : ''}; 100k-word drafts and 100,000-fact loads fewer (see bench/bench.ts).`,
    '',
    table,
    '',
    '## What is measured',
    '',
    '- **Drafts** (bench/draft.ts): Markdown news drafts with front matter, headings, paragraphs (hard-wrapped and not), lists, tables, block quotes, code blocks, HTML comments, links, footnotes; about a third tell the bundled story (Islamic State detainees moved to Iraq) with right and wrong figures, the rest are local news on eight other beats, so binding is exercised both ways.',
    `- Findings on the 10k-word draft with the bundled dataset: ${Object.entries(counts10k).map(([k, v]) => `${v} ${k}`).join(', ')}.`,
    '- **Datasets** (bench/dataset.ts): compact JSON; stories of 8–30 facts (counts with bounds and alternative statements, dates, years, durations, places, titles, quotes, events, source counts) on eight beats; verbs shared per beat; the place and organisation are the context words of 98 % of the facts; about 20 facts per place (50 places for 1,000 facts, 5,000 for 100,000); surnames repeated. Checked together with the bundled dataset, as the extension does by default.',
    '- **Full check**: `checkDocument` on the whole text, with every cache of drafts emptied first (`clearCheckCaches`): a draft opened for the first time, in a process that has checked every draft twice before anything is timed (so that the first figure measured is not also the JIT\'s warm-up). The memo of words and their stems (a pure function of the word, bounded at 200,000 words) is kept across checks, as in the editor; the row after the 10k-word figure empties it too.',
    '- **Re-check**: a typing session in the 10k-word draft; each run checks the text with one more character typed at a random prose position, after the previous text was checked (parsed chunks and judged blocks cached).',
    '- **Load + index**: `parseDataset` + `mergeDatasets` + the term index, for the bundled dataset plus the generated one; heap is `heapUsed` after minus before, both after `gc()`, in a child process per size.',
    '- **Whole process**: `node dist/cli.js check FILE` of the production build (exit code 1 when it flags claims) against `markdownlint-cli2 FILE`, same file, same working directory, one warm-up run each.',
    '- **.vsix and activation**: bench/package.ts copies the sources to a temporary folder, runs `node esbuild.js --production` and `vsce package` there (dist/ and dist-vsix/ are not touched), and VS Code runs that copy.',
    '- **VS Code**: the benchmark suite test/integration-bench/ run by bench/vscode.ts through the integration harness (code-server + headless chromium); each figure is the median over several launches of VS Code (5 by default, DFC_BENCH_VSCODE_RUNS), each with a fresh workspace, user data and extension host. Activation is timed as VS Code counts it: loading the extension\'s code plus the activate() call (the extension loads its checker, dist/core.js, after activation, on first use); VS Code\'s own work before it calls activate() is shown apart. The first-open scenario opens the first draft in a fresh window and waits for its diagnostics, activation and the checker\'s first (not yet optimised by the JIT) run included.',
    ...(datasets.length ? [`- Flags on the 10k-word draft with generated datasets: ${datasets.map((d) => `${d.flagged10k} (${d.facts.toLocaleString('en-US')} facts)`).join(', ')}.`] : []),
    ...notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
  // A hand-written section at the end ("## History", before/after figures and profiles) is kept.
  const previous = fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8') : '';
  const history = previous.indexOf('\n## History');
  fs.writeFileSync(outFile, history >= 0 ? `${md}${previous.slice(history + 1)}` : md);
  process.stdout.write(`${table}\n\nMachine: ${Object.values(m).join('; ')}; load ${loadAtStart} → ${loadAtEnd}\nWritten to ${path.relative(process.cwd(), outFile) || outFile}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
