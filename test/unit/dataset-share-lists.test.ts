/**
 * The loader's sharing of equal term lists (src/core/dataset/share-lists.ts): equal lists become
 * one array, unequal ones never do, also when their signatures (length, and per term its length
 * and three of its characters) are the same; empty lists are the dataset's one empty list.
 */
import * as assert from 'node:assert/strict';
import { Rng } from '../../bench/rng';
import { SLOT_OTHER, SLOT_SOURCE, emptyList, resetSharing, shareIn } from '../../src/core/dataset/share-lists';

describe('dataset loader: sharing equal term lists', () => {
  beforeEach(() => resetSharing());
  after(() => resetSharing());

  it('gives equal lists the first one seen, in any slot', () => {
    const a = shareIn(SLOT_SOURCE, ['officials', 'the ministry']);
    assert.equal(shareIn(SLOT_OTHER, ['x']).length, 1);
    assert.equal(shareIn(SLOT_OTHER, ['officials', 'the ministry']), a);
    assert.equal(shareIn(SLOT_SOURCE, ['officials', 'the ministry']), a);
    const empty = shareIn(SLOT_SOURCE, []);
    assert.equal(shareIn(SLOT_OTHER, []), empty);
    assert.equal(emptyList(), empty); // also the default of an absent list
    resetSharing();
    assert.notEqual(emptyList(), empty); // one per dataset
  });

  it('keeps unequal lists apart, also with the same signature', () => {
    // Same length, same first, middle and last characters of each term.
    const lists = [['axbc'], ['aybc'], ['azbc'], ['axbc', 'q'], ['aybc', 'q'], ['axbc', 'r']];
    for (let round = 0; round < 2; round++) {
      const got = lists.map((l) => shareIn(round ? SLOT_OTHER : SLOT_SOURCE, [...l]));
      got.forEach((g, i) => assert.deepEqual(g, lists[i]));
      assert.equal(new Set(got).size, lists.length);
    }
  });

  it('shares exactly the equal lists among many random ones', () => {
    const rng = new Rng(5);
    const words = ['a', 'ab', 'ba', 'aab', 'abb', 'officials', 'officiaLs', 'the council', 'the cou ncil', 'é', 'e'];
    const firstByText = new Map<string, string[]>();
    for (let n = 0; n < 5000; n++) {
      const l = Array.from({ length: rng.int(0, 3) }, () => rng.pick(words));
      const text = JSON.stringify(l);
      const shared = shareIn(rng.int(0, SLOT_OTHER), l);
      assert.deepEqual(shared, l);
      const first = firstByText.get(text);
      if (first === undefined) {
        assert.equal(shared, l.length ? l : emptyList());
        firstByText.set(text, shared);
      } else assert.equal(shared, first);
    }
  });
});
