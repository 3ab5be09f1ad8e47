/**
 * People's titles: in apposition ("Hisham al-Alawi, a spokesman for Iraq's interior ministry,")
 * or before the name ("Defense Secretary Marco Rubio"). A title is wrong when it uses a
 * title-bearing word that none of the person's reference titles, affiliations or accepted
 * descriptions contain; a title with no such word ("Rubio, speaking in Washington,") is no claim.
 */
import { docEnd, docStart, type Sentence } from '../analyze';
import type { Entity } from '../dataset/schema';
import type { Finding } from '../types';
import { stem, tokenize, type Token } from '../text/tokens';
import { countryWords, COUNTRY_BY_WORD } from '../text/places';
import { asOfText, summarize, typographic, type DocContext } from './context';
import { citationEdits, fix } from '../fixes';
import { sentenceEndOffset } from './figures';
import type { CompiledFact } from './term-index';
import { ARTICLES, PREPOSITIONS } from '../text/function-words';

const ROLE_WORDS = new Set([
  'secretary', 'undersecretary', 'minister', 'ministry', 'deputy', 'assistant', 'adviser', 'advisor', 'spokesman', 'spokeswoman',
  'spokesperson', 'fellow', 'associate', 'senior', 'director', 'chief', 'head', 'official', 'ambassador', 'envoy', 'general',
  'president', 'chairman', 'chair', 'commander', 'researcher', 'analyst', 'professor', 'senator', 'governor', 'mayor', 'lawyer',
  'judge', 'prosecutor', 'officer', 'coordinator', 'representative', 'aide', 'counsel', 'expert', 'scholar', 'leader', 'diplomat',
  'lecturer', 'founder', 'executive', 'manager', 'editor', 'attorney', 'premier', 'vice', 'former', 'acting', 'interim', 'top',
  'foreign', 'interior', 'defense', 'defence', 'justice', 'state', 'national', 'security', 'finance', 'health', 'intelligence',
  'military', 'army', 'police', 'department', 'council', 'agency', 'office', 'centre', 'center', 'institute', 'university',
  'commission', 'committee', 'parliament', 'embassy', 'war',
].map(stem));
const FILLER = new Set([...ARTICLES, ...PREPOSITIONS.filter((w) => w !== 'from' && w !== 'by'), 'and', 'its', 'prominent', 'longtime', 'veteran', 'outspoken', 'respected', 'leading', 'noted', 'well', 'known', 'influential', 'current', 'now'].map(stem));
const NOT_A_TITLE = /^(?:who|which|whose|said|says|told|speaking|added|warned|according|in|on|at|after|before|when|while|during|and|but|however|meanwhile|too|also|though|for his part|for her part|in turn|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)/i;

const vocabularies = new WeakMap<Entity, Set<string>>();

/** Words that may describe a person's title: reference titles, accepted descriptions, affiliations (cached per entity). */
const CLAUSE_WORDS = /\b(?:have|has|had|is|are|was|were|will|would|been|being|said|says|told|did|does|do|can|could|should|may|might)\b/i;

function vocabulary(ctx: DocContext, entity: Entity, facts: readonly CompiledFact[]): Set<string> {
  const cached = vocabularies.get(entity);
  if (cached) return cached;
  const words = new Set<string>();
  vocabularies.set(entity, words);
  const add = (s: string | undefined) => s && tokenize(s).forEach((t) => words.add(t.stem));
  add(entity.title);
  for (const cf of facts) {
    const v = cf.fact.value;
    if (v?.type !== 'role') continue;
    add(v.phrase); add(v.beforeName); v.accepted.forEach(add);
  }
  for (let e = entity.affiliation ? ctx.index.entity(entity.affiliation) : undefined, d = 0; e && d < 3; e = e.affiliation ? ctx.index.entity(e.affiliation) : undefined, d++) {
    add(e.name); e.aliases.forEach(add);
    const country = COUNTRY_BY_WORD.get(e.name.toLowerCase());
    if (country) countryWords(country).forEach(add);
  }
  // Country adjectives of the countries already named (Iraq -> Iraqi).
  for (const w of [...words]) {
    const country = COUNTRY_BY_WORD.get(w);
    if (country) countryWords(country).forEach(add);
  }
  return words;
}

function judgePhrase(tokens: readonly Token[], vocab: ReadonlySet<string>, text: string): 'supported' | 'contradicted' | undefined {
  const content = tokens.filter((t) => !FILLER.has(t.stem));
  // A title names a role ("adviser") or an organisation ("of Human Rights Watch").
  const capitalized = (t: Token) => /^\p{Lu}/u.test(text.slice(t.start, t.end));
  if (!content.some((t) => ROLE_WORDS.has(t.stem) || capitalized(t))) return undefined;
  return content.every((t) => vocab.has(t.stem)) ? 'supported' : 'contradicted';
}

