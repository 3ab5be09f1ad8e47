/**
 * The dataset loader (src/core/dataset/load.ts): every kind of problem with the exact place it is
 * reported at, salvage of the valid rest, and merging several datasets. Fixtures are written
 * inline; expected places are found in the fixture text itself (a needle, or a `§` marker in
 * literal text), never hard-coded line numbers that could drift from the text.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_DATASET_LENGTH, MAX_PROBLEMS_PER_FILE, mergeDatasets, parseDataset, type ParsedDataset } from '../../src/core/dataset/load';
import type { DatasetProblem } from '../../src/core/types';

const repoRoot = path.resolve(__dirname, '../../..');

// ---------------------------------------------------------------------------------------------
// Fixture builders

type Json = Record<string, unknown>;

function fact(id: string, over: Json = {}): Json {
  return {
    id,
    kind: 'quantity',
    statement: `Fact ${id}.`,
    value: { type: 'number', amount: 500, bound: 'approximate' },
    sources: [{ who: 'Iraqi officials', count: 2, kind: 'official' }],
    attribution: 'according to two Iraqi officials',
    ...over,
  };
}

function entity(id: string, over: Json = {}): Json {
  return { id, kind: 'person', name: `Person ${id}`, ...over };
}

function doc(id: string, over: Json = {}): Json {
  return { id, outlet: 'Reuters', headline: `Headline ${id}`, published: '2026-01-30', ...over };
}

function dataset(over: Json = {}): Json {
  return { version: 1, metadata: { title: 'Test dataset', asOf: '2026-01-30' }, documents: [], entities: [], facts: [], ...over };
}

/** Removes keys whose value is undefined, as JSON.stringify does; for "missing field" fixtures. */
function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Where a needle is: the first occurrence after the first occurrence of `after` (if given). */
function find(text: string, needle: string, after?: string): { offset: number; length: number; line: number; character: number } {
  const from = after === undefined ? 0 : text.indexOf(after) + after.length;
  assert.ok(after === undefined || from >= after.length, `fixture has no ${after}`);
  const offset = text.indexOf(needle, from);
  assert.ok(offset >= 0, `fixture has no ${needle} after ${after}`);
  return { offset, length: needle.length, ...lineAndCharacter(text, offset) };
}

