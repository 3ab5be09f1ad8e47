/**
 * Labelled paraphrase cases (test/fixtures/cases/*.txt, written by us in the format of the
 * development cases): "=== ID category", the Markdown, "--- expect", then one label a line:
 *   VERDICT "span" ["span" ...] [#N] [fix=alt1|alt2]
 * A flag label passes when a flag of that verdict overlaps one of its spans and, with fix=, some
 * fix's new text contains an alternative; `supported` labels need a supported finding; a case
 * must produce no flag that no label covers.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, flags, nth, overlaps } from '../support/check-helpers';
import { FLAG_VERDICTS, type Verdict } from '../../src/core/types';

interface Label { verdict: Verdict; spans: string[]; n: number; fix?: string[] }
interface Case { id: string; md: string; labels: Label[] }

function parse(text: string): Case[] {
  const cases: Case[] = [];
  let cur: (Case & { lines: string[]; mode: 'md' | 'expect' }) | undefined;
  for (const line of text.split('\n')) {
    const head = /^=== (\S+)/.exec(line);
    if (head) { cur = { id: head[1], md: '', labels: [], lines: [], mode: 'md' }; cases.push(cur); continue; }
    if (!cur) continue;
    if (line === '--- expect') { cur.mode = 'expect'; continue; }
    if (cur.mode === 'md') { cur.lines.push(line); cur.md = cur.lines.join('\n').replace(/\n+$/, '\n'); continue; }
    if (!line.trim()) continue;
    cur.labels.push({
      verdict: line.split(/\s+/)[0] as Verdict,
      spans: [...line.matchAll(/"([^"]*)"|“([^”]*)”/g)].map((m) => m[1] ?? m[2]),
      n: Number(/ #(\d+)/.exec(line)?.[1] ?? 1),
      fix: / fix=(.+)$/.exec(line)?.[1].split('|'),
    });
  }
  return cases;
}

const dir = path.resolve(__dirname, '../../../test/fixtures/cases');
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  describe(`labelled cases: ${file}`, () => {
    for (const c of parse(fs.readFileSync(path.join(dir, file), 'utf8'))) {
      it(`${c.id}: ${c.md.trim().split('\n')[0]}`, () => {
        const findings = check(c.md);
        const ranges = (l: Label) => l.spans.map((sp) => { const i = nth(c.md, sp, l.n); return [i, i + sp.length] as const; });
        for (const l of c.labels) {
          const hits = findings.filter((f) => ranges(l).some(([s, e]) => overlaps(f, s, e)));
          if (FLAG_VERDICTS.has(l.verdict)) {
            const typed = hits.filter((f) => f.verdict === l.verdict);
            assert.ok(typed.length, `${c.id}: expected ${l.verdict} on ${JSON.stringify(l.spans)}, got ${JSON.stringify(hits.map((h) => [h.verdict, h.text]))}`);
            if (l.fix) {
              const texts = typed.flatMap((f) => f.fixes.flatMap((x) => x.edits.map((e) => e.newText.toLowerCase())));
              assert.ok(texts.some((t) => l.fix!.some((a) => t.includes(a.toLowerCase()))), `${c.id}: no fix with ${l.fix.join('|')}: ${JSON.stringify(texts)}`);
            }
          } else if (l.verdict === 'supported') {
            assert.ok(hits.some((f) => f.verdict === 'supported'), `${c.id}: expected supported on ${JSON.stringify(l.spans)}, got ${JSON.stringify(hits.map((h) => [h.verdict, h.text]))}`);
          }
        }
        const covered = (f: (typeof findings)[number]) => c.labels.some((l) => FLAG_VERDICTS.has(l.verdict) && ranges(l).some(([s, e]) => overlaps(f, s, e)));
        assert.deepEqual(flags(findings).filter((f) => !covered(f)).map((f) => `${f.verdict} "${f.text}": ${f.message}`), [], `${c.id}: unexpected flags`);
      });
    }
  });
}