/** Title claims about the people the dataset knows, in one sentence. */
export function judgeRoles(ctx: DocContext, s: Sentence): Finding[] {
  const out: Finding[] = [];
  for (const m of ctx.terms.entityMentions(s.tokens)) {
    if (m.entity.kind !== 'person') continue;
    const facts = ctx.terms.roles.get(m.entity.id) ?? [];
    const cf = facts[0];
    if (!cf || cf.fact.value?.type !== 'role') continue;
    const vocab = vocabulary(ctx, m.entity, facts);
    const role = cf.fact.value;

    // Apposition: "Name, [the|a|an] TITLE,"
    const afterStart = s.tokens[m.end - 1].end;
    const after = /^\s*,\s*((?:(the|a|an)\s+)?([^,;()"“”]+?))\s*(?=,|;|\(|\.?$|\s[—–]\s)/.exec(s.text.slice(afterStart));
    // A title in apposition is a noun phrase: no figures, no verbs; and "according to X, …" names a source.
    const isClause = after && (/\d/.test(after[3]) || CLAUSE_WORDS.test(after[3]));
    const afterAccording = /\baccording\s+to\s+$/i.test(s.text.slice(Math.max(0, s.tokens[m.start].start - 20), s.tokens[m.start].start));
    if (after && !isClause && !afterAccording && !NOT_A_TITLE.test(after[3])) {
      const phraseStart = afterStart + after.index + after[0].indexOf(after[1]);
      const titleStart = phraseStart + (after[2] ? after[1].indexOf(after[3]) : 0);
      const titleEnd = phraseStart + after[1].length;
      const phraseText = s.text.slice(phraseStart, titleEnd);
      const verdict = judgePhrase(tokenize(phraseText), vocab, phraseText);
      if (verdict) out.push(finding(ctx, s, cf, m.entity, verdict, titleStart, titleEnd, phraseStart, after[2], role.phrase));
    }

    // Before the name: "U.S. Secretary of State Marco Rubio", "Defense Secretary Marco Rubio".
    let i = m.start - 1;
    let first = m.start;
    while (i >= 0) {
      const t = s.tokens[i];
      const gap = s.text.slice(t.end, s.tokens[i + 1].start);
      if (!/^\s+$/.test(gap)) break;
      const raw = s.text.slice(t.start, t.end);
      const titleish = ROLE_WORDS.has(t.stem) || t.lower === 'of' || COUNTRY_BY_WORD.has(t.lower.replace(/['’]s$/, '')) || (/^\p{Lu}/u.test(raw) && i > 0);
      if (!titleish) break;
      first = i;
      i--;
    }
    while (first < m.start && (s.tokens[first].lower === 'of' || !ROLE_WORDS.has(s.tokens[first].stem) && !/^\p{Lu}/u.test(s.text.slice(s.tokens[first].start, s.tokens[first].end)))) first++;
    if (first < m.start) {
      const startOff = s.tokens[first].start, endOff = s.tokens[m.start - 1].end;
      const verdict = judgePhrase(s.tokens.slice(first, m.start), vocab, s.text);
      if (verdict) out.push(finding(ctx, s, cf, m.entity, verdict, startOff, endOff, startOff, undefined, role.beforeName ?? role.phrase));
    }
  }
  return out;
}

function finding(ctx: DocContext, s: Sentence, cf: CompiledFact, entity: Entity, verdict: 'supported' | 'contradicted', start: number, end: number, editStart: number, article: string | undefined, reference: string): Finding {
  const f: Finding = {
    verdict, claimKind: 'role', start: docStart(s, start), end: docEnd(s, end), text: '', factId: cf.fact.id, reference: summarize(cf), message: '', fixes: [],
  };
  const title = cf.fact.value?.type === 'role' ? cf.fact.value.phrase : entity.title ?? '';
  if (verdict === 'supported') {
    f.message = `Matches the reference: ${entity.name}, ${title} (${cf.fact.attribution}; as of ${asOfText(cf)}).`;
    return f;
  }
  let newText = typographic(ctx, reference);
  if (article) {
    const a = article.toLowerCase() === 'the' ? article : /^[aeiou]/i.test(newText) ? 'an' : 'a';
    newText = `${/^\p{Lu}/u.test(article) ? a[0].toUpperCase() + a.slice(1) : a} ${newText}`;
  }
  f.message = `The reference gives ${entity.name}'s title as ${title}, not “${s.text.slice(start, end)}” (${cf.fact.attribution}; as of ${asOfText(cf)}).`;
  const edit = { start: docStart(s, editStart), end: docEnd(s, end), newText };
  f.fixes = [fix(`Change the title to “${newText}”`, 'title', [edit], true), fix(`Change the title and cite the source`, 'citation', [edit, ...citationEdits(ctx, cf, sentenceEndOffset(s))])];
  return f;
}
