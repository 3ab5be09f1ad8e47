/** Dates ("January 21") and years ("in 2014") bound to dated events. */
import { docEnd, docStart, type Sentence } from '../analyze';
import type { DateMention, YearMention } from '../extract/dates';
import { formatDate } from '../extract/dates';
import type { Finding } from '../types';
import { bindAt, firstHighest } from './bind';
import { asOfText, summarize, type DocContext } from './context';
import { citationEdits, fix } from '../fixes';
import { formatLongDate } from './values';
import { sentenceEndOffset } from './figures';
import type { CompiledFact } from './term-index';

function best(ctx: DocContext, s: Sentence, at: number, type: 'date' | 'year'): CompiledFact | undefined {
  const bound = bindAt(ctx, s, at, (cf) => cf.fact.value?.type === type);
  return firstHighest(bound, (b) => b.eventScore)?.cf;
}

function base(s: Sentence, start: number, end: number, kind: Finding['claimKind']): Finding {
  return { verdict: 'unverified', claimKind: kind, start: docStart(s, start), end: docEnd(s, end), text: '', message: 'No fact in the reference datasets covers this claim.', fixes: [] };
}

export function judgeDate(ctx: DocContext, s: Sentence, d: DateMention): Finding {
  const out = base(s, d.start, d.end, 'date');
  const cf = best(ctx, s, d.start, 'date');
  if (!cf || cf.fact.value?.type !== 'date') return out;
  const [y, m, day] = cf.fact.value.date.split('-').map(Number);
  const same = m === d.month && day === d.day && (d.year === undefined || d.year === y);
  out.factId = cf.fact.id;
  out.reference = summarize(cf);
  const label = cf.fact.event?.label ?? 'the event';
  if (same) {
    out.verdict = 'supported';
    out.message = `Matches the reference: ${label} on ${formatLongDate(cf.fact.value.date)}, ${cf.fact.attribution} (as of ${asOfText(cf)}).`;
    out.fixes = [fix(`Cite the source (${cf.fact.id})`, 'citation', citationEdits(ctx, cf, sentenceEndOffset(s)))];
    return out;
  }
  const newText = formatDate(m, day, d.year !== undefined ? y : undefined, d);
  out.verdict = 'contradicted';
  out.message = `The reference dates ${label} to ${formatLongDate(cf.fact.value.date)}, not ${s.text.slice(d.start, d.end)}: ${cf.fact.statement} (${cf.fact.attribution}; as of ${asOfText(cf)}).`;
  const edit = { start: out.start, end: out.end, newText };
  out.fixes = [fix(`Change to “${newText}”`, 'figure', [edit], true), fix(`Change to “${newText}” and cite the source`, 'citation', [edit, ...citationEdits(ctx, cf, sentenceEndOffset(s))])];
  return out;
}

export function judgeYear(ctx: DocContext, s: Sentence, y: YearMention): Finding {
  const out = base(s, y.start, y.end, 'year');
  const cf = best(ctx, s, y.start, 'year');
  if (!cf || cf.fact.value?.type !== 'year') return out;
  const year = cf.fact.value.year;
  out.factId = cf.fact.id;
  out.reference = summarize(cf);
  const label = cf.fact.event?.label ?? 'the event';
  if (year === y.year) {
    out.verdict = 'supported';
    out.message = `Matches the reference: ${label} in ${year}, ${cf.fact.attribution} (as of ${asOfText(cf)}).`;
    out.fixes = [fix(`Cite the source (${cf.fact.id})`, 'citation', citationEdits(ctx, cf, sentenceEndOffset(s)))];
    return out;
  }
  out.verdict = 'contradicted';
  out.message = `The reference places ${label} in ${year}, not ${y.year}: ${cf.fact.statement} (${cf.fact.attribution}; as of ${asOfText(cf)}).`;
  const edit = { start: out.start, end: out.end, newText: String(year) };
  out.fixes = [fix(`Change to “${year}”`, 'figure', [edit], true), fix(`Change to “${year}” and cite the source`, 'citation', [edit, ...citationEdits(ctx, cf, sentenceEndOffset(s))])];
  return out;
}
