/**
 * Golden drafts: realistic Markdown in test/fixtures/golden/*.md, each with a hand-written
 * `.expected` file (never generated from the checker's output). Each line is
 *   VERDICT "span" [#n] [fact-id] [fix~text]
 * Every listed finding must be produced; any flag not listed fails; a draft without an expectation
 * file fails. `UPDATE_GOLDEN=1` writes `<name>.actual` beside it for review, never the expectation.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, flags, nth, overlaps } from '../support/check-helpers';

const dir = path.resolve(__dirname, '../../../test/fixtures/golden');

interface Line { verdict: string; span: string; n: number; factId?: string; fix?: string }

function parseExpected(text: string): Line[] {
  return text.split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => {
    const m = /^(\w+)\s+"([^"]*)"(?:\s+#(\d+))?(?:\s+([a-z0-9][a-z0-9._-]*))?(?:\s+fix~(.+))?$/.exec(l.trim());
    if (!m) throw new Error(`bad expectation line: ${l}`);
    return { verdict: m[1], span: m[2], n: Number(m[3] ?? 1), factId: m[4], fix: m[5] };
  });
}

describe('golden drafts', () => {
  const drafts = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  it('has drafts', () => assert.ok(drafts.length >= 5));
  for (const name of drafts) {
    it(name, () => {
      const md = fs.readFileSync(path.join(dir, name), 'utf8');
      const findings = check(md);
      if (process.env.UPDATE_GOLDEN) {
        fs.writeFileSync(path.join(dir, name.replace(/\.md$/, '.actual')), findings.map((f) => `${f.verdict} "${f.text}" ${f.factId ?? ''}`).join('\n') + '\n');
      }
      const expectedPath = path.join(dir, name.replace(/\.md$/, '.expected'));
      assert.ok(fs.existsSync(expectedPath), `missing ${path.basename(expectedPath)}: write the expected findings by hand`);
      const expected = parseExpected(fs.readFileSync(expectedPath, 'utf8'));
      for (const e of expected) {
        const at = nth(md, e.span, e.n);
        const hit = findings.find((f) => f.verdict === e.verdict && overlaps(f, at, at + e.span.length));
        assert.ok(hit, `${name}: expected ${e.verdict} on "${e.span}", got ${JSON.stringify(findings.filter((f) => overlaps(f, at, at + e.span.length)).map((f) => [f.verdict, f.text]))}`);
        if (e.factId) assert.equal(hit.factId, e.factId, `${name}: fact of "${e.span}"`);
        if (e.fix) assert.ok(hit.fixes.some((fx) => fx.edits.some((x) => x.newText.includes(e.fix!))), `${name}: a fix for "${e.span}" should contain "${e.fix}"`);
      }
      const extra = flags(findings).filter((f) => !expected.some((e) => e.verdict === f.verdict && overlaps(f, nth(md, e.span, e.n), nth(md, e.span, e.n) + e.span.length)));
      assert.deepEqual(extra.map((f) => `${f.verdict} "${f.text}": ${f.message}`), [], `${name}: unexpected flags`);
    });
  }
});
