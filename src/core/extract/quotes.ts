/**
 * Direct quotes in a block, in straight or curly marks, and the phrase naming their speaker:
 * “…,” X said / “…” said X / X said: “…” / X warned that … “…”.
 */
import { SPEECH_VERBS } from './attribution';
import { allMatches } from '../text/matches';

export interface QuoteMention {
  /** Block-local offsets of the quoted words (inside the marks). */
  start: number;
  end: number;
  text: string;
  /** Block-local range of the speaker phrase, if one was found; 'pronoun' when it is "he"/"she". */
  speaker?: { start: number; end: number; text: string; pronoun: boolean };
}

const SPEECH = `(?:${SPEECH_VERBS}|wrote|declared|insisted|argued|explained|cautioned|told)`;
const AFTER_INVERTED = new RegExp(`^\\s*[,.?!]?\\s*${SPEECH}\\s+((?:the|a|an|one|another)?\\s*[^,.;!?"“”]+?)(?=\\s*(?:[,.;!?"“”]|$|\\s(?:of|in|on|about|to|at|after|before|when)\\s))`, 'i');
const AFTER_NORMAL = new RegExp(`^\\s*[,.?!]?\\s*([^,.;!?"“”]{1,80}?)\\s+${SPEECH}\\b`, 'i');
const BEFORE = new RegExp(`([^.;!?"“”,]{1,80}?)\\s+${SPEECH}(?:\\s+[^.;!?"“”]{0,80}?)?\\s*[:,]?\\s*$`, 'i');

const CURLY_QUOTE = /“([^“”]+)”/g;

/** Finds quotes (≥ 1 word) and their speakers in a block's text. */
export function extractQuotes(text: string): QuoteMention[] {
  const out: QuoteMention[] = [];
  const pairs: Array<[number, number]> = [];
  if (text.includes('“')) for (const m of allMatches(CURLY_QUOTE, text)) pairs.push([m.index + 1, m.index + m[0].length - 1]);
  // Straight quotes pair up in order; an unbalanced one is ignored.
  const straight: number[] = [];
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) straight.push(i);
  for (let i = 0; i + 1 < straight.length; i += 2) pairs.push([straight[i] + 1, straight[i + 1]]);
  for (const [start, end] of pairs.sort((a, b) => a[0] - b[0])) {
    const q = text.slice(start, end);
    if (!/\p{L}/u.test(q)) continue;
    out.push({ start, end, text: q, speaker: findSpeaker(text, start - 1, end + 1) });
  }
  return out;
}

function findSpeaker(text: string, open: number, close: number): QuoteMention['speaker'] {
  const fromAfter = () => {
    const after = text.slice(close, close + 120);
    const according = /^\s*[,.?!]?\s*according\s+to\s+([^,.;!?"“”]+?)\s*(?=[,.;!?]|$)/i.exec(after);
    if (according) return phrase(text, close + according.index + according[0].lastIndexOf(according[1]), according[1]);
    let m = AFTER_INVERTED.exec(after);
    if (m && !/^(?:he|she|they|that|this|it)$/i.test(m[1].trim())) return phrase(text, close + m.index + m[0].lastIndexOf(m[1]), m[1]);
    m = AFTER_NORMAL.exec(after);
    if (m && !/[“”"]/.test(m[1])) return phrase(text, close + m.index + m[0].indexOf(m[1]), m[1]);
    return undefined;
  };
  const fromBefore = () => {
    const beforeStart = Math.max(0, open - 160);
    const m = BEFORE.exec(text.slice(beforeStart, open));
    return m ? phrase(text, beforeStart + m.index, m[1]) : undefined;
  };
  // A quote that ends its sentence (“… implications.”) has its speaker before it; one that ends
  // with a comma (“…,” X said) has it after.
  const endsSentence = /[.!?]\s*$/.test(text.slice(open + 1, close - 1)) && /^\s*(?:$|\p{Lu})/u.test(text.slice(close));
  return endsSentence ? fromBefore() ?? fromAfter() : fromAfter() ?? fromBefore();
}

function phrase(text: string, start: number, raw: string): NonNullable<QuoteMention['speaker']> {
  let s = start, e = start + raw.length;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  const t = text.slice(s, e);
  return { start: s, end: e, text: t, pronoun: /^(?:he|she|they)$/i.test(t) };
}
