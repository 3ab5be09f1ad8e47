/**
 * Generated Markdown news drafts of a given length: front matter, headings, paragraphs dense with
 * figures, dates, years, durations, quotes and titles, bulleted and numbered lists, tables,
 * block quotes, links, inline code, code blocks, HTML comments and footnotes. About a third of the
 * sections tell the bundled story (Islamic State detainees moved from Syria to Iraq) with figures
 * that are sometimes right and sometimes wrong; the rest are local news on other beats (councils,
 * schools, sports, hospitals, transport, police, business, floods), so a checker's binding is
 * exercised both ways: claims that must bind, and look-alike claims that must not.
 */
import { Rng } from './rng';
import { BEATS, MONTHS, TOWNS, WEEKDAYS, capitalizeFirst, fill, personName, writeNumber, type Beat } from './vocab';

/** Sentences of the bundled story; `{…}` slots take right or wrong values. */
const STORY: ReadonlyArray<(r: Rng) => string> = [
  (r) => `Washington initially expected to move as many as ${r.pick(['7,000', '7,000', '5,000', '9,000'])} fighters to Iraq within days.`,
  (r) => `More than a week on, only around ${r.pick(['500', '500', '900', '1,500'])} detainees have been transferred, according to two Iraqi judicial officials.`,
  (r) => `On ${r.pick(['January 21', 'January 21', 'January 25', 'Jan. 19'])}, the U.S. said it had begun moving detainees from Syria to Iraq.`,
  (r) => `Those transferred so far include about ${r.pick(['130', '130', '230'])} Iraqis and roughly ${r.pick(['400', '400', '900'])} foreigners, the sources said.`,
  (r) => `${r.pick(['Seven', 'Seven', 'Five', 'Three'])} sources familiar with the matter said the U.S. military had slowed the transfers.`,
  (r) => `Hisham al-Alawi, ${r.pick(['undersecretary at Iraq’s foreign ministry', 'a spokesman for Iraq’s interior ministry', 'undersecretary at the Iraqi foreign ministry'])}, said fewer than 500 had arrived.`,
  (r) => `${r.pick(['U.S. Secretary of State', 'National Security Adviser', 'Secretary of State'])} Marco Rubio said the foreign detainees would be held in Iraq temporarily.`,
  (r) => `Islamic State declared its caliphate across parts of Syria and Iraq in ${r.pick(['2014', '2014', '2012'])}.`,
  (r) => `In ${r.pick(['Norway', 'Norway', 'Denmark'])}, the return of a woman linked to Islamic State in ${r.pick(['2020', '2020', '2019'])} sparked a cabinet crisis that brought down the government.`,
  (r) => `Foreign fighters have remained in detention in Syria and Iraq for ${r.pick(['nearly a decade', 'nearly a decade', 'nearly five years'])}.`,
  () => `“It’s a trap,” a senior Iraqi judicial source said of the transfers.`,
  (r) => `Letta Tayler, ${r.pick(['an associate fellow at the International Centre for Counter-Terrorism', 'a senior researcher at Human Rights Watch'])}, said repatriation was the only viable solution.`,
  (r) => `Baghdad has tried and sentenced ${r.pick(['dozens', 'dozens', 'hundreds'])} of foreign fighters in recent years, officials said.`,
  (r) => `Iraq agreed to host the detainees after ${r.pick(['dozens', 'dozens', 'thousands'])} of fighters briefly escaped from a Syrian facility.`,
  (r) => `An Iraqi foreign ministry official said the number transferred was under ${r.pick(['500', '500', '800'])}.`,
  (r) => `Baghdad balked at taking custody of all ${r.pick(['7,000', '7,000', '10,000'])}, citing pressure on its courts and prisons.`,
  () => 'The U.S. State Department and the Pentagon did not immediately respond to requests for comment.',
  () => 'Prosecuting returning fighters at home can be harder than in Iraq, because courts often require proof of direct involvement in violence.',
  (r) => `Tayler warned that mass transfers to Iraq carry “${r.pick(['mind-boggling', 'mind-blowing'])} legal implications.”`,
  () => 'Iraqi officials and a Western diplomat told Reuters that Baghdad asked the U.S. to slow the pace of the transfers.',
];

const STORY_HEADINGS = ['Transfers slow', 'What Baghdad wants', 'The detainees', 'Repatriation stalls', 'Legal concerns', 'Inside the camps'];

interface Local { beat: Beat; town: string; org: string; person: string; role: string }

