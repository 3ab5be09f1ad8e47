/**
 * Nothing in the checker is tied to the bundled story: a newsroom's own dataset about something
 * else entirely (a city budget) works the same way, alone or merged with the bundled one.
 */
import * as assert from 'node:assert/strict';
import { parseDataset, mergeDatasets } from '../../src/core/dataset/load';
import { BUNDLED_DATASET_FILE, BUNDLED_DATASET_TEXT } from '../../src/core/dataset/bundled';
import { checkDocument } from '../../src/core/check';
import { FLAG_VERDICTS } from '../../src/core/types';

const budget = {
  version: 1,
  metadata: { title: 'Springfield 2027 budget', language: 'en', asOf: '2026-11-20' },
  documents: [{ id: 'gazette-2026-11-20', outlet: 'Springfield Gazette', headline: 'Council passes 2027 budget', published: '2026-11-20', url: 'https://example.org/budget' }],
  entities: [
    { id: 'ana-ruiz', kind: 'person', name: 'Ana Ruiz', aliases: ['Ruiz'], title: 'mayor of Springfield', affiliation: 'springfield' },
    { id: 'springfield', kind: 'place', name: 'Springfield', aliases: ['the city'] },
    { id: 'gazette', kind: 'organisation', name: 'Springfield Gazette', aliases: ['the Gazette'] },
  ],
  facts: [
    {
      id: 'budget-total', kind: 'quantity', statement: 'The council approved a 2027 budget of about $1.2 billion.',
      value: { type: 'number', amount: 1_200_000_000, bound: 'approximate' },
      counts: { noun: 'dollars', terms: ['budget', 'dollars', 'spending plan'] },
      event: { label: 'approved for 2027', terms: ['approved', 'passed', 'adopted'] },
      sources: [{ who: 'the city budget office', kind: 'document', terms: ['budget office', 'city officials'] }],
      attribution: 'according to the city budget office', document: 'gazette-2026-11-20',
    },
    {
      id: 'teachers-hired', kind: 'quantity', statement: 'The budget funds 340 new teachers.',
      value: { type: 'number', amount: 340, bound: 'exact' },
      counts: { noun: 'teachers', terms: ['teachers', 'new teachers', 'educators'] },
      event: { label: 'funded by the 2027 budget', terms: ['funds', 'hire', 'hired', 'hiring', 'pays for'] },
      sources: [{ entity: 'ana-ruiz', who: 'Mayor Ana Ruiz', kind: 'official' }],
      attribution: 'according to Mayor Ana Ruiz', document: 'gazette-2026-11-20',
    },
    {
      id: 'vote-date', kind: 'date', statement: 'The council voted on November 18, 2026.',
      value: { type: 'date', date: '2026-11-18' },
      event: { label: 'the budget vote', terms: ['voted', 'vote', 'approved', 'passed'], context: ['council', 'budget'] },
      sources: [{ who: 'council records', kind: 'document' }], attribution: 'according to council records', document: 'gazette-2026-11-20',
    },
    {
      id: 'ruiz-quote', kind: 'quote', statement: 'Ruiz called the budget a promise kept to parents.',
      quote: { text: 'This budget is a promise kept to every parent in Springfield', speaker: 'ana-ruiz' },
      sources: [{ entity: 'ana-ruiz', who: 'Ana Ruiz', kind: 'official' }], attribution: 'Mayor Ana Ruiz said', document: 'gazette-2026-11-20',
    },
    {
      id: 'role-ruiz', kind: 'role', statement: 'Ana Ruiz is the mayor of Springfield.',
      value: { type: 'role', entity: 'ana-ruiz', phrase: 'mayor of Springfield', accepted: ['Springfield mayor', 'mayor'], beforeName: 'Mayor' },
      sources: [{ who: 'the Springfield Gazette', kind: 'reporting', entity: 'gazette' }], attribution: 'as the Gazette reported', document: 'gazette-2026-11-20',
    },
  ],
};

function indexOf(withBundled: boolean) {
  const parsed = [parseDataset(JSON.stringify(budget, null, 2), 'desk/budget.facts.json')];
  if (withBundled) parsed.unshift(parseDataset(BUNDLED_DATASET_TEXT, BUNDLED_DATASET_FILE));
  const merged = mergeDatasets(parsed);
  assert.deepEqual(merged.problems.concat(parsed.flatMap((p) => p.problems)).filter((p) => p.severity === 'error'), []);
  return merged.index;
}

const draft = [
  'The council passed the budget on November 19, 2026. It funds 430 new teachers, according to Mayor Ana Ruiz.',
  '',
  'Deputy Mayor Ana Ruiz said: “This budget is a promise made to every parent in Springfield.”',
  '',
  'The U.S. has transferred 7,000 detainees to Iraq.',
  '',
].join('\n');

describe('a newsroom’s own dataset about another story', () => {
  for (const withBundled of [false, true]) {
    it(withBundled ? 'merged with the bundled dataset' : 'alone (bundled dataset off)', () => {
      const findings = checkDocument(draft, indexOf(withBundled)).findings;
      const flagged = findings.filter((f) => FLAG_VERDICTS.has(f.verdict)).map((f) => [f.verdict, f.text, f.factId]);
      const expected: Array<[string, string, string]> = [
        ['contradicted', 'November 19, 2026', 'vote-date'],
        ['contradicted', '430', 'teachers-hired'],
        ['contradicted', 'Deputy Mayor', 'role-ruiz'],
        ['misquoted', 'This budget is a promise made to every parent in Springfield.', 'ruiz-quote'],
      ];
      if (withBundled) expected.push(['contradicted', '7,000', 'transferred-around-500']);
      assert.deepEqual(flagged, expected);
      const teachers = findings.find((f) => f.text === '430')!;
      assert.match(teachers.message, /340 teachers/);
      assert.match(teachers.message, /according to Mayor Ana Ruiz/);
      assert.match(teachers.message, /November 20, 2026/);
      assert.ok(teachers.fixes.some((f) => f.edits.some((e) => e.newText === '340')));
    });
  }
});
