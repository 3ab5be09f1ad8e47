/**
 * Does the source a draft names fit the sources a fact has? 'match' when the phrase names one of
 * them (or a description they fit: "Iraqi officials" fits two Iraqi judicial officials);
 * 'mismatch' only when the phrase clearly names someone else the dataset knows (a person, an
 * organisation, an anonymous source); 'unknown' otherwise: then the checker does not judge it.
 */
import type { Entity, Fact } from '../dataset/schema';
import type { Token } from '../text/tokens';
import { tokenize, stem } from '../text/tokens';
import { COUNTRY_BY_WORD } from '../text/places';
import type { DocContext } from './context';
import { ARTICLES, PREPOSITIONS, SPEECH_WORDS } from '../text/function-words';

export type AttributionFit = 'match' | 'mismatch' | 'unknown';

const FILLER = new Set([...ARTICLES, ...PREPOSITIONS, ...SPEECH_WORDS, 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'several', 'some', 'other', 'another', 'and', 'who', 'that', 'his', 'her', 'their', 'its', 'senior', 'unnamed', 'anonymous', 'speaking', 'condition', 'anonymity', 'tell', 'reporter', 'journalist', 'also', 'both', 'familiar', 'matter', 'knowledge', 'people', 'person', 'official', 'source', 'sources', 'officials', 'responding', 'respond', 'reuters'].map(stem));

const outletCache = new WeakMap<object, Set<string>>();
function outletNames(ctx: DocContext): Set<string> {
  let set = outletCache.get(ctx.index);
  if (!set) outletCache.set(ctx.index, (set = new Set([...ctx.index.documents].map((d) => d.outlet.toLowerCase()))));
  return set;
}

const STRONG: ReadonlySet<Entity['kind']> = new Set(['person', 'organisation', 'anonymous-source']);

const vocabularies = new WeakMap<Fact, Set<string>>();

/** Words that identify each source of a fact, including its entity's names and affiliation (cached per fact). */
function vocabulary(ctx: DocContext, f: Fact): Set<string> {
  const cached = vocabularies.get(f);
  if (cached) return cached;
  const words = new Set<string>();
  vocabularies.set(f, words);
  const addText = (s: string) => tokenize(s).forEach((t) => words.add(t.stem));
  for (const src of f.sources) {
    addText(src.who);
    src.terms.forEach(addText);
    for (let e = src.entity ? ctx.index.entity(src.entity) : undefined, depth = 0; e && depth < 3; e = e.affiliation ? ctx.index.entity(e.affiliation) : undefined, depth++) {
      addText(e.name);
      e.aliases.forEach(addText);
    }
  }
  // Adjectives of the places named (Iraq -> Iraqi) are the same identity.
  for (const w of [...words]) { words.add(w.endsWith('i') ? w.slice(0, -1) : `${w}i`); }
  return words;
}

/** Entity ids a fact's sources stand for, with their affiliations (a minister stands for the ministry). */
function sourceEntities(ctx: DocContext, f: Fact): Set<string> {
  const ids = new Set<string>();
  for (const src of f.sources) {
    for (let e = src.entity ? ctx.index.entity(src.entity) : undefined, depth = 0; e && depth < 3; e = e.affiliation ? ctx.index.entity(e.affiliation) : undefined, depth++) ids.add(e.id);
  }
  return ids;
}

/** Judges a draft's source phrase against a fact's sources. */
export function attributionFit(ctx: DocContext, phraseTokens: readonly Token[], f: Fact): AttributionFit {
  // The outlet that reported the facts ("told Reuters") is not a source of them.
  const outlets = outletNames(ctx);
  const mentions = ctx.terms.entityMentions(phraseTokens).filter((m) => STRONG.has(m.entity.kind) && !outlets.has(m.entity.name.toLowerCase()));
  const sourceIds = sourceEntities(ctx, f);
  if (mentions.length) {
    // The phrase names someone: it fits when any named entity is (or is part of) a source.
    const fits = mentions.some((m) => sourceIds.has(m.entity.id) || (m.entity.affiliation !== undefined && sourceIds.has(m.entity.id)));
    if (fits) return 'match';
    const inVocab = mentions.every((m) => m.entity.kind === 'organisation' && [...sourceIds].some((id) => ctx.index.entity(id)?.affiliation === m.entity.id));
    return inVocab ? 'match' : 'mismatch';
  }
  const vocab = vocabulary(ctx, f);
  const content = phraseTokens.filter((t) => !FILLER.has(t.stem) && !/^\d+$/.test(t.stem));
  if (content.every((t) => vocab.has(t.stem))) return 'match';
  // "U.S. officials", "Iraq's interior ministry": an institution named by a country or a portfolio
  // the fact's official sources do not have is someone else. (Diplomats' countries are often not
  // given, so a nationality of diplomats is never judged.)
  const institution = phraseTokens.some((t) => INSTITUTION.has(t.stem));
  const officialSources = f.sources.some((x) => x.kind === 'official' || x.kind === 'spokesperson' || x.kind === 'statement');
  const identifying = content.filter((t) => !vocab.has(t.stem) && (COUNTRY_BY_WORD.has(t.lower.replace(/['’]s$/, '')) || t.lower === 'u.s.' || PORTFOLIO.has(t.stem)));
  if (institution && officialSources && identifying.length) return 'mismatch';
  return 'unknown';
}

const INSTITUTION = new Set(['official', 'officials', 'authorities', 'authority', 'ministry', 'department', 'government', 'military', 'army', 'police', 'office', 'agency', 'court', 'embassy', 'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'command'].map(stem));
const PORTFOLIO = new Set(['interior', 'defense', 'defence', 'justice', 'foreign', 'state', 'finance', 'health', 'intelligence', 'security', 'judicial', 'military', 'war'].map(stem));
