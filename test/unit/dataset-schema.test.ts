/**
 * The JSON Schema that VS Code uses to validate and complete `*.facts.json` files while they are
 * edited: generated from the zod schema, committed, and contributed by the manifest. The JSON
 * Schema and the loader must agree on what a valid dataset is, except for the few rules a JSON
 * Schema cannot state (listed below), which only the loader checks.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { Dataset } from '../../src/core/dataset/schema';

const repoRoot = path.resolve(__dirname, '../../..');
const schemaPath = path.join(repoRoot, 'media/dataset.schema.json');

type Json = Record<string, unknown>;

const minimal: Json = { version: 1, metadata: { title: 'Desk notes', asOf: '2026-01-30' } };

const source = { who: 'Iraqi officials', kind: 'official' };
function fact(id: string, over: Json = {}): Json {
  return { id, kind: 'event', statement: 'Something happened.', sources: [source], attribution: 'according to Iraqi officials', ...over };
}

/** Every value type and optional field once. */
const rich: Json = {
  $schema: '../../../media/dataset.schema.json',
  version: 1,
  metadata: { title: 'Rich', description: 'Every field', language: 'en-GB', asOf: '2026-01-30' },
  documents: [{ id: 'reuters', outlet: 'Reuters', headline: 'H', published: '2026-01-30', url: 'https://www.reuters.com/world/', note: 'n' }],
  entities: [
    { id: 'iraq', kind: 'place', name: 'Iraq' },
    { id: 'al-alawi', kind: 'person', name: 'Hisham al-Alawi', aliases: ['al-Alawi'], title: 'undersecretary', affiliation: 'iraq', description: 'd' },
  ],
  facts: [
    fact('number', { kind: 'quantity', value: { type: 'number', amount: 500, bound: 'approximate', tolerance: 50 }, counts: { noun: 'detainees', terms: ['prisoners'] },
      event: { label: 'transferred so far', terms: ['transferred'], excludes: ['expected'] }, asOf: '2026-01-29', period: { from: '2026-01-21' }, document: 'reuters',
      sources: [{ entity: 'al-alawi', who: 'Hisham al-Alawi', count: 1, kind: 'official', terms: ['al-Alawi'] }], confusableWith: [{ fact: 'range', note: 'n' }] }),
    fact('range', { kind: 'quantity', value: { type: 'range', min: 100, max: 130 } }),
    fact('vague', { kind: 'quantity', value: { type: 'vague', word: 'dozens' } }),
    fact('date', { kind: 'date', value: { type: 'date', date: '2026-01-21' } }),
    fact('year', { kind: 'date', value: { type: 'year', year: 2014 } }),
    fact('duration', { kind: 'duration', value: { type: 'duration', amount: 1, unit: 'week', bound: 'moreThan' } }),
    fact('place', { kind: 'place', value: { type: 'place', name: 'Baghdad', aliases: ['the Iraqi capital'] } }),
    fact('role', { kind: 'role', value: { type: 'role', entity: 'al-alawi', phrase: "undersecretary at Iraq's foreign ministry", accepted: ['Iraqi foreign ministry undersecretary'] } }),
    fact('quote', { kind: 'quote', quote: { text: 'We have slowed down.', speaker: 'al-alawi' } }),
  ],
};

function compileSchema() {
  const ajv = new Ajv({ strict: true, allErrors: true });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  return ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
}

