/**
 * `text.matchAll(re)` without its cost: matchAll copies the regular expression at every call (the
 * extractors call it for every sentence), this reads the matches with the expression itself.
 */

/** The matches of the global expression `re` in `text`, in order, as `[...text.matchAll(re)]`
 *  gives them for an expression that never matches the empty string; `re.lastIndex` is 0 after. */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m);
  re.lastIndex = 0;
  return out;
}