/** 0-based line/character of an offset, counting \r\n, \n and \r as line ends. */
function lineAndCharacter(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\n|\r/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** Literal text with one `§` marking where the problem is reported; returns the text without it. */
function marked(raw: string): { text: string; at: { offset: number; line: number; character: number } } {
  const offset = raw.indexOf('§');
  assert.ok(offset >= 0 && raw.indexOf('§', offset + 1) < 0, 'exactly one § marker');
  const text = raw.slice(0, offset) + raw.slice(offset + 1);
  return { text, at: { offset, ...lineAndCharacter(text, offset) } };
}

function describeProblems(problems: readonly DatasetProblem[]): string {
  return problems.map((p) => `  ${p.line}:${p.character} +${p.length} [${p.severity}] ${p.path} | ${p.message}`).join('\n');
}

function keptFactIds(parsed: ParsedDataset): string[] | undefined {
  return parsed.dataset?.facts.map((f) => f.id);
}

// ---------------------------------------------------------------------------------------------

describe('dataset loader', () => {
  describe('syntax errors: each reported where it is, in words', () => {
    const valid = '{\n  "version": 1,\n  "metadata": { "title": "T", "asOf": "2026-01-30" },\n  "facts": []\n}';
    /** `then`: further errors that follow from the first while the parser recovers. */
    const cases: Array<{ name: string; raw: string; message: RegExp; then?: RegExp[] }> = [
      { name: 'trailing comma after the last property', raw: '{\n  "version": 1,\n  "metadata": { "title": "T", "asOf": "2026-01-30"§, }\n}', message: /^trailing comma: JSON allows no comma after the last property$/ },
      { name: 'trailing comma after the last element', raw: '{\n  "version": 1,\n  "metadata": { "title": "T", "asOf": "2026-01-30" },\n  "entities": [ { "id": "e", "kind": "person", "name": "E" }§,\n  ]\n}', message: /^trailing comma: JSON allows no comma after the last element$/ },
      { name: 'line comment', raw: '{\n  "version": 1,\n  §// checked by the desk\n  "metadata": { "title": "T", "asOf": "2026-01-30" }\n}', message: /comments are not allowed/ },
      { name: 'block comment', raw: '{\n  "version": 1, §/* v1 */\n  "metadata": { "title": "T", "asOf": "2026-01-30" }\n}', message: /comments are not allowed/ },
      { name: 'missing comma between properties', raw: '{\n  "version": 1\n  §"metadata": { "title": "T", "asOf": "2026-01-30" }\n}', message: /^expected a comma, found "\\"metadata\\""/ },
      { name: 'a space inside a number', raw: '{\n  "version": 1,\n  "metadata": { "title": "T", "asOf": "2026-01-30" },\n  "n": 7 §000\n}', message: /expected a comma, found "000"/ },
      { name: 'single quotes', raw: '{\n  "version": 1,\n  "metadata": { "title": §\'T\', "asOf": "2026-01-30" }\n}', message: /need double quotes \("\), not single quotes/ },
      { name: 'unquoted property name', raw: '{\n  "version": 1,\n  §metadata: { "title": "T", "asOf": "2026-01-30" }\n}', message: /^property names need double quotes: "metadata"$/,
        then: [/^unexpected text after the end of the dataset/] },
      { name: 'unterminated string', raw: '{\n  "version": 1,\n  "metadata": { "title": §"Transfers,\n    "asOf": "2026-01-30" }\n}', message: /^unterminated string/,
        then: [/^expected a comma, found "\\"asOf\\""/] },
      { name: 'NaN', raw: '{\n  "version": 1,\n  "n": §NaN,\n  "metadata": { "title": "T", "asOf": "2026-01-30" }\n}', message: /^NaN is not a JSON value/ },
      { name: 'truncated file', raw: '{\n  "version": 1,\n  "metadata": { "title": "T", "asOf": "2026-01-30" },\n  "facts": [\n§', message: /^unexpected end of file/ },
      { name: 'text after the dataset', raw: `${valid}\n§}`, message: /unexpected text after the end of the dataset/ },
      { name: 'invalid escape', raw: '{\n  "version": 1,\n  "metadata": { "title": §"a \\q b", "asOf": "2026-01-30" }\n}', message: /invalid escape/ },
      { name: 'tab inside a string', raw: '{\n  "version": 1,\n  "metadata": { "title": §"a\tb", "asOf": "2026-01-30" }\n}', message: /control character in string/ },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const { text, at } = marked(c.raw);
        const parsed = parseDataset(text, 'broken.facts.json');
        const expected = [c.message, ...(c.then ?? [])];
        assert.equal(parsed.problems.length, expected.length, `expected ${expected.join(', ')}, got:\n${describeProblems(parsed.problems)}`);
        parsed.problems.forEach((q, i) => {
          assert.match(q.message, expected[i]);
          assert.equal(q.path, '', 'a syntax error has no path; nothing else is judged until the syntax is fixed');
        });
        const [p] = parsed.problems;
        assert.deepEqual({ offset: p.offset, line: p.line, character: p.character }, at, describeProblems(parsed.problems));
        assert.equal(p.severity, 'error');
        assert.equal(p.file, 'broken.facts.json');
      });
    }

    it('reports several independent syntax errors, each once', () => {
      const text = '{\n  "version": 1,\n  "metadata": { "title": "T", "asOf": "2026-01-30", },\n  // note\n  "facts": [1, 2,]\n}';
      const problems = parseDataset(text, 'f').problems.filter((p) => p.path === '');
      assert.deepEqual(problems.map((p) => [p.line, p.message.split(':')[0]]), [
        [2, 'trailing comma'], [3, 'comments are not allowed in JSON datasets'], [4, 'trailing comma'],
      ]);
    });

    it('does not repeat one mistake while the parser recovers from it', () => {
      const { text, at } = marked('{\n  "version": 1,\n  "metadata": { "title": §\'a title with words\',\n    "asOf": "2026-01-30"\n  }\n}');
      const syntax = parseDataset(text, 'f').problems.filter((p) => p.path === '');
      assert.equal(syntax.length, 1, describeProblems(syntax));
      assert.equal(syntax[0].offset, at.offset);
    });
  });

  describe('what a dataset must be', () => {
    const shape = /a dataset is a JSON object: \{ "version": 1, "metadata"/;
    const cases: Array<{ name: string; text: string; message: RegExp; at?: { offset: number; length: number } }> = [
      { name: 'empty file', text: '', message: /^the file is empty: / },
      { name: 'only whitespace', text: ' \n\t\r\n', message: /^the file is empty: / },
      { name: 'top-level array', text: '[\n  {"id": "a"}\n]', message: /^expected a JSON object, got an array: /, at: { offset: 0, length: 1 } },
      { name: 'top-level string', text: '"facts"', message: /^expected a JSON object, got a string: /, at: { offset: 0, length: 7 } },
      { name: 'top-level number', text: ' 42', message: /^expected a JSON object, got a number: /, at: { offset: 1, length: 2 } },
      { name: 'top-level null', text: 'null', message: /^expected a JSON object, got a null: / },
    ];
    for (const c of cases) {
      it(`${c.name}: one clear error, nothing loaded`, () => {
        const parsed = parseDataset(c.text, 'x.facts.json');
        assert.equal(parsed.dataset, undefined);
        assert.equal(parsed.problems.length, 1, describeProblems(parsed.problems));
        assert.match(parsed.problems[0].message, c.message);
        assert.match(parsed.problems[0].message, shape);
        if (c.at) assert.deepEqual({ offset: parsed.problems[0].offset, length: parsed.problems[0].length }, c.at);
      });
    }

    const versions: Array<{ name: string; version: unknown; message: RegExp }> = [
      { name: 'a later version', version: 2, message: /^version: unsupported dataset version 2: this extension reads version 1/ },
      { name: 'a version given as a string', version: '1', message: /^version: unsupported dataset version "1"/ },
    ];
    for (const c of versions) {
      it(`${c.name}: reported at the value, nothing loaded (the format may mean something else)`, () => {
        const text = json(dataset({ version: c.version, facts: [fact('a')] }));
        const parsed = parseDataset(text, 'x');
        assert.equal(parsed.dataset, undefined);
        assert.equal(parsed.problems.length, 1, describeProblems(parsed.problems));
        assert.match(parsed.problems[0].message, c.message);
        assert.equal(parsed.problems[0].path, 'version');
        assert.equal(parsed.problems[0].offset, find(text, JSON.stringify(c.version), '"version"').offset);
      });
    }

    it('a missing version: reported at the opening brace, the facts still load', () => {
      const text = `\n ${json({ metadata: { title: 'T', asOf: '2026-01-30' }, facts: [fact('a')] })}`;
      const parsed = parseDataset(text, 'x');
      assert.deepEqual(keptFactIds(parsed), ['a']);
      assert.equal(parsed.problems.length, 1, describeProblems(parsed.problems));
      const [p] = parsed.problems;
      assert.equal(p.message, 'missing required field "version": add "version": 1');
      assert.equal(p.path, 'version');
      assert.deepEqual([p.line, p.character, p.length], [1, 1, 1]);
    });

    it('a byte order mark is accepted and offsets still count it', () => {
      const text = `\uFEFF${json(dataset({ facts: [fact('a', { kind: 'quantty' })] }))}`;
      const parsed = parseDataset(text, 'x');
      assert.equal(parsed.problems.length, 1, describeProblems(parsed.problems));
      assert.equal(parsed.problems[0].offset, text.indexOf('"quantty"'));
    });

    it(`a text over ${MAX_DATASET_LENGTH / 1024 / 1024} MB gets one error instead of a parse`, () => {
      const text = `{"version": 1, "facts": [${' '.repeat(MAX_DATASET_LENGTH)}]}`;
      const started = Date.now();
      const parsed = parseDataset(text, 'huge.facts.json');
      assert.ok(Date.now() - started < 1000);
      assert.equal(parsed.dataset, undefined);
      assert.equal(parsed.problems.length, 1);
      assert.match(parsed.problems[0].message, /^the dataset is too large to load \(64\.0 MB; the limit is 64\.0 MB\): split it into several files$/);
    });

    const garbage = ['}', ']', '{', '{"version": 1, "metadata": ', '\u0000', '"unterminated', '[[[[[[', '{"a": [}', '{"facts": [{"id": ]}', `${'['.repeat(20000)}${']'.repeat(20000)}`, `{"facts": ${'['.repeat(20000)}`];
    for (const text of garbage) {
      it(`never throws: ${JSON.stringify(text.slice(0, 30))}`, () => {
        const parsed = parseDataset(text, 'g');
        assert.ok(parsed.problems.length > 0);
        for (const p of parsed.problems) {
          assert.ok(p.offset >= 0 && p.offset <= text.length && p.line >= 0 && p.character >= 0, describeProblems([p]));
        }
        assert.doesNotThrow(() => mergeDatasets([parsed]));
      });
    }
  });

  describe('schema errors: field, place and words', () => {
    interface SchemaCase {
      name: string;
      data: Json;
      path: string;
      /** What the problem points at: a needle, found after `after` if given. */
      at: { needle: string; after?: string };
      message: string | RegExp;
      /** Facts that load despite the problem (default: 'ok' only). */
      kept?: string[];
      severity?: 'error' | 'warning';
      /** A change to the generated text, for what JSON.stringify cannot write. */
      edit?: (text: string) => string;
    }
    const ok = fact('ok');
    const withFact = (f: Json): Json => dataset({ facts: [f, ok] });
    const cases: SchemaCase[] = [
      { name: 'wrong type', data: dataset({ facts: [ok, fact('bad', { value: { type: 'number', amount: '500' } })] }), path: 'facts[1].value.amount',
        at: { needle: '"500"' }, message: 'facts[1].value.amount: expected a number, got string "500"' },
      { name: 'missing required field (points at the fact\'s id)', data: withFact(fact('no-attribution', { attribution: undefined })), path: 'facts[0].attribution',
        at: { needle: '"no-attribution"' }, message: 'facts[0]: missing required field "attribution"' },
      { name: 'missing nested field (points at the enclosing key)', data: withFact(fact('bad', { value: { type: 'number' } })), path: 'facts[0].value.amount',
        at: { needle: '"value"', after: '"bad"' }, message: 'facts[0].value: missing required field "amount"' },
      { name: 'missing field of an object without id (points at its opening brace)', data: withFact(fact('bad', { sources: [{ kind: 'official' }] })), path: 'facts[0].sources[0].who',
        at: { needle: '{', after: '"sources"' }, message: 'facts[0].sources[0]: missing required field "who"' },
      { name: 'unknown field (points at the key)', data: withFact(fact('bad', { atribution: 'x' })), path: 'facts[0].atribution',
        at: { needle: '"atribution"' }, message: 'facts[0]: unknown field "atribution" (did you mean "attribution"?)' },
      { name: 'unknown field in a nested object', data: withFact(fact('bad', { value: { type: 'number', amount: 5, bund: 'exact' } })), path: 'facts[0].value.bund',
        at: { needle: '"bund"' }, message: 'facts[0].value: unknown field "bund" (did you mean "bound"?)' },
      { name: '"__proto__" is just an unknown field', data: withFact(JSON.parse(JSON.stringify(fact('bad')).replace('{', '{"__proto__": {"attribution": "x"},')) as Json), path: 'facts[0].__proto__',
        at: { needle: '"__proto__"' }, message: /^facts\[0\]: unknown field "__proto__"/ },
      { name: 'bad enum', data: withFact(fact('bad', { kind: 'quantty' })), path: 'facts[0].kind',
        at: { needle: '"quantty"' }, message: /^facts\[0\]\.kind: expected one of "quantity", "date", .*, got string "quantty" \(did you mean "quantity"\?\)$/ },
      { name: 'bad enum in a source', data: withFact(fact('bad', { sources: [{ who: 'x', kind: 'offical' }] })), path: 'facts[0].sources[0].kind',
        at: { needle: '"offical"' }, message: /got string "offical" \(did you mean "official"\?\)$/ },
      { name: 'bad value type (discriminator)', data: withFact(fact('bad', { value: { type: 'numbr', amount: 5 } })), path: 'facts[0].value.type',
        at: { needle: '"numbr"' }, message: /^facts\[0\]\.value\.type: expected one of "number", "range", .*"role", got string "numbr" \(did you mean "number"\?\)$/ },
      { name: 'value without a type', data: withFact(fact('bad', { value: { amount: 5 } })), path: 'facts[0].value.type',
        at: { needle: '"value"', after: '"bad"' }, message: /^facts\[0\]\.value: missing required field "type" \(one of "number", /, },
      { name: 'date not in YYYY-MM-DD', data: withFact(fact('bad', { asOf: '2026/01/30' })), path: 'facts[0].asOf',
        at: { needle: '"2026/01/30"' }, message: 'facts[0].asOf: expected an ISO date, YYYY-MM-DD (got string "2026/01/30")' },
      { name: 'date that is not in the calendar', data: withFact(fact('bad', { value: { type: 'date', date: '2026-02-30' }, kind: 'date' })), path: 'facts[0].value.date',
        at: { needle: '"2026-02-30"' }, message: 'facts[0].value.date: not a calendar date (got string "2026-02-30")' },
      { name: 'bad id', data: withFact(fact('Transferred So Far')), path: 'facts[0].id',
        at: { needle: '"Transferred So Far"' }, message: 'facts[0].id: ids are lower-case letters, digits, ".", "_" and "-" (got string "Transferred So Far")' },
      { name: 'empty statement', data: withFact(fact('bad', { statement: '   ' })), path: 'facts[0].statement',
        at: { needle: '"   "' }, message: 'facts[0].statement: must not be empty (got string "   ")' },
      { name: 'no sources (points at the key of the empty array)', data: withFact(fact('bad', { sources: [] })), path: 'facts[0].sources',
        at: { needle: '"sources"', after: '"bad"' }, message: 'facts[0].sources: a fact needs at least one source' },
      { name: 'zero count', data: withFact(fact('bad', { sources: [{ who: 'x', kind: 'official', count: 0 }] })), path: 'facts[0].sources[0].count',
        at: { needle: '0', after: '"count"' }, message: 'facts[0].sources[0].count: must be greater than 0, got number 0' },
      { name: 'fractional year', data: withFact(fact('bad', { kind: 'date', value: { type: 'year', year: 2014.5 } })), path: 'facts[0].value.year',
        at: { needle: '2014.5' }, message: /^facts\[0\]\.value\.year: expected a whole number, got number 2014\.5$/ },
      { name: 'negative duration', data: withFact(fact('bad', { kind: 'duration', value: { type: 'duration', amount: -1, unit: 'week' } })), path: 'facts[0].value.amount',
        at: { needle: '-1' }, message: 'facts[0].value.amount: must be greater than 0, got number -1' },
      { name: 'range with min over max', data: withFact(fact('bad', { value: { type: 'range', min: 500, max: 130 } })), path: 'facts[0].value.max',
        at: { needle: '130' }, message: 'facts[0].value.max: min must not exceed max (got number 130)' },
      { name: 'string where an array belongs', data: withFact(fact('bad', { counts: { noun: 'detainees', terms: 'prisoners' } })), path: 'facts[0].counts.terms',
        at: { needle: '"prisoners"' }, message: 'facts[0].counts.terms: expected an array, got string "prisoners"' },
      { name: 'object where a string belongs (points at its key)', data: withFact(fact('bad', { attribution: { text: 'x' } })), path: 'facts[0].attribution',
        at: { needle: '"attribution"', after: '"bad"' }, message: 'facts[0].attribution: expected a string, got an object' },
      { name: 'a quote fact with no quote', data: withFact(fact('bad', { kind: 'quote', value: undefined })), path: 'facts[0].quote',
        at: { needle: '"bad"' }, message: 'facts[0].quote: a quote fact needs "quote": { "text", "speaker" }' },
      { name: 'a quote with no speaker', data: withFact(fact('bad', { kind: 'quote', value: undefined, quote: { text: 'We have slowed down.' } })), path: 'facts[0].quote.speaker',
        at: { needle: '"quote"', after: '"attribution"' }, message: 'facts[0].quote: missing required field "speaker"' },
      { name: 'a quantity with no value', data: withFact(fact('bad', { value: undefined })), path: 'facts[0].value',
        at: { needle: '"bad"' }, message: 'facts[0].value: a quantity fact needs a value' },
      { name: 'a role fact whose value is a number', data: withFact(fact('bad', { kind: 'role' })), path: 'facts[0].value',
        at: { needle: '"value"', after: '"bad"' }, message: 'facts[0].value: a role fact needs a value of type "role"' },
      { name: 'the same key twice in a fact', data: dataset({ facts: [ok, fact('twice')] }), path: 'facts[1].value.amount',
        edit: (t) => `${t.slice(0, t.lastIndexOf('"amount": 500,'))}"amount": 500, "amount": 50,${t.slice(t.lastIndexOf('"amount": 500,') + 14)}`,
        at: { needle: '"amount"', after: '"amount": 500, ' }, message: 'facts[1].value: the key "amount" is given twice (JSON keeps only the last)' },
      { name: 'bad entity kind (facts unaffected)', data: dataset({ entities: [entity('e', { kind: 'persn' })], facts: [ok] }), path: 'entities[0].kind',
        at: { needle: '"persn"' }, message: /^entities\[0\]\.kind: expected one of "person", .*got string "persn" \(did you mean "person"\?\)$/ },
      { name: 'entity without a name', data: dataset({ entities: [entity('e', { name: undefined })], facts: [ok] }), path: 'entities[0].name',
        at: { needle: '"e"' }, message: 'entities[0]: missing required field "name"' },
      { name: 'document with a bad URL', data: dataset({ documents: [doc('d', { url: 'reuters dot com' })], facts: [ok] }), path: 'documents[0].url',
        at: { needle: '"reuters dot com"' }, message: 'documents[0].url: expected a URL such as "https://…", got string "reuters dot com"' },
      { name: 'document without a headline', data: dataset({ documents: [doc('d', { headline: undefined })], facts: [ok] }), path: 'documents[0].headline',
        at: { needle: '"d"' }, message: 'documents[0]: missing required field "headline"' },
      { name: 'unknown top-level field', data: { ...dataset({ facts: [ok] }), factz: [] }, path: 'factz',
        at: { needle: '"factz"' }, message: 'unknown field "factz" (did you mean "facts"?)' },
      { name: 'facts that are not an array', data: dataset({ facts: { ok } }), path: 'facts',
        at: { needle: '"facts"' }, message: 'facts: expected an array, got an object', kept: [] },
      { name: 'bad metadata date (facts still load)', data: dataset({ metadata: { title: 'T', asOf: '30 January 2026' }, facts: [ok] }), path: 'metadata.asOf',
        at: { needle: '"30 January 2026"' }, message: 'metadata.asOf: expected an ISO date, YYYY-MM-DD (got string "30 January 2026")' },
      { name: 'bad language tag', data: dataset({ metadata: { title: 'T', asOf: '2026-01-30', language: 'English' }, facts: [ok] }), path: 'metadata.language',
        at: { needle: '"English"' }, message: 'metadata.language: a BCP 47 language tag such as "en" (got string "English")' },
      { name: 'missing metadata (facts still load)', data: { version: 1, facts: [ok] }, path: 'metadata',
        at: { needle: '{' }, message: 'missing required field "metadata"' },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const text = c.edit ? c.edit(json(c.data)) : json(c.data);
        const parsed = parseDataset(text, 'case.facts.json');
        const merged = mergeDatasets([parsed]);
        const problems = merged.problems.filter((p) => p.path === c.path && p.severity === (c.severity ?? 'error'));
        assert.equal(problems.length, 1, `expected one ${c.severity ?? 'error'} at ${c.path}, got:\n${describeProblems(merged.problems)}`);
        const [p] = problems;
        if (typeof c.message === 'string') assert.equal(p.message, c.message);
        else assert.match(p.message, c.message);
        const at = find(text, c.at.needle, c.at.after);
        assert.deepEqual({ offset: p.offset, length: p.length, line: p.line, character: p.character }, c.at.needle === '{' && !c.at.after ? { ...at, length: 1 } : at,
          `wrong place for:\n${describeProblems([p])}`);
        assert.deepEqual(keptFactIds(parsed), c.kept ?? ['ok']);
        assert.deepEqual(merged.problems.filter((q) => q.severity === 'error' && q.path !== c.path && q.path !== 'metadata'), [],
          'no unrelated errors');
      });
    }

    it('each problem is reported once per field, whatever zod adds (a bad date is not also "not a calendar date")', () => {
      const parsed = parseDataset(json(withFact(fact('bad', { asOf: 'soon' }))), 'f');
      assert.deepEqual(parsed.problems.map((p) => p.path), ['facts[0].asOf']);
    });

    it('several problems in one fact are all reported, in text order', () => {
      const text = json(withFact(fact('bad', { kind: 'quantty', attribution: 5, asOf: 'x' })));
      const parsed = parseDataset(text, 'f');
      assert.deepEqual(parsed.problems.map((p) => p.path), ['facts[0].kind', 'facts[0].attribution', 'facts[0].asOf']);
      assert.ok(parsed.problems.every((p, i) => i === 0 || parsed.problems[i - 1].offset < p.offset));
    });
  });

  describe('locations', () => {
    const cases: Array<{ name: string; text: (body: string) => string }> = [
      { name: 'LF line ends', text: (b) => b },
      { name: 'CRLF line ends', text: (b) => b.replace(/\n/g, '\r\n') },
      { name: 'CR line ends', text: (b) => b.replace(/\n/g, '\r') },
      { name: 'characters outside the BMP count as two UTF-16 units', text: (b) => b.replace('"statement": "Fact bad."', '"statement": "🇮🇶 Fact 😀 bad."') },
      { name: 'tabs and no indentation', text: (b) => b.replace(/\n +/g, '\n\t') },
      { name: 'minified on one line', text: (b) => JSON.stringify(JSON.parse(b)) },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const body = json(dataset({ facts: [fact('ok'), fact('bad', { statement: 'Fact bad.', value: { type: 'number', amount: '500' } })] }));
        const text = c.text(body);
        const parsed = parseDataset(text, 'f');
        assert.equal(parsed.problems.length, 1, describeProblems(parsed.problems));
        const offset = text.indexOf('"500"');
        assert.deepEqual(parsed.problems[0], {
          file: 'f', offset, length: 5, ...lineAndCharacter(text, offset), path: 'facts[1].value.amount',
          message: 'facts[1].value.amount: expected a number, got string "500"', severity: 'error',
        });
      });
    }

    it('a problem in the 70,000th fact is found without parsing the others into a tree, and is exact', () => {
      const facts = Array.from({ length: 70_001 }, (_, i) => fact(`f${i}`));
      facts[70_000] = fact('f70000', { kind: 'quantty' });
      const text = json(dataset({ facts }));
      const parsed = parseDataset(text, 'f');
      assert.equal(parsed.dataset?.facts.length, 70_000);
      assert.equal(parsed.problems.length, 1);
      assert.equal(parsed.problems[0].offset, text.lastIndexOf('"quantty"'));
      assert.equal(parsed.problems[0].line, lineAndCharacter(text, text.lastIndexOf('"quantty"')).line);
    }).timeout(20_000);
  });

  describe('salvage: the valid rest is used', () => {
    it('one bad fact among good ones leaves the good ones in the index', () => {
      const parsed = parseDataset(json(dataset({ facts: [fact('a'), fact('b', { value: { type: 'number', amount: 'many' } }), fact('c')] })), 'f');
      const { index } = mergeDatasets([parsed]);
      assert.deepEqual([...index.facts].map((f) => f.fact.id), ['a', 'c']);
      assert.equal(index.fact('b'), undefined);
      assert.deepEqual(parsed.indexInFile?.facts, [0, 2]);
    });

    it('problems in later facts are located at their place in the file, not in the kept list', () => {
      const text = json(dataset({ facts: [fact('a', { kind: 'x' }), fact('b', { document: 'nowhere' })] }));
      const { problems } = mergeDatasets([parseDataset(text, 'f')]);
      const dangling = problems.find((p) => p.severity === 'warning');
      assert.equal(dangling?.path, 'facts[1].document');
      assert.equal(dangling?.offset, text.indexOf('"nowhere"'));
    });

    it('bad entities and documents are dropped on their own', () => {
      const parsed = parseDataset(json(dataset({
        documents: [doc('d1'), doc('d2', { published: 'yesterday' })],
        entities: [entity('e1', { kind: 'robot' }), entity('e2')],
        facts: [fact('a')],
      })), 'f');
      assert.deepEqual(parsed.dataset?.documents.map((d) => d.id), ['d1']);
      assert.deepEqual(parsed.dataset?.entities.map((e) => e.id), ['e2']);
      assert.deepEqual(keptFactIds(parsed), ['a']);
    });

    it('defaults are applied to what is kept', () => {
      const parsed = parseDataset(json(dataset({ facts: [fact('a', { value: { type: 'number', amount: 5 } })], entities: [entity('e')] })), 'f');
      assert.equal(parsed.dataset?.metadata.language, 'en');
      assert.deepEqual(parsed.dataset?.facts[0].confusableWith, []);
      assert.equal(parsed.dataset?.facts[0].value?.type === 'number' && parsed.dataset.facts[0].value.bound, 'exact');
      assert.deepEqual(parsed.dataset?.entities[0].aliases, []);
    });

    const metadataCases: Array<{ name: string; metadata: unknown; title: string; asOf: string; warning: RegExp }> = [
      { name: 'bad asOf: the latest date in the facts', metadata: { title: 'Desk', asOf: 'today' }, title: 'Desk', asOf: '2026-02-03', warning: /^the metadata is invalid, so the dataset's facts are used with title "Desk" and asOf 2026-02-03$/ },
      { name: 'empty title: the file name', metadata: { title: '', asOf: '2026-01-30' }, title: 'desk.facts.json', asOf: '2026-01-30', warning: /title "desk\.facts\.json" and asOf 2026-01-30/ },
      { name: 'missing', metadata: undefined, title: 'desk.facts.json', asOf: '2026-02-03', warning: /^the metadata is missing, so/ },
      { name: 'not an object', metadata: 'Desk notes', title: 'desk.facts.json', asOf: '2026-02-03', warning: /^the metadata is invalid/ },
    ];
    for (const c of metadataCases) {
      it(`invalid metadata (${c.name}) keeps the facts with a fallback`, () => {
        const parsed = parseDataset(json(dataset({ metadata: c.metadata, facts: [fact('a', { asOf: '2026-02-03' }), fact('b', { asOf: '2026-01-02' })] })), 'notes/desk.facts.json');
        assert.deepEqual(keptFactIds(parsed), ['a', 'b']);
        assert.equal(parsed.dataset?.metadata.title, c.title);
        assert.equal(parsed.dataset?.metadata.asOf, c.asOf);
        const warnings = parsed.problems.filter((p) => p.severity === 'warning');
        assert.equal(warnings.length, 1, describeProblems(parsed.problems));
        assert.match(warnings[0].message, c.warning);
        assert.ok(parsed.problems.some((p) => p.severity === 'error' && p.path.startsWith('metadata')), 'the metadata error itself');
      });
    }

    it('comments and trailing commas are reported but do not cost the facts around them', () => {
      const text = '{\n  "version": 1,\n  "metadata": { "title": "T", "asOf": "2026-01-30", },\n  "facts": [\n    { "id": "a", "kind": "event", "statement": "s", // why\n      "sources": [{ "who": "w", "kind": "official", }], "attribution": "a" },\n  ]\n}';
      const parsed = parseDataset(text, 'f');
      assert.deepEqual(keptFactIds(parsed), ['a']);
      assert.equal(parsed.dataset?.metadata.title, 'T');
      assert.equal(parsed.problems.length, 4, describeProblems(parsed.problems));
      assert.ok(parsed.problems.every((p) => p.severity === 'error' && p.path === ''));
    });

    it('any other syntax error inside a fact drops just that fact; a missing comma between facts drops neither', () => {
      const factText = (id: string, amount: string) => `{ "id": "${id}", "kind": "quantity", "statement": "s", "value": { "type": "number", "amount": ${amount} }, "sources": [{ "who": "w", "kind": "official" }], "attribution": "a" }`;
      const text = `{\n  "version": 1,\n  "metadata": { "title": "T", "asOf": "2026-01-30" },\n  "facts": [\n    ${factText('a', '500')},\n    ${factText('b', '7 000')},\n    ${factText('c', '130')}\n    ${factText('d', '400')}\n  ]\n}`;
      const parsed = parseDataset(text, 'f');
      assert.deepEqual(keptFactIds(parsed), ['a', 'c', 'd']);
      assert.deepEqual(parsed.problems.map((p) => [p.line, p.message.replace(/:.*/, '')]), [[5, 'expected a comma, found "000"'], [7, 'expected a comma, found "{"']]);
    });

    it('a syntax error in the metadata: the facts still load with the fallback metadata; only the syntax error is reported', () => {
      const text = '{\n  "version": 1,\n  "metadata": { "title": "T" "asOf": "2026-01-30" },\n  "facts": [' + json(fact('a', { asOf: '2026-01-29' })) + ']\n}';
      const parsed = parseDataset(text, 'f');
      assert.deepEqual(keptFactIds(parsed), ['a']);
      assert.deepEqual(parsed.dataset?.metadata, { title: 'f', language: 'en', asOf: '2026-01-29' });
      assert.deepEqual(parsed.problems.map((p) => [p.line, p.path, p.message.replace(/:.*/, '')]), [[2, '', 'expected a comma, found "\\"asOf\\""']]);
    });

    it(`lists at most ${MAX_PROBLEMS_PER_FILE} problems per file, then says how many more`, () => {
      const facts = Array.from({ length: MAX_PROBLEMS_PER_FILE + 50 }, (_, i) => fact(`f${i}`, { kind: 'bad' }));
      const parsed = parseDataset(json(dataset({ facts: [...facts, fact('ok')] })), 'f');
      assert.deepEqual(keptFactIds(parsed), ['ok']);
      assert.equal(parsed.problems.length, MAX_PROBLEMS_PER_FILE + 1);
      assert.equal(parsed.problems[MAX_PROBLEMS_PER_FILE].message, `50 more problems not listed (only the first ${MAX_PROBLEMS_PER_FILE} are)`);
    });
  });

  describe('duplicate ids', () => {
    const withinFile: Array<{ name: string; data: Json; path: string; first: string; kept: (p: ParsedDataset) => unknown[]; message: RegExp }> = [
      { name: 'facts', data: dataset({ facts: [fact('x', { statement: 'first' }), fact('y'), fact('x', { statement: 'second' })] }),
        path: 'facts[2].id', first: 'facts[0]', kept: (p) => p.dataset?.facts.map((f) => [f.id, f.statement]) ?? [], message: /^facts\[2\]\.id: fact id "x" is already defined at facts\[0\] \(line \d+\); this one is ignored$/ },
      { name: 'entities', data: dataset({ entities: [entity('x', { name: 'first' }), entity('x', { name: 'second' })] }),
        path: 'entities[1].id', first: 'entities[0]', kept: (p) => p.dataset?.entities.map((e) => [e.id, e.name]) ?? [], message: /^entities\[1\]\.id: entity id "x" is already defined at entities\[0\]/ },
      { name: 'documents', data: dataset({ documents: [doc('x', { headline: 'first' }), doc('x', { headline: 'second' })] }),
        path: 'documents[1].id', first: 'documents[0]', kept: (p) => p.dataset?.documents.map((d) => [d.id, d.headline]) ?? [], message: /^documents\[1\]\.id: document id "x" is already defined at documents\[0\]/ },
    ];
    for (const c of withinFile) {
      it(`within a file (${c.name}): the later one is reported at its id and dropped`, () => {
        const text = json(c.data);
        const parsed = parseDataset(text, 'f');
        assert.equal(parsed.problems.length, 1, describeProblems(parsed.problems));
        const [p] = parsed.problems;
        assert.equal(p.path, c.path);
        assert.match(p.message, c.message);
        assert.equal(p.offset, text.lastIndexOf('"x"'));
        const firstLine = lineAndCharacter(text, text.indexOf('"x"')).line;
        assert.ok(p.message.includes(`(line ${firstLine + 1})`), `names the first one's line (1-based) ${firstLine + 1}: ${p.message}`);
        assert.deepEqual(c.kept(parsed).map((k) => (k as unknown[])[1]), c.name === 'facts' ? ['first', `Fact y.`] : ['first']);
      });
    }

    const acrossFiles: Array<{ kind: string; key: 'facts' | 'entities' | 'documents'; make: (id: string, tag: string) => Json; read: (index: ReturnType<typeof mergeDatasets>['index'], id: string) => unknown }> = [
      { kind: 'fact', key: 'facts', make: (id, tag) => fact(id, { statement: tag }), read: (index, id) => index.fact(id)?.fact.statement },
      { kind: 'entity', key: 'entities', make: (id, tag) => entity(id, { name: tag }), read: (index, id) => index.entity(id)?.name },
      { kind: 'document', key: 'documents', make: (id, tag) => doc(id, { headline: tag }), read: (index, id) => index.document(id)?.headline },
    ];
    for (const c of acrossFiles) {
      it(`across files (${c.kind}s): the earlier dataset wins, the later one is reported at its id`, () => {
        const a = json(dataset({ [c.key]: [c.make('shared', 'from a'), c.make('only-a', 'a')] }));
        const b = json(dataset({ [c.key]: [c.make('only-b', 'b'), c.make('shared', 'from b')] }));
        for (const [first, second] of [['a', 'b'], ['b', 'a']]) {
          const texts: Record<string, string> = { a, b };
          const { index, problems } = mergeDatasets([parseDataset(texts[first], `${first}.facts.json`), parseDataset(texts[second], `${second}.facts.json`)]);
          assert.equal(c.read(index, 'shared'), `from ${first}`);
          assert.equal(c.read(index, 'only-a'), 'a');
          assert.equal(c.read(index, 'only-b'), 'b');
          assert.equal(problems.length, 1, describeProblems(problems));
          const [p] = problems;
          assert.equal(p.file, `${second}.facts.json`);
          assert.equal(p.message, `${c.key}[${second === 'a' ? 0 : 1}].id: ${c.kind} id "shared" is already defined in ${first}.facts.json; this one is ignored`);
          assert.equal(p.path, `${c.key}[${second === 'a' ? 0 : 1}].id`);
          assert.equal(p.offset, texts[second].indexOf('"shared"'));
          assert.equal(p.severity, 'error');
        }
      });
    }
  });

  describe('references', () => {
    const cases: Array<{ name: string; data: Json; path: string; needle: string; message: string }> = [
      { name: 'fact.document', data: dataset({ documents: [doc('reuters-jan-30')], facts: [fact('a', { document: 'reuters-jan-31' })] }),
        path: 'facts[0].document', needle: '"reuters-jan-31"', message: 'facts[0].document: no document with id "reuters-jan-31" in the loaded datasets (did you mean "reuters-jan-30"?)' },
      { name: 'quote.speaker', data: dataset({ facts: [fact('a', { kind: 'quote', value: undefined, quote: { text: 'x', speaker: 'rubio' } })] }),
        path: 'facts[0].quote.speaker', needle: '"rubio"', message: 'facts[0].quote.speaker: no entity with id "rubio" in the loaded datasets' },
      { name: 'role entity', data: dataset({ facts: [fact('a', { kind: 'role', value: { type: 'role', entity: 'al-alawi', phrase: 'undersecretary' } })] }),
        path: 'facts[0].value.entity', needle: '"al-alawi"', message: 'facts[0].value.entity: no entity with id "al-alawi" in the loaded datasets' },
      { name: 'sources[].entity', data: dataset({ entities: [entity('tayler')], facts: [fact('a', { sources: [{ who: 'w', kind: 'official' }, { entity: 'taylor', who: 'Tayler', kind: 'expert' }] })] }),
        path: 'facts[0].sources[1].entity', needle: '"taylor"', message: 'facts[0].sources[1].entity: no entity with id "taylor" in the loaded datasets (did you mean "tayler"?)' },
      { name: 'entity.affiliation', data: dataset({ entities: [entity('rubio', { affiliation: 'state-department' })] }),
        path: 'entities[0].affiliation', needle: '"state-department"', message: 'entities[0].affiliation: no entity with id "state-department" in the loaded datasets' },
      { name: 'confusableWith[].fact', data: dataset({ facts: [fact('transferred'), fact('expected', { confusableWith: [{ fact: 'transfered', note: 'n' }] })] }),
        path: 'facts[1].confusableWith[0].fact', needle: '"transfered"', message: 'facts[1].confusableWith[0].fact: no fact with id "transfered" in the loaded datasets (did you mean "transferred"?)' },
      { name: 'a fact confusable with itself', data: dataset({ facts: [fact('a', { confusableWith: [{ fact: 'a', note: 'n' }] })] }),
        path: 'facts[0].confusableWith[0].fact', needle: '"a"', message: 'facts[0].confusableWith[0].fact: a fact cannot be confusable with itself' },
    ];
    for (const c of cases) {
      it(`dangling ${c.name}: a warning at the id, the fact is still used`, () => {
        const text = json(c.data);
        const parsed = parseDataset(text, 'f');
        assert.deepEqual(parsed.problems, [], 'parseDataset alone does not judge references');
        const { index, problems } = mergeDatasets([parsed]);
        assert.equal(problems.length, 1, describeProblems(problems));
        const at = find(text, c.needle, c.needle === '"a"' ? '"confusableWith"' : undefined);
        assert.deepEqual(problems[0], { file: 'f', ...at, path: c.path, message: c.message, severity: 'warning' });
        assert.equal(index.size, (c.data.facts as unknown[]).length);
      });
    }

    it('references resolve across datasets, in either order', () => {
      const bundled = json(dataset({ documents: [doc('reuters')], entities: [entity('rubio', { affiliation: 'us' }), entity('us', { kind: 'place' })], facts: [fact('transferred')] }));
      const user = json(dataset({
        entities: [entity('desk-source', { affiliation: 'us' })],
        facts: [fact('desk', { document: 'reuters', kind: 'quote', value: undefined, quote: { text: 'x', speaker: 'rubio' }, confusableWith: [{ fact: 'transferred', note: 'n' }] })],
      }));
      for (const order of [[bundled, user], [user, bundled]]) {
        const { index, problems } = mergeDatasets(order.map((t, i) => parseDataset(t, `d${i}`)));
        assert.deepEqual(problems, []);
        assert.equal(index.size, 2);
      }
      const alone = mergeDatasets([parseDataset(user, 'user')]);
      // In text order: the fact's new keys follow its template's, in the order given.
      assert.deepEqual(alone.problems.map((p) => p.path), ['entities[0].affiliation', 'facts[0].document', 'facts[0].quote.speaker', 'facts[0].confusableWith[0].fact']);
    });

    it('a reference to an id whose entry was dropped as invalid is dangling', () => {
      const { problems } = mergeDatasets([parseDataset(json(dataset({ entities: [entity('rubio', { kind: 'x' })], facts: [fact('a', { kind: 'quote', value: undefined, quote: { text: 'x', speaker: 'rubio' } })] })), 'f')]);
      assert.deepEqual(problems.map((p) => [p.severity, p.path]), [['error', 'entities[0].kind'], ['warning', 'facts[0].quote.speaker']]);
    });
  });

  describe('mergeDatasets', () => {
    it('keeps array order as priority order and records each origin', () => {
      const a = parseDataset(json(dataset({ metadata: { title: 'A', asOf: '2026-01-30' }, facts: [fact('x'), fact('y', { asOf: '2026-01-01' })] })), 'a');
      const b = parseDataset(json(dataset({ metadata: { title: 'B', asOf: '2026-02-15' }, facts: [fact('z')] })), 'b');
      const { index } = mergeDatasets([a, b]);
      assert.deepEqual(index.origins.map((o) => [o.file, o.title, o.asOf]), [['a', 'A', '2026-01-30'], ['b', 'B', '2026-02-15']]);
      assert.deepEqual([...index.facts].map((f) => [f.fact.id, f.origin.file, f.asOf]), [['x', 'a', '2026-01-30'], ['y', 'a', '2026-01-01'], ['z', 'b', '2026-02-15']]);
    });

    it('groups problems by file in the given order, each file in text order', () => {
      const a = json(dataset({ facts: [fact('x', { document: 'nope' }), fact('bad', { kind: 'x' })] }));
      const b = json(dataset({ facts: [fact('x'), fact('y', { document: 'nope' })] }));
      const { problems } = mergeDatasets([parseDataset(a, 'a'), parseDataset(b, 'b')]);
      assert.deepEqual(problems.map((p) => [p.file, p.path]), [
        ['a', 'facts[0].document'], ['a', 'facts[1].kind'], ['b', 'facts[0].id'], ['b', 'facts[1].document'],
      ]);
    });

    it('keeps the problems of files that could not be read, and skips them', () => {
      const { index, problems } = mergeDatasets([parseDataset('[]', 'bad'), parseDataset(json(dataset({ facts: [fact('a')] })), 'good')]);
      assert.equal(index.size, 1);
      assert.deepEqual(problems.map((p) => p.file), ['bad']);
    });

    it('accepts datasets that were not parsed from text (no locations: line 0)', () => {
      const parsed = parseDataset(json(dataset({ facts: [fact('a')] })), 'a');
      assert.ok(parsed.dataset);
      const plain: ParsedDataset = { file: 'plain', dataset: { ...parsed.dataset, facts: [...parsed.dataset.facts, { ...parsed.dataset.facts[0], document: 'none' }] }, problems: [] };
      const { index, problems } = mergeDatasets([plain]);
      assert.equal(index.size, 1);
      assert.deepEqual(problems.map((p) => [p.path, p.line, p.character, p.severity]), [['facts[1].id', 0, 0, 'error']]);
    });

    it('does not modify the parsed datasets', () => {
      const a = parseDataset(json(dataset({ facts: [fact('x')] })), 'a');
      const b = parseDataset(json(dataset({ facts: [fact('x'), fact('y')] })), 'b');
      mergeDatasets([a, b]);
      assert.deepEqual(keptFactIds(b), ['x', 'y']);
      assert.deepEqual(b.problems, []);
    });
  });

  describe('the broken datasets in test/fixtures/datasets', () => {
    const dir = path.join(repoRoot, 'test/fixtures/datasets');
    /** Per fixture: kept fact ids, and the problems as `line:column severity path message-fragment` (1-based, as the CLI prints). */
    const expected: Record<string, { facts: string[] | undefined; problems: string[] }> = {
      'valid-minimal.facts.json': { facts: ['desk-transferred-so-far', 'desk-alawi-fewer-than-500'], problems: [] },
      'invalid-json.facts.json': {
        facts: ['desk-transferred-so-far', 'desk-iraqis-among-them'],
        problems: [
          '5:25 error  trailing comma', '7:3 error  comments are not allowed', '21:48 error  expected a comma, found "000"',
          '25:5 error  expected a comma, found "{"', '39:22 error  strings and property names need double quotes',
        ],
      },
      'wrong-types.facts.json': {
        facts: ['desk-detention-years'],
        problems: [
          '13:14 error documents[0].url expected a URL', '19:15 error entities[0].kind did you mean "person"',
          '28:46 error facts[0].value.amount expected a number, got string "500"', '36:42 error facts[1].value.date not a calendar date',
          '42:15 error facts[2].kind did you mean "quantity"', '49:13 error facts[3].attribution missing required field "attribution"',
          '53:7 error facts[3].atribution unknown field "atribution"', '59:7 error facts[4].quote.speaker missing required field "speaker"',
        ],
      },
      'duplicate-ids.facts.json': {
        facts: ['desk-transferred-so-far'],
        problems: [
          '9:13 error entities[1].id already defined at entities[0] (line 8)', '21:13 error facts[1].id already defined at facts[0] (line 13)',
          '32:52 error facts[2].value.amount the key "amount" is given twice',
        ],
      },
      'dangling-references.facts.json': {
        facts: ['desk-tayler-quote', 'desk-expected-total'],
        problems: [
          '8:91 warning entities[0].affiliation no entity with id "desk-icct"', '15:85 warning facts[0].quote.speaker did you mean "desk-letta-tayler"',
          '18:19 warning facts[0].document no document with id "desk-interview-notes"', '25:31 warning facts[1].sources[0].entity no entity with id "desk-us-officials"',
          '27:36 warning facts[1].confusableWith[0].fact no fact with id "desk-transfered-so-far"',
        ],
      },
      'not-a-dataset.facts.json': { facts: undefined, problems: ['1:1 error  expected a JSON object, got an array'] },
    };

    it('every fixture is listed here', () => {
      assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort(), Object.keys(expected).sort());
    });

    for (const [file, want] of Object.entries(expected)) {
      it(file, () => {
        const parsed = parseDataset(fs.readFileSync(path.join(dir, file), 'utf8'), file);
        const { problems } = mergeDatasets([parsed]);
        assert.deepEqual(keptFactIds(parsed), want.facts);
        assert.equal(problems.length, want.problems.length, describeProblems(problems));
        problems.forEach((p, i) => {
          const [where, severity, field, ...words] = want.problems[i].split(' ');
          const fragment = words.join(' ');
          assert.equal(`${p.line + 1}:${p.character + 1} ${p.severity} ${p.path}`, `${where} ${severity} ${field}`, describeProblems([p]));
          assert.ok(p.message.includes(fragment), `"${p.message}" should include "${fragment}"`);
        });
      });
    }
  });

  describe('speed', () => {
    it('loads and merges a generated 100,000-fact dataset in well under the limit', () => {
      // About 450 bytes a fact as JSON.stringify indents it: 100,000 facts make some 45 MB.
      const facts = Array.from({ length: 100_000 }, (_, i) => fact(`fact-${i}`, {
        statement: `Around ${500 + i} were moved.`,
        document: 'doc',
        sources: [{ entity: 'officials', who: 'Iraqi officials', kind: 'official' }],
        confusableWith: i > 0 ? [{ fact: `fact-${i - 1}`, note: 'not the same' }] : [],
      }));
      facts[99_999] = fact('last', { kind: 'quantty' });
      const text = json(dataset({ documents: [doc('doc')], entities: [entity('officials', { kind: 'group' })], facts }));
      assert.ok(text.length > 40e6 && text.length < MAX_DATASET_LENGTH, `generated ${(text.length / 1e6).toFixed(1)} MB`);
      const started = performance.now();
      const parsed = parseDataset(text, 'big');
      const { index, problems } = mergeDatasets([parsed]);
      const ms = performance.now() - started;
      assert.equal(index.size, 99_999);
      assert.deepEqual(problems.map((p) => p.path), ['facts[99999].kind']);
      // Measured at about 1 s on a loaded two-core machine; quadratic work would take minutes.
      assert.ok(ms < 8000, `took ${ms.toFixed(0)} ms`);
    }).timeout(60_000);
  });
});
