/**
 * JSON syntax errors, in words a person editing a dataset by hand understands. Datasets are
 * strict JSON: no comments, no trailing commas (both are reported, and both are "benign": the
 * text around them still means what it says).
 */
import { printParseErrorCode, type ParseError } from './jsonc';
import type { Span } from './json-outline';

/** A syntax error ready to be located. */
export interface SyntaxProblem extends Span {
  message: string;
  /** True when the value around the error is still exactly what the author meant (a comment,
   *  a trailing comma), so an element containing it can still be used. */
  benign: boolean;
}

function previousSignificant(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i;
}

/** The token at an error, quoted for a message: a string literal, a word or number, or one character. */
function excerpt(text: string, span: Span): string {
  const rest = text.slice(span.offset, span.offset + 40);
  const token = /^"[^"\r\n]*"?|^[^\s,:{}[\]"]+/.exec(rest)?.[0] || rest.slice(0, 1);
  return JSON.stringify(token.length > 20 ? `${token.slice(0, 19)}…` : token);
}

function describe(text: string, error: ParseError): SyntaxProblem {
  const at = text[error.offset];
  const eof = error.offset >= text.length;
  const span = { offset: error.offset, length: error.length };
  const problem = (message: string, benign = false, where: Span = span): SyntaxProblem => ({ ...where, message, benign });
  const code = printParseErrorCode(error.error);
  if ((code === 'PropertyNameExpected' || code === 'ValueExpected') && (at === '}' || at === ']')) {
    const comma = previousSignificant(text, error.offset);
    if (text[comma] === ',') {
      return problem(`trailing comma: JSON allows no comma after the last ${at === '}' ? 'property' : 'element'}`, true, { offset: comma, length: 1 });
    }
  }
  switch (code) {
    case 'InvalidCommentToken':
      return problem('comments are not allowed in JSON datasets: put notes in a "note" or "description" field', true);
    case 'UnexpectedEndOfComment':
      return problem('unterminated comment (and comments are not allowed in JSON datasets)');
    case 'InvalidSymbol': {
      const symbol = text.slice(error.offset, error.offset + error.length);
      if (symbol.startsWith("'")) return problem('strings and property names need double quotes ("), not single quotes');
      if (/^(NaN|-?Infinity|undefined)$/.test(symbol)) return problem(`${symbol} is not a JSON value: use a number or null`);
      if (/^[A-Za-z_$][\w$]*$/.test(symbol) && text[previousSignificant(text, error.offset)] !== ':') {
        return problem(`property names need double quotes: "${symbol}"`);
      }
      return problem(`unexpected ${excerpt(text, error)}: expected a JSON value (a string in double quotes, a number, true, false, null, an object or an array)`);
    }
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return problem(`invalid number ${excerpt(text, error)}`);
    case 'PropertyNameExpected':
      return problem(eof ? 'unexpected end of file: expected a property name' : `expected a property name in double quotes, found ${excerpt(text, error)}`);
    case 'ValueExpected':
      return problem(eof ? 'unexpected end of file: expected a value' : `expected a value, found ${excerpt(text, error)}`);
    case 'ColonExpected':
      return problem('expected ":" after the property name');
    case 'CommaExpected':
      return problem(`expected a comma, found ${excerpt(text, error)}: items of an object or array are separated by ","`);
    case 'CloseBraceExpected':
      return problem(eof ? 'unexpected end of file: an object is not closed with "}"' : 'expected "}" or "," after the property');
    case 'CloseBracketExpected':
      return problem(eof ? 'unexpected end of file: an array is not closed with "]"' : 'expected "]" or "," after the element');
    case 'EndOfFileExpected':
      return problem('unexpected text after the end of the dataset: a file holds one JSON object');
    case 'UnexpectedEndOfString':
      return problem('unterminated string: a string must end with " on the same line (write a line break as \\n)');
    case 'InvalidUnicode':
      return problem('invalid unicode escape: write \\u followed by four hexadecimal digits');
    case 'InvalidEscapeCharacter':
      return problem('invalid escape in string: only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are allowed');
    case 'InvalidCharacter':
      return problem('control character in string: write tabs and line breaks as \\t and \\n');
    default:
      return problem(`invalid JSON (${code})`);
  }
}

/**
 * Readable syntax errors. While it recovers, jsonc-parser often reports the same mistake again
 * and again; an error is kept only when it is on a later line than the last one kept and the
 * parser made progress (read a key or a value) since the previous error. Comments are the
 * exception: the scanner reports them on their own, so they neither cascade nor are hidden.
 */
export function describeSyntaxErrors(text: string, errors: ReadonlyArray<ParseError & { afterProgress?: boolean }>): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  let lastLineEnd = -1;
  let cascading = false;
  for (const error of errors) {
    const comment = printParseErrorCode(error.error) === 'InvalidCommentToken';
    if (comment) {
      out.push(describe(text, error));
      continue;
    }
    if (error.afterProgress !== false) cascading = false;
    const repeated = cascading || error.offset <= lastLineEnd;
    cascading = true;
    if (repeated) continue;
    const problem = describe(text, error);
    out.push(problem);
    const newline = text.slice(problem.offset).search(/[\r\n]/);
    lastLineEnd = newline < 0 ? text.length : problem.offset + newline;
    lastLineEnd = Math.max(lastLineEnd, error.offset);
  }
  return out;
}

/** Where `JSON.parse` says the text is broken, for the rare error jsonc-parser does not report. */
export function syntaxErrorFromJsonParse(text: string, error: unknown): SyntaxProblem {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const offset = position ? Math.min(Number(position[1]), text.length) : 0;
  return { offset, length: offset < text.length ? 1 : 0, message: `invalid JSON: ${message}`, benign: false };
}
