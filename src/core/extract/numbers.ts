/**
 * Figures in a sentence: numerals with any grouping ("7,000", "7000", "7 000" with a no-break or
 * thin space, "7.5"), scales ("7k", "1.2 million"), numbers in words ("Nine thousand",
 * "twenty-five"), vague quantities ("dozens", "a handful"), with the hedge or bound before them
 * ("about", "fewer than", "as many as") and ranges ("400–500", "between 400 and 500").
 */
import { hasAnyWord } from '../text/words';
import { allMatches } from '../text/matches';

export type HedgeClass = 'exact' | 'approximate' | 'nearly' | 'lessThan' | 'atMost' | 'moreThan' | 'justOver';

export type FigureValue =
  | { type: 'number'; amount: number; unit: number; hedge: HedgeClass }
  | { type: 'range'; min: number; max: number; unit: number }
  | { type: 'vague'; word: string };

export interface Figure {
  /** Offsets in the sentence text: the figure itself ("7,000", "Nine thousand", "dozens"). */
  start: number;
  end: number;
  /** Where the hedge starts ("about 7,000"); equals `start` without a hedge. */
  hedgeStart: number;
  hedgeText: string;
  value: FigureValue;
  /** How the writer wrote it, so a fix can write the reference figure the same way. */
  style: { words: boolean; separator: string; capitalized: boolean };
}

const WORD_UNITS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const WORD_SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9 };
const SUFFIX_SCALES: Record<string, number> = { k: 1e3, K: 1e3, m: 1e6, M: 1e6, bn: 1e9, thousand: 1e3, million: 1e6, billion: 1e9, hundred: 100 };

/** Vague quantities, longest first, with the interval a reader understands by them. */
export const VAGUE_INTERVALS: ReadonlyArray<[string, number, number]> = [
  ['hundreds of thousands', 200_000, 999_999],
  ['tens of thousands', 20_000, 99_999],
  ['a handful', 2, 9],
  ['a few', 2, 9],
  ['several', 3, 19],
  ['dozens', 24, 120],
  ['scores', 40, 199],
  ['hundreds', 200, 999],
  ['thousands', 2000, 9999],
  ['millions', 2e6, 1e10],
];

const HEDGES: ReadonlyArray<[RegExp, HedgeClass]> = [
  [/\b(?:just|a little|slightly|a bit) (?:over|more than|above)\s+$/i, 'justOver'],
  [/\b(?:just|a little|slightly) (?:under|below|less than|fewer than)\s+$/i, 'nearly'],
  [/\b(?:nearly|almost|close to|approaching|not quite)\s+$/i, 'nearly'],
  [/\b(?:as many as|up to|as much as)\s+$/i, 'atMost'],
  [/\b(?:fewer than|less than|under|below|no more than|at most|not more than)\s+$/i, 'lessThan'],
  [/\b(?:more than|over|above|at least|upwards of|in excess of|well over|no fewer than|no less than|not less than)\s+$/i, 'moreThan'],
  [/\b(?:about|around|roughly|some|approximately|approx\.|an estimated|estimated|circa|ca\.|or so|on the order of)\s+$/i, 'approximate'],
];

const NUMERAL_RE = /(?<![\p{L}\p{N}.,\-/:$€£%])(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+|\d+)(\.\d+)?(?:\s?(k|K|bn|m|M)\b|[\s\u00a0]+(thousand|million|billion|hundred)\b)?(?![\p{L}\p{N}]|[.,]\d|%|:\d)/gu;
export const WORD_NUMBER_RE = new RegExp(
  `\\b(?:${[...Object.keys(WORD_UNITS), ...Object.keys(WORD_SCALES)].join('|')})(?:(?:[\\s-]+|\\s+and\\s+)(?:${[...Object.keys(WORD_UNITS), ...Object.keys(WORD_SCALES)].join('|')}))*\\b`,
  'giu',
);
export const VAGUE_RE = new RegExp(`\\b(?:several dozen|${VAGUE_INTERVALS.map(([w]) => w.replace(/ /g, '\\s+')).join('|')})\\b`, 'giu');

