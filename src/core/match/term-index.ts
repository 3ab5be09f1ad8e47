/**
 * Dataset terms compiled to stem sequences, with inverted indexes on each term's first stem (first
 * two for longer terms), so that the facts a sentence can be about are found from its words, not
 * by scanning every fact: `bindingHits` reaches a fact only through the words it cannot be bound
 * without (its context words, else its event words). Built once per FactIndex (cached) and only
 * read by the checker.
 */
import type { Entity, Fact } from '../dataset/schema';
import type { FactIndex, IndexedFact } from '../dataset/fact-index';
import { eachStem, findStems, MEMO_LIMIT, stem, stemsAt, termStems, TOKEN_RE, type Token } from '../text/tokens';
import { TermsIn, type TermLists } from './terms-in';

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
  /** The numbers of those five lists (TermCompiler; -1: empty), for TermsIn. */
  countsId: number;
  eventId: number;
  contextId: number;
  excludesId: number;
  placesId: number;
}

interface AliasEntry { entity: Entity; stems: string[]; alias: string }
/** A gate term (see `bindingCandidates`) and the facts it lets in: one shared group for a list of
 *  context (or event) words the facts of a story share. */
interface GateEntry { stems: string[]; facts: readonly CompiledFact[] }

/**
 * Entries by their term's bucket key: its first stem (one-word terms) or first two stems (longer
 * terms), so that "in Iraq" is looked up under "in iraq", not with every term that starts with "in".
 */
class Buckets<T extends { stems: readonly string[] }> {
  private readonly one = new Map<string, T[]>();
  private readonly two = new Map<string, T[]>();
  /** First stems of the longer terms: the pair key is only built for these. */
  private readonly firstOfTwo = new Set<string>();

  add(entry: T): void {
    const long = entry.stems.length > 1;
    const key = long ? `${entry.stems[0]}\u0001${entry.stems[1]}` : entry.stems[0];
    if (long) this.firstOfTwo.add(entry.stems[0]);
    const map = long ? this.two : this.one;
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  }

