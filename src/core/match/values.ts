/**
 * Reference values as intervals, and how a reference value is written back into a draft. A claim
 * is compatible with a fact when their intervals overlap: "about 500" and "fewer than 500" both fit
 * 480; "more than 700" does not fit "under 500".
 */
import type { Bound, FactValue } from '../dataset/schema';
import { VAGUE_INTERVALS, type HedgeClass } from '../extract/numbers';
import { UNIT_DAYS } from '../extract/dates';

/** Rounding unit implied by a reference amount (500 -> 100, 130 -> 10, 7 -> 1). */
export function unitOf(n: number): number {
  if (!Number.isInteger(n)) return Math.pow(10, -((String(n).split('.')[1] ?? '').length));
  let u = 1;
  while (n !== 0 && n % (u * 10) === 0 && u * 10 <= Math.abs(n)) u *= 10;
  return n < 10 ? 1 : u;
}

function boundInterval(n: number, bound: Bound, unit: number, tolerance?: number): [number, number] {
  switch (bound) {
    case 'exact': return [n - unit / 2, n + unit / 2];
    case 'approximate': { const t = tolerance ?? Math.max(unit / 2, n * 0.1); return [n - t, n + t]; }
    case 'lessThan': return [n - (tolerance ?? n * 0.2), n];
    case 'atMost': return [n * 0.5, n];
    case 'moreThan': return [n, n + (tolerance ?? n)];
    case 'atLeast': return [n, n + (tolerance ?? n)];
  }
}

/** The interval a numeric reference value allows (durations in days); undefined for other values. */
export function referenceInterval(v: FactValue | undefined): [number, number] | undefined {
  if (!v) return undefined;
  switch (v.type) {
    case 'number': return boundInterval(v.amount, v.bound, unitOf(v.amount), v.tolerance);
    case 'range': return [v.min, v.max];
    case 'vague': { const row = VAGUE_INTERVALS.find(([w]) => w === v.word); return row ? [row[1], row[2]] : undefined; }
    case 'duration': return boundInterval(v.amount * UNIT_DAYS[v.unit], v.bound, UNIT_DAYS[v.unit], undefined);
    default: return undefined;
  }
}

export function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  const finite = [a[0], a[1], b[0], b[1]].filter(Number.isFinite).map(Math.abs);
  const eps = 1e-9 * Math.max(1, ...finite);
  // Strict: intervals that only touch ("6" is [5.5, 6.5], "7" is [6.5, 7.5]) do not overlap.
  return a[0] < b[1] - eps && b[0] < a[1] - eps;
}

const HEDGE_FAMILY: Record<Bound, HedgeClass[]> = {
  exact: ['exact'],
  approximate: ['approximate'],
  lessThan: ['lessThan', 'nearly'],
  atMost: ['atMost'],
  moreThan: ['moreThan', 'justOver'],
  atLeast: ['moreThan'],
};

/** May the writer's hedge stay in front of the reference figure? Only when it says the same kind of thing. */
export function hedgeFits(writer: HedgeClass, ref: Bound): boolean {
  return HEDGE_FAMILY[ref].includes(writer);
}

/** How a reference bound is written before a figure. */
export function boundWords(bound: Bound, countable: boolean, isDuration = false): string {
  switch (bound) {
    case 'exact': return '';
    case 'approximate': return 'around';
    case 'lessThan': return isDuration ? 'nearly' : countable ? 'fewer than' : 'under';
    case 'atMost': return 'as many as';
    case 'moreThan': return 'more than';
    case 'atLeast': return 'at least';
  }
}

const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** Writes a number the way the writer writes them: words below ten, the writer's digit grouping. */
export function formatAmount(n: number, style: { words?: boolean; separator?: string } = {}): string {
  if (Number.isInteger(n) && n >= 0 && n < 10 && (style.words ?? true)) return SMALL[n];
  const sep = style.separator ?? ',';
  const [int, frac] = String(n).split('.');
  const grouped = int.length > 4 || (int.length === 4 && sep !== '') ? int.replace(/\B(?=(\d{3})+(?!\d))/g, sep || '') : int;
  return frac ? `${grouped}.${frac}` : grouped;
}

const UNIT_WORD = { day: 'day', week: 'week', month: 'month', year: 'year', decade: 'decade' } as const;

/** The reference value as a writer would put it: "around 500", "dozens", "nearly a decade". */
export function describeValue(v: FactValue | undefined, countable = true): string {
  if (!v) return '';
  switch (v.type) {
    case 'number': return [boundWords(v.bound, countable), formatAmount(v.amount, { words: true })].filter(Boolean).join(' ');
    case 'range': return `${formatAmount(v.min)}–${formatAmount(v.max)}`;
    case 'vague': return v.word;
    case 'date': return formatLongDate(v.date);
    case 'year': return String(v.year);
    case 'duration': {
      const amount = v.amount === 1 ? (v.unit === 'day' || v.unit === 'week' || v.unit === 'month' || v.unit === 'year' || v.unit === 'decade' ? 'a' : '1') : formatAmount(v.amount);
      return [boundWords(v.bound, false, true), amount, UNIT_WORD[v.unit] + (v.amount === 1 ? '' : 's')].filter(Boolean).join(' ');
    }
    case 'place': return v.name;
    case 'role': return v.phrase;
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-01-30" -> "January 30, 2026". */
export function formatLongDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}
