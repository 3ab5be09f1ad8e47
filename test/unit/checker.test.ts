/**
 * The checker end to end on short drafts: one table per kind of claim, in wording of our own.
 * Each row says which span gets which verdict and what a right fix contains; a flagged row also
 * applies its preferred fix and checks again, which must leave no flag on that claim.
 */
import * as assert from 'node:assert/strict';
import { applyFix, check, flags, nth, overlaps } from '../support/check-helpers';
import type { Verdict } from '../../src/core/types';

interface Expect { verdict: Verdict; span: string; nth?: number; fix?: string[] }
interface Row { md: string; expect: Expect[] }

function runTable(title: string, rows: Row[]): void {
  describe(title, () => {
    for (const row of rows) {
      it(row.md.split('\n').find((l) => l.trim()) ?? row.md, () => {
        const findings = check(row.md);
        for (const e of row.expect) {
          const at = nth(row.md, e.span, e.nth);
          const hits = findings.filter((f) => overlaps(f, at, at + e.span.length));
          assert.ok(hits.some((f) => f.verdict === e.verdict), `expected ${e.verdict} on "${e.span}", got ${JSON.stringify(hits.map((h) => [h.verdict, h.text]))}`);
          const hit = hits.find((f) => f.verdict === e.verdict)!;
          assert.equal(hit.text, row.md.slice(hit.start, hit.end), 'finding text is the document slice');
          assert.ok(hit.message.length > 20, 'message says something');
          if (e.verdict !== 'unverified') assert.ok(hit.factId, 'a matched finding carries its fact id');
          if (e.fix) {
            const texts = hit.fixes.flatMap((f) => f.edits.map((x) => x.newText.toLowerCase()));
            assert.ok(texts.some((t) => e.fix!.some((a) => t.includes(a.toLowerCase()))), `a fix should contain ${e.fix.join('|')}: ${JSON.stringify(texts)}`);
            const preferred = hit.fixes.filter((f) => f.preferred);
            assert.equal(preferred.length, 1, 'exactly one preferred fix');
            const fixed = applyFix(row.md, preferred[0]);
            const edit = preferred[0].edits[0];
            const newEnd = edit.start + edit.newText.length;
            const again = flags(check(fixed)).filter((f) => f.factId === hit.factId && overlaps(f, Math.min(edit.start, hit.start), Math.max(newEnd, hit.start + 1)));
            assert.deepEqual(again.map((f) => f.text), [], `after "${preferred[0].title}": ${fixed}`);
          }
        }
        const expectedFlags = row.expect.filter((e) => e.verdict !== 'supported' && e.verdict !== 'unverified');
        const unexpected = flags(findings).filter((f) => !expectedFlags.some((e) => { const at = nth(row.md, e.span, e.nth); return overlaps(f, at, at + e.span.length); }));
        assert.deepEqual(unexpected.map((f) => `${f.verdict} "${f.text}": ${f.message}`), [], 'no other flag');
      });
    }
  });
}

