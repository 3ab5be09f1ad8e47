/**
 * Who the draft says a sentence's claims come from: "according to X", "X said", ", said X",
 * "X told reporters". Returns the phrase naming the source, with its sentence-local range.
 */
import type { Sentence } from '../analyze';
import { hasAnyWord } from '../text/words';

export interface Attribution {
  /** The source phrase ("Hisham al-Alawi", "Iraqi security officials"). */
  start: number;
  end: number;
  text: string;
  /** The whole attribution ("according to Hisham al-Alawi"), for replacing it. */
  fullStart: number;
  fullEnd: number;
  form: 'according' | 'trailing' | 'inverted' | 'leading';
}

/** Speech verbs, each with what must follow it ("told reporters", "put the number at"). */
const SPEECH_VERB_FORMS: ReadonlyArray<readonly [verb: string, tail: string]> = [
  ['said', ''], ['says', ''], ['say', ''], ['told', '\\s+(?:reporters|Reuters|journalists|the\\s+\\w+|\\w+)'], ['tells', ''], ['added', ''],
  ['noted', ''], ['stated', ''], ['reported', ''], ['estimated', ''], ['estimates', ''], ['confirmed', ''], ['acknowledged', ''],
  ['claimed', ''], ['announced', ''], ['warned', ''], ['put', '\\s+the\\s+(?:number|figure|total)\\s+at'], ['asked', ''],
];

export const SPEECH_VERBS = SPEECH_VERB_FORMS.map(([verb, tail]) => verb + tail).join('|');

/** The verb of each of SPEECH_VERBS' alternatives, a whole word wherever they match (text/words.ts). */
export const SPEECH_VERB_WORDS: ReadonlySet<string> = new Set(SPEECH_VERB_FORMS.map(([verb]) => verb));

/** The word every match of ACCORDING has. */
export const ACCORDING_WORD: ReadonlySet<string> = new Set(['according']);

export const ACCORDING = /\baccording\s+to\s+([^;:()"“”]+?)\s*(?=[.;!?)]*$|;|\s[—–]\s|,\s+(?:the|a|an|who|which)\b)/i;
export const INVERTED = new RegExp(`,\\s*(?:${SPEECH_VERBS})\\s+([^,;"“”]+?)\\s*[.!?]?$`, 'i');
export const LEADING = new RegExp(`^((?:[^;"“”](?!\\b(?:${SPEECH_VERBS})\\b))*?[^;"“”\\s])\\s+(?:${SPEECH_VERBS})\\b`, 'i');

/** Finds the attribution of a sentence, if it has one. */
export function findAttribution(s: Sentence): Attribution | undefined {
  const t = s.text;
  // Every form needs "according" or a speech verb: most sentences skip the scans.
  const according = hasAnyWord(t, ACCORDING_WORD);
  const speech = hasAnyWord(t, SPEECH_VERB_WORDS);
  if (!according && !speech) return undefined;
  let m = according ? ACCORDING.exec(t) : null;
  if (m) {
    const start = m.index + m[0].indexOf(m[1]);
    return trim(t, { start, end: start + m[1].length, text: m[1], fullStart: m.index, fullEnd: start + m[1].length, form: 'according' });
  }
  if (!speech) return undefined;
  m = INVERTED.exec(t);
  if (m) {
    const start = m.index + m[0].lastIndexOf(m[1]);
    return trim(t, { start, end: start + m[1].length, text: m[1], fullStart: start, fullEnd: start + m[1].length, form: 'inverted' });
  }
  // ", X said." after the claim: the segment after the last comma (or dash) that ends in a speech verb.
  for (let cut = t.length; cut > 0;) {
    const comma = Math.max(t.lastIndexOf(',', cut - 1), t.lastIndexOf(' — ', cut - 1), t.lastIndexOf(' – ', cut - 1));
    if (comma <= 0) break;
    const tail = TRAILING_SEGMENT.exec(t.slice(comma + 1));
    if (tail && !/\d/.test(tail[1])) {
      const start = comma + 1 + tail[0].indexOf(tail[1]);
      return trim(t, { start, end: start + tail[1].length, text: tail[1], fullStart: start, fullEnd: start + tail[1].length, form: 'trailing' });
    }
    cut = comma;
  }
  // "X said (that) …": the subject before the verb, unless it holds the claim itself.
  m = LEADING.exec(t);
  if (m && !/\d/.test(m[1])) return trim(t, { start: 0, end: m[1].length, text: m[1], fullStart: 0, fullEnd: m[1].length, form: 'leading' });
  return undefined;
}

export const TRAILING_SEGMENT = new RegExp(`^\\s*((?:[^;"“”](?!\\b(?:${SPEECH_VERBS})\\b))*?[^;"“”\\s])\\s+(?:${SPEECH_VERBS})\\b[^,;"“”]*[.!?]?\\s*$`, 'i');

function trim(t: string, a: Attribution): Attribution {
  let { start, end } = a;
  while (start < end && /[\s,]/.test(t[start])) start++;
  while (end > start && /[\s,]/.test(t[end - 1])) end--;
  return { ...a, start, end, text: t.slice(start, end), fullStart: Math.min(a.fullStart, start), fullEnd: Math.max(end, Math.min(a.fullEnd, end)) };
}
