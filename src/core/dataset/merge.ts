/**
 * Several parsed datasets -> one FactIndex. Array order is priority order: an id (of a fact, an
 * entity or a document) already defined by an earlier dataset is reported at the later one and
 * that later entry dropped. References are then checked against every dataset together.
 */
import type { DatasetProblem } from '../types';
import type { Dataset } from './schema';
import { FactIndex, indexedFact, originOf, type DatasetOrigin, type IndexedFact } from './fact-index';
import type { PathSegment } from './json-outline';
import { formatPath } from './locate';
import type { DatasetArrayKey, ParsedDataset } from './load';
import { ProblemSink } from './problem-sink';
import { entityReferences, factReferences, factReferencesResolve, type IdKind, type Reference } from './references';
import { didYouMean } from './suggest';

const ARRAYS: ReadonlyArray<{ key: DatasetArrayKey; kind: IdKind }> = [
  { key: 'documents', kind: 'document' },
  { key: 'entities', kind: 'entity' },
  { key: 'facts', kind: 'fact' },
];

/** Suggest a near id only among this many; more would make a typo search slow. */
const SUGGEST_AMONG = 5000;

/** Merges parsed datasets (in priority order) into one index; reports ids defined twice and
 *  references to ids no dataset defines. Problems come grouped by file, in the given order. */
export function mergeDatasets(parsed: readonly ParsedDataset[]): { index: FactIndex; problems: DatasetProblem[] } {
  // Documents and entities: the file that defines each id. Facts: the index's own map (a fact's
  // file is its origin's), built here once.
  const definedIn: Record<'document' | 'entity', Map<string, string>> = { document: new Map(), entity: new Map() };
  const facts = new Map<string, IndexedFact>();
  const origins: DatasetOrigin[] = [];
  const ids = (kind: IdKind): ReadonlyMap<string, unknown> => (kind === 'fact' ? facts : definedIn[kind]);
  const sinks = parsed.map((p) => new ProblemSink(p.file));
  const kept: Array<{ file: string; dataset: Dataset; at: number; index: Record<DatasetArrayKey, number[]> }> = [];

  parsed.forEach((p, at) => {
    if (!p.dataset) return;
    const sink = sinks[at];
    const where = (path: readonly PathSegment[]) => (p.locate ? () => p.locate!(path) : undefined);
    const dataset: Dataset = { ...p.dataset };
    const index = {} as Record<DatasetArrayKey, number[]>;
    const origin = originOf(p.file, p.dataset);
    for (const { key, kind } of ARRAYS) {
      const source = p.dataset[key] as Array<{ id: string }>;
      const inFileOf = (i: number): number => p.indexInFile?.[key][i] ?? i;
      // The dataset's own arrays, unless an entry is dropped: then copies without it.
      let target: Array<{ id: string }> | undefined;
      let targetIndex: number[] | undefined;
      source.forEach((entry, i) => {
        const other = kind === 'fact' ? facts.get(entry.id)?.origin.file : definedIn[kind].get(entry.id);
        if (other !== undefined) {
          const path = [key, inFileOf(i), 'id'];
          sink.add(where(path), formatPath(path), `${formatPath(path)}: ${kind} id ${JSON.stringify(entry.id)} is already defined in ${other}; this one is ignored`);
          if (!target) {
            target = source.slice(0, i);
            targetIndex = target.map((_, j) => inFileOf(j));
          }
          return;
        }
        if (kind === 'fact') facts.set(entry.id, indexedFact(entry as Dataset['facts'][number], origin, p.dataset!, facts.size));
        else definedIn[kind].set(entry.id, p.file);
        if (target) {
          target.push(entry);
          targetIndex!.push(inFileOf(i));
        }
      });
      (dataset[key] as Array<{ id: string }>) = target ?? source;
      index[key] = targetIndex ?? p.indexInFile?.[key] ?? source.map((_, j) => j);
    }
    kept.push({ file: p.file, dataset, at, index });
    origins.push(origin);
  });

  const nouns: Record<IdKind, string> = { document: 'document', entity: 'entity', fact: 'fact' };
  for (const { dataset, at, index } of kept) {
    const p = parsed[at];
    const check = (key: DatasetArrayKey, i: number, refs: Reference[], ownId: string): void => {
      for (const ref of refs) {
        const path = [key, index[key][i], ...ref.path];
        const known = ids(ref.kind);
        let message: string | undefined;
        if (key === 'facts' && ref.kind === 'fact' && ref.id === ownId) message = 'a fact cannot be confusable with itself';
        else if (!known.has(ref.id)) {
          message = `no ${nouns[ref.kind]} with id ${JSON.stringify(ref.id)} in the loaded datasets${known.size <= SUGGEST_AMONG ? didYouMean(ref.id, known.keys()) : ''}`;
        }
        if (message) sinks[at].add(p.locate ? () => p.locate!(path) : undefined, formatPath(path), `${formatPath(path)}: ${message}`, 'warning');
      }
    };
    dataset.entities.forEach((e, i) => check('entities', i, entityReferences(e), e.id));
    const has = (kind: IdKind, id: string): boolean => (kind === 'fact' ? facts.has(id) : definedIn[kind].has(id));
    dataset.facts.forEach((f, i) => { if (!factReferencesResolve(f, has)) check('facts', i, factReferences(f), f.id); });
  }

  return {
    index: new FactIndex(kept, { origins, facts }),
    problems: parsed.flatMap((p, at) => [...p.problems, ...sinks[at].done()]
      .map((problem, order) => ({ problem, order }))
      .sort((a, b) => a.problem.offset - b.problem.offset || a.order - b.order)
      .map(({ problem }) => problem)),
  };
}
