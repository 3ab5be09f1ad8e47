/**
 * The text quick fixes leave behind, as the writer sees it: "Ignore this claim" inside block quotes,
 * list items and tables and after a byte-order mark (the directive is honoured for that claim only,
 * and nothing else changes), and the citation footnote in drafts with CRLF or lone-CR line endings
 * (no mixed endings). Also: the tests' seeded inputs come from the one generator in bench/rng.ts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundledIndex, check, flags } from '../support/check-helpers';
import { citationFootnote } from '../../src/core/summary';
import { clearCheckCaches } from '../../src/core/check';
import type { Finding, Fix } from '../../src/core/types';
import { Rng } from '../../bench/rng';
import { applyEdits } from '../fixtures/odd/invariants';

const CLAIM = 'The U.S. has transferred 7,000 detainees to Iraq.';
/** CLAIM after the citation fix, which also corrects the figure. */
const CITED = 'The U.S. has transferred around 500 detainees to Iraq.';
const OTHER = 'The U.S. has moved 7,000 detainees.';
const ID = 'transferred-around-500';
const DIRECTIVE = `<!-- fact-check-ignore ${ID} -->`;

/** A finding as the writer sees it: where (in the text before `edit`), what, and the message. */
function seen(f: Finding, shift?: { at: number; by: number }): string {
  const move = (o: number) => (shift && o >= shift.at ? o - shift.by : o);
  return `${move(f.start)}-${move(f.end)} ${f.verdict} ${f.factId ?? ''} "${f.text}" ${f.message}`;
}

