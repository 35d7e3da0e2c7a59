import { expect } from '@open-wc/testing';
import { STORE_CHANGE } from './directory-store.js';
import { feed, offer, structure } from '../../test/helpers/feeds.js';
import { storeWith } from '../../test/helpers/store.js';

const doc = feed([
  structure({ id: 'a', name: 'Association Zen', offers: [offer({ id: 'a1', care: 'psychologie', subcares: ['sophrologie'] })] }),
  structure({ id: 'b', name: 'CHU', kind: 'etablissement-sante', offers: [offer({ id: 'b1', care: 'douleur' })] }),
]);

const nextChange = (store: EventTarget) =>
  new Promise<Set<string>>((resolve) => store.addEventListener(STORE_CHANGE, (e) => resolve(new Set((e as CustomEvent).detail.changes)), { once: true }));

describe('DirectoryStore', () => {
  it('searches again once the free-text chunk and typo tolerance have loaded', async () => {
    const store = storeWith(doc);
    store.setQuery('sofrologie');
    // The query waits for what it needs (text index, fuse.js), then the store searches again and says so.
    const changes = new Set<string>();
    store.addEventListener(STORE_CHANGE, (e) => (e as CustomEvent).detail.changes.forEach((c: string) => changes.add(c)));
    await store.settled;
    await new Promise((r) => setTimeout(r, 0));
    expect(changes.has('results')).to.equal(true);
    expect(store.results.groups[0]!.results.map((r) => r.structure.id)).to.deep.equal(['a']);
  });

  it('keeps locked presets through reset and ignores changes to them', async () => {
    const store = storeWith(doc);
    store.setPresets({ care: ['douleur'] }, ['care']);
    expect(store.results.structureCount).to.equal(1);
    store.setFilter('care', ['psychologie']);
    expect(store.criteria.filters.care).to.deep.equal(['douleur']);
    store.setQuery('chu');
    expect(store.isModified).to.equal(true);
    store.reset();
    expect(store.criteria.query).to.equal('');
    expect(store.criteria.filters.care).to.deep.equal(['douleur']);
    expect(store.isModified).to.equal(false);
  });

  it('delivers the changes of one task in one event', async () => {
    const store = storeWith(doc);
    await new Promise((r) => setTimeout(r, 0));
    const changed = nextChange(store);
    store.setQuery('chu');
    store.select('test-dsrc:b');
    store.open('test-dsrc:b');
    expect([...(await changed)].sort()).to.deep.equal(['criteria', 'open', 'results', 'selection']);
  });
});
