/**
 * The mocha runner inside VS Code's extension host: runTests (runTests.ts) points
 * `extensionTestsPath` here and VS Code calls `run()`; the returned promise rejecting fails the run.
 *
 * Loads every `*.test.js` next to this file (the esbuild output of test/integration/**\/*.test.ts).
 * `activation.test.js` goes first: it checks that opening a Markdown document is what activates the
 * extension, which only holds before any other test has opened one.
 * `DFC_TEST_FILTER` (a regular expression over those file names) narrows the set.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

function testFiles(): string[] {
  const filter = process.env.DFC_TEST_FILTER ? new RegExp(process.env.DFC_TEST_FILTER) : undefined;
  const files = fs.readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js') && (!filter || filter.test(f)))
    .sort((a, b) => Number(b === 'activation.test.js') - Number(a === 'activation.test.js') || a.localeCompare(b));
  return files.map((f) => path.join(__dirname, f));
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30000 });
  const files = testFiles();
  if (!files.length) return Promise.reject(new Error(`no *.test.js files in ${__dirname}${process.env.DFC_TEST_FILTER ? ` matching ${process.env.DFC_TEST_FILTER}` : ''}`));
  for (const f of files) mocha.addFile(f);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
}
