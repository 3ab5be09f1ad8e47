/** Extractors and small pure pieces, as tables: figures, hedges, dates, durations, sentences, positions, CLI args. */
import * as assert from 'node:assert/strict';
import { extractFigures, claimInterval } from '../../src/core/extract/numbers';
import { extractTimes, formatDate } from '../../src/core/extract/dates';
import { splitSentences } from '../../src/core/text/sentences';
import { stem } from '../../src/core/text/tokens';
import { LineIndex } from '../../src/core/positions';
import { parseArgs } from '../../src/cli/args';
import { referenceInterval, overlaps, formatAmount, describeValue } from '../../src/core/match/values';

describe('figures', () => {
  const rows: Array<[string, string, number, string]> = [
    // text, figure text, amount, hedge
    ['moved 7,000 detainees', '7,000', 7000, 'exact'],
    ['moved 7000 detainees', '7000', 7000, 'exact'],
    ['moved 7\u00a0000 detainees', '7\u00a0000', 7000, 'exact'],
    ['moved 7\u2009000 detainees', '7\u2009000', 7000, 'exact'],
    ['a 7.5 percent rise', '7.5', 7.5, 'exact'],
    ['some 7k detainees', '7k', 7000, 'approximate'],
    ['1.2 million people', '1.2 million', 1_200_000, 'exact'],
    ['Nine thousand fighters', 'Nine thousand', 9000, 'exact'],
    ['seven thousand fighters', 'seven thousand', 7000, 'exact'],
    ['eleven sources', 'eleven', 11, 'exact'],
    ['twenty-five sources', 'twenty-five', 25, 'exact'],
    ['about 500 detainees', '500', 500, 'approximate'],
    ['around 500', '500', 500, 'approximate'],
    ['roughly 400', '400', 400, 'approximate'],
    ['nearly 500', '500', 500, 'nearly'],
    ['almost 500', '500', 500, 'nearly'],
    ['just over 500', '500', 500, 'justOver'],
    ['as many as 7,000', '7,000', 7000, 'atMost'],
    ['up to 7,000', '7,000', 7000, 'atMost'],
    ['under 500', '500', 500, 'lessThan'],
    ['fewer than 500', '500', 500, 'lessThan'],
    ['below 500', '500', 500, 'lessThan'],
    ['more than 700', '700', 700, 'moreThan'],
    ['over 700', '700', 700, 'moreThan'],
    ['above 700', '700', 700, 'moreThan'],
    ['at least 700', '700', 700, 'moreThan'],
  ];
  for (const [text, figure, amount, hedge] of rows) {
    it(`${text} -> ${amount} (${hedge})`, () => {
      const f = extractFigures(text).find((x) => x.value.type === 'number');
      assert.ok(f, 'a figure');
      assert.equal(text.slice(f.start, f.end), figure);
      assert.equal(f.value.type === 'number' && f.value.amount, amount);
      assert.equal(f.value.type === 'number' && f.value.hedge, hedge);
    });
  }
  it('vague quantities', () => {
    for (const w of ['dozens', 'hundreds', 'thousands', 'a handful', 'tens of thousands', 'scores']) {
      const f = extractFigures(`${w} of fighters`);
      assert.deepEqual(f.map((x) => x.value), [{ type: 'vague', word: w }]);
    }
  });
  it('ranges', () => {
    for (const t of ['400–500 detainees', '400-500 detainees', 'between 400 and 500 detainees', '400 to 500 detainees']) {
      const f = extractFigures(t);
      assert.equal(f.length, 1, t);
      assert.deepEqual(f[0].value.type === 'range' && [f[0].value.min, f[0].value.max], [400, 500]);
    }
  });
  it('no figure in ids, times, money or percentages', () => {
    for (const t of ['version 1.2.3', 'at 10:30', 'a 50% rise', 'item-7000', 'A/7000']) assert.deepEqual(extractFigures(t).map((f) => t.slice(f.start, f.end)), [], t);
  });
  it('hedges count both ways: "about 500" and "fewer than 500" fit 480; "more than 700" does not fit "under 500"', () => {
    const ref480 = referenceInterval({ type: 'number', amount: 480, bound: 'exact' })!;
    const claim = (t: string) => claimInterval(extractFigures(t)[0].value);
    assert.ok(overlaps(claim('about 500'), ref480));
    assert.ok(overlaps(claim('fewer than 500'), ref480));
    assert.ok(!overlaps(claim('more than 700'), referenceInterval({ type: 'number', amount: 500, bound: 'lessThan' })!));
    assert.ok(!overlaps(claim('150'), referenceInterval({ type: 'number', amount: 130, bound: 'approximate' })!));
  });
});

