/**
 * The CommonMark spec (npm `commonmark-spec`, every example) and GFM tables through the checker:
 * no error, well-formed results, and nothing inside code (fenced, indented, inline), HTML, front
 * matter, link and image destinations or autolinks is ever flagged.
 *
 * Two ways of showing it, each able to fail:
 *  - construct probes: a claim the reference contradicts ("7,000 detainees were transferred to
 *    Iraq") inside each construct gives no flag, and the same words as prose are flagged;
 *  - every spec example with its placeholder words ("foo", "bar", …) replaced by that claim: each
 *    flag is compared with an independent reading of the example (one mdast tree of the whole text)
 *    and must not overlap any code, HTML, front matter, definition, image or URL there.
 */
import * as assert from 'node:assert/strict';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import type { Nodes } from 'mdast';
import { checkedFlags, show } from '../fixtures/odd/invariants';
import { SPEC_EXAMPLES } from '../support/commonmark-spec';
import type { Finding } from '../../src/core/types';
import { limitNesting } from '../../src/core/markdown-guard';

const SPEC = SPEC_EXAMPLES;

/** The table examples of the GFM spec (0.29, examples 198–205), and more tables. */
const GFM_TABLES = [
  '| foo | bar |\n| --- | --- |\n| baz | bim |\n',
  '| abc | defghi |\n:-: | -----------:\nbar | baz\n',
  '| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n',
  '| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n',
  '| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar\n',
  '| abc | def |\n| --- |\n| bar |\n',
  '| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n',
  '| abc | def |\n| --- | --- |\n',
  // Beyond the spec: alignment, empty cells, escapes, inline markup, containers, a wide table.
  '| Left | Center | Right |\n|:-----|:------:|------:|\n| 7,000 | **500** | `130` |\n|  |  |  |\n',
  '> | a | b |\n> |---|---|\n> | 7,000 detainees | Iraq |\n',
  '- | a | b |\n  |---|---|\n  | <span>7,000</span> | [x](http://a/7,000) |\n',
  '| a |\n|---|\n| \\| 7,000 \\| |\n| ![7,000](x.png) |\n',
  `|${' h |'.repeat(60)}\n|${'---|'.repeat(60)}\n|${' 7,000 |'.repeat(60)}\n`,
  '| Transferred to Iraq so far | Source |\n|---|---|\n| 7,000 detainees | Iraqi officials |\n',
];

const CLAIM = '7,000 detainees were transferred to Iraq';

// ---------------------------------------------------------------------------------------------
// An independent reading: where code, HTML, front matter, definitions, images and URLs are.

