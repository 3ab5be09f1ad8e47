/** The ids a dataset's entries refer to, so that merging can check every one resolves. */
import type { Entity, Fact } from './schema';
import type { PathSegment } from './json-outline';

/** What an id refers to. */
export type IdKind = 'document' | 'entity' | 'fact';

/** One reference: the id, what it must name, and where it is relative to its entry. */
export interface Reference {
  kind: IdKind;
  id: string;
  /** Path inside the fact or entity: `['quote', 'speaker']`. */
  path: PathSegment[];
}

/** The references of a fact: its document, quote speaker, role person, source entities and
 *  confusable facts. */
export function factReferences(fact: Fact): Reference[] {
  const refs: Reference[] = [];
  if (fact.document !== undefined) refs.push({ kind: 'document', id: fact.document, path: ['document'] });
  if (fact.quote) refs.push({ kind: 'entity', id: fact.quote.speaker, path: ['quote', 'speaker'] });
  if (fact.value?.type === 'role') refs.push({ kind: 'entity', id: fact.value.entity, path: ['value', 'entity'] });
  fact.sources.forEach((s, i) => {
    if (s.entity !== undefined) refs.push({ kind: 'entity', id: s.entity, path: ['sources', i, 'entity'] });
  });
  fact.confusableWith.forEach((c, i) => refs.push({ kind: 'fact', id: c.fact, path: ['confusableWith', i, 'fact'] }));
  return refs;
}

/** The references of an entity: its affiliation. */
export function entityReferences(entity: Entity): Reference[] {
  return entity.affiliation !== undefined ? [{ kind: 'entity', id: entity.affiliation, path: ['affiliation'] }] : [];
}

/** Do all of a fact's references resolve (and none is to itself)? The common case, answered
 *  without building the references. */
export function factReferencesResolve(fact: Fact, has: (kind: IdKind, id: string) => boolean): boolean {
  if (fact.document !== undefined && !has('document', fact.document)) return false;
  if (fact.quote && !has('entity', fact.quote.speaker)) return false;
  if (fact.value?.type === 'role' && !has('entity', fact.value.entity)) return false;
  for (const s of fact.sources) if (s.entity !== undefined && !has('entity', s.entity)) return false;
  for (const c of fact.confusableWith) if (c.fact === fact.id || !has('fact', c.fact)) return false;
  return true;
}
