/**
 * The bundled dataset covers every checkable fact of the article (issue 3's coverage list), each
 * with the value semantics, sources and attribution the checker relies on.
 */
import * as assert from 'node:assert/strict';
import { parseDataset } from '../../src/core/dataset/load';
import { BUNDLED_DATASET_FILE, BUNDLED_DATASET_TEXT } from '../../src/core/dataset/bundled';
import type { Dataset, Fact } from '../../src/core/dataset/schema';

const parsed = parseDataset(BUNDLED_DATASET_TEXT, BUNDLED_DATASET_FILE);
const ds = parsed.dataset as Dataset;
const fact = (id: string): Fact => {
  const f = ds.facts.find((x) => x.id === id);
  assert.ok(f, `fact ${id} is in the bundled dataset`);
  return f;
};
const sourcesCount = (f: Fact) => f.sources.reduce((a, s) => a + (s.count ?? 1), 0);

describe('bundled dataset', () => {
  it('loads without problems', () => assert.deepEqual(parsed.problems, []));
  it('is current as of the report and names its source document', () => {
    assert.equal(ds.metadata.asOf, '2026-01-30');
    assert.deepEqual(ds.documents.map((d) => [d.outlet, d.published]), [['Reuters', '2026-01-30']]);
  });

  const coverage: Array<[string, () => void]> = [
    ['the January 21 start of the transfers', () => assert.deepEqual(fact('transfer-start-date').value, { type: 'date', date: '2026-01-21' })],
    ['the start after the collapse of the Syrian Democratic Forces', () => assert.match(fact('transfer-start-after-sdf-collapse').statement, /collapse of the Kurdish-led Syrian Democratic Forces/)],
    ['as many as 7,000 expected within days', () => {
      const f = fact('expected-to-move-7000');
      assert.deepEqual(f.value, { type: 'number', amount: 7000, bound: 'atMost' });
      assert.match(f.event!.label, /initially expected .* within days/);
    }],
    ['around 500 transferred, with its seven named sources', () => {
      const f = fact('transferred-around-500');
      assert.deepEqual(f.value, { type: 'number', amount: 500, bound: 'approximate' });
      assert.deepEqual(f.sources.map((s) => [s.who, s.count]), [['Iraqi judicial officials', 2], ['Iraqi security officials', 2], ['diplomats from countries whose nationals are among those moved', 3]]);
      assert.equal(sourcesCount(f), 7);
      assert.equal(f.attribution, 'according to two Iraqi judicial officials, two Iraqi security officials and three diplomats');
    }],
    ['more than a week on', () => assert.deepEqual(fact('time-elapsed-more-than-a-week').value, { type: 'duration', amount: 1, unit: 'week', bound: 'moreThan' })],
    ['under 500 per the foreign ministry official', () => {
      const f = fact('transferred-under-500-ministry');
      assert.deepEqual(f.value, { type: 'number', amount: 500, bound: 'lessThan' });
      assert.equal(f.sources[0].entity, 'iraq-foreign-ministry');
    }],
    ['fewer than 500 per al-Alawi', () => {
      const f = fact('transferred-fewer-than-500-alawi');
      assert.deepEqual(f.value, { type: 'number', amount: 500, bound: 'lessThan' });
      assert.equal(f.sources[0].entity, 'hisham-al-alawi');
    }],
    ['about 130 Iraqis and roughly 400 foreigners, and who said so', () => {
      assert.deepEqual([fact('iraqis-among-transferred-130').value, fact('iraqis-among-transferred-130').counts?.noun], [{ type: 'number', amount: 130, bound: 'approximate' }, 'Iraqis']);
      assert.deepEqual([fact('foreigners-among-transferred-400').value, fact('foreigners-among-transferred-400').counts?.noun], [{ type: 'number', amount: 400, bound: 'approximate' }, 'foreigners']);
      assert.equal(sourcesCount(fact('iraqis-among-transferred-130')), 7);
    }],
    ['seven sources familiar with the matter', () => assert.deepEqual(fact('seven-sources-slowdown').value, { type: 'number', amount: 7, bound: 'exact' })],
    ['the request to slow the pace, and who reported it', () => assert.deepEqual(fact('slowdown-requested-by-baghdad').sources.map((s) => s.who), ['Iraqi officials', 'a Western diplomat'])],
    ['the caliphate from 2014', () => assert.deepEqual(fact('caliphate-from-2014').value, { type: 'year', year: 2014 })],
    ['dozens who briefly escaped', () => assert.deepEqual(fact('dozens-briefly-escaped').value, { type: 'vague', word: 'dozens' })],
    ['dozens tried and sentenced', () => assert.deepEqual(fact('dozens-tried-and-sentenced').value, { type: 'vague', word: 'dozens' })],
    ['all 7,000 that Baghdad balked at', () => assert.deepEqual(fact('balked-at-all-7000').value, { type: 'number', amount: 7000, bound: 'exact' })],
    ["Norway's 2020 cabinet crisis", () => {
      assert.deepEqual(fact('norway-cabinet-crisis-2020').value, { type: 'year', year: 2020 });
      assert.equal((fact('norway-cabinet-crisis-place').value as { name: string }).name, 'Norway');
    }],
    ['nearly a decade in detention', () => assert.deepEqual(fact('detention-nearly-a-decade').value, { type: 'duration', amount: 1, unit: 'decade', bound: 'lessThan' })],
    ['thousands of foreign fighters (taken back, still detained)', () => {
      assert.deepEqual(fact('thousands-foreign-jihadists-take-back').value, { type: 'vague', word: 'thousands' });
      assert.deepEqual(fact('thousands-remain-detained').value, { type: 'vague', word: 'thousands' });
    }],
    ['the State Department and the Pentagon not immediately responding', () => assert.match(fact('no-comment-state-department-pentagon').statement, /State Department and the Pentagon did not immediately respond/)],
    ['the quotes of the senior Iraqi judicial source, Rubio, the diplomat and Tayler', () => {
      const quotes = ds.facts.filter((f) => f.kind === 'quote').map((f) => [f.quote!.speaker, f.quote!.text.slice(0, 24)]);
      assert.deepEqual(quotes, [
        ['senior-iraqi-judicial-source', 'It’s a trap'],
        ['senior-iraqi-judicial-source', 'These Western countries '],
        ['marco-rubio', 'The United States urges '],
        ['another-diplomat', 'It would be difficult fo'],
        ['letta-tayler', 'mind-boggling legal impl'],
        ['letta-tayler', 'The only viable solution'],
      ]);
    }],
    ['people and organisations with their titles', () => {
      const title = (id: string) => ds.entities.find((e) => e.id === id)?.title;
      assert.equal(title('hisham-al-alawi'), 'undersecretary at Iraq’s foreign ministry');
      assert.equal(title('marco-rubio'), 'U.S. Secretary of State');
      assert.equal(title('letta-tayler'), 'associate fellow at the International Centre for Counter-Terrorism');
      for (const id of ['syrian-democratic-forces', 'iraq-foreign-ministry', 'us-state-department', 'pentagon', 'icct', 'islamic-state', 'norway', 'iraq', 'syria']) assert.ok(ds.entities.some((e) => e.id === id), id);
      for (const id of ['role-hisham-al-alawi', 'role-marco-rubio', 'role-letta-tayler']) assert.equal(fact(id).kind, 'role');
    }],
    ['the confusable figures, with notes', () => {
      const note = (a: string, b: string) => fact(a).confusableWith.find((c) => c.fact === b)?.note ?? '';
      assert.match(note('transferred-around-500', 'expected-to-move-7000'), /7,000 is the number Washington initially expected/);
      assert.match(note('transferred-around-500', 'transferred-under-500-ministry'), /under 500/);
    }],
  ];
  for (const [what, test] of coverage) it(`covers ${what}`, test);

  it('every fact has a source document, an attribution and terms that bind it', () => {
    for (const f of ds.facts) {
      assert.equal(f.document, 'reuters-2026-01-30-is-detainees', f.id);
      assert.ok(f.attribution.length > 5, f.id);
      if (['quantity', 'source-count', 'date', 'duration'].includes(f.kind)) assert.ok((f.event?.terms.length ?? 0) > 0, `${f.id} has event terms`);
    }
  });
  it('holds data, not the article’s prose: statements are our own words and quotes are short', () => {
    for (const f of ds.facts) {
      assert.ok(f.statement.length < 260, `${f.id}: statement is a short plain sentence`);
      if (f.quote) assert.ok(f.quote.text.length < 200, `${f.id}: a quote is short`);
    }
  });
});