/** The rounding unit a written figure implies: "7,000" -> 1000, "130" -> 10, "7.5" -> 0.1. */
export function impliedUnit(digits: string, fraction: string | undefined, scale: number): number {
  if (fraction) return Math.pow(10, -(fraction.length - 1)) * scale;
  const zeros = /0*$/.exec(digits)?.[0].length ?? 0;
  const n = Number(digits);
  return n === 0 ? scale : capUnit(n * scale, Math.pow(10, Math.min(zeros, digits.length - 1)) * scale);
}

/** A round figure is not read as rounded by more than a fifth of itself: "1,000" is 950–1,050, not 500–1,500. */
export function capUnit(amount: number, unit: number): number {
  const cap = Math.pow(10, Math.floor(Math.log10(Math.max(1, amount / 5))));
  return Math.max(Math.min(unit, cap), amount >= 1 ? 1 : unit);
}

function parseWords(words: string): { amount: number; unit: number } | undefined {
  let total = 0, current = 0, unit = 1;
  for (const w of words.toLowerCase().split(/[\s-]+/)) {
    if (w === 'and' || !w) continue;
    if (w in WORD_UNITS) { current += WORD_UNITS[w]; unit = WORD_UNITS[w] % 10 === 0 && WORD_UNITS[w] >= 20 ? 10 : 1; }
    else if (w === 'hundred') { current = (current || 1) * 100; unit = current % 1000 === 0 ? 1000 : 100; }
    else if (w in WORD_SCALES) { total += (current || 1) * WORD_SCALES[w]; current = 0; unit = WORD_SCALES[w]; }
  }
  const amount = total + current;
  return amount > 0 ? { amount, unit: capUnit(amount, unit) } : undefined;
}

function hedgeBefore(text: string, start: number): { hedge: HedgeClass; hedgeStart: number; hedgeText: string } {
  const before = text.slice(Math.max(0, start - 40), start);
  const base = start - before.length;
  for (const [re, hedge] of HEDGES) {
    const m = re.exec(before);
    if (m) return { hedge, hedgeStart: base + m.index, hedgeText: m[0].trimEnd() };
  }
  return { hedge: 'exact', hedgeStart: start, hedgeText: '' };
}

/** The last word of every match of VAGUE_RE, and the first of WORD_NUMBER_RE: a sentence with none
 *  of them is not scanned with those alternations (text/words.ts). */
export const VAGUE_LAST_WORDS: ReadonlySet<string> = new Set(['dozen', ...VAGUE_INTERVALS.map(([w]) => w.split(' ').pop()!)]);
export const NUMBER_WORDS: ReadonlySet<string> = new Set([...Object.keys(WORD_UNITS), ...Object.keys(WORD_SCALES)]);

/** Character ranges of the sentence already claimed by dates, years and durations. */
export type Taken = ReadonlyArray<{ start: number; end: number }>;

const overlapsTaken = (taken: Taken, s: number, e: number) => taken.some((t) => s < t.end && t.start < e);

/** "400–500", "400 to 500", "between 400 and 500". */
const RANGE_RE = /(?<![\p{L}\p{N}.,])(?:between\s+)?(\d{1,3}(?:,\d{3})+|\d+)\s*(?:–|—|-|to|and)\s*(\d{1,3}(?:,\d{3})+|\d+)(?![\p{L}\p{N}]|[.,]\d|%)/giu;

