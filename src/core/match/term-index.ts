/**
 * Dataset terms compiled to stem sequences, with inverted indexes on each term's first stem (first
 * two for longer terms), so that the facts a sentence can be about are found from its words, not
 * by scanning every fact: `bindingHits` reaches a fact only through the words it cannot be bound
 * without (its context words, else its event words). Built once per FactIndex (cached) and only
 * read by the checker.
 */
import type { Entity, Fact } from '../dataset/schema';
import type { FactIndex, IndexedFact } from '../dataset/fact-index';
import { eachStem, stem, termStems, TOKEN_RE, type Token } from '../text/tokens';
import { TermsIn } from './terms-in';

export type TermRole = 'counts' | 'event' | 'context' | 'exclude' | 'place';

export interface CompiledFact {
  indexed: IndexedFact;
  fact: Fact;
  counts: string[][];
  event: string[][];
  context: string[][];
  excludes: string[][];
  /** Stems of a place fact's names (its 'place' terms); none for other facts. */
  places: readonly string[][];
}

/** `ord` orders entries as they were added: scans report hits in (position, ord) order. */
interface TermEntry { cf: CompiledFact; role: TermRole; stems: string[]; ord: number }
interface AliasEntry { entity: Entity; stems: string[]; alias: string; ord: number }

/** Room for the terms of one fact in an `ord` (fact order × TERMS_PER_FACT + the term's place). */
const TERMS_PER_FACT = 2 ** 20;

/** The key of a term's bucket: its first stem (one-word terms) or first two stems (longer terms),
 *  so that "in Iraq" is looked up under "in iraq", not with every term that starts with "in". */
function bucketKey(stems: readonly string[]): string {
  return stems.length > 1 ? `${stems[0]}\u0001${stems[1]}` : stems[0];
}

/** Entries by bucket key, each bucket in insertion order. */
class Buckets<T extends { stems: string[]; ord: number }> {
  private readonly one = new Map<string, T[]>();
  private readonly two = new Map<string, T[]>();
  /** First stems of the longer terms: the pair key is only built for these. */
  private readonly firstOfTwo = new Set<string>();

  add(entry: T): void {
    const map = entry.stems.length > 1 ? this.two : this.one;
    const key = bucketKey(entry.stems);
    if (entry.stems.length > 1) this.firstOfTwo.add(entry.stems[0]);
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  }

  /** Entries that may match at `tokens[i]` (within `to`), in insertion order. */
  at(tokens: readonly Token[], i: number, to: number): readonly T[] | undefined {
    const a = this.one.get(tokens[i].stem);
    const b = i + 1 < to && this.firstOfTwo.has(tokens[i].stem) ? this.two.get(`${tokens[i].stem}\u0001${tokens[i + 1].stem}`) : undefined;
    if (!b) return a;
    if (!a) return b;
    const out: T[] = [];
    for (let x = 0, y = 0; x < a.length || y < b.length;) out.push(y >= b.length || (x < a.length && a[x].ord < b[y].ord) ? a[x++] : b[y++]);
    return out;
  }
}

/** Facts by the bucket keys of their gate terms (see `bindingHits`). Facts whose gate terms are one
 *  shared list (a story's context words) are one group, entered once per term of the list. */
class Gates {
  /** Groups by their gate list (compiled lists are shared, see compileTerms). */
  private readonly groups = new Map<string[][], CompiledFact[]>();
  /** Per bucket key: gate terms and the group of facts each gates, as parallel arrays. */
  private readonly stems = new Map<string, string[][]>();
  private readonly facts = new Map<string, CompiledFact[][]>();
  private readonly firstOfTwo = new Set<string>();

  /** A fact gated by any term of `list`. */
  addList(cf: CompiledFact, list: string[][]): void {
    const group = this.groups.get(list);
    if (group) { group.push(cf); return; }
    const facts = [cf];
    this.groups.set(list, facts);
    for (const stems of list) this.addTerm(stems, facts);
  }

  /** Construction is over: the groups are no longer needed. */
  done(): void {
    this.groups.clear();
  }

  /** A fact gated by one term. */
  add(cf: CompiledFact, stems: string[]): void {
    this.addTerm(stems, [cf]);
  }

  private addTerm(stems: string[], facts: CompiledFact[]): void {
    const key = bucketKey(stems);
    if (stems.length > 1) this.firstOfTwo.add(stems[0]);
    const list = this.stems.get(key);
    if (list) { list.push(stems); this.facts.get(key)!.push(facts); }
    else { this.stems.set(key, [stems]); this.facts.set(key, [facts]); }
  }