function forbiddenRanges(doc: string): Array<{ start: number; end: number; what: string }> {
  const tree = fromMarkdown(doc, {
    extensions: [gfm(), frontmatter(['yaml', 'toml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])],
  });
  const out: Array<{ start: number; end: number; what: string }> = [];
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const n = stack.pop()!;
    const start = n.position?.start.offset, end = n.position?.end.offset;
    if (start !== undefined && end !== undefined) {
      switch (n.type) {
        case 'code': case 'inlineCode': case 'html': case 'yaml': case 'definition': case 'image': case 'imageReference':
          out.push({ start, end, what: n.type });
          break;
        case 'link': case 'linkReference': {
          const last = n.children[n.children.length - 1]?.position?.end.offset;
          // An autolink is all URL; otherwise what follows the link text is the destination or label.
          const autolink = n.type === 'link' && (doc[start] === '<' || (n.children.length === 1 && n.children[0].type === 'text' && (n.url === n.children[0].value || n.url.endsWith(n.children[0].value))));
          if (autolink || last === undefined) out.push({ start, end, what: `${n.type} (URL)` });
          else if (last < end) out.push({ start: last, end, what: `${n.type} destination` });
          break;
        }
        default:
          break;
      }
    }
    if ('children' in n) for (const c of n.children as Nodes[]) stack.push(c);
  }
  return out;
}

function assertNothingFlaggedInside(doc: string, flags: readonly Finding[], where: string): void {
  const forbidden = forbiddenRanges(doc);
  for (const f of flags) {
    const hit = forbidden.find((r) => f.start < r.end && r.start < f.end);
    assert.equal(hit, undefined, `${where}: ${show(f)} overlaps ${hit?.what} ${JSON.stringify(doc.slice(hit?.start, hit?.end))} in ${JSON.stringify(doc)}`);
  }
}

/** The spec's placeholder words replaced by the claim's words, so claims land in every construct. */
function withClaims(markdown: string): string {
  return markdown
    .replace(/\bfoo\b/g, '7,000 detainees')
    .replace(/\bbar\b/g, 'were transferred to Iraq')
    .replace(/\bbaz\b/g, 'about 7,000 fighters were moved to Iraq')
    .replace(/\b(?:bim|boo|qux|quux)\b/g, 'Iraq received 7,000 detainees');
}

// ---------------------------------------------------------------------------------------------

describe('the CommonMark spec and GFM tables through the checker', function () {
  this.timeout(120_000);

  it(`every CommonMark spec example (${SPEC.length}) and GFM table example (${GFM_TABLES.length}): no error, well-formed results`, () => {
    assert.ok(SPEC.length >= 600, `the spec has its examples (${SPEC.length})`);
    for (const e of SPEC) assert.doesNotThrow(() => checkedFlags(e.markdown), `example ${e.number} (${e.section})`);
    for (const t of GFM_TABLES) assert.doesNotThrow(() => checkedFlags(t), JSON.stringify(t));
  });

  it('the nesting guard (src/core/markdown-guard.ts) leaves every example and table as it is', () => {
    for (const e of SPEC) assert.equal(limitNesting(e.markdown), e.markdown, `example ${e.number}`);
    for (const t of GFM_TABLES) assert.equal(limitNesting(t), t);
    for (const e of SPEC) assert.equal(limitNesting(withClaims(e.markdown)), withClaims(e.markdown), `example ${e.number} with claims`);
  });

  it('every example with its placeholder words made claims: flags only outside code, HTML, front matter, definitions, images and URLs', () => {
    let flagged = 0, examples = 0, placed = 0;
    for (const { markdown, where } of [
      ...SPEC.map((e) => ({ markdown: e.markdown, where: `spec example ${e.number} (${e.section})` })),
      ...GFM_TABLES.map((t, i) => ({ markdown: t, where: `table ${i + 1}` })),
    ]) {
      const doc = withClaims(markdown);
      if (doc === markdown) continue;
      examples++;
      placed += forbiddenRanges(doc).some((r) => /7,000/.test(doc.slice(r.start, r.end))) ? 1 : 0;
      const flags = checkedFlags(doc);
      if (flags.length) flagged++;
      assertNothingFlaggedInside(doc, flags, where);
    }
    // The test could fail: claims landed inside those constructs, and the prose ones were flagged.
    assert.ok(examples >= 300 && placed >= 100, `claims placed in ${examples} examples, ${placed} of them inside code/HTML/URLs`);
    assert.ok(flagged >= 100, `prose claims are flagged (${flagged} examples)`);
    console.log(`      claims in ${examples} examples, ${placed} of them inside code/HTML/URLs; ${flagged} examples flagged, none inside`);
  });

  describe('construct probes: a contradicted claim inside each construct is not flagged; the same words as prose are', () => {
    const probes: Array<{ name: string; doc: string; prose: string }> = [
      { name: 'fenced code (```)', doc: `\`\`\`\n${CLAIM}.\n\`\`\`\n`, prose: `${CLAIM}.\n` },
      { name: 'fenced code (~~~ with an info string)', doc: `~~~text\n${CLAIM}.\n~~~\n`, prose: `${CLAIM}.\n` },
      { name: 'fenced code never closed', doc: `\`\`\`\n${CLAIM}.\n\nMore.\n`, prose: `${CLAIM}.\n\nMore.\n` },
      { name: 'fenced code in a block quote', doc: `> \`\`\`\n> ${CLAIM}.\n> \`\`\`\n`, prose: `> ${CLAIM}.\n` },
      { name: 'indented code', doc: `Intro.\n\n    ${CLAIM}.\n`, prose: `Intro.\n\n${CLAIM}.\n` },
      { name: 'indented code in a list item', doc: `- item\n\n      ${CLAIM}.\n`, prose: `- item\n\n  ${CLAIM}.\n` },
      { name: 'inline code', doc: `The log says \`${CLAIM}\` today.\n`, prose: `The log says ${CLAIM} today.\n` },
      { name: 'inline code with double backticks', doc: `The log says \`\` ${CLAIM} \` \`\` today.\n`, prose: `The log says ${CLAIM} today.\n` },
      { name: 'HTML block', doc: `<div>\n${CLAIM}.\n</div>\n`, prose: `${CLAIM}.\n` },
      { name: 'HTML comment', doc: `<!-- ${CLAIM}. -->\n`, prose: `${CLAIM}.\n` },
      { name: 'HTML comment over blank lines', doc: `<!--\n\n${CLAIM}.\n\n-->\n`, prose: `${CLAIM}.\n` },
      { name: '<script> block', doc: `<script>\n${CLAIM}.\n</script>\n`, prose: `${CLAIM}.\n` },
      { name: 'inline HTML attribute', doc: `See <span title="${CLAIM}">the note</span>.\n`, prose: `See ${CLAIM}.\n` },
      { name: 'inline HTML comment', doc: `See <!-- ${CLAIM} --> the note.\n`, prose: `See ${CLAIM} the note.\n` },
      { name: 'link destination', doc: `See [the note](<https://example.com/?q= ${CLAIM}>).\n`, prose: `See https:q= ${CLAIM}.\n` },
      { name: 'link title', doc: `See [the note](/note "${CLAIM}").\n`, prose: `See the note: ${CLAIM}.\n` },
      { name: 'image alt text', doc: `![${CLAIM}](chart.png)\n`, prose: `${CLAIM} (chart.png)\n` },
      { name: 'image destination', doc: `![chart](<chart ${CLAIM}.png>)\n`, prose: `chart ${CLAIM}.png\n` },
      { name: 'link reference definition', doc: `[r]: <https://example.com/?q= ${CLAIM}> "${CLAIM}"\n\nSee [r].\n`, prose: `r: ${CLAIM}\n\nSee r.\n` },
      { name: 'autolink', doc: '<https://example.com/?n=7,000> detainees were transferred to Iraq.\n', prose: 'n=7,000 detainees were transferred to Iraq.\n' },
      { name: 'GFM autolink literal (https://)', doc: 'https://example.com/?n=7,000 detainees were transferred to Iraq.\n', prose: 'n=7,000 detainees were transferred to Iraq.\n' },
      { name: 'GFM autolink literal (www.)', doc: 'www.example.com/?n=7,000 detainees were transferred to Iraq.\n', prose: 'n=7,000 detainees were transferred to Iraq.\n' },
      { name: 'YAML front matter', doc: `---\nsummary: ${CLAIM}.\n---\n\nText.\n`, prose: `summary: ${CLAIM}.\n\nText.\n` },
      { name: 'inline code in a table cell', doc: `| a | b |\n|---|---|\n| \`${CLAIM}\` | x |\n`, prose: `| a | b |\n|---|---|\n| ${CLAIM} | x |\n` },
    ];
    for (const p of probes) {
      it(p.name, () => {
        const inside = checkedFlags(p.doc);
        const at = p.doc.indexOf('7,000');
        assert.deepEqual(inside.filter((f) => f.start < at + CLAIM.length && at < f.end).map(show), [], `no flag inside: ${JSON.stringify(p.doc)}`);
        assertNothingFlaggedInside(p.doc, inside, p.name);
        const prose = checkedFlags(p.prose);
        assert.ok(prose.some((f) => f.text.includes('7,000')), `the same words as prose are flagged: ${JSON.stringify(p.prose)} gave ${prose.map(show).join(', ') || 'nothing'}`);
      });
    }
  });
});