  /** Calls `fn` with each entry whose term occurs at `tokens[i]` (ending by `to`): the one-word
   *  terms, then the longer ones, each in the order they were added. */
  eachAt(tokens: readonly Token[], i: number, to: number, fn: (entry: T) => void): void {
    const stem = tokens[i].stem;
    const one = this.one.get(stem);
    if (one) for (const e of one) fn(e);
    if (i + 1 >= to || !this.firstOfTwo.has(stem)) return;
    const two = this.two.get(`${stem}\u0001${tokens[i + 1].stem}`);
    if (two) for (const e of two) if (stemsAt(tokens, i, e.stems, to)) fn(e);
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
  private readonly gates = new Buckets<GateEntry>();
  private readonly aliases = new Buckets<AliasEntry>();
  /** The compiled facts in the index's order (a fact's place is its ordinal). */
  readonly compiled: readonly CompiledFact[];
  readonly quotes: CompiledFact[] = [];
  readonly roles = new Map<string, CompiledFact[]>(); // entity id -> role facts
  /** Quote facts by the stems of their words, for finding the reference of a draft quote. */
  readonly quoteWords = new Map<string, Set<CompiledFact>>();
  private vocab: Set<string> | undefined;
  /** Every stem of the compiled terms (for the vocabulary). */
  private readonly termStems: ReadonlySet<string>;

  private readonly mentionsOf = new WeakMap<readonly Token[], Mention[]>();
  /** The facts' term lists by number (TermCompiler), and where they occur in a sentence and in its labels. */
  private readonly lists: TermLists;
  private termsIn: { sentence: TermsIn; labels: TermsIn } | undefined;

  constructor(readonly index: FactIndex) {
    const compile = new TermCompiler();
    this.termStems = compile.stems;
    this.lists = { lists: compile.numbered, firstStemIds: compile.firstStemIds, stemIds: compile.stemIds };
    const list: CompiledFact[] = [];
    this.compiled = list;
    // Gate groups by their list (compiled lists are shared: a story's facts share one group).
    const groups = new Map<readonly string[][], CompiledFact[]>();
    const gateList = (cf: CompiledFact, terms: string[][]) => {
      const group = groups.get(terms);
      if (group) group.push(cf);
      else {
        const facts = [cf];
        groups.set(terms, facts);
        for (const stems of terms) this.gates.add({ stems, facts });
      }
    };
    for (const indexed of index.facts) {
      const f = indexed.fact;
      const counts = f.counts ? (f.counts.terms.length ? compile.list(f.counts.terms) : compile.one(f.counts.noun)) : NO_LIST;
      const event = f.event ? compile.list(f.event.terms) : NO_LIST;
      const context = f.event ? compile.list(f.event.context) : NO_LIST;
      const excludes = f.event ? compile.list(f.event.excludes) : NO_LIST;
      const places = f.value?.type === 'place' ? compile.number([f.value.name, ...f.value.aliases].map(stemsOf).filter((st) => st.length)) : NO_LIST;
      const cf: CompiledFact = {
        indexed, fact: f,
        counts: counts.list, event: event.list, context: context.list, excludes: excludes.list, places: places.list,
        countsId: counts.id, eventId: event.id, contextId: context.id, excludesId: excludes.id, placesId: places.id,
      };
      list.push(cf);
      // What binding needs (bind.ts): a context word when the fact has any, and an event word when
      // it has any. Such a fact is reached through those words only; one with neither, by any of its words.
      if (cf.context.length) gateList(cf, cf.context);
      else if (cf.event.length) gateList(cf, cf.event);
      else for (const terms of [cf.counts, cf.excludes, cf.places]) for (const stems of terms) this.gates.add({ stems, facts: [cf] });
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
    for (const entity of index.entities) {
      for (const alias of new Set([entity.name, ...entity.aliases])) {
        const stems = stemsOf(alias);
        if (stems.length) this.aliases.add({ entity, stems, alias });
      }
    }
  }

  /** The compiled fact of a fact id. */
  compiledFact(id: string): CompiledFact | undefined {
    const indexed = this.index.fact(id);
    return indexed ? this.compiled[indexed.ordinal] : undefined;
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
    for (const cf of this.compiled) {
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
    const collect = (e: GateEntry) => groups.add(e.facts);
    for (let i = 0; i < tokens.length; i++) this.gates.eachAt(tokens, i, tokens.length, collect);
    for (let i = 0; i < labels.length; i++) this.gates.eachAt(labels, i, labels.length, collect);
    if (groups.size === 0) return [];
    this.termsIn ??= { sentence: new TermsIn(this.lists), labels: new TermsIn(this.lists) };
    const inSentence = this.termsIn.sentence.read(tokens), inLabels = labels.length ? this.termsIn.labels.read(labels) : undefined;
    const occurs = (id: number) => inSentence.first(id) >= 0 || (!!inLabels && inLabels.first(id) >= 0);
    const firstIn = (terms: TermsIn, cf: CompiledFact) => earliest(earliest(earliest(earliest(terms.first(cf.countsId), terms.first(cf.eventId)), terms.first(cf.contextId)), terms.first(cf.excludesId)), terms.first(cf.placesId));
    const bySentence: Found[] = [], byLabels: Found[] = [];
    // A fact is in one group of its context (or event) words; a fact with neither is in one group per term.
    const seen = new Set<CompiledFact>();
    for (const group of groups) {
      for (const cf of group) {
        if (!cf.context.length && !cf.event.length) {
          if (seen.has(cf)) continue;
          seen.add(cf);
        }
        if ((cf.context.length && !occurs(cf.contextId)) || (cf.event.length && !occurs(cf.eventId))) continue;
        const first = firstIn(inSentence, cf);
        const firstLabel = first < 0 && inLabels ? firstIn(inLabels, cf) : -1;
        if (first < 0 && firstLabel < 0) continue;
        const labelEvents = inLabels ? inLabels.events(cf.eventId) : NO_HITS;
        let labelEventLength = 0;
        for (const h of labelEvents) labelEventLength += h.length;
        const c: BindingCandidate = {
          cf,
          events: inSentence.events(cf.eventId),
          excludes: inSentence.excludes(cf.excludesId),
          labelEvents, labelEventLength,
          hasLabelExclude: !!inLabels && inLabels.first(cf.excludesId) >= 0,
        };
        if (first >= 0) bySentence.push({ c, first });
        else byLabels.push({ c, first: firstLabel });
      }
    }
    const out: BindingCandidate[] = [];
    for (const f of sortFound(bySentence)) out.push(f.c);
    for (const f of sortFound(byLabels)) out.push(f.c);
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
    // The longest alias at a position; of aliases as long, the first added.
    const at: { best?: AliasEntry } = {};
    const longest = (e: AliasEntry) => { if (!at.best || e.stems.length > at.best.stems.length) at.best = e; };
    for (let i = from; i < to; i++) {
      at.best = undefined;
      this.aliases.eachAt(tokens, i, to, longest);
      const best = at.best as AliasEntry | undefined; // set by `longest` (a callback TypeScript does not follow)
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
      if (findStems(tokens, t, from, to) >= 0) best = t.length;
    }
    return best;
  }
}

/** No terms (shared, read-only). */
const NONE: string[][] = [];

/** A compiled list and its number (-1: the empty list). */
interface CompiledList { list: string[][]; id: number }
const NO_LIST: CompiledList = { list: NONE, id: -1 };

/**
 * Terms as stem sequences, without duplicates ("plan", "plans", "planned" are one term). Facts
 * of one story share their lists: the same list is compiled once, and equal lists are one array
 * (read-only arrays) — the loader already makes equal lists of terms one array, so most lists are
 * found by identity.
 */
class TermCompiler {
  /** Every list compiled, by identity (the loader makes equal lists one array). */
  private readonly byArray = new Map<readonly string[], CompiledList>();
  private readonly byText = new Map<string, { terms: readonly string[]; out: CompiledList }>();
  /** Lists of one term, by the term (a counted noun: "detainees"). */
  private readonly ones = new Map<string, CompiledList>();
  /** Every stem of every list compiled. */
  readonly stems = new Set<string>();
  /** The lists by their number (see TermsIn), and the numbers of their terms' first stems. */
  readonly numbered: string[][][] = [];
  readonly firstStemIds: Int32Array[] = [];
  /** First stems of terms, numbered. */
  readonly stemIds = new Map<string, number>();

  list(terms: readonly string[]): CompiledList {
    if (!terms.length) return NO_LIST;
    let out = this.byArray.get(terms);
    if (!out) this.byArray.set(terms, (out = this.compile(terms.length === 1 ? terms[0] : terms.join('\u0001'), terms)));
    return out;
  }

  /** A list of one term. */
  one(term: string): CompiledList {
    let out = this.ones.get(term);
    if (!out) this.ones.set(term, (out = this.compile(term, [term])));
    return out;
  }

  /** A list compiled elsewhere (a place's names), numbered. */
  number(list: string[][]): CompiledList {
    if (!list.length) return NO_LIST;
    this.numbered.push(list);
    const ids = new Int32Array(list.length);
    for (let j = 0; j < list.length; j++) {
      let id = this.stemIds.get(list[j][0]);
      if (id === undefined) this.stemIds.set(list[j][0], (id = this.stemIds.size));
      ids[j] = id;
    }
    this.firstStemIds.push(ids);
    return { list, id: this.numbered.length - 1 };
  }

  private compile(key: string, terms: readonly string[]): CompiledList {
    const known = this.byText.get(key);
    if (known && known.terms.length === terms.length && known.terms.every((t, i) => t === terms[i])) return known.out;
    const seen = new Map<string, string[]>();
    for (const t of terms) {
      const stems = stemsOf(t);
      if (stems.length) seen.set(stems.join(' '), stems);
    }
    const list = [...seen.values()];
    for (const stems of list) for (const st of stems) this.stems.add(st);
    const out = this.number(list);
    if (!known) this.byText.set(key, { terms, out });
    return out;
  }
}

const NO_HITS: readonly TermHit[] = [];

/** A binding candidate and where its first word is. */
interface Found { c: BindingCandidate; first: number }

/** Sorts by first word, then the datasets' order: by insertion for the few a sentence has (a
 *  call of Array.prototype.sort costs more than sorting them, and allocates), by sort() past that. */
function sortFound(found: Found[]): Found[] {
  if (found.length > 64) return found.sort((a, b) => a.first - b.first || orderOf(a.c.cf) - orderOf(b.c.cf));
  for (let i = 1; i < found.length; i++) {
    const x = found[i];
    let j = i - 1;
    while (j >= 0 && (found[j].first > x.first || (found[j].first === x.first && orderOf(found[j].c.cf) > orderOf(x.c.cf)))) {
      found[j + 1] = found[j];
      j--;
    }
    found[j + 1] = x;
  }
  return found;
}

/** The earlier of two token positions, -1 standing for none. */
function earliest(a: number, b: number): number {
  return a < 0 || (b >= 0 && b < a) ? b : a;
}

const stemCache = new Map<string, string[]>();

/** termStems, shared: datasets repeat their terms ("transferred" in many facts). Read-only arrays. */
function stemsOf(text: string): string[] {
  let stems = stemCache.get(text);
  if (!stems) {
    if (stemCache.size >= MEMO_LIMIT) stemCache.clear();
    stemCache.set(text, (stems = termStems(text)));
  }
  return stems;
}


const cache = new WeakMap<FactIndex, TermIndex>();

/** The term index of a fact index, built on first use. */
export function termIndexFor(index: FactIndex): TermIndex {
  let t = cache.get(index);
  if (!t) cache.set(index, (t = new TermIndex(index)));
  return t;
}