/** Applies a fix as VS Code does (invariants.ts applyEdits). */
function apply(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

/** The fix of `kind` on the first flagged "7,000" of `md` (among `findings`, its findings). */
function fixOnFirst(md: string, kind: Fix['kind'], findings = check(md)): { finding: Finding; fix: Fix } {
  const finding = flags(findings).find((f) => f.text === '7,000');
  assert.ok(finding, `a flag on 7,000 in ${JSON.stringify(md)}`);
  const fix = finding.fixes.find((x) => x.kind === kind);
  assert.ok(fix, `a ${kind} fix`);
  return { finding, fix };
}

describe('Ignore this claim', () => {
  const rows: Array<{ name: string; md: string; fixed: string }> = [
    {
      name: 'in nested block quotes: the directive line keeps "> > > "',
      md: `Intro.\n\n> > > ${CLAIM}\n> > >\n> > > ${OTHER}\n`,
      fixed: `Intro.\n\n> > > ${DIRECTIVE}\n> > > ${CLAIM}\n> > >\n> > > ${OTHER}\n`,
    },
    {
      name: 'in the second paragraph of a block quote (the quote stays one quote)',
      md: `> Intro.\n>\n> ${CLAIM}\n>\n> ${OTHER}\n`,
      fixed: `> Intro.\n>\n> ${DIRECTIVE}\n> ${CLAIM}\n>\n> ${OTHER}\n`,
    },
    {
      name: 'in a list item: after the marker, the claim indented to the item\'s content',
      md: `- Intro.\n- ${CLAIM}\n- ${OTHER}\n`,
      fixed: `- Intro.\n- ${DIRECTIVE}\n  ${CLAIM}\n- ${OTHER}\n`,
    },
    {
      name: 'in the first item of an ordered list',
      md: `1. ${CLAIM}\n2. ${OTHER}\n`,
      fixed: `1. ${DIRECTIVE}\n   ${CLAIM}\n2. ${OTHER}\n`,
    },
    {
      name: 'in a nested list item',
      md: `- Intro.\n  - ${CLAIM}\n  - ${OTHER}\n`,
      fixed: `- Intro.\n  - ${DIRECTIVE}\n    ${CLAIM}\n  - ${OTHER}\n`,
    },
    {
      name: 'in a list inside a block quote',
      md: `> - Intro.\n> - ${CLAIM}\n> - ${OTHER}\n`,
      fixed: `> - Intro.\n> - ${DIRECTIVE}\n>   ${CLAIM}\n> - ${OTHER}\n`,
    },
    {
      name: 'in a block quote inside a list item',
      md: `- > ${CLAIM}\n  >\n  > ${OTHER}\n`,
      fixed: `- > ${DIRECTIVE}\n  > ${CLAIM}\n  >\n  > ${OTHER}\n`,
    },
    {
      name: 'in a later paragraph of a list item: the directive is indented like it',
      md: `- Intro.\n\n  ${CLAIM}\n\n  ${OTHER}\n`,
      fixed: `- Intro.\n\n  ${DIRECTIVE}\n  ${CLAIM}\n\n  ${OTHER}\n`,
    },
    {
      name: 'in a heading inside a block quote',
      md: `> # ${CLAIM}\n>\n> ${OTHER}\n`,
      fixed: `> ${DIRECTIVE}\n> # ${CLAIM}\n>\n> ${OTHER}\n`,
    },
    {
      name: 'at offset 0 after a byte-order mark: the mark stays first',
      md: `\uFEFF${CLAIM}\n\n${OTHER}\n`,
      fixed: `\uFEFF${DIRECTIVE}\n${CLAIM}\n\n${OTHER}\n`,
    },
    {
      name: 'in a block quote after a byte-order mark',
      md: `\uFEFF> > ${CLAIM}\n> >\n> > ${OTHER}\n`,
      fixed: `\uFEFF> > ${DIRECTIVE}\n> > ${CLAIM}\n> >\n> > ${OTHER}\n`,
    },
    {
      name: 'in nested block quotes of a CRLF draft',
      md: `> > ${CLAIM}\r\n> >\r\n> > ${OTHER}\r\n`,
      fixed: `> > ${DIRECTIVE}\r\n> > ${CLAIM}\r\n> >\r\n> > ${OTHER}\r\n`,
    },
    {
      name: 'in a list item of a lone-CR draft',
      md: `- Intro.\r- ${CLAIM}\r- ${OTHER}\r`,
      fixed: `- Intro.\r- ${DIRECTIVE}\r  ${CLAIM}\r- ${OTHER}\r`,
    },
    {
      name: 'in a table cell: before the table, which stays one table',
      md: `Intro.\n\n| a | b |\n|---|---|\n| x | ${CLAIM} |\n| y | z |\n\n${OTHER}\n`,
      fixed: `Intro.\n\n${DIRECTIVE}\n| a | b |\n|---|---|\n| x | ${CLAIM} |\n| y | z |\n\n${OTHER}\n`,
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      clearCheckCaches();
      const before = check(row.md);
      const { finding, fix } = fixOnFirst(row.md, 'ignore', before);
      assert.equal(fix.edits.length, 1, 'one edit');
      const fixed = apply(row.md, fix);
      assert.equal(fixed, row.fixed);
      // Checked again (cold and warm): that claim is suppressed, every other finding is where and what it was.
      for (const pass of ['cold', 'warm']) {
        if (pass === 'cold') clearCheckCaches();
        const edit = fix.edits[0];
        const after = check(fixed).map((f) => seen(f, { at: edit.start, by: edit.newText.length }));
        assert.deepEqual(after, before.filter((f) => f !== finding).map((f) => seen(f)), `${pass} re-check of ${JSON.stringify(fixed)}`);
      }
    });
  }
});

