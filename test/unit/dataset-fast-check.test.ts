/**
 * The loader's fast check of valid elements (src/core/dataset/fast-check.ts) against zod: every
 * element it accepts, zod accepts with the same output (defaults filled in); valid elements of
 * the bundled and generated datasets are accepted; thousands of mutated elements (wrong types,
 * missing and unknown keys, white space, bad dates, enums and numbers) are accepted only when zod
 * accepts them too. And the parse that skips the outline finds keys given twice like the other.
 */
import * as assert from 'node:assert/strict';
import { generateDataset } from '../../bench/dataset';
import { BUNDLED_DATASET_TEXT } from '../../src/core/dataset/bundled';
import { checkElement, lastTally, tally, type ElementKind } from '../../src/core/dataset/fast-check';
import { parseDataset } from '../../src/core/dataset/load';
import { Entity, Fact, SourceDocument } from '../../src/core/dataset/schema';
import { Rng } from '../../bench/rng';

const SCHEMAS = { documents: SourceDocument, entities: Entity, facts: Fact } as const;
const KINDS: ElementKind[] = ['documents', 'entities', 'facts'];

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Accepted -> zod accepts it with an equal output. Returns whether the fast check accepted. */
function agrees(kind: ElementKind, element: unknown, label: string): boolean {
  const zod = SCHEMAS[kind].safeParse(clone(element));
  const mine = clone(element);
  const accepted = checkElement(kind, mine);
  if (accepted) {
    assert.ok(zod.success, `${label}: the fast check accepted what zod rejects: ${JSON.stringify(element)}\n${JSON.stringify(zod.error?.issues)}`);
    assert.deepStrictEqual(mine, zod.data, `${label}: output differs from zod's`);
    // The keys and colons the check counted are the element's (how the loader finds keys given twice).
    assert.equal(lastTally(), tally(element), `${label}: keys counted`);
  }
  return accepted;
}

const NASTY: unknown[] = [
  null, true, false, 0, -1, 0.5, 1e308, -0, 10000, '', ' ', ' x', 'x ', '\u00a0x', 'x\u2028', '\t', 'x', 'X',
  'ab:cd', '-a', '.a', '_a', 'a-', 'a_b.c-9', 'a/b', 'é', 'a b', '2026-02-30', '2026-01-30', '2026-1-30', 'not-a-kind', 'exact', 'role', 'number', 'place', 'quote', 'several',
  [], [''], ['x'], [' x'], [1], {}, { type: 'number', amount: 1 }, { type: 'range', min: 2, max: 1 }, { type: 'role', entity: 'p', phrase: 'x' },
  { fact: 'a', note: 'n' }, { who: 'w', kind: 'official' }, { text: 't', speaker: 's' }, 'https://example.com', 'Has Upper',
];

/** Every path to a value inside `v` (objects and arrays), as key lists. */
function paths(v: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const p = [...prefix, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      paths(x, p, out);
    }
  }
  return out;
}

function mutate(element: unknown, rng: Rng): unknown {
  const m = clone(element) as Record<string, unknown>;
  const all = paths(m);
  const steps = rng.int(1, 2);
  for (let s = 0; s < steps && all.length; s++) {
    const p = all[rng.int(0, all.length - 1)];
    let parent: unknown = m;
    for (const k of p.slice(0, -1)) parent = parent !== null && typeof parent === 'object' ? (parent as Record<string | number, unknown>)[k] : undefined;
    if (parent === null || typeof parent !== 'object') continue;
    const last = p[p.length - 1];
    const at = parent as Record<string | number, unknown> & unknown[];
    switch (rng.int(0, 4)) {
      case 0: delete at[last]; break;
      case 1: at[last] = clone(NASTY[rng.int(0, NASTY.length - 1)]); break;
      case 2: if (!Array.isArray(at)) (at as Record<string, unknown>)[`${String(last)}x`] = 1; else at.push(clone(NASTY[rng.int(0, NASTY.length - 1)])); break;
      case 3: if (typeof at[last] === 'string') at[last] = rng.int(0, 1) ? ` ${String(at[last])}` : `${String(at[last])}\n`; break;
      default: at[last] = clone(NASTY[rng.int(0, NASTY.length - 1)]); if (Array.isArray(at) && rng.int(0, 1)) at.length = 0;
    }
  }
  return m;
}