describe('dataset JSON Schema (media/dataset.schema.json)', () => {
  let validate: ReturnType<typeof compileSchema>;
  before(() => { validate = compileSchema(); });

  it('is what scripts/generate-schema.ts writes from the zod schema (run `npm run generate-schema` if not)', () => {
    const script = path.join(repoRoot, 'out/scripts/generate-schema.js');
    assert.ok(fs.existsSync(script), `${script} is missing: build with \`node esbuild.js\` first`);
    const run = spawnSync(process.execPath, [script, '--check'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(run.status, 0, `${run.stderr}${run.stdout}`);
  });

  it('is a JSON Schema that ajv compiles in strict mode', () => {
    assert.doesNotThrow(compileSchema);
  });

  const valid: Array<{ name: string; data: () => unknown }> = [
    { name: 'a minimal dataset', data: () => minimal },
    { name: 'a dataset with every field and value type', data: () => rich },
    { name: 'test/fixtures/datasets/valid-minimal.facts.json', data: () => JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/datasets/valid-minimal.facts.json'), 'utf8')) },
  ];
  for (const c of valid) {
    it(`accepts ${c.name}, as the loader does`, () => {
      const data = c.data();
      assert.ok(validate(data), JSON.stringify(validate.errors, null, 2));
      assert.ok(Dataset.safeParse(data).success);
    });
  }

  const withFact = (f: Json): Json => ({ ...minimal, facts: [f] });
  const invalid: Array<{ name: string; data: Json }> = [
    { name: 'no version', data: { metadata: minimal.metadata } },
    { name: 'version 2', data: { ...minimal, version: 2 } },
    { name: 'metadata without asOf', data: { ...minimal, metadata: { title: 'T' } } },
    { name: 'an unknown top-level field', data: { ...minimal, factz: [] } },
    { name: 'an unknown fact field', data: withFact(fact('a', { atribution: 'x' })) },
    { name: 'a bad kind', data: withFact(fact('a', { kind: 'quantty' })) },
    { name: 'an amount given as a string', data: withFact(fact('a', { value: { type: 'number', amount: '500' } })) },
    { name: 'an unknown value type', data: withFact(fact('a', { value: { type: 'numbr', amount: 5 } })) },
    { name: 'an id with capitals and spaces', data: withFact(fact('Fact A')) },
    { name: 'an empty statement', data: withFact(fact('a', { statement: '' })) },
    { name: 'no sources', data: withFact(fact('a', { sources: [] })) },
    { name: 'a date not in YYYY-MM-DD', data: withFact(fact('a', { asOf: '30/01/2026' })) },
    { name: 'a quote with no speaker', data: withFact(fact('a', { kind: 'quote', quote: { text: 'x' } })) },
    { name: 'a bad URL', data: { ...minimal, documents: [{ id: 'd', outlet: 'o', headline: 'h', published: '2026-01-30', url: 'reuters dot com' }] } },
    { name: 'a URL that is not a web link', data: { ...minimal, documents: [{ id: 'd', outlet: 'o', headline: 'h', published: '2026-01-30', url: 'javascript:alert(1)' }] } },
    { name: 'a blank statement', data: withFact(fact('a', { statement: '   ' })) },
  ];
  for (const c of invalid) {
    it(`rejects ${c.name}, as the loader does`, () => {
      assert.equal(validate(c.data), false);
      assert.equal(Dataset.safeParse(c.data).success, false);
    });
  }

  // Rules only the loader checks: refinements a JSON Schema cannot express. Listed so that a change
  // in either direction (the JSON Schema learning one, or the loader losing one) is noticed.
  const loaderOnly: Array<{ name: string; data: Json }> = [
    { name: 'a date that is not in the calendar', data: withFact(fact('a', { asOf: '2026-02-30' })) },
    { name: 'a quote fact with no quote', data: withFact(fact('a', { kind: 'quote' })) },
    { name: 'a quantity fact with no value', data: withFact(fact('a', { kind: 'quantity' })) },
    { name: 'a role fact whose value is not a role', data: withFact(fact('a', { kind: 'role', value: { type: 'number', amount: 1 } })) },
    { name: 'a range whose min exceeds its max', data: withFact(fact('a', { value: { type: 'range', min: 5, max: 1 } })) },
  ];
  for (const c of loaderOnly) {
    it(`leaves ${c.name} to the loader`, () => {
      assert.equal(validate(c.data), true, JSON.stringify(validate.errors));
      assert.equal(Dataset.safeParse(c.data).success, false);
    });
  }

  it('is contributed for *.facts.json files by package.json', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const entries: Array<{ fileMatch: string | string[]; url: string }> = manifest.contributes?.jsonValidation ?? [];
    const entry = entries.find((e) => [e.fileMatch].flat().includes('*.facts.json'));
    assert.ok(entry, 'contributes.jsonValidation has no entry for *.facts.json');
    assert.equal(path.resolve(repoRoot, entry.url), schemaPath);
  });

  it('is what the datasets in the repository name in "$schema"', () => {
    const files = [
      ...fs.readdirSync(path.join(repoRoot, 'media/datasets')).map((f) => path.join(repoRoot, 'media/datasets', f)),
      path.join(repoRoot, 'test/fixtures/datasets/valid-minimal.facts.json'),
    ].filter((f) => f.endsWith('.facts.json'));
    for (const file of files) {
      const named = /"\$schema"\s*:\s*"([^"]+)"/.exec(fs.readFileSync(file, 'utf8'))?.[1];
      if (named !== undefined) assert.equal(path.resolve(path.dirname(file), named), schemaPath, file);
    }
  });
});
