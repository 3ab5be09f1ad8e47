/**
 * The chunked, cached Markdown reader (parseDraft) gives exactly the blocks of one mdast tree of
 * the whole text (parseDraftWhole): same prose, same offsets, same suppressions, same footnote
 * labels, on the CommonMark spec examples, generated drafts, the fixtures, random documents made
 * of the constructs that cross blank lines, and after edits (cache hits).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SPEC_EXAMPLES } from '../support/commonmark-spec';
import fc from 'fast-check';
import { clearDraftCache, parseDraft, parseDraftWhole, type ParsedDraft } from '../../src/core/markdown';
import { readFastChunk } from '../../src/core/markdown-fast';
import { generateDraft } from '../../bench/draft';
import { typingSession } from '../../bench/core';

const repoRoot = path.resolve(__dirname, '../../..');

function plain(d: ParsedDraft) {
  return {
    blocks: d.blocks.map((b) => ({ ...b, ignoreIds: [...b.ignoreIds].sort() })),
    fileIgnoreIds: [...d.fileIgnoreIds].sort(),
    footnoteLabels: [...d.footnoteLabels].sort(),
  };
}

function same(text: string, what: string): void {
  const want = plain(parseDraftWhole(text));
  assert.deepEqual(plain(parseDraft(text)), want, `${what}: ${JSON.stringify(text.slice(0, 300))}`);
  // Again, from the cache.
  assert.deepEqual(plain(parseDraft(text)), want, `${what} (cached): ${JSON.stringify(text.slice(0, 300))}`);
}

const spec = SPEC_EXAMPLES;

/** Lines that open, close or cross blank lines, and plain prose around them. */
const LINES = [
  '', '', '', 'Plain prose with 7,000 detainees on January 21.', 'Another line of prose, “quoted” and (bracketed).', '# Heading', '## Heading two ##', '#hashtag',
  '- item', '* item', '+ item', '1. one', '2) two', '2024. A year', '  continued item', '    indented code', '> quote', '>', '> > nested',
  '```', '```js', '~~~', '````', '<!-- comment -->', '<!--', '-->', '<!-- fact-check-ignore -->', '<!-- fact-check-ignore some-id -->', '<!-- fact-check-ignore-file other-id -->',
  '<script>', '</script>', '<div>', '</div>', '<?php', '?>', '<!DOCTYPE html>', '<![CDATA[', ']]>',
  '[x]: https://example.org', '[^1]: A note.', '[^fc-x]: Source.', '[^1]: A *note* [^2] x', '[^x y]: z', '[^1]:', 'See [x] and [^1] and [^fc-x].', '[x]', '![img](a.png)', 'Text with `code` and *em* and __strong__.',
  '| a | b |', '| --- | --- |', '| 1 | 2 |', '|---|:--:|', '| **Town** | *7,000* homes |', '| `a|b` | c |', '|a|b|', '| a |', '|  | x |', '---', '***', '___', '===', '+++', 'title: x', 'www.example.com', 'mail me@example.com', 'See http://example.org/7000.',
  '**Bold** start and *em* end*', '_under_ and __strong__ and ***both***', '*a **b** c*', '**a *b** c*', 'intra_word_under and snake_case', 'foo*bar*baz', '* not a list', '*** ', '_ x',
  '[link](https://example.org/7000) text', '[https://example.org](https://example.org)', '[example.org](https://example.org)', '![alt *x*](img.png "t") after', '[a *b*](c "title") d', '[a](b)c](d)',
  '[a]( b )', '[a](<b>)', '[a](b c)', "[a](b 'c')", '[a](b(c))', '[a]', '[a][b]', '[^1]', '[x]: /y', 'text ] stray', '`code` and ``dbl ` tick`` and ```', '`unclosed code',
  '<https://example.org/a> autolink', '<mailto:me@example.org>', '<div>inline html</div>', '<notalink', 'a < b and c > d', '! bang [', 'Price: 7,000 (about)', '“Quoted *words*,” she said.',
  'Trailing spaces  ', 'tab\there', '\ttab start', 'Back\\slash', 'Entity &amp; here', 'Line ending\r', '\uFEFFbom', 'Ünïcode start', '“Curly start', '(parenthesis)', '"straight"',
];

