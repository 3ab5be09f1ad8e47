/**
 * Prose blocks -> sentences with tokens, clauses and a way back to document offsets. Everything
 * downstream works in sentence-local offsets and converts with `docStart`/`docEnd`.
 */
import type { ProseBlock } from './markdown';
import { splitSentences } from './text/sentences';
import { tokenize, type Token } from './text/tokens';
import { allMatches } from './text/matches';

export interface Sentence {
  block: ProseBlock;
  /** Offset of the sentence in `block.text`. */
  base: number;
  text: string;
  tokens: Token[];
  /** Tokens of the block's labels (table headers), part of every claim in it. */
  contextTokens: Token[];
  /** Clause ranges (sentence-local); strong boundaries such as "but" and ";" separate events. */
  clauses: Array<[number, number]>;
  /** The sentence before, in the same block, if any (for "he said"). */
  previous?: Sentence;
}

const CLAUSE_BREAK = /;|\s[—–]\s|—|\b(?:but|however|whereas|while|although|though|yet|even as)\b|,\s+(?=(?:after|before|following|when|as|because|prompting|citing)\b)/gi;

/** Splits a block into sentences. */
export function analyzeBlock(block: ProseBlock): Sentence[] {
  const contextTokens = block.context ? tokenize(block.context) : [];
  const out: Sentence[] = [];
  for (const r of splitSentences(block.text)) {
    const text = block.text.slice(r.start, r.end);
    const clauses: Array<[number, number]> = [];
    let from = 0;
    for (const m of allMatches(CLAUSE_BREAK, text)) {
      if (m.index > from) clauses.push([from, m.index]);
      from = m.index;
    }
    clauses.push([from, text.length]);
    out.push({ block, base: r.start, text, tokens: tokenize(text), contextTokens, clauses, previous: out[out.length - 1] });
  }
  return out;
}

/** Document offset of a sentence-local start offset. */
export function docStart(s: Sentence, i: number): number {
  return s.block.offsets[s.base + i];
}

/** Document offset just after a sentence-local end offset (exclusive). */
export function docEnd(s: Sentence, i: number): number {
  return i <= 0 ? docStart(s, 0) : s.block.offsets[s.base + i - 1] + 1;
}

/** The clause containing sentence-local offset `at`. */
export function clauseAt(s: Sentence, at: number): [number, number] {
  return s.clauses.find(([a, b]) => at >= a && at < b) ?? [0, s.text.length];
}

/** Token index range [from, to) of the tokens inside sentence-local [a, b). */
export function tokenRange(s: Sentence, a: number, b: number): [number, number] {
  let from = 0;
  while (from < s.tokens.length && s.tokens[from].start < a) from++;
  let to = from;
  while (to < s.tokens.length && s.tokens[to].start < b) to++;
  return [from, to];
}