runTable('figures: what they count and the event they belong to', [
  { md: 'So far the Americans have flown 6,500 Islamic State prisoners into Iraq.', expect: [{ verdict: 'contradicted', span: '6,500', fix: ['500'] }] },
  { md: 'Only some 500 militants had been handed to Iraqi custody by then.', expect: [{ verdict: 'supported', span: '500' }] },
  { md: 'The plan was to relocate as many as 7,000 prisoners into Iraq within days.', expect: [{ verdict: 'supported', span: '7,000' }] },
  { md: 'The United States moved 7,000 detainees into Iraq last week.', expect: [{ verdict: 'contradicted', span: '7,000', fix: ['500'] }] },
  { md: 'Roughly 450 detainees have been transferred so far.', expect: [{ verdict: 'supported', span: '450' }] },
  { md: 'About 1,200 detainees have been moved so far.', expect: [{ verdict: 'contradicted', span: '1,200', fix: ['around 500', 'about 500'] }] },
  { md: 'Those already transferred include about 140 Iraqis.', expect: [{ verdict: 'supported', span: '140' }] },
  { md: 'Those already transferred include about 330 Iraqis and some 400 foreign nationals.', expect: [{ verdict: 'contradicted', span: '330', fix: ['130'] }, { verdict: 'supported', span: '400' }] },
  { md: 'Of those moved, 700 were foreigners.', expect: [{ verdict: 'contradicted', span: '700', fix: ['400'] }] },
  { md: 'Nearly 5,000 detainees have arrived in Iraq.', expect: [{ verdict: 'contradicted', span: '5,000', fix: ['500'] }] },
  { md: 'Eight thousand fighters have been bused into Iraq so far.', expect: [{ verdict: 'contradicted', span: 'Eight thousand', fix: ['500'] }] },
  { md: 'The U.S. has moved 7\u00a0000 detainees to Iraq.', expect: [{ verdict: 'contradicted', span: '7\u00a0000', fix: ['500'] }] },
  { md: 'The U.S. has moved 7k detainees to Iraq.', expect: [{ verdict: 'contradicted', span: '7k', fix: ['500'] }] },
  { md: 'Between 400 and 600 detainees have been transferred to Iraq.', expect: [{ verdict: 'supported', span: '400 and 600' }] },
  { md: 'Fewer than 1,000 detainees have been transferred so far.', expect: [{ verdict: 'supported', span: '1,000' }] },
  { md: 'More than 2,000 detainees have been transferred so far.', expect: [{ verdict: 'contradicted', span: '2,000', fix: ['500'] }] },
  { md: 'Scores of fighters briefly escaped from a prison in Syria.', expect: [{ verdict: 'supported', span: 'Scores' }] },
  { md: 'Hundreds of fighters briefly broke out of a Syrian jail.', expect: [{ verdict: 'contradicted', span: 'Hundreds', fix: ['dozens'] }] },
  { md: 'Iraqi courts have convicted hundreds of foreign fighters in recent years.', expect: [{ verdict: 'contradicted', span: 'hundreds', fix: ['dozens'] }] },
  { md: 'Iraq refused to take custody of all 7,000.', expect: [{ verdict: 'supported', span: '7,000' }] },
  { md: 'Iraq refused to take custody of all 12,000 prisoners.', expect: [{ verdict: 'contradicted', span: '12,000', fix: ['7,000'] }] },
  { md: 'Washington had hoped to move 7,000 fighters, but only around 500 have been transferred.', expect: [{ verdict: 'supported', span: '7,000' }, { verdict: 'supported', span: '500' }] },
]);

runTable('text about something else is not flagged', [
  { md: 'A city council transferred 500 staff to a new office in 2016.', expect: [] },
  { md: 'The airline moved 7,000 passengers on January 12.', expect: [] },
  { md: 'The club has sold 400 season tickets to foreigners this year.', expect: [] },
  { md: 'The museum expects 7,000 visitors within days of opening.', expect: [] },
  { md: 'Two decades ago, thousands of workers were moved to a new plant in Norway.', expect: [] },
  { md: 'Dozens of students were sentenced to detention after the prank.', expect: [] },
]);

runTable('time: a figure about another time is not contradicted', [
  { md: 'On the first day, 150 detainees were transferred to Iraq.', expect: [{ verdict: 'unverified', span: '150' }] },
  { md: 'By February 20, 2,300 detainees had been transferred to Iraq.', expect: [{ verdict: 'unverified', span: '2,300' }] },
  { md: 'By the end of the year, 7,000 detainees will have been moved to Iraq.', expect: [] },
]);

runTable('counts of sources', [
  { md: 'Six people familiar with the matter said the transfers had slowed.', expect: [{ verdict: 'contradicted', span: 'Six', fix: ['seven'] }] },
  { md: 'Seven sources familiar with the matter said the pace had slowed.', expect: [{ verdict: 'supported', span: 'Seven' }] },
]);