function local(r: Rng): Local {
  const beat = r.pick(BEATS);
  const town = r.pick(TOWNS);
  return { beat, town, org: fill(r.pick(beat.orgs), town, ''), person: personName(r), role: r.pick(beat.roles) };
}

function date(r: Rng): string {
  const m = r.int(0, 11), d = r.int(1, 28);
  return r.pick([`${MONTHS[m]} ${d}`, `${MONTHS[m]} ${d}, ${r.int(2019, 2026)}`, `${d} ${MONTHS[m]}`, `${MONTHS[m].slice(0, 3)}. ${d}`]);
}

function duration(r: Rng, unit: string): string {
  return `${r.pick(['more than ', 'nearly ', 'about ', 'almost ', ''])}${r.pick(['two', 'three', 'four', 'six', 'a', '18', 'nine'])} ${unit}s`.replace(/\ba (\w+)s\b/, 'a $1');
}

function localSentence(r: Rng, l: Local): string {
  const { beat, town, org } = l;
  const pick = r.int(0, 9);
  if (pick <= 4) {
    const m = r.pick(beat.measures);
    const n = writeNumber(r, r.int(m.min, m.max));
    const noun = r.pick(m.nouns);
    let s = fill(r.pick(m.sentences), town, org).replace('{N}', `${n} ${noun}`);
    if (r.chance(0.3) && !/\bsaid\b/.test(s)) s = s.replace(/\.$/, `, ${r.pick(['the council said', 'officials said', `${l.person} said`, `according to ${org}`, 'figures show'])}.`);
    return capitalizeFirst(s);
  }
  if (pick === 5) return capitalizeFirst(fill(beat.dated.sentence, town, org).replace('{DATE}', date(r)));
  if (pick === 6) return capitalizeFirst(fill(beat.founded.sentence, town, org).replace('{YEAR}', String(r.int(1870, 2021))));
  if (pick === 7) return capitalizeFirst(fill(beat.lasting.sentence, town, org).replace('{DUR}', duration(r, beat.lasting.unit)));
  if (pick === 8) return `“${fill(r.pick(beat.quotes), town, org)},” said ${l.person}, ${l.role === 'spokesman' ? 'a spokesman' : `the ${l.role}`} of ${org}.`;
  return `${capitalizeFirst(l.role)} ${l.person} told reporters on ${r.pick(WEEKDAYS)} that ${org} would publish ${r.pick(['its accounts', 'a full report', 'new figures', 'the review'])} by ${MONTHS[r.int(0, 11)]}.`;
}

function decorate(r: Rng, s: string): string {
  // Inline Markdown that the checker must read through (emphasis, links) or skip (code, URLs).
  const x = r.int(0, 19);
  if (x === 0) return s.replace(/^(\S+ \S+)/, '**$1**');
  if (x === 1) return `${s} Details are in [the report](https://example.org/reports/${r.int(1000, 9999)}-figures.pdf).`;
  if (x === 2) return `${s} The data is in \`table_${r.int(10, 99)}_2024.csv\`.`;
  if (x === 3) return `${s} See <https://example.org/data/${r.int(100, 999)}>.`;
  if (x === 4) return s.replace(/(\d[\d,]*)/, '_$1_');
  if (x === 5) return `${s}[^${r.int(1, 9)}]`;
  return s;
}

function paragraph(r: Rng, story: boolean, l: Local): string {
  const n = r.int(2, 6);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(decorate(r, story ? r.pick(STORY)(r) : localSentence(r, l)));
  // Hard-wrapped like many drafts, or one line per paragraph.
  return r.chance(0.4) ? out.join('\n') : out.join(' ');
}

function list(r: Rng, story: boolean, l: Local): string {
  const ordered = r.chance(0.3);
  const items: string[] = [];
  const n = r.int(3, 6);
  for (let i = 0; i < n; i++) {
    let item: string;
    if (story) item = r.pick([`Transferred so far: ${r.pick(['500', '7,000', 'about 500'])}`, `Initially expected: ${r.pick(['7,000', 'as many as 7,000'])}`, `Iraqis among those moved: about ${r.pick(['130', '230'])}`, r.pick(STORY)(r)]);
    else {
      const m = r.pick(l.beat.measures);
      item = r.chance(0.5) ? `${capitalizeFirst(m.nouns[0])} ${m.events[0]}: ${writeNumber(r, r.int(m.min, m.max))}` : localSentence(r, l);
    }
    items.push(`${ordered ? `${i + 1}.` : r.pick(['-', '*'])} ${item}`);
  }
  return items.join('\n');
}

