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
}

export class FactIndex {
  private readonly factsById = new Map<string, IndexedFact>();
  private readonly entitiesById = new Map<string, Entity>();
  private readonly documentsById = new Map<string, SourceDocument>();
  readonly origins: DatasetOrigin[] = [];

  /** Later datasets never override earlier ids: the loader reports duplicates before this. */
  constructor(datasets: ReadonlyArray<{ file: string; dataset: Dataset }>) {
    for (const { file, dataset } of datasets) {
      const origin: DatasetOrigin = { file, title: dataset.metadata.title, asOf: dataset.metadata.asOf };
      this.origins.push(origin);
      for (const d of dataset.documents) if (!this.documentsById.has(d.id)) this.documentsById.set(d.id, d);
      for (const e of dataset.entities) if (!this.entitiesById.has(e.id)) this.entitiesById.set(e.id, e);
      for (const f of dataset.facts) {
        if (!this.factsById.has(f.id)) this.factsById.set(f.id, { fact: f, origin, asOf: f.asOf ?? dataset.metadata.asOf });
      }
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