runTable('dates, years and durations', [
  { md: 'The U.S. began transferring the detainees on Jan. 19.', expect: [{ verdict: 'contradicted', span: 'Jan. 19', fix: ['Jan. 21'] }] },
  { md: 'The first transfers started on 2026-01-21.', expect: [{ verdict: 'supported', span: '2026-01-21' }] },
  { md: 'The transfers started on January 28, 2026.', expect: [{ verdict: 'contradicted', span: 'January 28, 2026', fix: ['January 21, 2026'] }] },
  { md: 'Islamic State declared its caliphate in 2013.', expect: [{ verdict: 'contradicted', span: '2013', fix: ['2014'] }] },
  { md: 'Norway’s government collapsed in 2019 after the return of a woman linked to Islamic State.', expect: [{ verdict: 'contradicted', span: '2019', fix: ['2020'] }] },
  { md: 'Foreign fighters have been held without trial for almost ten years.', expect: [{ verdict: 'supported', span: 'ten years' }] },
  { md: 'Foreign fighters have been held without trial for about three years.', expect: [{ verdict: 'contradicted', span: 'three years', fix: ['decade'] }] },
]);

runTable('places', [
  { md: 'In the Netherlands, the 2020 return of an Islamic State-linked woman triggered a cabinet crisis.', expect: [{ verdict: 'contradicted', span: 'Netherlands', fix: ['Norway'] }] },
  { md: 'A cabinet crisis in Norway followed the return of a woman linked to Islamic State.', expect: [{ verdict: 'supported', span: 'Norway' }] },
  { md: 'The U.S. has moved around 500 detainees to Jordan.', expect: [{ verdict: 'contradicted', span: 'Jordan', fix: ['Iraq'] }] },
]);

runTable('people and their titles', [
  { md: 'Secretary of State Marco Rubio said the detainees would stay in Iraq temporarily.', expect: [{ verdict: 'supported', span: 'Secretary of State' }] },
  { md: 'Vice President Marco Rubio said the detainees would stay in Iraq temporarily.', expect: [{ verdict: 'contradicted', span: 'Vice President', fix: ['Secretary of State'] }] },
  { md: 'Marco Rubio, America’s top diplomat, called for repatriation.', expect: [{ verdict: 'supported', span: 'top diplomat' }] },
  { md: 'Hisham al-Alawi, Iraq’s foreign minister, said fewer than 500 had arrived.', expect: [{ verdict: 'contradicted', span: 'foreign minister', fix: ['undersecretary'] }] },
  { md: 'Hisham al-Alawi, an undersecretary at Iraq’s foreign ministry, said fewer than 500 had arrived.', expect: [{ verdict: 'supported', span: 'undersecretary' }] },
  { md: 'Letta Tayler, a senior fellow at the International Centre for Counter-Terrorism, warned of the risks.', expect: [{ verdict: 'contradicted', span: 'senior fellow', fix: ['associate fellow'] }] },
  { md: 'Marco Rubio, speaking in Washington, urged countries to act.', expect: [] },
  { md: 'According to Hisham al-Alawi, around 500 detainees have been transferred to Iraq.', expect: [{ verdict: 'supported', span: '500' }] },
  { md: 'Marco Rubio, who has urged repatriation, spoke on Tuesday.', expect: [] },
]);