  /** Adds to `out` the groups of facts whose gate term occurs at `tokens[i]`. */
  collect(tokens: readonly Token[], i: number, out: Set<readonly CompiledFact[]>): void {
    const stem = tokens[i].stem;
    this.collectKey(stem, tokens, i, out);
    if (i + 1 < tokens.length && this.firstOfTwo.has(stem)) this.collectKey(`${stem}\u0001${tokens[i + 1].stem}`, tokens, i, out);
  }

  private collectKey(key: string, tokens: readonly Token[], i: number, out: Set<readonly CompiledFact[]>): void {
    const groups = this.facts.get(key);
    if (!groups) return;
    const stems = this.stems.get(key)!;
    for (let k = 0; k < groups.length; k++) if (matchesAt(tokens, i, stems[k], tokens.length)) out.add(groups[k]);
  }
}

/** The compiled facts by id: found through the fact index (its facts' ordinals), not a map of its own. */
class CompiledById implements ReadonlyMap<string, CompiledFact> {
  constructor(private readonly index: FactIndex, private readonly list: readonly CompiledFact[]) {}
  get size(): number { return this.list.length; }
  get(id: string): CompiledFact | undefined {
    const indexed = this.index.fact(id);
    return indexed ? this.list[indexed.ordinal] : undefined;
  }
  has(id: string): boolean { return this.get(id) !== undefined; }
  values(): IterableIterator<CompiledFact> { return this.list.values(); }
  *keys(): IterableIterator<string> { for (const cf of this.list) yield cf.fact.id; }
  *entries(): IterableIterator<[string, CompiledFact]> { for (const cf of this.list) yield [cf.fact.id, cf]; }
  [Symbol.iterator](): IterableIterator<[string, CompiledFact]> { return this.entries(); }
  forEach(fn: (value: CompiledFact, key: string, map: ReadonlyMap<string, CompiledFact>) => void, thisArg?: unknown): void {
    for (const cf of this.list) fn.call(thisArg, cf, cf.fact.id, this);
  }
}

/** A fact's place in the datasets' order (scans report hits in that order): its place in the index. */
function orderOf(cf: CompiledFact): number {
  return cf.indexed.ordinal;
}

/** A fact a sentence can be bound to, with the words of it that binding reads. */
export interface BindingCandidate {
  cf: CompiledFact;
  /** Its event and excluding words in the sentence, by position (then term order). */
  events: readonly TermHit[];
  excludes: readonly TermHit[];
  /** Its event words in the sentence's table labels. */
  labelEvents: readonly TermHit[];
  /** Summed length of those (0: none). */
  labelEventLength: number;
  /** Does one of its excluding words occur in the labels? */
  hasLabelExclude: boolean;
}

/** A matched term in a token list. */
export interface TermHit { role: TermRole; start: number; end: number; length: number }

type Mention = { entity: Entity; start: number; end: number; alias: string };

export class TermIndex {
  /** For binding: facts that need context words are found by them, facts that need event words
   *  (and no context words) by those, and facts that need neither by any of their terms. */
  private readonly gates = new Gates();
  private readonly aliasByFirst = new Buckets<AliasEntry>();
  /** Every term of every fact, for `scan` (built on its first use). */
  private all: Buckets<TermEntry> | undefined;
  /** The compiled facts by id, in the index's order. */
  readonly compiled: ReadonlyMap<string, CompiledFact>;
  readonly quotes: CompiledFact[] = [];
  readonly roles = new Map<string, CompiledFact[]>(); // entity id -> role facts
  /** Quote facts by the stems of their words, for finding the reference of a draft quote. */
  readonly quoteWords = new Map<string, Set<CompiledFact>>();
  private vocab: Set<string> | undefined;
  /** Every stem of the compiled terms (for the vocabulary). */
  private readonly termStems: ReadonlySet<string>;

  private readonly mentionsOf = new WeakMap<readonly Token[], Mention[]>();

