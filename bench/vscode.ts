/**
 * Runs the benchmark suite (test/integration-bench) inside code-server's VS Code through the
 * integration harness (test/harness/code-shim, the stand-in VS Code executable for
 * @vscode/test-electron's runTests), in a fresh workspace holding two generated 10k-word drafts.
 * Prints `BENCH_RESULT {json}` for bench/bench.ts.
 *
 *   node out/bench/vscode.js [EXTENSION_DIR]
 *
 * EXTENSION_DIR is the extension to run (default: this checkout, with its development build);
 * bench.ts passes its production copy (bench/package.ts), the build users get.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { generateDraft } from './draft';

const repoRoot = path.resolve(__dirname, '../..');

async function main(): Promise<number> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dfc-bench-vscode-'));
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'draft-a.md'), generateDraft(10_000, 101));
  fs.writeFileSync(path.join(workspace, 'draft-b.md'), generateDraft(10_000, 102));
  fs.writeFileSync(path.join(workspace, '.vscode/settings.json'), JSON.stringify({ 'draftFactCheck.debounceMs': 0 }, null, 2));
  try {
    await runTests({
      vscodeExecutablePath: path.join(repoRoot, 'test/harness/code-shim'),
      extensionDevelopmentPath: path.resolve(process.argv[2] ?? repoRoot),
      extensionTestsPath: path.join(repoRoot, 'out/test/integration-bench/index'),
      launchArgs: [workspace, `--user-data-dir=${path.join(tmp, 'user-data')}`, `--extensions-dir=${path.join(tmp, 'extensions')}`],
    });
    const result = path.join(workspace, 'bench-result.json');
    if (!fs.existsSync(result)) throw new Error('the benchmark suite wrote no bench-result.json');
    process.stdout.write(`BENCH_RESULT ${fs.readFileSync(result, 'utf8')}\n`);
    return 0;
  } catch (e) {
    console.error(`[bench:vscode] ${(e as Error).message}`);
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(e);
  process.exit(1);
});
