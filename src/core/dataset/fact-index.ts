/**
 * Validated datasets merged into one lookup structure. Built once per dataset change; the
 * checker only reads it. Term maps make lookups independent of the number of facts.
 */
import type { Dataset, Entity, Fact, SourceDocument } from './schema';

/** Where a fact came from. */
export interface DatasetOrigin {
  /** File path or URI string ("bundled:…" for the bundled dataset). */
  file: string;
  title: string;
  asOf: string;
}

export interface IndexedFact {
  fact: Fact;
  origin: DatasetOrigin;
  /** Effective as-of date: the fact's own or its dataset's. */
  asOf: string;
  /** Its place in the index's `facts` (0, 1, …): lets structures built on the index keep one
   *  array in that order instead of a map by id. */
  ordinal: number;
}

/** A dataset's origin. */
export function originOf(file: string, dataset: Dataset): DatasetOrigin {
  return { file, title: dataset.metadata.title, asOf: dataset.metadata.asOf };
}

/** A fact as the index holds it. */
export function indexedFact(fact: Fact, origin: DatasetOrigin, dataset: Dataset, ordinal: number): IndexedFact {
  return { fact, origin, asOf: fact.asOf ?? dataset.metadata.asOf, ordinal };
}

export class FactIndex {
  private readonly factsById: Map<string, IndexedFact>;
  private readonly entitiesById = new Map<string, Entity>();
  private readonly documentsById = new Map<string, SourceDocument>();
  readonly origins: DatasetOrigin[] = [];

  /**
   * Built by mergeDatasets only, which indexes the facts itself (it needs them by id to find
   * duplicates and references): `merged` is the datasets' `origin` objects, in order, and the facts
   * by id. Later datasets never override earlier ids: the loader reports duplicates before this.
   */
  constructor(datasets: ReadonlyArray<{ dataset: Dataset }>, merged: { origins: DatasetOrigin[]; facts: Map<string, IndexedFact> }) {
    this.factsById = merged.facts;
    this.origins.push(...merged.origins);
    for (const { dataset } of datasets) {
      for (const d of dataset.documents) if (!this.documentsById.has(d.id)) this.documentsById.set(d.id, d);
      for (const e of dataset.entities) if (!this.entitiesById.has(e.id)) this.entitiesById.set(e.id, e);
    }
  }

  get facts(): IterableIterator<IndexedFact> { return this.factsById.values(); }
  get entities(): IterableIterator<Entity> { return this.entitiesById.values(); }
  get documents(): IterableIterator<SourceDocument> { return this.documentsById.values(); }
  get size(): number { return this.factsById.size; }
  fact(id: string): IndexedFact | undefined { return this.factsById.get(id); }
  entity(id: string): Entity | undefined { return this.entitiesById.get(id); }
  document(id: string): SourceDocument | undefined { return this.documentsById.get(id); }
}