  constructor(readonly index: FactIndex) {
    const compile = new TermCompiler();
    this.termStems = compile.stems;
    const list: CompiledFact[] = [];
    this.compiled = new CompiledById(index, list);
    for (const indexed of index.facts) {
      const f = indexed.fact;
      const cf: CompiledFact = {
        indexed, fact: f,
        counts: f.counts ? (f.counts.terms.length ? compile.list(f.counts.terms) : compile.one(f.counts.noun)) : NONE,
        event: f.event ? compile.list(f.event.terms) : NONE,
        context: f.event ? compile.list(f.event.context) : NONE,
        excludes: f.event ? compile.list(f.event.excludes) : NONE,
        places: f.value?.type === 'place' ? [f.value.name, ...f.value.aliases].map(stemsOf).filter((st) => st.length) : NONE,
      };
      list.push(cf);
      // What binding needs (bind.ts): a context word when the fact has any, and an event word when
      // it has any. Such a fact is reached through those words only.
      if (cf.context.length) this.gates.addList(cf, cf.context);
      else if (cf.event.length) this.gates.addList(cf, cf.event);
      else this.terms(cf, (_role, stems) => this.gates.add(cf, stems));
      if (f.kind === 'quote' && f.quote) {
        this.quotes.push(cf);
        eachStem(f.quote.text, (s) => {
          let set = this.quoteWords.get(s);
          if (!set) this.quoteWords.set(s, (set = new Set()));
          set.add(cf);
        });
      }
      if (f.value?.type === 'role') {
        const list = this.roles.get(f.value.entity);
        if (list) list.push(cf);
        else this.roles.set(f.value.entity, [cf]);
      }
    }
    this.gates.done();
    let ord = 0;
    for (const entity of index.entities) {
      for (const alias of new Set([entity.name, ...entity.aliases])) {
        const stems = stemsOf(alias);
        if (stems.length) this.aliasByFirst.add({ entity, stems, alias, ord: ord++ });
      }
    }
  }

  /** A fact's terms in the order scans report them: counts, event, context, excluding words, place names. */
  private terms(cf: CompiledFact, fn: (role: TermRole, stems: string[], place: number) => void): void {
    let k = 0;
    for (const stems of cf.counts) fn('counts', stems, k++);
    for (const stems of cf.event) fn('event', stems, k++);
    for (const stems of cf.context) fn('context', stems, k++);
    for (const stems of cf.excludes) fn('exclude', stems, k++);
    for (const stems of cf.places) fn('place', stems, k++);
  }

  /** Every stem the datasets use (statements, terms, names, sources): what a draft about the story
   *  talks with. Built on first use. */
  get vocabulary(): ReadonlySet<string> {
    if (this.vocab) return this.vocab;
    // The stems of every term compiled (counts, event, context, excluding words), then the stems of
    // the other texts' words (TOKEN_RE's matches, each distinct word stemmed once). Texts are read
    // as they come, not gathered into a set first: a set of 100,000 statements and labels costs
    // more than reading them. A story's facts follow one another and repeat their label,
    // attribution and sources: a text equal to the previous fact's is not read again.
    const vocab = new Set<string>(this.termStems);
    const words = new Set<string>();
    const read = (text: string) => { for (const w of text.match(TOKEN_RE) ?? []) words.add(w); };
    const nouns = new Set<string>();
    const lists = new Set<readonly string[]>();
    let label = '', attribution = '', who = '';
    for (const cf of this.compiled.values()) {
      const f = cf.fact;
      read(f.statement);
      if (f.attribution !== attribution) read((attribution = f.attribution));
      if (f.counts && !nouns.has(f.counts.noun)) { nouns.add(f.counts.noun); read(f.counts.noun); }
      if (f.event && f.event.label !== label) read((label = f.event.label));
      for (const x of f.sources) {
        if (x.who !== who) read((who = x.who));
        if (!lists.has(x.terms)) { lists.add(x.terms); for (const t of x.terms) read(t); }
      }
    }
    for (const entity of this.index.entities) {
      read(entity.name);
      if (entity.title) read(entity.title);
      for (const a of entity.aliases) read(a);
    }
    // eachStem's stems: each token lower-cased, then stemmed.
    for (const w of words) vocab.add(stem(w.toLowerCase()));
    return (this.vocab = vocab);
  }

  /** Every fact term found in `tokens[from, to)`, grouped by fact. */
  scan(tokens: readonly Token[], from = 0, to = tokens.length): Map<CompiledFact, TermHit[]> {
    if (!this.all) {
      const all = (this.all = new Buckets<TermEntry>());
      for (const cf of this.compiled.values()) {
        const base = orderOf(cf) * TERMS_PER_FACT;
        this.terms(cf, (role, stems, k) => all.add({ cf, role, stems, ord: base + k }));
      }
    }
    const hits = new Map<CompiledFact, TermHit[]>();
    for (let i = from; i < to; i++) {
      const entries = this.all.at(tokens, i, to);
      if (!entries) continue;
      for (const e of entries) {
        if (!matchesAt(tokens, i, e.stems, to)) continue;
        let list = hits.get(e.cf);
        if (!list) hits.set(e.cf, (list = []));
        list.push({ role: e.role, start: i, end: i + e.stems.length, length: e.stems.length });
      }
    }
    return hits;
  }