runTable('quotes and who said them', [
  { md: '“It’s a trap,” said a senior Iraqi judicial source.', expect: [{ verdict: 'supported', span: 'It’s a trap' }] },
  { md: '"It\'s a trap," Hisham al-Alawi said.', expect: [{ verdict: 'misattributed', span: 'It\'s a trap', fix: ['judicial'] }] },
  { md: 'Tayler said the transfers had "mind-bending legal implications."', expect: [{ verdict: 'misquoted', span: 'mind-bending legal implications.', fix: ['mind-boggling'] }] },
  { md: '“The only viable solution is for countries with fair justice systems to repatriate their nationals,” Tayler said.', expect: [{ verdict: 'supported', span: 'The only viable solution' }] },
  { md: '“The only real solution is for countries with fair justice systems to repatriate their nationals,” Tayler said.', expect: [{ verdict: 'misquoted', span: 'The only real solution', fix: ['viable'] }] },
  { md: '“Why should we carry the burden of being seen as the executioner?” the source asked.', expect: [{ verdict: 'supported', span: 'Why should we' }] },
  { md: 'Rubio said: “The United States urges countries to take responsibility.”', expect: [{ verdict: 'supported', span: 'The United States urges' }] },
  { md: 'Letta Tayler said: “The United States urges countries to take responsibility.”', expect: [{ verdict: 'misattributed', span: 'The United States urges', fix: ['Rubio'] }] },
  { md: '“We will not comment on operational matters,” a spokesman said.', expect: [{ verdict: 'unverified', span: 'We will not comment' }] },
]);

runTable('attribution of figures', [
  { md: 'About 500 detainees have been transferred so far, Iraqi judicial officials said.', expect: [{ verdict: 'supported', span: '500' }] },
  { md: 'About 500 detainees have been transferred so far, according to Letta Tayler.', expect: [{ verdict: 'misattributed', span: '500', fix: ['judicial'] }] },
  { md: 'Iraq’s foreign ministry put the number transferred at fewer than 500.', expect: [{ verdict: 'supported', span: '500' }] },
  { md: 'U.S. officials said about 500 detainees had been transferred so far.', expect: [{ verdict: 'misattributed', span: '500', fix: ['judicial'] }] },
  { md: 'Fewer than 500 detainees have been transferred, Iraq’s interior ministry said.', expect: [{ verdict: 'misattributed', span: '500', fix: ['foreign ministry', 'judicial'] }] },
  { md: 'About 500 detainees have been transferred so far, French diplomats said.', expect: [{ verdict: 'supported', span: '500' }] },
  { md: 'About 500 detainees have been transferred so far, officials told reporters.', expect: [{ verdict: 'supported', span: '500' }] },
]);

runTable('Markdown structure', [
  { md: '- Transferred so far: 5,000\n- Expected at first: 7,000\n', expect: [{ verdict: 'contradicted', span: '5,000', fix: ['500'] }, { verdict: 'supported', span: '7,000' }] },
  { md: '| Detainees | Transferred so far |\n|---|---|\n| Iraqis | 260 |\n', expect: [{ verdict: 'contradicted', span: '260', fix: ['130'] }] },
  { md: '> The U.S. has now moved 7,000 detainees to Iraq.\n', expect: [{ verdict: 'contradicted', span: '7,000', fix: ['500'] }] },
  { md: '## The U.S. transferred 7,000 detainees\n', expect: [{ verdict: 'contradicted', span: '7,000', fix: ['500'] }] },
  { md: 'The U.S. has now moved *7,000* detainees to **Iraq**.\n', expect: [{ verdict: 'contradicted', span: '7,000', fix: ['500'] }] },
  { md: 'Notes: `7,000 detainees were transferred`\n', expect: [] },
  { md: '    7,000 detainees were transferred\n', expect: [] },
  { md: '<p>7,000 detainees were transferred</p>\n', expect: [] },
  { md: '---\nsummary: 7,000 detainees were transferred\n---\n\nText.\n', expect: [] },
  { md: 'See <https://example.org/7000-detainees-transferred> and [the data](https://example.org/7000).\n', expect: [] },
  { md: '<!-- fact-check-ignore -->\nThe U.S. has now moved 7,000 detainees to Iraq.\n', expect: [] },
  { md: '<!-- fact-check-ignore -->\n\n\nThe U.S. has now moved 7,000 detainees to Iraq.\n', expect: [] },
  { md: '<!-- fact-check-ignore transferred-around-500 -->\nThe U.S. has now moved 7,000 detainees to Iraq.\n', expect: [] },
  { md: '<!-- fact-check-ignore quote-its-a-trap -->\nThe U.S. has now moved 7,000 detainees to Iraq.\n', expect: [{ verdict: 'contradicted', span: '7,000' }] },
  { md: '<!-- fact-check-ignore-file transferred-around-500 -->\n\nIntro.\n\nThe U.S. has now moved 7,000 detainees to Iraq.\n', expect: [] },
]);

