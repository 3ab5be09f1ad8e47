/**
 * Mocha runner for the benchmark suite inside VS Code's extension host (bench/vscode.ts points
 * `extensionTestsPath` here). Kept apart from test/integration so that its timings never run as part
 * of `npm test`, and so that it opens the first Markdown document itself (activation is measured).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 120_000 });
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures ? reject(new Error(`${failures} benchmark test(s) failed`)) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
}
