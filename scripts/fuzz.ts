/**
 * `npm run fuzz`: the checker's property tests (test/unit/properties.test.ts) with many more cases
 * than CI runs. Environment:
 *   FUZZ_RUNS  cases per property (default 25,000)
 *   FUZZ_SEED  a fast-check seed, to replay a run (each property prints the seed it used)
 *   FUZZ_ONLY  run only the properties whose name contains this text
 * Exits 1 at the first counterexample; fast-check prints it shrunk, with the seed and path to replay.
 */
import { PROPERTIES, stats } from '../test/unit/properties.test';

const runs = Number(process.env.FUZZ_RUNS ?? 25_000);
const only = process.env.FUZZ_ONLY ?? '';
const fixedSeed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

let failed = false;
const t0 = performance.now();
for (const p of PROPERTIES) {
  if (!p.name.includes(only)) continue;
  const seed = fixedSeed ?? Math.floor(Math.random() * 2 ** 31);
  const started = performance.now();
  const before = stats.cases;
  process.stdout.write(`${p.name}\n  ${runs} cases, seed ${seed} … `);
  try {
    p.run(runs, seed);
    process.stdout.write(`ok (${stats.cases - before} cases, ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  } catch (e) {
    failed = true;
    process.stdout.write(`FAILED\n${e instanceof Error ? `${e.message}\n${e.cause instanceof Error ? e.cause.message : ""}` : String(e)}\n`);
    break;
  }
}
console.log(`\n${stats.cases} cases, ${stats.checks} checks, ${stats.flags} flags, ${stats.fixesApplied} preferred fixes applied and re-checked, slowest check ${stats.slowestMs.toFixed(0)} ms; ${((performance.now() - t0) / 1000).toFixed(1)} s${failed ? ' — FAILED' : ''}`);
process.exitCode = failed ? 1 : 0;
