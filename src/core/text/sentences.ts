/**
 * Sentence boundaries with Intl.Segmenter (ICU's rules, no dependency), then repaired where ICU
 * splits after an abbreviation a news draft is full of: "U.S. Secretary", "Jan. 21", "Gen. Smith".
 */

export interface SentenceRange {
  start: number;
  end: number;
}

const ABBREVIATION_END = /(?:\b(?:[A-Z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Sen|Rep|Gov|Pres|St|Jr|Sr|No|Nos|Vol|vs|etc|approx|Inc|Ltd|Co|Corp|Dept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.)\s*$/;

let segmenter: Intl.Segmenter | undefined;

/** Splits prose into sentences; ranges are offsets into `text`, trimmed of surrounding space. */
export function splitSentences(text: string): SentenceRange[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const raw: SentenceRange[] = [];
  for (const s of segmenter.segment(text)) raw.push({ start: s.index, end: s.index + s.segment.length });
  const merged: SentenceRange[] = [];
  for (const r of raw) {
    const prev = merged[merged.length - 1];
    if (prev && ABBREVIATION_END.test(text.slice(prev.start, prev.end)) && !/^\s*\n/.test(text.slice(r.start, r.end))) prev.end = r.end;
    else merged.push({ ...r });
  }
  return merged
    .map((r) => {
      let { start, end } = r;
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      return { start, end };
    })
    .filter((r) => r.end > r.start);
}
