/**
 * What the editor layer uses of the core checker (the checker, the dataset loader with zod, the
 * bundled dataset, the fact summaries). In the extension this module is a bundle of its own,
 * dist/core.js, required by {@link loadCore} on first use — after activation — so that loading the
 * extension's entry bundle (dist/extension.js, the editor wiring) stays cheap. Only `import type`
 * of it anywhere else; values go through `loadCore()` (esbuild.js checks the entry bundle).
 */
export { checkDocument } from '../core/check';
export { BUNDLED_DATASET_FILE, BUNDLED_DATASET_TEXT } from '../core/dataset/bundled';
export { mergeDatasets, parseDataset } from '../core/dataset/load';
export { citationFootnote, summarizeFact } from '../core/summary';
