/**
 * Runs the benchmark suite (test/integration-bench) inside code-server's VS Code through the
 * integration harness (test/harness/code-shim, the stand-in VS Code executable for
 * @vscode/test-electron's runTests), in a fresh workspace holding two generated 10k-word drafts.
 * Prints `BENCH_RESULT {json}` for bench/bench.ts: each figure is the median over the launches,
 * and `launches` holds every launch's figures.
 *
 *   node out/bench/vscode.js [EXTENSION_DIR | --production] [--runs N]
 *
 * EXTENSION_DIR is the extension to run (default: this checkout, with its development build);
 * bench.ts passes its production copy (bench/package.ts), the build users get. `--production`
 * builds such a copy here (`npm run bench:vscode`). `--runs N` (default 5, or DFC_BENCH_VSCODE_RUNS)
 * launches VS Code N times, each with a fresh workspace, user data and extension host: activation
 * is a one-off per launch and a shared machine makes single launches noisy. Then N more launches
 * run the suite's `first-open` scenario (firstOpenToDiagnosticsMs: the first draft opened in a
 * fresh window -> its diagnostics, activation included).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { generateDraft } from './draft';
import { buildProductionCopy, removeProductionCopy, type ProductionCopy } from './package';
import { median } from './stats';

const repoRoot = path.resolve(__dirname, '../..');

type Figures = Record<string, unknown>;

/** One launch of VS Code running the suite (its `first-open` scenario, or the default one);
 *  returns what the suite wrote. */
async function launch(extensionDir: string, scenario: 'default' | 'first-open'): Promise<Figures> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dfc-bench-vscode-'));
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'draft-a.md'), generateDraft(10_000, 101));
  fs.writeFileSync(path.join(workspace, 'draft-b.md'), generateDraft(10_000, 102));
  fs.writeFileSync(path.join(workspace, '.vscode/settings.json'), JSON.stringify({ 'draftFactCheck.debounceMs': 0 }, null, 2));
  if (scenario !== 'default') fs.writeFileSync(path.join(workspace, 'bench-scenario'), scenario);
  try {
    await runTests({
      vscodeExecutablePath: path.join(repoRoot, 'test/harness/code-shim'),
      extensionDevelopmentPath: extensionDir,
      extensionTestsPath: path.join(repoRoot, 'out/test/integration-bench/index'),
      launchArgs: [workspace, `--user-data-dir=${path.join(tmp, 'user-data')}`, `--extensions-dir=${path.join(tmp, 'extensions')}`],
    });
    const result = path.join(workspace, 'bench-result.json');
    if (!fs.existsSync(result)) throw new Error('the benchmark suite wrote no bench-result.json');
    return JSON.parse(fs.readFileSync(result, 'utf8')) as Figures;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Per numeric figure, the median over the launches; other fields from the first launch. */
function medians(launches: Figures[]): Figures {
  const out: Figures = { ...launches[0] };
  for (const key of Object.keys(launches[0])) {
    const values = launches.map((l) => l[key]).filter((v): v is number => typeof v === 'number');
    if (values.length === launches.length) out[key] = median(values);
  }
  return out;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = Math.max(1, Number(runsAt >= 0 ? args[runsAt + 1] : process.env.DFC_BENCH_VSCODE_RUNS ?? 5) || 1);
  const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');
  let copy: ProductionCopy | undefined;
  try {
    if (args.includes('--production')) {
      console.error('[bench:vscode] building a production copy (bench/package.ts)');
      copy = buildProductionCopy();
      console.error(`[bench:vscode] ${Object.entries(copy.bundleBytes).map(([f, b]) => `${f} ${(b / 1024).toFixed(1)} KiB`).join(', ')}; .vsix ${(copy.vsixBytes / 1024).toFixed(1)} KiB`);
    }
    const extensionDir = path.resolve(copy?.dir ?? positional[0] ?? repoRoot);
    /** `runs` launches of one scenario, each reported on stderr as it ends. */
    const launchAll = async (scenario: 'default' | 'first-open', describe: (n: (key: string) => string) => string): Promise<Figures[]> => {
      const all: Figures[] = [];
      for (let i = 0; i < runs; i++) {
        const load = os.loadavg()[0];
        const figures = await launch(extensionDir, scenario);
        figures.loadAverage1m = load;
        all.push(figures);
        const n = (k: string) => (typeof figures[k] === 'number' ? (figures[k] as number).toFixed(1) : '?');
        console.error(`[bench:vscode] ${scenario === 'default' ? '' : `${scenario} `}launch ${i + 1}/${runs} (load ${load.toFixed(2)}): ${describe(n)}`);
      }
      return all;
    };
    const launches = await launchAll('default', (n) => `activation ${n('activationMs')} ms (${n('codeLoadingMs')} + ${n('activateCallMs')}; ext.activate() ${n('extActivateMs')}, of it host before activate() ${n('hostBeforeActivateMs')}), ready ${n('readyMs')}, open ${n('openToDiagnosticsMs')} (check ${n('openCheckMs')}), open+show ${n('openShowToDiagnosticsMs')} (check ${n('openShowCheckMs')}), edit ${n('editToDiagnosticsMs')}`);
    // What a writer waits for in a fresh window: the first draft opened -> its diagnostics.
    const firstOpen = await launchAll('first-open', (n) => `first draft opened -> diagnostics ${n('firstOpenToDiagnosticsMs')} ms (activate() entered at ${n('firstOpenActivateEnteredMs')}, returned at ${n('firstOpenActivateReturnedMs')}; core required ${n('firstOpenCoreRequiredFromMs')}-${n('firstOpenCoreRequiredToMs')}; ready at ${n('firstOpenReadyMs')}; the check ${n('firstOpenCheckMs')})`);
    const { firstOpenToDiagnosticsMs, firstOpenCheckMs } = medians(firstOpen);
    const result = { ...medians(launches), firstOpenToDiagnosticsMs, firstOpenCheckMs, runs, launches, firstOpen };
    process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
    return 0;
  } catch (e) {
    console.error(`[bench:vscode] ${(e as Error).message}`);
    return 1;
  } finally {
    if (copy) removeProductionCopy(copy);
  }
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(e);
  process.exit(1);
});