function table(r: Rng, story: boolean, l: Local): string {
  if (story) {
    const rows = [['Group', 'Transferred', 'Source'], ['Iraqis', r.pick(['about 130', '230']), 'Iraqi officials'], ['Foreigners', r.pick(['roughly 400', '900']), 'diplomats'], ['Total', r.pick(['around 500', '7,000']), 'Reuters sources']];
    return rows.map((row, i) => `| ${row.join(' | ')} |${i === 0 ? `\n|${row.map(() => ' --- ').join('|')}|` : ''}`).join('\n');
  }
  const measures = l.beat.measures;
  const header = ['Town', ...measures.map((m) => capitalizeFirst(m.nouns[0])), 'Year'];
  const rows: string[][] = [header];
  const n = r.int(3, 7);
  for (let i = 0; i < n; i++) {
    const town = i === 0 ? l.town : r.pick(TOWNS);
    rows.push([town, ...measures.map((m) => r.int(m.min, m.max).toLocaleString('en-US')), String(r.int(1990, 2025))]);
  }
  return rows.map((row, i) => `| ${row.join(' | ')} |${i === 0 ? `\n|${row.map(() => ' ---: ').join('|')}|` : ''}`).join('\n');
}

function quoteBlock(r: Rng, story: boolean, l: Local): string {
  if (story) return `> “The United States urges countries to take responsibility and repatriate their citizens in these facilities to face justice,” ${r.pick(['Rubio', 'Secretary of State Marco Rubio', 'Tayler'])} said.`;
  return `> “${fill(r.pick(l.beat.quotes), l.town, l.org)},” said ${l.person}.\n> ${localSentence(r, l)}`;
}

function codeBlock(r: Rng): string {
  return r.pick([
    '```json\n{ "transferred": 7000, "expected": 500, "date": "2026-01-25" }\n```',
    '```\nSELECT town, count(*) AS homes FROM permissions WHERE year = 2024 GROUP BY town;\n```',
    '    # indented code: 4,000 rows, exported March 3\n    awk -F, \'{ s += $3 } END { print s }\' homes.csv',
  ]);
}

/** Whitespace-separated words of a text (what "a 10k-word draft" counts). */
export function countWords(text: string): number {
  let n = 0;
  for (let i = 0, inWord = false; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** A draft of about `words` words (within one block of it), the same for the same seed. */
export function generateDraft(words: number, seed = 1): string {
  const r = new Rng(seed);
  const parts: string[] = [`---\ntitle: "Weekly round-up ${seed}"\ndate: 2026-01-${String(r.int(10, 30)).padStart(2, '0')}\ntags: [news, draft]\nwordcount: ${words}\n---`];
  parts.push(`# ${r.pick(['US slows transfer of Islamic State detainees to Iraq', 'The week in review', 'Round-up: councils, courts and the cup'])}`);
  let count = countWords(parts.join('\n\n'));
  while (count < words) {
    const story = r.chance(0.35);
    const l = local(r);
    const section: string[] = [`## ${story ? r.pick(STORY_HEADINGS) : `${l.town}: ${r.pick(['budget', 'schools', 'match report', 'health', 'buses', 'crime', 'jobs', 'floods'])}`}`];
    const blocks = r.int(3, 7);
    for (let b = 0; b < blocks; b++) {
      const k = r.int(0, 19);
      if (k < 11) section.push(paragraph(r, story, l));
      else if (k < 14) section.push(list(r, story, l));
      else if (k < 16) section.push(table(r, story, l));
      else if (k < 18) section.push(quoteBlock(r, story, l));
      else if (k === 18) section.push(codeBlock(r));
      else section.push(r.chance(0.5) ? '<!-- fact-check-ignore -->\n' + paragraph(r, story, l) : `<!-- editor: check with the desk -->\n${paragraph(r, story, l)}`);
    }
    if (r.chance(0.2)) section.push(`[^${r.int(1, 9)}]: ${r.pick(['Reuters, January 30, 2026.', 'Council minutes, item 7.', 'Figures from the trust’s annual report.'])}`);
    const text = section.join('\n\n');
    parts.push(text);
    count += countWords(text);
  }
  parts.push(Array.from({ length: 9 }, (_, i) => `[^${i + 1}]: ${['Reuters, January 30, 2026.', 'Council minutes, item 7.', 'Figures from the trust’s annual report.'][i % 3]}`).join('\n'));
  return parts.join('\n\n') + '\n';
}
