/**
 * Property-based tests of the checker core (fast-check): for arbitrary strings, for "Markdown soup"
 * (syntax and claim fragments in any order) and for generated drafts full of figures, dates, quotes,
 * names, lists, tables and code, `checkDocument`
 *  - never throws, and finishes within a gross per-case budget (a freeze, not a slow machine);
 *  - returns findings inside the document whose `text` is the document's slice, sorted;
 *  - offers fixes whose edits are sorted, non-overlapping, inside the document, at most one
 *    preferred per finding, and never delete across a paragraph break (no lost text);
 *  - and applying a flagged finding's preferred fix leaves no flag on that claim.
 *
 * The default runs (CI) total more than 10,000 cases; `npm run fuzz` (scripts/fuzz.ts) runs the same
 * properties with FUZZ_RUNS cases each. The suite is registered only under mocha, so the fuzz script
 * can import `PROPERTIES` from here.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertPreferredFixesClear, assertWellFormed, stats, timedCheck } from '../fixtures/odd/invariants';
import { limitNesting } from '../../src/core/markdown-guard';

export { stats };

/** The whole property for one document. */
export function checkProperty(doc: string, withFixes: boolean, maxLength?: number): void {
  stats.cases++;
  const result = timedCheck(doc, maxLength);
  assertWellFormed(doc, result, maxLength);
  if (withFixes) assertPreferredFixesClear(doc, result);
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Any UTF-16 code unit, lone surrogates and control characters included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
const astral = fc.integer({ min: 0x10000, max: 0x10ffff }).map((n) => String.fromCodePoint(n));
const special = fc.constantFrom('\n', '\r', '\r\n', '\t', ' ', '\u00a0', '\u200b', '\u200d', '\u2028', '\ufeff', '\u202e', '“', '”', '"', "'", '’', '—', '–', ',', '.', '٧', '٠', '😀', '👩‍👩‍👧');

/** Arbitrary strings: any code units, astral characters, line breaks and typography. */
export const arbitraryText = fc.string({ unit: fc.oneof(codeUnit, astral, special, fc.constantFrom(...'0123456789'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 120 });

const SYNTAX = ['# ', '## ', '###### ', '> ', '- ', '* ', '+ ', '1. ', '2) ', '    ', '\t', '```', '~~~', '`', '``', '*', '**', '_', '__', '~~', '[', ']', '(', ')', '](', '![', '<', '>', '</', '<!--', '-->', '<!-- fact-check-ignore -->', '<!-- fact-check-ignore-file -->', '<div>', '</div>', '|', '|---|', ':--', '---', '***', '\\', '&amp;', '&#x37;', 'https://example.com/7000', 'www.example.org', '[^1]', '[^1]: ', '[x]: http://a/7,000', '\n', '\n\n', '\r\n', '\r', ' ', '  \n', '---\ntitle: x\n---\n'];
const FRAGMENTS = ['7,000', '7000', '7 000', '500', 'about 500', 'fewer than 500', 'more than 900', 'Nine thousand', 'detainees', 'fighters', 'transferred', 'moved', 'to Iraq', 'from Syria', 'Iraq', 'Syria', 'Denmark', 'January 21', 'Jan. 21', '2014', '2026-01-21', 'more than a week', 'a decade', 'Hisham al-Alawi', 'Marco Rubio', 'Tom Barrack', 'Letta Tayler', 'said', 'told reporters', 'according to', 'officials said', '“It’s a trap,”', '"It\'s a trap,"', 'he said', 'The U.S.', 'Secretary of State', '.', ',', '; ', ' — ', '😀', '\u200b', '٧٬٠٠٠', 'معتقل'];

/** Markdown syntax and claim words in any order. */
export const markdownSoup = fc.array(fc.constantFrom(...SYNTAX, ...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));

// Generated drafts: sentences from templates over the story's vocabulary, in Markdown blocks.
const FIGURES = ['7,000', '7000', 'about 500', 'around 500', 'fewer than 500', 'more than 900', 'Nine thousand', 'nine thousand', '2,000', 'some 2,000', 'roughly 130', 'about 230', 'roughly 400', 'as many as 7,000', 'dozens of', 'hundreds of', '7k', '1.2 million', '400–500', 'between 400 and 500', '٧٬٠٠٠', '7\u00a0000', '150', 'thousands of', 'two', 'a dozen'];
const NOUNS = ['detainees', 'fighters', 'Islamic State suspects', 'prisoners', 'foreigners', 'Iraqis', 'laptops', 'people', 'foreign fighters'];
const VERBS = ['have been transferred to', 'were moved into', 'have been handed over to', 'were flown to', 'were expected in', 'arrived in', 'have now been moved to', 'escaped to'];
const PLACES = ['Iraq', 'Syria', 'Denmark', 'Norway', 'Baghdad', 'the Netherlands', 'al-Hol', 'Kuwait'];
const DATES = ['January 21', 'Jan. 21', '21 January', 'January 25, 2026', '2026-01-21', 'Feb. 13', 'May 1', 'Jan 30'];
const YEARS = ['2012', '2014', '2019', '2020', '2022', '2026'];
const DURATIONS = ['More than a week', 'Nearly five years', 'A decade', 'Two decades', 'Several days', 'Three months', 'About a year'];
const SPEAKERS = ['Hisham al-Alawi', 'Marco Rubio', 'Tom Barrack', 'Letta Tayler', 'Iraqi security officials', 'two Iraqi judicial officials', 'a senior Iraqi judicial source', 'five sources familiar with the matter', 'the U.S. military', 'Reuters', 'an official at Iraq’s foreign ministry', 'al-Alawi'];
const TITLES = ['the U.S. national security adviser', 'a spokesman for Iraq’s interior ministry', 'the U.S. Secretary of State', 'an associate fellow at the International Centre for Counter-Terrorism', 'undersecretary at Iraq’s foreign ministry', 'the U.S. envoy to Syria', 'a Human Rights Watch researcher'];
const QUOTES = ['It’s a trap', 'It\'s a trap', 'It is a trap', 'mind-boggling legal implications', 'mind-blowing legal implications', 'Why should we carry the burden of being seen as the executioner?', 'Why should we carry the burden of being seen as the judge?', 'The only viable solution is for countries with fair justice systems to repatriate their nationals', 'The only solution is for countries to repatriate their nationals', 'We will not take them back', 'These Western countries oppose the death penalty but refuse to take back their terrorists'];
const NOISE = ['', '', '', ' 😀', ' (إلى العراق)', '\u200b', ' — reportedly —', ' [^1]', ' (see `7,000`)', ' <!-- 7,000 -->', ' ![7,000](https://example.com/7000.png)', ' <https://example.com/7000>', ' www.example.com/7000'];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const sentence: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(pick(FIGURES), pick(NOUNS), pick(VERBS), pick(PLACES), pick(NOISE)).map(([f, n, v, p, z]) => `${cap(f)} ${n} ${v} ${p}${z}.`),
  fc.tuple(pick(FIGURES), pick(NOUNS), pick(VERBS), pick(PLACES), pick(SPEAKERS)).map(([f, n, v, p, s]) => `${cap(f)} ${n} ${v} ${p}, ${s} said.`),
  fc.tuple(pick(SPEAKERS), pick(FIGURES), pick(NOUNS), pick(VERBS), pick(PLACES)).map(([s, f, n, v, p]) => `According to ${s}, ${f} ${n} ${v} ${p}.`),
  fc.tuple(pick(DATES), pick(SPEAKERS), pick(NOUNS)).map(([d, s, n]) => `On ${d}, ${s} announced that the U.S. had started moving ${n} into Iraq.`),
  fc.tuple(pick(PLACES), pick(YEARS)).map(([p, y]) => `Islamic State proclaimed its caliphate over swathes of Iraq and ${p} in ${y}.`),
  fc.tuple(pick(PLACES), pick(YEARS)).map(([p, y]) => `A cabinet crisis in ${p} in ${y}, sparked by the return of a woman tied to Islamic State, ended the government.`),
  fc.tuple(pick(DURATIONS), pick(FIGURES), pick(NOUNS)).map(([d, f, n]) => `${d} after the operation began, ${f} ${n} have been moved into Iraq.`),
  fc.tuple(pick(SPEAKERS), pick(TITLES), pick(FIGURES)).map(([s, t, f]) => `${cap(s)}, ${t}, said ${f} had arrived.`),
  fc.tuple(pick(QUOTES), pick(SPEAKERS)).map(([q, s]) => `“${q},” ${s} said.`),
  fc.tuple(pick(QUOTES), pick(SPEAKERS)).map(([q, s]) => `"${q}," ${s} said of the transfers.`),
  fc.tuple(pick(SPEAKERS), pick(QUOTES)).map(([s, q]) => `${cap(s)} warned the transfers carry “${q}”.`),
  fc.tuple(pick(SPEAKERS), pick(QUOTES)).map(([s, q]) => `${cap(s)} said: “${q}.”`),
  fc.tuple(pick(FIGURES), pick(NOUNS)).map(([f, n]) => `The school district transferred ${f} ${n} to students in 2014.`),
  fc.tuple(pick(SPEAKERS), pick(FIGURES)).map(([s, f]) => `${cap(s)} told reporters that roughly ${f} of those moved were Iraqi citizens.`),
  fc.tuple(pick(FIGURES), pick(NOUNS), pick(DATES)).map(([f, n, d]) => `By ${d}, *${f}* ${n} had been **transferred** to [Iraq](https://example.com/iraq).`),
  fc.tuple(pick(FIGURES), pick(NOUNS)).map(([f, n]) => `“${cap(f)} ${n} were moved,” he said. “Not more.`),
);

const paragraph = fc.tuple(fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', '\n', '  \n')).map(([ss, sep]) => ss.join(sep));
const cell = fc.oneof(pick(FIGURES), pick(PLACES), pick(DATES), pick(SPEAKERS), fc.constant(''), fc.constant('`7,000`'));

const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: paragraph },
  fc.tuple(fc.integer({ min: 1, max: 6 }), sentence).map(([n, s]) => `${'#'.repeat(n)} ${s}`),
  fc.tuple(fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.constantFrom('- ', '* ', '1. ', '+ '), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }))
    .map(([items, marker, depth]) => items.map((s, i) => `${'  '.repeat(Math.min(depth[i], i))}${marker}${s}`).join('\n')),
  fc.tuple(paragraph, fc.integer({ min: 1, max: 3 })).map(([p, n]) => p.split('\n').map((l) => `${'> '.repeat(n)}${l}`).join('\n')),
  fc.tuple(fc.array(cell, { minLength: 2, maxLength: 4 }), fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 4 }))
    .map(([head, rows]) => [`| ${head.map((h) => h || 'x').join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')),
  fc.tuple(sentence, fc.constantFrom('```', '~~~', '```text')).map(([s, fence]) => `${fence}\n${s}\n${fence.slice(0, 3)}`),
  sentence.map((s) => `    ${s}`),
  sentence.map((s) => `<div>\n${s}\n</div>`),
  sentence.map((s) => `<!-- ${s} -->`),
  fc.tuple(pick(['<!-- fact-check-ignore -->', '<!-- fact-check-ignore transfers-so-far -->', '<!-- fact-check-ignore-file nothing -->']), paragraph).map(([d, p]) => `${d}\n${p}`),
  sentence.map((s) => `[^1]: ${s}`),
  fc.constant('---'),
);

/** Generated drafts: front matter sometimes, blocks, and one line ending or a mix. */
export const generatedDraft = fc.tuple(fc.boolean(), fc.array(block, { minLength: 1, maxLength: 7 }), fc.constantFrom('\n', '\n', '\r\n', '\r', 'mixed'), fc.boolean())
  .map(([front, blocks, eol, bom]) => {
    let doc = (front ? '---\ntitle: Transfers\n---\n\n' : '') + blocks.join('\n\n') + '\n';
    if (eol === 'mixed') { let k = 0; doc = doc.replace(/\n/g, () => ['\n', '\r\n', '\r'][k++ % 3]); }
    else if (eol !== '\n') doc = doc.replace(/\n/g, eol);
    return bom ? `\ufeff${doc}` : doc;
  });

// ---------------------------------------------------------------------------------------------
// The properties, with their default (CI) number of runs.

export interface Property { name: string; runs: number; run: (numRuns: number, seed?: number) => void }

const params = (numRuns: number, seed?: number) => ({ numRuns, ...(seed === undefined ? {} : { seed }) });

export const PROPERTIES: Property[] = [
  { name: 'arbitrary strings (any code units, astral characters, line breaks): well-formed results, within budget', runs: 5000, run: (n, seed) => fc.assert(fc.property(arbitraryText, (doc) => checkProperty(doc, false)), params(n, seed)) },
  { name: 'Markdown soup (syntax and claim fragments in any order): well-formed results, preferred fixes clear their flag', runs: 4000, run: (n, seed) => fc.assert(fc.property(markdownSoup, (doc) => checkProperty(doc, true)), params(n, seed)) },
  { name: 'generated drafts (figures, dates, quotes, names, lists, tables, code): well-formed results, preferred fixes clear their flag', runs: 2000, run: (n, seed) => fc.assert(fc.property(generatedDraft, (doc) => { assert.equal(limitNesting(doc), doc, 'the nesting guard leaves ordinary drafts as they are'); checkProperty(doc, true); }), params(n, seed)) },
  { name: 'generated drafts cut by maxLength: well-formed results, truncation reported', runs: 500, run: (n, seed) => fc.assert(fc.property(generatedDraft, fc.integer({ min: 0, max: 400 }), (doc, max) => checkProperty(doc, false, max)), params(n, seed)) },
];

if (typeof describe === 'function') {
  describe('properties of the checker (fast-check)', function () {
    this.timeout(300_000);
    // A fixed seed keeps CI deterministic (FC_SEED picks another); `npm run fuzz` explores with random ones.
    const seed = Number(process.env.FC_SEED ?? 20_261_124);
    for (const p of PROPERTIES) it(`${p.name} (${p.runs} cases, seed ${seed})`, () => p.run(p.runs, seed));
    it(`the default runs total at least 10,000 cases`, () => {
      assert.ok(PROPERTIES.reduce((a, p) => a + p.runs, 0) >= 10_000);
    });
    after(() => {
      console.log(`      ${stats.cases} cases, ${stats.checks} checks, ${stats.flags} flags, ${stats.fixesApplied} preferred fixes applied and re-checked; slowest check ${stats.slowestMs.toFixed(0)} ms`);
    });
  });
}
