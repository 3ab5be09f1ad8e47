/**
 * Dates ("January 21", "Jan. 21", "21 January", "January 21, 2026", "2026-01-21"), years
 * ("in 2014", "the 2020 return") and durations ("more than a week", "nearly a decade",
 * "two decades", "five years"), with their hedges.
 */
import type { HedgeClass } from './numbers';
import { hasAnyWord, hasAnyWordStartingWith } from '../text/words';
import { allMatches } from '../text/matches';

export interface DateMention {
  kind: 'date';
  start: number;
  end: number;
  month: number; // 1-12
  day: number;
  year?: number;
  /** How the writer wrote it: 'MDY' "January 21", 'DMY' "21 January", 'ISO' "2026-01-21"; and month style. */
  format: 'MDY' | 'DMY' | 'ISO';
  monthStyle: 'long' | 'abbr' | 'abbr.';
}

export interface YearMention { kind: 'year'; start: number; end: number; year: number }

export interface DurationMention {
  kind: 'duration';
  start: number;
  end: number;
  /** Where the hedge starts ("more than a week"). */
  hedgeStart: number;
  amount: number;
  unit: 'day' | 'week' | 'month' | 'year' | 'decade';
  hedge: HedgeClass;
  /** Length in days of the stated amount, and its rounding unit in days. */
  days: number;
  unitDays: number;
  capitalized: boolean;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_RE = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
export const MDY_RE = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'g');
export const DMY_RE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}(?:,?\\s+(\\d{4})\\b)?`, 'g');
const ISO_RE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const YEAR_RE = /(?<![\p{L}\p{N},.\-/$])(1[89]\d\d|20\d\d|2100)(?![\p{L}\p{N}]|[.,]\d|%|-\d)/gu;

export const UNIT_DAYS = { day: 1, week: 7, month: 30.44, year: 365.25, decade: 3652.5 } as const;
const DURATION_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, several: 3, 'a few': 2, 'a couple of': 2 };
export const DURATION_RE = /\b((?:(?:more than|over|nearly|almost|about|around|roughly|some|less than|under|at least|just over|just under|close to|up to)\s+)?)(a couple of|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|\d+(?:\.\d+)?)[\s-]+(day|week|month|year|decade)s?\b/gi;

/** The words DURATION_RE ends with (text/words.ts). */
export const DURATION_UNITS: ReadonlySet<string> = new Set(Object.keys(UNIT_DAYS).flatMap((u) => [u, `${u}s`]));

/** Does a word of `text` start with a month's first three letters? Every month MDY_RE and DMY_RE
 *  know starts a word (after a word boundary or a space) with them. */
export function startsLikeMonth(text: string): boolean {
  return hasAnyWordStartingWith(text, MONTH_PREFIXES);
}
const MONTH_PREFIXES: ReadonlySet<string> = new Set(MONTH_ABBR);

function monthIndex(raw: string): { month: number; style: DateMention['monthStyle'] } {
  const lower = raw.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.indexOf(lower);
  if (full >= 0) return { month: full + 1, style: 'long' };
  const abbr = MONTH_ABBR.indexOf(lower.slice(0, 3));
  return { month: abbr + 1, style: raw.endsWith('.') ? 'abbr.' : 'abbr' };
}

const HEDGE_OF: Record<string, HedgeClass> = {
  'more than': 'moreThan', over: 'moreThan', 'at least': 'moreThan', 'just over': 'justOver', nearly: 'nearly', almost: 'nearly',
  'close to': 'nearly', 'just under': 'nearly', about: 'approximate', around: 'approximate', roughly: 'approximate', some: 'approximate',
  'less than': 'lessThan', under: 'lessThan', 'up to': 'atMost',
};

export interface TimeMentions {
  dates: DateMention[];
  years: YearMention[];
  durations: DurationMention[];
}

/** Extracts dates, then years not inside a date, then durations (offsets relative to `text`). */
export function extractTimes(text: string): TimeMentions {
  const dates: DateMention[] = [];
  const years: YearMention[] = [];
  const durations: DurationMention[] = [];
  // Every date and year has an ASCII digit, every duration a unit word: most sentences skip the scans.
  const hasDigit = /[0-9]/.test(text);
  const hasUnit = hasAnyWord(text, DURATION_UNITS);
  if (!hasDigit && !hasUnit) return { dates, years, durations };
  const taken = (s: number, e: number) => dates.some((d) => s < d.end && d.start < e);
  // ISO dates and years have four digits in a row; the other dates a word starting like a month.
  const fourDigits = hasDigit && /[0-9]{4}/.test(text);
  const month = hasDigit && startsLikeMonth(text);
  if (fourDigits) for (const m of allMatches(ISO_RE, text)) {
    const month = Number(m[2]), day = Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) dates.push({ kind: 'date', start: m.index, end: m.index + m[0].length, month, day, year: Number(m[1]), format: 'ISO', monthStyle: 'long' });
  }
  if (month) for (const m of allMatches(MDY_RE, text)) {
    const day = Number(m[2]);
    if (day < 1 || day > 31 || taken(m.index, m.index + m[0].length)) continue;
    if (m[1] === 'May' && /^\s/.test(text.slice(m.index + 3)) && !/^May\s+\d/.test(m[0])) continue;
    const { month, style } = monthIndex(m[1]);
    dates.push({ kind: 'date', start: m.index, end: m.index + m[0].length, month, day, year: m[3] ? Number(m[3]) : undefined, format: 'MDY', monthStyle: style });
  }
  if (month) for (const m of allMatches(DMY_RE, text)) {
    const day = Number(m[1]);
    if (day < 1 || day > 31 || taken(m.index, m.index + m[0].length)) continue;
    const { month, style } = monthIndex(m[2]);
    dates.push({ kind: 'date', start: m.index, end: m.index + m[0].length, month, day, year: m[3] ? Number(m[3]) : undefined, format: 'DMY', monthStyle: style });
  }
  if (fourDigits) for (const m of allMatches(YEAR_RE, text)) {
    const s = m.index, e = s + m[0].length;
    if (taken(s, e)) continue;
    // "2000 fighters" is a count, "in 2014" / "the 2020 return" / "2014." a year.
    const after = text.slice(e, e + 24);
    const before = text.slice(Math.max(0, s - 12), s);
    const looksLikeCount = /^\s+(?:[a-z]+\s+)?(?:detainees|prisoners|fighters|people|militants|suspects|troops|soldiers|men|women|children|families|foreigners|members|inmates|cases|refugees|sources|officials)\b/i.test(after)
      && !/\b(?:in|since|from|by|until|of|during|the|early|late|mid|before|after)\s+$/i.test(before);
    if (!looksLikeCount) years.push({ kind: 'year', start: s, end: e, year: Number(m[0]) });
  }
  if (hasUnit) for (const m of allMatches(DURATION_RE, text)) {
    const hedgeWords = m[1].trim().toLowerCase();
    const amountRaw = m[2].toLowerCase();
    const amount = DURATION_WORDS[amountRaw] ?? Number(amountRaw);
    if (!Number.isFinite(amount) || amount <= 0) continue;
    const unit = m[3].toLowerCase() as DurationMention['unit'];
    const figureStart = m.index + m[1].length;
    const days = amount * UNIT_DAYS[unit];
    // "a decade" / "five years" round to one of their unit; "ten years" to five.
    const unitDays = (amount >= 10 && amount % 5 === 0 ? 5 : 1) * UNIT_DAYS[unit];
    durations.push({ kind: 'duration', start: figureStart, end: m.index + m[0].length, hedgeStart: m.index, amount, unit, hedge: HEDGE_OF[hedgeWords] ?? 'exact', days, unitDays, capitalized: /^\p{Lu}/u.test(m[0]) });
  }
  return { dates, years, durations };
}

/** Days of a duration claim as an interval. */
export function durationInterval(d: Pick<DurationMention, 'days' | 'unitDays' | 'hedge'>): [number, number] {
  const n = d.days, u = d.unitDays;
  switch (d.hedge) {
    case 'exact': return [n - u / 2, n + u / 2];
    case 'approximate': return [n - Math.max(u / 2, n * 0.15), n + Math.max(u / 2, n * 0.15)];
    case 'nearly': return [n - Math.max(u * 0.5, n * 0.25), n];
    case 'lessThan': return [0, n];
    case 'atMost': return [n * 0.5, n];
    case 'moreThan': return [n, Infinity];
    case 'justOver': return [n, n + Math.max(u, n * 0.25)];
  }
}

export function formatDate(month: number, day: number, year: number | undefined, like: Pick<DateMention, 'format' | 'monthStyle'>): string {
  if (like.format === 'ISO') return `${year ?? 2026}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const long = MONTHS[month - 1][0].toUpperCase() + MONTHS[month - 1].slice(1);
  const abbr = long.length <= 4 ? long : long.slice(0, month === 9 ? 4 : 3);
  const name = like.monthStyle === 'long' || long.length <= 4 ? long : like.monthStyle === 'abbr.' ? `${abbr}.` : abbr;
  const y = year !== undefined ? `${like.format === 'MDY' ? ',' : ''} ${year}` : '';
  return like.format === 'DMY' ? `${day} ${name}${y}` : `${name} ${day}${y}`;
}