describe('messages say what the reference says, who said it and as of when', () => {
  it('the canonical mistake names both figures and the sources', () => {
    const md = 'The U.S. has transferred 7,000 detainees to Iraq.';
    const f = check(md).find((x) => x.text === '7,000')!;
    assert.equal(f.verdict, 'contradicted');
    assert.match(f.message, /7,000 is the number Washington initially expected/);
    assert.match(f.message, /around 500/);
    assert.match(f.message, /two Iraqi judicial officials, two Iraqi security officials and three diplomats/);
    assert.match(f.message, /January 30, 2026/);
    assert.equal(f.confusedWith?.factId, 'expected-to-move-7000');
  });
  it('keeps the writer’s hedge when it fits and adds the attribution on request', () => {
    const md = 'About 900 foreigners have been moved so far.';
    const f = check(md).find((x) => x.text === '900')!;
    const byKind = new Map(f.fixes.map((x) => [x.kind, x]));
    assert.equal(applyFix(md, byKind.get('figure')!), 'About 400 foreigners have been moved so far.');
    assert.equal(applyFix(md, byKind.get('attributed-figure')!), 'About 400 foreigners have been moved so far, according to two Iraqi judicial officials, two Iraqi security officials and three diplomats.');
  });
  it('the citation fix adds a footnote that names the source document', () => {
    const md = 'The U.S. has transferred 7,000 detainees to Iraq.\n';
    const f = check(md).find((x) => x.text === '7,000')!;
    const cited = applyFix(md, f.fixes.find((x) => x.kind === 'citation')!);
    assert.match(cited, /around 500 detainees to Iraq\.\[\^fc-transferred-around-500\]/);
    assert.match(cited, /\n\[\^fc-transferred-around-500\]: Reuters, “US slows transfer of Islamic State detainees to Iraq, sources say”, January 30, 2026\./);
    assert.deepEqual(flags(check(cited)).map((x) => x.text), []);
  });
  it('the ignore fix suppresses that fact in that block only', () => {
    const md = 'Intro.\n\nThe U.S. has transferred 7,000 detainees to Iraq.\n\nThe U.S. has moved 7,000 detainees.\n';
    const f = check(md).find((x) => x.text === '7,000')!;
    const ignored = applyFix(md, f.fixes.find((x) => x.kind === 'ignore')!);
    assert.match(ignored, /Intro\.\n\n<!-- fact-check-ignore transferred-around-500 -->\nThe U\.S\. has transferred/);
    assert.deepEqual(flags(check(ignored)).map((x) => x.start), [ignored.lastIndexOf('7,000')]);
  });
});

runTable('quotes shortened with marks', [
  { md: '“These Western countries oppose the death penalty … Why should we carry the burden of being seen as the executioner?” the source said.', expect: [{ verdict: 'supported', span: 'These Western countries' }] },
  { md: '“It would be difficult for us to accept that they [the detainees] are transferred to Iraq,” another diplomat said.', expect: [{ verdict: 'supported', span: 'It would be difficult' }] },
  { md: '“These Western countries oppose the death penalty … Why should we carry the burden of being seen as the judge?” the source said.', expect: [{ verdict: 'misquoted', span: 'These Western countries', fix: ['executioner'] }] },
]);
