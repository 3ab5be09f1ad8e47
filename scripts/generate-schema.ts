// Writes media/dataset.schema.json from the zod schema, so the types stay the single truth.
// `--check` exits 1 when the committed file is out of date (run by the unit tests).
import { writeFileSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { Dataset } from '../src/core/dataset/schema';

const schema = {
  ...z.toJSONSchema(Dataset, { io: 'input', unrepresentable: 'any', target: 'draft-7' }),
  $id: 'https://draft-fact-check.invalid/dataset.schema.json',
  title: 'Draft Fact Check reference dataset',
};
const text = JSON.stringify(schema, null, 2) + '\n';
const out = 'media/dataset.schema.json';
if (process.argv.includes('--check')) {
  const current = (() => { try { return readFileSync(out, 'utf8'); } catch { return ''; } })();
  if (current !== text) { console.error(`${out} is out of date: run npm run generate-schema`); process.exit(1); }
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out}`);
}