/** Extracts the figures of a sentence (offsets relative to `text`). */
export function extractFigures(text: string, taken: Taken = []): Figure[] {
  const out: Figure[] = [];
  const push = (start: number, end: number, value: FigureValue, words: boolean, separator: string) => {
    if (overlapsTaken(taken, start, end) || out.some((f) => start < f.end && f.start < end)) return;
    const h = value.type === 'number' ? hedgeBefore(text, start) : { hedge: 'exact' as const, hedgeStart: start, hedgeText: '' };
    if (value.type === 'number') value.hedge = h.hedge;
    out.push({ start, end, hedgeStart: h.hedgeStart, hedgeText: h.hedgeText, value, style: { words, separator, capitalized: /^\p{Lu}/u.test(text.slice(h.hedgeStart, end)) } });
  };

  const hasDigit = /[0-9]/.test(text);
  // Ranges first: "400–500", "400 to 500", "between 400 and 500".
  if (hasDigit) for (const m of allMatches(RANGE_RE, text)) {
    const isBetween = /^between/i.test(m[0]);
    if (!isBetween && /and/i.test(m[0])) continue; // "130 Iraqis and 400" is not a range
    const a = Number(m[1].replace(/,/g, '')), b = Number(m[2].replace(/,/g, ''));
    if (!(a < b) || (a >= 1900 && a <= 2100 && b >= 1900 && b <= 2100)) continue;
    push(m.index, m.index + m[0].length, { type: 'range', min: a, max: b, unit: Math.min(impliedUnit(m[1].replace(/,/g, ''), undefined, 1), impliedUnit(m[2].replace(/,/g, ''), undefined, 1)) }, false, m[1].includes(',') ? ',' : '');
  }
  if (hasAnyWord(text, VAGUE_LAST_WORDS)) for (const m of allMatches(VAGUE_RE, text)) {
    const word = m[0].toLowerCase().replace(/\s+/g, ' ');
    push(m.index, m.index + m[0].length, { type: 'vague', word }, true, '');
  }
  if (hasDigit) for (const m of allMatches(NUMERAL_RE, text)) {
    const digits = m[1].replace(/[,\u00a0\u202f\u2009]/g, '');
    const scaleWord = m[3] ?? m[4];
    const scale = scaleWord ? SUFFIX_SCALES[scaleWord] : 1;
    const amount = Number(digits + (m[2] ?? '')) * scale;
    if (!Number.isFinite(amount)) continue;
    const sep = /,/.test(m[1]) ? ',' : (/[\u00a0\u202f\u2009]/.exec(m[1])?.[0] ?? '');
    push(m.index, m.index + m[0].length, { type: 'number', amount, unit: impliedUnit(digits, m[2], scale), hedge: 'exact' }, false, sep);
  }
  if (hasAnyWord(text, NUMBER_WORDS)) for (const m of allMatches(WORD_NUMBER_RE, text)) {
    const parsed = parseWords(m[0]);
    if (!parsed) continue;
    push(m.index, m.index + m[0].length, { type: 'number', amount: parsed.amount, unit: parsed.unit, hedge: 'exact' }, true, '');
  }
  return out.sort((a, b) => a.start - b.start);
}
/** The interval of values a figure allows (a writer's claim). */
export function claimInterval(v: FigureValue): [number, number] {
  if (v.type === 'range') return [v.min - v.unit / 2, v.max + v.unit / 2];
  if (v.type === 'vague') {
    if (v.word === 'several dozen') return [24, 99];
    const row = VAGUE_INTERVALS.find(([w]) => w === v.word);
    return row ? [row[1], row[2]] : [0, Infinity];
  }
  const { amount: n, unit: u } = v;
  switch (v.hedge) {
    case 'exact': return [n - u / 2, n + u / 2];
    case 'approximate': { const t = Math.max(u / 2, n * 0.1); return [n - t, n + t]; }
    case 'nearly': return [n - Math.max(u, n * 0.2), n];
    case 'lessThan': return [0, n];
    case 'atMost': return [n * 0.5, n];
    case 'moreThan': return [n, Infinity];
    case 'justOver': return [n, n + Math.max(u, n * 0.2)];
  }
}