describe('the citation footnote keeps the draft\'s line endings', () => {
  const definition = citationFootnote(bundledIndex(), ID)!.definition;
  it('the definition is one line, as "Copy citation" gives it', () => {
    assert.match(definition, /^\[\^fc-transferred-around-500\]: Reuters, “US slows transfer of Islamic State detainees to Iraq, sources say”, January 30, 2026\. [^\r\n]+\.$/);
  });
  const rows: Array<{ name: string; md: string; fixed: (definition: string) => string }> = [
    { name: 'CRLF, one line ending at the end', md: `Intro.\r\n\r\n${CLAIM}\r\n`, fixed: (d) => `Intro.\r\n\r\n${CITED}[^fc-${ID}]\r\n\r\n${d}\r\n` },
    { name: 'CRLF, a blank line at the end', md: `Intro.\r\n\r\n${CLAIM}\r\n\r\n`, fixed: (d) => `Intro.\r\n\r\n${CITED}[^fc-${ID}]\r\n\r\n${d}\r\n` },
    { name: 'CRLF, no line ending at the end', md: `Intro.\r\n\r\n${CLAIM}`, fixed: (d) => `Intro.\r\n\r\n${CITED}[^fc-${ID}]\r\n\r\n${d}\r\n` },
    { name: 'lone CR, one line ending at the end', md: `Intro.\r\r${CLAIM}\r`, fixed: (d) => `Intro.\r\r${CITED}[^fc-${ID}]\r\r${d}\r` },
    { name: 'lone CR, a blank line at the end', md: `Intro.\r\r${CLAIM}\r\r`, fixed: (d) => `Intro.\r\r${CITED}[^fc-${ID}]\r\r${d}\r` },
    { name: 'LF, as before', md: `Intro.\n\n${CLAIM}\n`, fixed: (d) => `Intro.\n\n${CITED}[^fc-${ID}]\n\n${d}\n` },
  ];
  for (const row of rows) {
    it(row.name, () => {
      clearCheckCaches();
      const cited = apply(row.md, fixOnFirst(row.md, 'citation').fix);
      assert.equal(cited, row.fixed(definition));
      // The footnote is defined now: checked again, the claim is no longer offered a new definition.
      const again = flags(check(cited)).find((f) => f.text === '7,000');
      const citation = again?.fixes.find((x) => x.kind === 'citation');
      assert.ok(!citation || citation.edits.every((e) => !e.newText.includes(']: ')), 'no second definition');
    });
  }
  for (const eol of ['\r\n', '\r', '\n']) {
    // A second check reuses the claim's block from the cache; an edit below it changes where the end is.
    it(`checked again, and after an edit below the claim (${JSON.stringify(eol)})`, () => {
      clearCheckCaches();
      const md = (outro: string) => [`Intro.`, '', CLAIM, '', outro, ''].join(eol);
      const want = (outro: string) => [`Intro.`, '', `${CITED}[^fc-${ID}]`, '', outro, '', definition, ''].join(eol);
      for (const outro of ['Outro.', 'Outro.', 'A longer outro.']) assert.equal(apply(md(outro), fixOnFirst(md(outro), 'citation').fix), want(outro));
    });
  }
});

describe('seeded test inputs', () => {
  it('come from bench/rng.ts with the sequences the tests were written with', () => {
    // The first values of the seeds the odd-documents (1, 2, 3) and stress (1, 301) tests use.
    const first = (seed: number) => { const r = new Rng(seed); return [r.next(), r.next(), r.next()]; };
    assert.deepEqual(first(1), [0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    assert.deepEqual(first(2), [0.7342509443406016, 0.32499843230471015, 0.28529605525545776]);
    assert.deepEqual(first(3), [0.7202267837710679, 0.03866216051392257, 0.4561921926215291]);
    assert.deepEqual(first(301), [0.49379309406504035, 0.2670889412984252, 0.7936431290581822]);
  });
  it('no test file has a generator of its own', () => {
    const root = path.resolve(__dirname, '../../..');
    const copies: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const rel = path.join(dir, e.name);
        if (e.isDirectory()) { if (e.name !== 'fixtures' && e.name !== 'node_modules') walk(rel); } else if (/\.ts$/.test(e.name) && new RegExp(['0x6d2b', '79f5'].join(''), 'i').test(fs.readFileSync(path.join(root, rel), 'utf8'))) copies.push(rel);
      }
    };
    walk('test');
    walk('bench');
    assert.deepEqual(copies, [path.join('bench', 'rng.ts')]);
  });
});
