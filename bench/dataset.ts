/**
 * Generated reference datasets of a given number of facts, in the format of
 * media/datasets/*.facts.json (compact JSON: 100,000 facts must stay under the loader's 64 Mi
 * character limit), with several terms per list. Facts come in stories of 8–30 about one
 * organisation in one place on one beat (councils, schools, sports, …): counts with bounds and
 * alternative statements from other sources, dates, years, durations, places, titles of people,
 * quotes and plain events. Event verbs are shared by every story on a beat (as real datasets share
 * "approved", "recruited", "cut"); the place and organisation are the facts' context words (98%);
 * a larger dataset covers more places (about 20 facts each, up to 10,000 places); people's
 * surnames repeat. So the term index sees realistic buckets rather than one term 100,000 times or
 * 100,000 unique ones.
 */
import { Rng } from './rng';
import { BEATS, FIRST_NAMES, LAST_NAMES, MONTHS, PLACES, TOWNS, capitalizeFirst, fill } from './vocab';

interface Json { [k: string]: unknown }

const COUNTRIES = ['Poland', 'Spain', 'Ireland', 'Germany', 'France', 'Portugal', 'Netherlands', 'Italy'];
const BOUNDS = ['exact', 'exact', 'approximate', 'approximate', 'moreThan', 'lessThan', 'atLeast', 'atMost'] as const;
const VAGUE = ['dozens', 'hundreds', 'thousands', 'several', 'a handful', 'scores'] as const;
const HEDGE_WORDS: Record<string, string> = { exact: '', approximate: 'about ', moreThan: 'more than ', lessThan: 'fewer than ', atLeast: 'at least ', atMost: 'as many as ' };