  /**
   * The facts a sentence can be bound to (bind.ts): those with a context word when they have context
   * words, and an event word when they have event words, in the sentence or its labels. They are
   * reached through those words only, so the cost follows what the sentence can be about, not the
   * size of the datasets; each term list is looked for once per sentence (TermsIn), however many
   * facts share it. Order: the facts with a word in the sentence, by their first word there (then
   * the datasets' order), then those only in the labels, by their first word there.
   */
  bindingCandidates(tokens: readonly Token[], labels: readonly Token[]): BindingCandidate[] {
    const groups = new Set<readonly CompiledFact[]>();
    for (let i = 0; i < tokens.length; i++) this.gates.collect(tokens, i, groups);
    for (let i = 0; i < labels.length; i++) this.gates.collect(labels, i, groups);
    if (groups.size === 0) return [];
    const inSentence = new TermsIn(tokens), inLabels = labels.length ? new TermsIn(labels) : undefined;
    const occurs = (list: readonly string[][]) => inSentence.first(list) >= 0 || (!!inLabels && inLabels.first(list) >= 0);
    const firstIn = (terms: TermsIn, cf: CompiledFact) => earliest(earliest(earliest(earliest(terms.first(cf.counts), terms.first(cf.event)), terms.first(cf.context)), terms.first(cf.excludes)), terms.first(cf.places));
    type Found = { c: BindingCandidate; first: number };
    const bySentence: Found[] = [], byLabels: Found[] = [];
    // A fact is in one group of its context (or event) words; a fact with neither is in one group per term.
    const seen = new Set<CompiledFact>();
    for (const group of groups) {
      for (const cf of group) {
        if (!cf.context.length && !cf.event.length) {
          if (seen.has(cf)) continue;
          seen.add(cf);
        }
        if ((cf.context.length && !occurs(cf.context)) || (cf.event.length && !occurs(cf.event))) continue;
        const first = firstIn(inSentence, cf);
        const firstLabel = first < 0 && inLabels ? firstIn(inLabels, cf) : -1;
        if (first < 0 && firstLabel < 0) continue;
        const labelEvents = inLabels ? inLabels.events(cf.event) : NO_HITS;
        let labelEventLength = 0;
        for (const h of labelEvents) labelEventLength += h.length;
        const c: BindingCandidate = {
          cf,
          events: inSentence.events(cf.event),
          excludes: inSentence.excludes(cf.excludes),
          labelEvents, labelEventLength,
          hasLabelExclude: !!inLabels && cf.excludes.length > 0 && inLabels.first(cf.excludes) >= 0,
        };
        if (first >= 0) bySentence.push({ c, first });
        else byLabels.push({ c, first: firstLabel });
      }
    }
    const order = (a: Found, b: Found) => a.first - b.first || orderOf(a.c.cf) - orderOf(b.c.cf);
    bySentence.sort(order);
    byLabels.sort(order);
    const out: BindingCandidate[] = [];
    for (const f of bySentence) out.push(f.c);
    for (const f of byLabels) out.push(f.c);
    return out;
  }

  /**
   * The quote facts sharing at least `minShared` of `stems` (the stems of a draft quote), with how
   * many they share: exactly the entries of counting `quoteWords.get(s)` over `stems` that reach
   * `minShared`, in that count's order (the first stem each fact shares, then the datasets' order).
   * Only the `stems.length - minShared + 1` rarest stems are looked through for candidates (a fact
   * sharing `minShared` of the stems has one of them), so common words ("the", "we") that thousands
   * of quotes share cost nothing.
   */
  quoteCandidates(stems: Iterable<string>, minShared: number): Map<CompiledFact, number> {
    const list = [...stems];
    const sets = list.map((s) => this.quoteWords.get(s));
    const present = list.map((_, i) => i).filter((i) => sets[i]);
    const m = Math.max(1, Math.ceil(minShared));
    const out = new Map<CompiledFact, number>();
    if (present.length < m) return out;
    const rarest = [...present].sort((a, b) => sets[a]!.size - sets[b]!.size || a - b).slice(0, present.length - m + 1);
    const found: Array<{ cf: CompiledFact; first: number; shared: number }> = [];
    const seen = new Set<CompiledFact>();
    for (const i of rarest) {
      for (const cf of sets[i]!) {
        if (seen.has(cf)) continue;
        seen.add(cf);
        let shared = 0, first = -1;
        for (const j of present) if (sets[j]!.has(cf)) { shared++; if (first < 0) first = j; }
        if (shared >= m) found.push({ cf, first, shared });
      }
    }
    found.sort((a, b) => a.first - b.first || orderOf(a.cf) - orderOf(b.cf));
    for (const f of found) out.set(f.cf, f.shared);
    return out;
  }