describe('dataset fast check (fast-check.ts) agrees with zod', () => {
  const bundled = JSON.parse(BUNDLED_DATASET_TEXT) as Record<ElementKind, unknown[]>;
  const generated = JSON.parse(generateDataset(2000)) as Record<ElementKind, unknown[]>;

  it('accepts the valid elements of the bundled and a generated dataset, with zod\'s output', () => {
    for (const [name, dataset] of [['bundled', bundled], ['generated', generated]] as const) {
      for (const kind of KINDS) {
        dataset[kind].forEach((e, i) => {
          const accepted = agrees(kind, e, `${name} ${kind}[${i}]`);
          // Links are left to zod.
          if (!(kind === 'documents' && (e as { url?: string }).url !== undefined)) assert.ok(accepted, `${name} ${kind}[${i}] not accepted`);
        });
      }
    }
  });

  it('accepts mutated elements only when zod does, with zod\'s output', () => {
    const rng = new Rng(11);
    const pool = KINDS.flatMap((kind) => [...bundled[kind], ...generated[kind].slice(0, 300)].map((e) => ({ kind, e })));
    let accepted = 0, rejected = 0;
    for (let n = 0; n < 6000; n++) {
      const { kind, e } = pool[rng.int(0, pool.length - 1)];
      if (agrees(kind, mutate(e, rng), `mutation ${n}`)) accepted++;
      else rejected++;
    }
    assert.ok(accepted > 100 && rejected > 1000, `a useful mix: ${accepted} accepted, ${rejected} rejected`);
  });

  it('counts keys and ":" in strings (tally) like the text of the value', () => {
    for (const v of [bundled, generated.facts.slice(0, 50), { 'a:b': 'c:d:e', x: [{ y: ':' }] }]) {
      const text = JSON.stringify(v, null, 1);
      assert.equal(tally(v), text.split(':').length - 1);
    }
  });
});

describe('dataset loader without an outline finds keys given twice', () => {
  const base = { version: 1, metadata: { title: 'T', asOf: '2026-01-30' }, facts: [] as unknown[] };
  const fact = '{"id": "f-1", "kind": "event", "statement": "S.", "sources": [{"who": "w", "kind": "official"}], "attribution": "a"}';

  it('in a fact, at the top level and in the metadata', () => {
    const twice = '{"id": "f-2", "id": "f-3", "kind": "event", "statement": "S.", "sources": [{"who": "w", "kind": "official"}], "attribution": "a"}';
    for (const text of [
      `{"version": 1, "metadata": {"title": "T", "asOf": "2026-01-30"}, "facts": [${fact}, ${twice}]}`,
      `{"version": 1, "metadata": {"title": "T", "title": "U", "asOf": "2026-01-30"}, "facts": [${fact}]}`,
      `{"version": 1, "version": 1, "metadata": {"title": "T", "asOf": "2026-01-30"}, "facts": [${fact}]}`,
    ]) {
      const p = parseDataset(text, 't.facts.json');
      assert.ok(p.problems.some((x) => /is given twice/.test(x.message)), `${text}: ${JSON.stringify(p.problems)}`);
    }
  });

  it('also when a \\u003a escape puts a ":" in a string', () => {
    const text = `{"version": 1, "metadata": {"title": "T\\u003a", "asOf": "2026-01-30", "asOf": "2026-01-30"}, "facts": [${fact}]}`;
    const p = parseDataset(text, 't.facts.json');
    assert.ok(p.problems.some((x) => /"asOf" is given twice/.test(x.message)), JSON.stringify(p.problems));
  });

  it('a valid dataset has no problems and keeps JSON.parse\'s values', () => {
    const text = JSON.stringify({ ...base, facts: [JSON.parse(fact)] });
    const p = parseDataset(text, 't.facts.json');
    assert.deepEqual(p.problems, []);
    assert.deepStrictEqual(p.dataset?.facts, [Fact.parse(JSON.parse(fact))]);
  });
});
