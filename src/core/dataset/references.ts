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

/** Calls `visit` with each reference of a fact (its document, quote speaker, role person, source
 *  entities and confusable facts) and a function that gives its path; stops when `visit` returns
 *  false. One list of what a fact refers to, for collecting and for checking. */
function eachFactReference(fact: Fact, visit: (kind: IdKind, id: string, path: () => PathSegment[]) => boolean): boolean {
  if (fact.document !== undefined && !visit('document', fact.document, () => ['document'])) return false;
  if (fact.quote && !visit('entity', fact.quote.speaker, () => ['quote', 'speaker'])) return false;
  if (fact.value?.type === 'role' && !visit('entity', fact.value.entity, () => ['value', 'entity'])) return false;
  for (let i = 0; i < fact.sources.length; i++) {
    const entity = fact.sources[i].entity;
    if (entity !== undefined && !visit('entity', entity, () => ['sources', i, 'entity'])) return false;
  }
  for (let i = 0; i < fact.confusableWith.length; i++) {
    if (!visit('fact', fact.confusableWith[i].fact, () => ['confusableWith', i, 'fact'])) return false;
  }
  return true;
}

/** The references of a fact. */
export function factReferences(fact: Fact): Reference[] {
  const refs: Reference[] = [];
  eachFactReference(fact, (kind, id, path) => refs.push({ kind, id, path: path() }) > 0);
  return refs;
}

/** The references of an entity: its affiliation. */
export function entityReferences(entity: Entity): Reference[] {
  return entity.affiliation !== undefined ? [{ kind: 'entity', id: entity.affiliation, path: ['affiliation'] }] : [];
}

/** Do all of a fact's references resolve (and none is to itself)? The common case, answered
 *  without building the references. */
export function factReferencesResolve(fact: Fact, has: (kind: IdKind, id: string) => boolean): boolean {
  return eachFactReference(fact, (kind, id) => !(kind === 'fact' && id === fact.id) && has(kind, id));
}