describe('dates, years and durations', () => {
  const dates: Array<[string, string, number, number, number | undefined]> = [
    ['on January 21 the', 'January 21', 1, 21, undefined],
    ['on Jan. 21 the', 'Jan. 21', 1, 21, undefined],
    ['on Jan 21 the', 'Jan 21', 1, 21, undefined],
    ['on 21 January the', '21 January', 1, 21, undefined],
    ['on January 21, 2026 the', 'January 21, 2026', 1, 21, 2026],
    ['on 2026-01-21 the', '2026-01-21', 1, 21, 2026],
    ['on Sept. 3', 'Sept. 3', 9, 3, undefined],
  ];
  for (const [text, span, month, day, year] of dates) {
    it(`date: ${span}`, () => {
      const d = extractTimes(text).dates[0];
      assert.equal(text.slice(d.start, d.end), span);
      assert.deepEqual([d.month, d.day, d.year], [month, day, year]);
      assert.equal(formatDate(d.month, d.day, d.year, d), span.replace('Sept.', 'Sept.'));
    });
  }
  it('years, but not counts', () => {
    assert.deepEqual(extractTimes('from 2014 until the 2020 crisis').years.map((y) => y.year), [2014, 2020]);
    assert.deepEqual(extractTimes('2000 fighters were moved').years, []);
  });
  const durations: Array<[string, number, string, string]> = [
    ['more than a week', 1, 'week', 'moreThan'],
    ['nearly a decade', 1, 'decade', 'nearly'],
    ['two decades', 2, 'decade', 'exact'],
    ['five years', 5, 'year', 'exact'],
    ['about three months', 3, 'month', 'approximate'],
  ];
  for (const [text, amount, unit, hedge] of durations) {
    it(`duration: ${text}`, () => {
      const d = extractTimes(`for ${text} now`).durations[0];
      assert.deepEqual([d.amount, d.unit, d.hedge], [amount, unit, hedge]);
    });
  }
});

describe('sentences keep abbreviations together', () => {
  const rows: Array<[string, number]> = [
    ['U.S. Secretary of State Marco Rubio said so. Then he left.', 2],
    ['It began on Jan. 21 in Syria. More followed.', 2],
    ['Gen. Smith spoke. The U.S. military agreed.', 2],
    ['One. Two! Three?', 3],
  ];
  for (const [text, n] of rows) it(text, () => assert.equal(splitSentences(text).length, n));
});

describe('stems match inflections', () => {
  const same: Array<[string, string]> = [['transfer', 'transferred'], ['escape', 'escaped'], ['Iraqi', 'Iraqis'], ['sentence', 'sentenced'], ['try', 'tried'], ['move', 'moving'], ['fly', 'flown'], ['begin', 'began']];
  for (const [a, b] of same) it(`${a} ~ ${b}`, () => assert.equal(stem(a), stem(b)));
  it('keeps different words apart', () => assert.notEqual(stem('Iraq'), stem('Iraqi')));
});

describe('LineIndex (UTF-16, every line ending)', () => {
  const rows: Array<[string, number, number, number]> = [
    ['a\nb', 2, 1, 0], ['a\r\nb', 3, 1, 0], ['a\rb', 2, 1, 0], ['a\r\n\nb', 4, 2, 0], ['😀 7,000', 3, 0, 3], ['x', 1, 0, 1],
  ];
  for (const [text, offset, line, character] of rows) it(JSON.stringify(text), () => assert.deepEqual(new LineIndex(text).position(offset), { line, character }));
});

describe('values', () => {
  it('formats amounts like the writer', () => {
    assert.equal(formatAmount(7000), '7,000');
    assert.equal(formatAmount(7000, { separator: '' }), '7000');
    assert.equal(formatAmount(7, { words: true }), 'seven');
    assert.equal(formatAmount(12500, { separator: '\u00a0' }), '12\u00a0500');
  });
  it('describes reference values', () => {
    assert.equal(describeValue({ type: 'number', amount: 500, bound: 'approximate' }), 'around 500');
    assert.equal(describeValue({ type: 'duration', amount: 1, unit: 'decade', bound: 'lessThan' }), 'nearly a decade');
    assert.equal(describeValue({ type: 'date', date: '2026-01-21' }), 'January 21, 2026');
  });
});

describe('CLI arguments', () => {
  const rows: Array<[string[], string]> = [
    [['check', 'a.md'], 'check'],
    [['check', '--format', 'json', 'a.md'], 'check'],
    [['check', '--format=sarif', '--dataset', 'x.facts.json', '--no-bundled', 'a.md', '-'], 'check'],
    [['check'], 'error'],
    [['check', '--format', 'xml', 'a.md'], 'error'],
    [['check', '--frobnicate', 'a.md'], 'error'],
    [['lint', 'a.md'], 'error'],
    [['--help'], 'help'],
    [[], 'help'],
    [['--version'], 'version'],
  ];
  for (const [argv, command] of rows) it(argv.join(' ') || '(none)', () => assert.equal(parseArgs(argv).command, command));
  it('collects datasets and files', () => {
    const a = parseArgs(['check', '-d', 'a.json', '--dataset=b.json', '--no-bundled', 'x.md', '-']);
    assert.deepEqual(a, { command: 'check', format: 'text', datasets: ['a.json', 'b.json'], bundled: false, files: ['x.md', '-'] });
  });
});