function slug(s: string): string {
  return s.toLowerCase().replace(/[’']/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function isoDate(r: Rng, year: number): string {
  return `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
}

/** A dataset of exactly `facts` facts, as JSON text; the same for the same seed. */
export function generateDataset(facts: number, seed = 7): string {
  const r = new Rng(seed);
  const entities = new Map<string, Json>();
  const documents: Json[] = [];
  const out: Json[] = [];
  const surnames = [...LAST_NAMES, ...TOWNS.slice(0, 400)];
  // A larger dataset covers more places (about 20 facts each), as a newsroom's archive does.
  const places = PLACES.slice(0, Math.max(50, Math.min(PLACES.length, Math.round(facts / 20))));
  let story = 0;

  while (out.length < facts) {
    story++;
    const beat = r.pick(BEATS);
    const town = r.pick(places);
    const org = fill(r.pick(beat.orgs), town, '');
    const townId = `place-${slug(town)}`;
    const orgId = `org-${slug(org)}`;
    const asOf = isoDate(r, r.int(2022, 2026));
    const year = Number(asOf.slice(0, 4));
    const docId = `doc-${story}`;
    const outlet = r.pick(['Reuters', 'The Gazette', 'Evening Post', 'Local Democracy Service', 'Herald', 'Chronicle']);
    documents.push({ id: docId, outlet, headline: `${org}: ${r.pick(['figures show', 'what we know', 'latest', 'the numbers'])}`, published: asOf });
    if (!entities.has(townId)) entities.set(townId, { id: townId, kind: 'place', name: town, aliases: [town, `${town} area`] });
    if (!entities.has(orgId)) entities.set(orgId, { id: orgId, kind: 'organisation', name: org, aliases: [org, org.replace(/^(?:the )?\S+ /, '')].filter((a, i, all) => all.indexOf(a) === i), affiliation: townId });
    const people = Array.from({ length: r.int(1, 3) }, (_, k) => {
      const first = r.pick(FIRST_NAMES), last = r.pick(surnames);
      const id = `person-${story}-${k}`;
      const role = r.pick(beat.roles);
      entities.set(id, { id, kind: 'person', name: `${first} ${last}`, aliases: [`${first} ${last}`, last], title: `${role} of ${org}`, affiliation: orgId });
      return { id, name: `${first} ${last}`, last, role };
    });
    const spokes = people[0];
    const sourcesFor = (): Json[] => {
      const n = r.chance(0.3) ? 2 : 1;
      return Array.from({ length: n }, (_, i) => {
        const kind = r.pick(['official', 'statement', 'spokesperson', 'document', 'reporting', 'anonymous'] as const);
        if (i === 0 && kind !== 'anonymous' && kind !== 'reporting') return { entity: spokes.id, who: spokes.name, kind: 'official', terms: [spokes.last, `the ${spokes.role}`] };
        if (kind === 'reporting') return { who: `${outlet} reporting`, kind, terms: [outlet, 'reported'] };
        if (kind === 'document') return { entity: orgId, who: `${org} annual report`, kind, terms: [`${org} figures`, 'figures', 'annual report'] };
        if (kind === 'anonymous') return { who: `people familiar with ${org}`, kind, count: r.int(2, 5), terms: ['sources', 'people familiar with the matter', `${town} sources`] };
        return { entity: orgId, who: org, kind, terms: [org, `a spokesperson for ${org}`, 'officials'] };
      });
    };
    const attribution = (srcs: Json[]): string => {
      const s = srcs[0];
      return s.kind === 'reporting' ? `as ${outlet} reported` : `according to ${String(s.who)}`;
    };
    // Facts are as of their story's date when it differs from the dataset's (one in three).
    const common = (srcs: Json[]) => ({ sources: srcs, attribution: attribution(srcs), document: docId, ...(story % 3 === 0 ? { asOf } : {}) });
    // Facts about a place name it (a fact that binds on its verb alone would bind in every story).
    const context = () => (r.chance(0.98) ? [town, org] : []);
    const target = Math.min(facts - out.length, r.int(8, 30));
    const storyFacts: Json[] = [];
    const add = (f: Json) => { if (storyFacts.length < target) storyFacts.push(f); };

    for (const m of beat.measures) {
      const events = r.some(m.events, r.int(3, m.events.length)).concat(r.chance(0.4) ? [`${town} ${m.events[0]}`] : []);
      const eventObj = { label: fill(m.label, town, org), terms: events, context: context(), excludes: r.some(m.excludes, r.int(1, m.excludes.length)) };
      const counts = { noun: m.noun, terms: r.some(m.nouns, r.int(2, m.nouns.length)) };
      const amount = r.int(m.min, m.max);
      const bound = r.pick(BOUNDS);
      const kinds: Json[] = r.chance(0.15) ? [{ type: 'vague', word: r.pick(VAGUE) }] : [{ type: 'number', amount, bound }];
      // Alternative statements of one figure from another source ("about 500" / "under 500").
      if (r.chance(0.35)) kinds.push({ type: 'number', amount: Math.round(amount * 1.05), bound: 'lessThan' });
      kinds.forEach((value, i) => {
        const srcs = sourcesFor();
        const valueText = value.type === 'vague' ? String(value.word) : `${HEDGE_WORDS[String(value.bound)] ?? ''}${Number(value.amount).toLocaleString('en-US')}`;
        add({
          id: `s${story}-${m.key}${i ? `-alt${i}` : ''}`, kind: 'quantity',
          statement: capitalizeFirst(`${valueText} ${m.noun} ${fill(m.label, town, org).replace(/^\S+ /, '')}.`),
          value, counts, event: eventObj, ...common(srcs),
          ...(i ? { confusableWith: [{ fact: `s${story}-${m.key}`, note: 'A different source gives a different bound' }] } : {}),
        });
      });
    }
    const d = beat.dated;
    add({ id: `s${story}-date`, kind: 'date', statement: `${capitalizeFirst(fill(d.label, town, org))} took place on ${asOf}.`, value: { type: 'date', date: isoDate(r, year) }, event: { label: fill(d.label, town, org), terms: r.some(d.events, r.int(2, d.events.length)), context: context(), excludes: [] }, ...common(sourcesFor()) });
    const y = beat.founded;
    add({ id: `s${story}-year`, kind: 'date', statement: `${capitalizeFirst(fill(y.label, town, org))}.`, value: { type: 'year', year: r.int(1870, 2021) }, event: { label: fill(y.label, town, org), terms: r.some(y.events, r.int(2, y.events.length)), context: [org], excludes: [] }, ...common(sourcesFor()) });
    const l = beat.lasting;
    add({ id: `s${story}-duration`, kind: 'duration', statement: `${capitalizeFirst(fill(l.label, town, org))} lasted some time.`, value: { type: 'duration', amount: r.int(1, 18), unit: l.unit, bound: r.pick(['exact', 'moreThan', 'lessThan', 'approximate']) }, event: { label: fill(l.label, town, org), terms: l.events, context: context(), excludes: ['expected', 'could'] }, ...common(sourcesFor()) });
    if (r.chance(0.3)) {
      const country = r.pick(COUNTRIES);
      add({ id: `s${story}-place`, kind: 'place', statement: `${org} moved work to ${country}.`, value: { type: 'place', name: country, aliases: [] }, event: { label: `where ${org} moved work`, terms: ['moved production', 'relocated', 'moved work', 'offshored'], context: [org], excludes: [] }, ...common(sourcesFor()) });
    }
    for (const p of people) {
      add({ id: `s${story}-role-${p.id.split("-").pop()}`, kind: 'role', statement: `${p.name} is ${p.role} of ${org}.`, value: { type: 'role', entity: p.id, phrase: `${p.role} of ${org}`, beforeName: capitalizeFirst(p.role), accepted: [p.role, `${p.role} at ${org}`, `${org} ${p.role}`] }, ...common([{ entity: p.id, who: p.name, kind: 'official', terms: [p.last] }]) });
      const quote = fill(r.pick(beat.quotes), town, org);
      add({ id: `s${story}-quote-${p.id.split("-").pop()}`, kind: 'quote', statement: `${p.name} said: ${quote}.`, quote: { text: `${quote}, ${r.pick(['and that is what matters', 'whatever happens next', `for ${town}`, 'this year above all', 'and we will say so'])}`, speaker: p.id }, ...common([{ entity: p.id, who: p.name, kind: 'official', terms: [p.last] }]), attribution: `${p.name} said` });
    }
    add({ id: `s${story}-event`, kind: 'event', statement: `${org} said it would publish new figures in ${MONTHS[r.int(0, 11)]}.`, event: { label: `${org} publication`, terms: ['publish', 'published', 'figures'], context: [org], excludes: [] }, ...common(sourcesFor()) });
    add({ id: `s${story}-sources`, kind: 'source-count', statement: `${capitalizeFirst(String(r.int(2, 6)))} sources described the plans.`, value: { type: 'number', amount: r.int(2, 6), bound: 'exact' }, counts: { noun: 'sources', terms: ['sources', 'people familiar with the matter', 'officials'] }, event: { label: `sources on ${org}`, terms: ['said', 'told', 'described'], context: [org], excludes: [] }, ...common(sourcesFor()) });
    // A story shorter than its target tops up with further counts on the same event.
    while (storyFacts.length < target) {
      const m = r.pick(beat.measures);
      const k = storyFacts.length;
      storyFacts.push({ id: `s${story}-extra-${k}`, kind: 'quantity', statement: `Another figure on ${fill(m.label, town, org)}.`, value: { type: 'number', amount: r.int(m.min, m.max), bound: r.pick(BOUNDS) }, counts: { noun: m.noun, terms: r.some(m.nouns, 2) }, event: { label: `${fill(m.label, town, org)} (${k})`, terms: r.some(m.events, 3), context: [town], excludes: r.some(m.excludes, 1) }, ...common(sourcesFor()) });
    }
    out.push(...storyFacts);
  }

  const dataset = {
    $schema: '../dataset.schema.json',
    version: 1,
    metadata: { title: `Generated benchmark dataset (${facts} facts)`, description: 'Local news facts generated by bench/dataset.ts.', language: 'en', asOf: '2026-01-30' },
    documents,
    entities: [...entities.values()],
    facts: out,
  };
  return JSON.stringify(dataset);
}