  /** Entity mentions in `tokens[from, to)`, longest alias first at each position, non-overlapping. */
  entityMentions(tokens: readonly Token[], from = 0, to = tokens.length): Mention[] {
    // A sentence's mentions are asked for by several judges: kept per token list (read-only).
    const whole = from === 0 && to === tokens.length;
    const known = whole ? this.mentionsOf.get(tokens) : undefined;
    if (known) return known;
    const out: Mention[] = [];
    if (whole) this.mentionsOf.set(tokens, out);
    for (let i = from; i < to; i++) {
      const entries = this.aliasByFirst.at(tokens, i, to);
      if (!entries) continue;
      let best: AliasEntry | undefined;
      for (const e of entries) if (matchesAt(tokens, i, e.stems, to) && (!best || e.stems.length > best.stems.length)) best = e;
      // A lower-case short alias ("diplomat") only counts as a mention of an anonymous source.
      if (best) {
        out.push({ entity: best.entity, start: i, end: i + best.stems.length, alias: best.alias });
        i += best.stems.length - 1;
      }
    }
    return out;
  }

  /** Does any of `terms` occur in `tokens[from, to)`? Returns the longest match length (0 if none). */
  static longestMatch(tokens: readonly Token[], terms: readonly string[][], from = 0, to = tokens.length): number {
    let best = 0;
    for (const t of terms) {
      if (t.length <= best) continue;
      for (let i = from; i + t.length <= to; i++) if (matchesAt(tokens, i, t, to)) { best = t.length; break; }
    }
    return best;
  }
}

/** No terms (shared, read-only). */
const NONE: string[][] = [];

/**
 * Terms as stem sequences, without duplicates ("plan", "plans", "planned" are one term). Facts
 * of one story share their lists: the same list is compiled once, and equal lists are one array
 * (read-only arrays) — the loader already makes equal lists of terms one array, so most lists are
 * found by identity.
 */
class TermCompiler {
  /** Every list compiled, by identity (the loader makes equal lists one array). */
  private readonly byArray = new Map<readonly string[], string[][]>();
  private readonly byText = new Map<string, { terms: readonly string[]; out: string[][] }>();
  /** Lists of one term, by the term (a counted noun: "detainees"). */
  private readonly ones = new Map<string, string[][]>();
  /** Every stem of every list compiled. */
  readonly stems = new Set<string>();

  list(terms: readonly string[]): string[][] {
    if (!terms.length) return NONE;
    let out = this.byArray.get(terms);
    if (!out) this.byArray.set(terms, (out = this.compile(terms.length === 1 ? terms[0] : terms.join('\u0001'), terms)));
    return out;
  }

  /** A list of one term. */
  one(term: string): string[][] {
    let out = this.ones.get(term);
    if (!out) this.ones.set(term, (out = this.compile(term, [term])));
    return out;
  }

  private compile(key: string, terms: readonly string[]): string[][] {
    const known = this.byText.get(key);
    if (known && known.terms.length === terms.length && known.terms.every((t, i) => t === terms[i])) return known.out;
    const seen = new Map<string, string[]>();
    for (const t of terms) {
      const stems = stemsOf(t);
      if (stems.length) seen.set(stems.join(' '), stems);
    }
    const out = seen.size ? [...seen.values()] : NONE;
    for (const stems of out) for (const st of stems) this.stems.add(st);
    if (!known) this.byText.set(key, { terms, out });
    return out;
  }
}

const NO_HITS: readonly TermHit[] = [];

/** The earlier of two token positions, -1 standing for none. */
function earliest(a: number, b: number): number {
  return a < 0 || (b >= 0 && b < a) ? b : a;
}

const stemCache = new Map<string, string[]>();

/** termStems, shared: datasets repeat their terms ("transferred" in many facts). Read-only arrays. */
function stemsOf(text: string): string[] {
  let stems = stemCache.get(text);
  if (!stems) {
    if (stemCache.size >= 200_000) stemCache.clear();
    stemCache.set(text, (stems = termStems(text)));
  }
  return stems;
}

function matchesAt(tokens: readonly Token[], i: number, stems: readonly string[], to: number): boolean {
  if (i + stems.length > to) return false;
  for (let k = 0; k < stems.length; k++) if (tokens[i + k].stem !== stems[k]) return false;
  return true;
}

const cache = new WeakMap<FactIndex, TermIndex>();

/** The term index of a fact index, built on first use. */
export function termIndexFor(index: FactIndex): TermIndex {
  let t = cache.get(index);
  if (!t) cache.set(index, (t = new TermIndex(index)));
  return t;
}
