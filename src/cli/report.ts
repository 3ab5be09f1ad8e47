/** Findings -> the CLI's output formats (text, JSON, SARIF 2.1.0). Pure functions. */
import type { DatasetProblem, Finding } from '../core/types';
import { FLAG_VERDICTS } from '../core/types';
import { LineIndex, type Position } from '../core/positions';

export interface FileReport { path: string; text: string; findings: Finding[]; truncated: boolean; checkedLength: number }

interface JsonRange { start: Position; end: Position }

function range(lines: LineIndex, start: number, end: number): JsonRange {
  return { start: lines.position(start), end: lines.position(end) };
}

/** The JSON contract (version 1): every finding, zero-based UTF-16 positions. */
export function toJson(files: readonly FileReport[], problems: readonly DatasetProblem[]): string {
  return JSON.stringify({
    version: 1,
    files: files.map((f) => {
      const lines = new LineIndex(f.text);
      return {
        path: f.path,
        ...(f.truncated ? { truncated: true, checkedLength: f.checkedLength } : {}),
        findings: f.findings.map((x) => ({
          verdict: x.verdict,
          claimKind: x.claimKind,
          range: range(lines, x.start, x.end),
          text: x.text,
          message: x.message,
          ...(x.factId ? { factId: x.factId } : {}),
          ...(x.confusedWith ? { confusedWith: x.confusedWith.factId } : {}),
          fixes: x.fixes.map((fx) => ({
            title: fx.title,
            kind: fx.kind,
            ...(fx.preferred ? { preferred: true } : {}),
            range: range(lines, fx.edits[0].start, fx.edits[0].end),
            newText: fx.edits[0].newText,
            edits: fx.edits.map((e) => ({ range: range(lines, e.start, e.end), newText: e.newText })),
          })),
        })),
      };
    }),
    datasetProblems: problems,
  }, null, 2);
}

/** One line per flag (`file:line:col verdict message [fact]`, one-based) and a summary. */
export function toText(files: readonly FileReport[]): string {
  const out: string[] = [];
  const counts = new Map<string, number>();
  for (const f of files) {
    const lines = new LineIndex(f.text);
    if (f.truncated) out.push(`${f.path}: warning: only the first ${f.checkedLength} of ${f.text.length} characters were checked`);
    for (const x of f.findings) {
      counts.set(x.verdict, (counts.get(x.verdict) ?? 0) + 1);
      if (!FLAG_VERDICTS.has(x.verdict)) continue;
      const p = lines.position(x.start);
      out.push(`${f.path}:${p.line + 1}:${p.character + 1} ${x.verdict} ${x.message}${x.factId ? ` [${x.factId}]` : ''}`);
    }
  }
  const flagged = [...FLAG_VERDICTS].reduce((a, v) => a + (counts.get(v) ?? 0), 0);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const parts = ['supported', 'contradicted', 'misattributed', 'misquoted', 'unverified'].filter((v) => counts.get(v)).map((v) => `${counts.get(v)} ${v}`);
  out.push(`${files.length} file${files.length === 1 ? '' : 's'}, ${total} claim${total === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}. ${flagged === 0 ? 'Nothing flagged.' : `${flagged} flagged.`}`);
  return out.join('\n');
}

const RULES = [
  { id: 'contradicted', text: 'The reference dataset contradicts this claim.' },
  { id: 'misattributed', text: 'The figure or quote is right, but credited to a different source than the reference.' },
  { id: 'misquoted', text: 'Quoted words differ from the reference quote.' },
];

/** SARIF 2.1.0 for code-scanning tools: the flags as results. */
export function toSarif(files: readonly FileReport[], version: string): string {
  const results = files.flatMap((f) => {
    const lines = new LineIndex(f.text);
    return f.findings.filter((x) => FLAG_VERDICTS.has(x.verdict)).map((x) => {
      const s = lines.position(x.start), e = lines.position(x.end);
      return {
        ruleId: x.verdict,
        level: 'warning',
        message: { text: x.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: f.path.replace(/\\/g, '/') }, region: { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, snippet: { text: x.text } } } }],
        ...(x.factId ? { properties: { factId: x.factId } } : {}),
      };
    });
  });
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'draft-fact-check', version, informationUri: 'https://example.invalid/draft-fact-check', rules: RULES.map((r) => ({ id: r.id, shortDescription: { text: r.text } })) } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  }, null, 2);
}
