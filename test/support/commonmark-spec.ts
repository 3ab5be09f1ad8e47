/** The CommonMark spec's examples (npm `commonmark-spec`), for tests that read every one of them. */
import { createRequire } from 'node:module';
import * as path from 'node:path';

export interface SpecExample { markdown: string; number: number; section: string }

/** Tests run from out/test/<dir>/. */
const repoRoot = path.resolve(__dirname, '../../..');

/** Every example, its tabs restored (the spec writes them as "→"). Loaded at run time from
 *  node_modules: the package reads its spec.txt next to itself. */
export const SPEC_EXAMPLES: readonly SpecExample[] = (createRequire(path.join(repoRoot, 'package.json'))('commonmark-spec') as { tests: SpecExample[] }).tests
  .map((e) => ({ ...e, markdown: e.markdown.replace(/→/g, '\t') }));
