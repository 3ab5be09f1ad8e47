/**
 * Places: a country named where an event the dataset places elsewhere happened ("In Denmark, … a
 * cabinet crisis" when the reference says Norway). Only a country in a place slot counts: after
 * "in/to/from/into/inside", as a possessive, or as an adjective ("a Danish cabinet crisis"), and
 * only when the sentence does not also name the reference place.
 */
import { docEnd, docStart, type Sentence } from '../analyze';
import type { Finding } from '../types';
import { COUNTRY_BY_CITY, COUNTRY_BY_WORD } from '../text/places';
import { hasAnyWord } from '../text/words';
import { bindAt, firstHighest } from './bind';
import { asOfText, summarize, typographic, type DocContext } from './context';
import { citationEdits, fix } from '../fixes';
import { sentenceEndOffset } from './figures';

const PLACE_NAMES = [...COUNTRY_BY_WORD.keys(), ...COUNTRY_BY_CITY.keys()].filter((w) => w.length > 2 && !/\./.test(w));
export const COUNTRY_RE = new RegExp(`\\b(${[...PLACE_NAMES].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '\\s+')).join('|')})\\b(['’]s)?`, 'gi');
/** The last word of every name COUNTRY_RE knows: a sentence without one of them cannot match. */
export const PLACE_LAST_WORDS: ReadonlySet<string> = new Set(PLACE_NAMES.map((w) => w.split(' ').pop()!));

export function judgePlaces(ctx: DocContext, s: Sentence): Finding[] {
  const out: Finding[] = [];
  if (!hasAnyWord(s.text, PLACE_LAST_WORDS)) return out;
  // "Iraq's foreign ministry" names an organisation, not a place.
  const orgs = ctx.terms.entityMentions(s.tokens).filter((m) => m.entity.kind !== 'place').map((m) => [s.tokens[m.start].start, s.tokens[m.end - 1].end]);
  for (const m of s.text.matchAll(COUNTRY_RE)) {
    if (orgs.some(([a, b]) => m.index >= a && m.index < b)) continue;
    const word = m[1];
    if (!/^\p{Lu}/u.test(word)) continue;
    const key = word.toLowerCase().replace(/\s+/g, ' ');
    const city = COUNTRY_BY_CITY.get(key);
    const country = COUNTRY_BY_WORD.get(key) ?? city;
    if (!country) continue;
    const before = s.text.slice(Math.max(0, m.index - 12), m.index);
    const isAdjective = !city && word.toLowerCase() !== country.toLowerCase();
    const inSlot = /\b(?:in|to|into|from|inside|within|across)\s+(?:the\s+)?$/i.test(before) || !!m[2] || isAdjective;
    if (!inSlot) continue;
    const bound = firstHighest(bindAt(ctx, s, m.index, (cf) => cf.fact.kind === 'place' && cf.fact.value?.type === 'place'), (b) => b.eventScore);
    if (!bound || bound.cf.fact.value?.type !== 'place') continue;
    const cf = bound.cf;
    // An adjective places the event only when it modifies it ("a Danish cabinet crisis"), not "French diplomats".
    if (isAdjective && !m[2]) {
      const next = s.tokens.findIndex((t) => t.start >= m.index + word.length);
      if (next < 0 || !bound.events.some((h) => h.start === next)) continue;
    }
    const v = cf.fact.value as { name: string; aliases: string[] };
    const names = [v.name, ...v.aliases].map((n) => n.toLowerCase());
    const start = docStart(s, m.index), end = docEnd(s, m.index + word.length);
    const base = { claimKind: 'place' as const, start, end, text: '', factId: cf.fact.id, reference: summarize(cf) };
    if (names.includes(word.toLowerCase()) || names.includes(country.toLowerCase())) {
      if (isAdjective) continue; // "a Syrian facility" says where a thing is, not where the event was
      out.push({ ...base, verdict: 'supported', message: `Matches the reference: ${cf.fact.statement} (${cf.fact.attribution}; as of ${asOfText(cf)}).`, fixes: [] });
      continue;
    }
    const lowerText = s.text.toLowerCase();
    if (names.some((n) => new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(lowerText))) continue; // the right place is named too
    const cityAlias = v.aliases.find((a) => COUNTRY_BY_CITY.has(a.toLowerCase()));
    const replacement = city ? (cityAlias ?? v.name) : isAdjective ? (v.aliases.find((a) => /^\p{Lu}[a-z]+(?:ian|ish|ese|i|an)$/u.test(a)) ?? v.name) : v.name;
    out.push({
      ...base, verdict: 'contradicted',
      message: `The reference places this in ${v.name}, not ${city ? word : country}: ${cf.fact.statement} (${cf.fact.attribution}; as of ${asOfText(cf)}).`,
      fixes: [
        fix(`Change to “${replacement}”`, 'place', [{ start, end, newText: typographic(ctx, replacement) }], true),
        fix(`Change to “${replacement}” and cite the source`, 'citation', [{ start, end, newText: replacement }, ...citationEdits(ctx, cf, sentenceEndOffset(s))]),
      ],
    });
  }
  return out;
}
