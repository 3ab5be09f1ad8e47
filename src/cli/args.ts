/** Command-line arguments of `draft-fact-check check`. Pure: no I/O, so it is unit-tested as a table. */

export type Format = 'text' | 'json' | 'sarif';

export interface CheckArgs {
  command: 'check';
  format: Format;
  datasets: string[];
  bundled: boolean;
  files: string[];
}

export type ParsedArgs = CheckArgs | { command: 'help' } | { command: 'version' } | { command: 'error'; message: string };

export const USAGE = `usage: draft-fact-check check [--format text|json|sarif] [--dataset FILE]... [--no-bundled] FILE...
  FILE may be - for standard input. Exit codes: 0 nothing flagged, 1 something flagged, 2 usage or input error.`;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '--version' || argv[0] === '-v') return { command: 'version' };
  if (argv[0] !== 'check') return { command: 'error', message: `unknown command "${argv[0]}" (expected "check")` };
  const out: CheckArgs = { command: 'check', format: 'text', datasets: [], bundled: true, files: [] };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--format' || flag === '-f') {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'sarif') return { command: 'error', message: `--format must be text, json or sarif (got ${v === undefined ? 'nothing' : `"${v}"`})` };
      out.format = v;
    } else if (flag === '--dataset' || flag === '-d') {
      const v = value();
      if (!v) return { command: 'error', message: '--dataset needs a file' };
      out.datasets.push(v);
    } else if (flag === '--no-bundled') out.bundled = false;
    else if (flag === '--help' || flag === '-h') return { command: 'help' };
    else if (a === '-' || !a.startsWith('-')) out.files.push(a);
    else if (a === '--') { out.files.push(...argv.slice(i + 1)); break; }
    else return { command: 'error', message: `unknown option "${a}"` };
  }
  if (out.files.length === 0) return { command: 'error', message: 'no file to check (give one or more Markdown files, or - for standard input)' };
  return out;
}
