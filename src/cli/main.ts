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
class InputError extends Error {
  /** `line`/`column` (1-based) when the error has a place in the file. */
  constructor(message: string, readonly line = 0, readonly column = 0) { super(message); }
}

const MAX_INPUT_BYTES = 64 * 1024 * 1024;
/** Longer drafts are checked up to here, and the report says so (the editor's default maxDocumentSize). */
const MAX_CHECK_LENGTH = 2_000_000;

/** Reads a file (or standard input for "-") as UTF-8 text; `what` names it in messages. */
function readInput(path: string, what: 'Markdown' | 'dataset'): string {
  let bytes: Buffer;
  if (path === '-') {
    try { bytes = readFileSync(0); } catch { throw new InputError('cannot read standard input'); }
  } else {
    let st;
    try { st = statSync(path); } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // The shell passes a pattern that matched nothing on as it is.
      const pattern = /[*?[\]{}]/.test(path) ? ' (a pattern that matched no file?)' : '';
      throw new InputError(code === 'ENOENT' || code === 'ENOTDIR' ? `no such file${pattern}` : `cannot be read (${code ?? 'error'})`);
    }
    if (st.isDirectory()) throw new InputError(`is a directory (give ${what === 'dataset' ? 'a dataset file' : 'Markdown files'})`);
    if (!st.isFile()) throw new InputError(`is not a regular file`);
    if (st.size > MAX_INPUT_BYTES) throw new InputError(`file too large (${st.size} bytes; the limit is ${MAX_INPUT_BYTES})`);
    try { bytes = readFileSync(path); } catch (e) { throw new InputError(`cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`); }
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new InputError(`looks like a binary file, not ${what === 'dataset' ? 'a JSON dataset' : 'Markdown'} (a NUL byte)`, ...place(bytes, nul));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new InputError(`is not valid UTF-8 text (byte 0x${bytes[at].toString(16).toUpperCase().padStart(2, '0')}; save it as UTF-8)`, ...place(bytes, at));
  }
}

/** 1-based line and column (in characters) of byte `at`: the bytes before it are valid UTF-8. */
function place(bytes: Buffer, at: number): [number, number] {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
  const lines = before.split(/\r\n|\r|\n/);
  return [lines.length, lines[lines.length - 1].length + 1];
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence. */
function firstInvalidUtf8(b: Buffer): number {
  for (let i = 0; i < b.length;) {
    const c = b[i];
    const n = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (n === 0 || i + n > b.length) return i;
    for (let k = 1; k < n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    const cp = n === 2 ? 0 : n === 3 ? ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) : ((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12);
    if ((n === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n === 4 && (cp < 0x10000 || cp > 0x10ffff))) return i;
    i += n;
  }
  return 0;
}

/** `file:line:col: ` or `file: ` for an input error. */
function where(path: string, e: InputError): string {
  const name = path === '-' ? 'standard input' : path;
  return e.line ? `${name}:${e.line}:${e.column}: ` : `${name}: `;
}

function formatProblem(p: DatasetProblem): string {
  // The loader's messages may start with the field's path or its parent's ("facts[3]: missing
  // required field …" at facts[3].statement): name the field once, in full.
  const own = /^([\w$]+(?:\.[\w$]+|\[\d+\])*): /.exec(p.message);
  const message = !p.path ? p.message
    : own && (p.path === own[1] || p.path.startsWith(`${own[1]}.`) || p.path.startsWith(`${own[1]}[`)) ? `${p.path}: ${p.message.slice(own[0].length)}`
    : `${p.path}: ${p.message}`;
  return `${p.file}:${p.line + 1}:${p.character + 1}: ${p.severity}: ${message}`;
}

function run(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (args.command === 'help') { process.stdout.write(`${USAGE}\n`); return 0; }
  if (args.command === 'version') { process.stdout.write(`${VERSION}\n`); return 0; }
  if (args.command === 'error') { process.stderr.write(`draft-fact-check: ${args.message} (usage: ${USAGE.split('\n')[0].replace(/^usage: /, '')})\n`); return 2; }

  const parsed: ParsedDataset[] = [];
  const unreadable: DatasetProblem[] = [];
  if (args.bundled) parsed.push(parseDataset(BUNDLED_DATASET_TEXT, BUNDLED_DATASET_FILE));
  for (const d of args.datasets) {
    // A dataset that cannot be read is reported like any problem in one, and the others are used.
    try { parsed.push(parseDataset(readInput(d, 'dataset'), d)); } catch (e) {
      if (!(e instanceof InputError)) throw e;
      unreadable.push({ file: d === '-' ? 'standard input' : d, line: Math.max(0, e.line - 1), character: Math.max(0, e.column - 1), offset: 0, length: 0, path: '', message: `cannot read the dataset: ${e.message}`, severity: 'error' });
    }
  }
  const { index, problems } = mergeDatasets(parsed);
  const all = [...unreadable, ...parsed.flatMap((p) => p.problems), ...problems.filter((p) => !parsed.some((x) => x.problems.includes(p)))];
  for (const p of all) process.stderr.write(`${formatProblem(p)}\n`);
  if (index.size === 0) { process.stderr.write('draft-fact-check: no usable facts (the bundled dataset is off and no --dataset loaded)\n'); return 2; }

  // A file that cannot be read is reported on one line; the others are still checked.
  let inputErrors = 0;
  const reports: FileReport[] = [];
  for (const path of args.files) {
    let text: string;
    try { text = readInput(path, 'Markdown'); } catch (e) {
      if (!(e instanceof InputError)) throw e;
      process.stderr.write(`draft-fact-check: ${where(path, e)}${e.message}\n`);
      inputErrors++;
      continue;
    }
    const { findings, truncated, checkedLength } = checkDocument(text, index, { maxLength: MAX_CHECK_LENGTH });
    reports.push({ path: path === '-' ? '<stdin>' : path, text, findings, truncated, checkedLength });
  }
  // JSON and SARIF are always a whole document; text has nothing to say when no file could be read.
  if (reports.length || args.format !== 'text') {
    const out = args.format === 'json' ? toJson(reports, all) : args.format === 'sarif' ? toSarif(reports, VERSION) : toText(reports);
    process.stdout.write(`${out}\n`);
  }
  if (inputErrors || all.some((p) => p.severity === 'error')) return 2;
  return reports.some((r) => r.findings.some((f) => FLAG_VERDICTS.has(f.verdict))) ? 1 : 0;
}

// A reader that stops early (`| head`) closes the pipe: that ends the output, not in a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`draft-fact-check: cannot write the output (${e.code ?? e.message})\n`);
  process.exit(2);
});

try {
  process.exitCode = run(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`draft-fact-check: ${e instanceof InputError ? e.message : `internal error: ${String((e as Error)?.message ?? e).split('\n')[0]}`}\n`);
  process.exitCode = 2;
}
