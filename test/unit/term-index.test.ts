/**
 * The term index (match/term-index.ts): bindingCandidates() gives exactly the facts a plain scan of
 * every term finds that bind.ts can bind, in the order of their first words, with their hits, on
 * generated drafts against the bundled and generated datasets.
 */
import * as assert from 'node:assert/strict';
import { BUNDLED, loadIndex } from '../../bench/core';
import { generateDataset } from '../../bench/dataset';
import { generateDraft } from '../../bench/draft';
import { parseDraft } from '../../src/core/markdown';
import { analyzeBlock, type Sentence } from '../../src/core/analyze';
import { termIndexFor, type CompiledFact, type TermHit, type TermIndex } from '../../src/core/match/term-index';
import { termStems, type Token } from '../../src/core/text/tokens';
import type { FactIndex } from '../../src/core/dataset/fact-index';

/** The index as first written: every term under its first stem, scanned position by position. */
function referenceScan(terms: TermIndex, tokens: readonly Token[]): Map<CompiledFact, TermHit[]> {
  const entries: Array<{ cf: CompiledFact; role: TermHit['role']; stems: string[] }> = [];
  for (const cf of terms.compiled) {
    for (const [role, list] of [['counts', cf.counts], ['event', cf.event], ['context', cf.context], ['exclude', cf.excludes]] as const) for (const stems of list) entries.push({ cf, role, stems });
    const v = cf.fact.value;
    if (v?.type === 'place') for (const name of [v.name, ...v.aliases]) { const stems = termStems(name); if (stems.length) entries.push({ cf, role: 'place', stems }); }
  }
  const hits = new Map<CompiledFact, TermHit[]>();
  for (let i = 0; i < tokens.length; i++) {
    for (const e of entries) {
      if (e.stems[0] !== tokens[i].stem || i + e.stems.length > tokens.length || e.stems.some((s, k) => tokens[i + k].stem !== s)) continue;
      let list = hits.get(e.cf);
      if (!list) hits.set(e.cf, (list = []));
      list.push({ role: e.role, start: i, end: i + e.stems.length, length: e.stems.length });
    }
  }
  return hits;
}

/** What bindAt can bind: a context word if the fact has any, an event word if it has any. */
function bindable(all: Map<CompiledFact, TermHit[]>, labels: Map<CompiledFact, TermHit[]>): (cf: CompiledFact) => boolean {
  return (cf) => {
    const hits = [...(all.get(cf) ?? []), ...(labels.get(cf) ?? [])];
    return (!cf.context.length || hits.some((h) => h.role === 'context')) && (!cf.event.length || hits.some((h) => h.role === 'event'));
  };
}

const only = (m: Map<CompiledFact, TermHit[]>, keep: (cf: CompiledFact) => boolean) => new Map([...m].filter(([cf]) => keep(cf)));

function sentences(seed: number): Sentence[] {
  return parseDraft(generateDraft(1500, seed)).blocks.flatMap(analyzeBlock);
}