const FRONT_MATTER = ['---\ntitle: x\n\nmore: y\n---\n', '+++\na = 1\n+++\n', '---\n---\n', '--- \nx: [a]\n---  \n', '---\nno close\n'];

describe('chunked Markdown reading', function () {
  this.timeout(60_000);
  beforeEach(() => clearDraftCache());

  it('agrees with one tree on every CommonMark spec example', () => {
    for (const t of spec) same(t.markdown, `spec example ${t.number}`);
  });

  it('agrees on all spec examples in one document, and with prose between them', () => {
    same(spec.map((t) => t.markdown).join('\n'), 'spec examples joined');
    same(spec.map((t) => t.markdown).join('\n\nProse between examples, 7,000 of them.\n\n'), 'spec examples with prose');
  });

  it('agrees on generated drafts and the fixtures', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) same(generateDraft(2500, seed), `generated draft ${seed}`);
    const dirs = ['test/fixtures/workspace', 'test/fixtures/workspace/desk', 'samples'].map((d) => path.join(repoRoot, d)).filter((d) => fs.existsSync(d));
    for (const dir of dirs) for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.md'))) same(fs.readFileSync(path.join(dir, f), 'utf8'), f);
  });

  it('agrees after edits (cached chunks)', () => {
    const base = generateDraft(3000, 9);
    same(base, 'base');
    for (const text of typingSession(base, 20, 4)) same(text, 'edited');
    // Edits that open and close constructs across chunks.
    for (const insert of ['\n```\n', '\n<!--\n', '\n[x]: /u\n', '\n[^1]: n\n', '\n- ', '\n> ', '\n---\n', '\n\n    ']) {
      for (const at of [0, Math.floor(base.length / 3), Math.floor((2 * base.length) / 3), base.length]) {
        const nl = base.indexOf('\n\n', at);
        const p = nl < 0 ? base.length : nl + 2;
        same(base.slice(0, p) + insert + base.slice(p), `insert ${JSON.stringify(insert)}`);
      }
    }
  });

  it('agrees on random inline content (emphasis, code spans, links), most of it read without micromark', () => {
    const pieces = ['word', 'Word', ' ', ' ', '*', '**', '***', '_', '__', '`', '``', '[', ']', '](u)', '](https://x.org/7)', '![', '(', ')', '.', ',', '!', '“', '”', '’', '"', '\n', '7,000', 'a', 'é', '—', '-', '#', '<https://a.b/c>', '<', '>', ':', ';', '?',
      '\n- item *a*', '\n* item', '\n1. one', '\n2) two', '\n> quote *x*', '\n> ', '\n<!-- c -->', '\n<!-- fact-check-ignore -->\n', '\n```\ncode *x*\n```\n', '\n~~~\n', '\n  ```', '\n- [x] task', '\n\n', '[^n]', '\n\n[^n]: note\n\n'];
    let fast = 0, runs = 0;
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.boolean(), (parts, heading) => {
      const text = `${heading ? '# ' : ''}Text ${parts.join('')}`.replace(/\n+$/, '');
      runs++;
      if (readFastChunk(text, (a, b) => text.slice(a, b))) fast++;
      clearDraftCache();
      same(text, 'inline');
    }), { numRuns: 3000, seed: 7 });
    assert.ok(fast > runs / 8, `only ${fast} of ${runs} read without micromark`);
  });

  it('agrees on random documents of constructs that cross blank lines', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 40 }), fc.boolean(), (lines, frontMatter) => {
      const text = (frontMatter ? FRONT_MATTER[lines.length % FRONT_MATTER.length] : '') + lines.join('\n');
      clearDraftCache();
      same(text, 'random');
    }), { numRuns: 1500, seed: 20261124 });
  });
});
