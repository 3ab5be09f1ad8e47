/**
 * The command-line checker: `draft-fact-check check [--format text|json|sarif] [--dataset FILE]...
 * [--no-bundled] FILE...`. Exit 0 when nothing is flagged, 1 when anything is, 2 on usage or input
 * errors (a one-line message on stderr, never a stack trace).
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs, USAGE } from './args';
import { toJson, toSarif, toText, type FileReport } from './report';
import { parseDataset, mergeDatasets, type ParsedDataset } from '../core/dataset/load';
import { BUNDLED_DATASET_FILE, BUNDLED_DATASET_TEXT } from '../core/dataset/bundled';
import { checkDocument } from '../core/check';
import { FLAG_VERDICTS, type DatasetProblem } from '../core/types';

declare const PACKAGE_VERSION: string | undefined;
const VERSION = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0-dev';

/** A user error: reported as one line, exit code 2. */
class InputError extends Error {}

const MAX_INPUT_BYTES = 64 * 1024 * 1024;

function readInput(path: string): string {
  let bytes: Buffer;
  if (path === '-') {
    try { bytes = readFileSync(0); } catch { throw new InputError('cannot read standard input'); }
  } else {
    let st;
    try { st = statSync(path); } catch { throw new InputError(`${path}: no such file`); }
    if (st.isDirectory()) throw new InputError(`${path}: is a directory (give Markdown files)`);
    if (st.size > MAX_INPUT_BYTES) throw new InputError(`${path}: file too large (${st.size} bytes; the limit is ${MAX_INPUT_BYTES})`);
    try { bytes = readFileSync(path); } catch (e) { throw new InputError(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`); }
  }
  if (bytes.includes(0)) throw new InputError(`${path === '-' ? 'standard input' : path}: looks like a binary file, not Markdown`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${path === '-' ? 'standard input' : path}: is not valid UTF-8 text`);
  }
}

function formatProblem(p: DatasetProblem): string {
  // The loader's messages start with the field's path ("facts[3].value.amount: …").
  const message = p.path && !p.message.startsWith(p.path) ? `${p.path}: ${p.message}` : p.message;
  return `${p.file}:${p.line + 1}:${p.character + 1}: ${p.severity}: ${message}`;
}

function run(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (args.command === 'help') { process.stdout.write(`${USAGE}\n`); return 0; }
  if (args.command === 'version') { process.stdout.write(`${VERSION}\n`); return 0; }
  if (args.command === 'error') { process.stderr.write(`draft-fact-check: ${args.message}\n${USAGE}\n`); return 2; }

  const parsed: ParsedDataset[] = [];
  if (args.bundled) parsed.push(parseDataset(BUNDLED_DATASET_TEXT, BUNDLED_DATASET_FILE));
  for (const d of args.datasets) parsed.push(parseDataset(readInput(d), d));
  const { index, problems } = mergeDatasets(parsed);
  const all = [...parsed.flatMap((p) => p.problems), ...problems.filter((p) => !parsed.some((x) => x.problems.includes(p)))];
  for (const p of all) process.stderr.write(`${formatProblem(p)}\n`);
  if (index.size === 0) { process.stderr.write('draft-fact-check: no usable facts (the bundled dataset is off and no --dataset loaded)\n'); return 2; }

  const reports: FileReport[] = args.files.map((path) => {
    const text = readInput(path);
    const { findings, truncated } = checkDocument(text, index);
    return { path: path === '-' ? '<stdin>' : path, text, findings, truncated };
  });
  const out = args.format === 'json' ? toJson(reports, all) : args.format === 'sarif' ? toSarif(reports, VERSION) : toText(reports);
  process.stdout.write(`${out}\n`);
  if (all.some((p) => p.severity === 'error')) return 2;
  return reports.some((r) => r.findings.some((f) => FLAG_VERDICTS.has(f.verdict))) ? 1 : 0;
}

try {
  process.exitCode = run(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`draft-fact-check: ${e instanceof InputError ? e.message : `internal error: ${(e as Error)?.message ?? String(e)}`}\n`);
  process.exitCode = 2;
}