describe('term index', function () {
  this.timeout(60_000);
  const indexes: Array<[string, FactIndex]> = [
    ['bundled', loadIndex([BUNDLED]).index],
    ['bundled + 2,000 generated facts', loadIndex([BUNDLED, { file: 'g.facts.json', text: generateDataset(2000, 8) }]).index],
  ];

  for (const [name, index] of indexes) {
    it(`gives binding candidates: the facts a plain scan finds that can be bound, with their hits (${name})`, () => {
      const terms = termIndexFor(index);
      let bound = 0;
      for (const s of sentences(32)) {
        const all = referenceScan(terms, s.tokens), labels = referenceScan(terms, s.contextTokens);
        const keep = bindable(all, labels);
        const want = [...new Set([...only(all, keep).keys(), ...only(labels, keep).keys()])].map((cf) => {
          const hs = all.get(cf) ?? [], ls = labels.get(cf) ?? [];
          const labelEvents = ls.filter((h) => h.role === 'event');
          return {
            id: cf.fact.id,
            events: hs.filter((h) => h.role === 'event'),
            excludes: hs.filter((h) => h.role === 'exclude'),
            labelEvents,
            labelEventLength: labelEvents.reduce((a, h) => a + h.length, 0),
            hasLabelExclude: ls.some((h) => h.role === 'exclude'),
          };
        });
        const got = terms.bindingCandidates(s.tokens, s.contextTokens).map(({ cf, ...rest }) => ({ id: cf.fact.id, ...rest }));
        assert.deepEqual(got, want, s.text);
        bound += got.length;
      }
      assert.ok(bound > 0, 'no sentence could be bound to any fact');
    });
  }

  it('orders many candidates of one sentence by their first word, then the datasets\' order', () => {
    // 70 facts bound in one sentence (more than a sentence usually has): half reached by the
    // sentence's first word, half by a later one, interleaved in the dataset.
    const facts = Array.from({ length: 70 }, (_, i) => ({
      id: `many-${i}`, kind: 'quantity', statement: `Fact ${i}.`,
      value: { type: 'number', amount: 100 + i, bound: 'exact' },
      counts: { noun: 'homes', terms: i % 3 ? ['homes'] : ['homes', 'flats'] },
      event: { label: 'approved', terms: ['approved'], context: [i % 2 ? 'Ashford' : 'council'] },
      sources: [{ who: 'the council', kind: 'official' }], attribution: 'according to the council',
    }));
    const text = JSON.stringify({ version: 1, metadata: { title: 'Many', asOf: '2026-01-30' }, documents: [], entities: [], facts });
    const index = loadIndex([{ file: 'many.facts.json', text }]).index;
    const terms = termIndexFor(index);
    const [s] = parseDraft('Ashford flats: the council approved 300 homes.\n').blocks.flatMap(analyzeBlock);
    const all = referenceScan(terms, s.tokens);
    const got = terms.bindingCandidates(s.tokens, s.contextTokens).map((c) => c.cf.fact.id);
    assert.equal(got.length, 70);
    assert.deepEqual(got, [...all.keys()].map((cf) => cf.fact.id));
    assert.notDeepEqual(got, facts.map((f) => f.id), 'not simply the datasets\' order');
  });

  it('knows every stem of the datasets\' words (the vocabulary)', () => {
    for (const [, index] of indexes) {
      const want = new Set<string>();
      for (const { fact: f } of index.facts) {
        for (const text of [f.statement, f.attribution, f.counts?.noun ?? '', f.event?.label ?? '', ...f.sources.flatMap((x) => [x.who, ...x.terms])]) for (const st of termStems(text)) want.add(st);
        for (const text of [...(f.counts?.terms.length ? f.counts.terms : f.counts ? [f.counts.noun] : []), ...(f.event?.terms ?? []), ...(f.event?.context ?? []), ...(f.event?.excludes ?? [])]) for (const st of termStems(text)) want.add(st);
      }
      for (const e of index.entities) for (const text of [e.name, e.title ?? '', ...e.aliases]) for (const st of termStems(text)) want.add(st);
      assert.deepEqual([...termIndexFor(index).vocabulary].sort(), [...want].sort());
    }
  });

  it('finds the quotes that share enough of a draft quote\'s words, as counting every quote would', () => {
    const terms = termIndexFor(loadIndex([BUNDLED, { file: 'g.facts.json', text: generateDataset(3000, 9) }]).index);
    const quotes = [...terms.quotes].map((cf) => cf.fact.quote!.text);
    const drafts = [...quotes.slice(0, 40), ...quotes.slice(0, 40).map((q) => q.split(' ').reverse().slice(1).join(' ')), 'the we a and of it is', 'Our staff have worked under pressure this year', 'It\'s a trap'];
    let nonEmpty = 0;
    for (const q of drafts) {
      const stems = new Set(termStems(q));
      for (const m of [1, 2, Math.max(Math.min(2, stems.size), Math.ceil(stems.size * 0.5)), stems.size]) {
        const counts = new Map<CompiledFact, number>();
        for (const s of stems) for (const cf of terms.quoteWords.get(s) ?? []) counts.set(cf, (counts.get(cf) ?? 0) + 1);
        const want = [...counts].filter(([, n]) => n >= m).map(([cf, n]) => [cf.fact.id, n]);
        const got = [...terms.quoteCandidates(stems, m)].map(([cf, n]) => [cf.fact.id, n]);
        assert.deepEqual(got, want, `${q} (at least ${m})`);
        if (got.length) nonEmpty++;
      }
    }
    assert.ok(nonEmpty > 20);
  });

  it('finds entity mentions longest first, in the order of the aliases', () => {
    const terms = termIndexFor(indexes[1][1]);
    for (const s of sentences(33)) {
      const got = terms.entityMentions(s.tokens);
      assert.equal(terms.entityMentions(s.tokens), got, 'mentions are computed once per token list');
      // Reference: at each position the first longest alias, in the datasets' order.
      const aliases = [...indexes[1][1].entities].flatMap((e) => [...new Set([e.name, ...e.aliases])].map((alias) => ({ entity: e, alias, stems: termStems(alias) }))).filter((a) => a.stems.length);
      const want: typeof got = [];
      for (let i = 0; i < s.tokens.length; i++) {
        let best: (typeof aliases)[number] | undefined;
        for (const a of aliases) if (i + a.stems.length <= s.tokens.length && a.stems.every((st, k) => s.tokens[i + k].stem === st) && (!best || a.stems.length > best.stems.length)) best = a;
        if (best) { want.push({ entity: best.entity, start: i, end: i + best.stems.length, alias: best.alias }); i += best.stems.length - 1; }
      }
      assert.deepEqual(got, want, s.text);
    }
  });
});
