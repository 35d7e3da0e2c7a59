/**
 * Relevance, tested like behaviour: a feed made for it (test/fixtures/feeds/relevance.json) and
 * queries with known answers (test/relevance/queries.ts), as patients, relatives and
 * professionals type them. Each case asserts the first results in order, and near a place the
 * count within the radius and the home/remote group.
 */
import { expect } from '@open-wc/testing';
import { DirectoryStore } from '../../src/state/directory-store.js';
import { loaded, TEST_NOW } from '../helpers/store.js';
import { CASES, type Place, type RelevanceCase } from '../relevance/queries.js';
import doc from '../fixtures/feeds/relevance.json';

async function storeFor(c: RelevanceCase): Promise<DirectoryStore> {
  const store = new DirectoryStore();
  store.now = () => TEST_NOW; // records over 14 months go last: the fixture's dates must not age
  store.setFeeds([loaded(doc)]);
  await store.prepareText();
  if (c.near) store.setNear(nearOf(c.near));
  store.setQuery(c.q);
  await store.settled;
  return store;
}

function nearOf(p: Place) {
  return { label: p.label, point: { lat: p.lat, lon: p.lon }, radiusKm: p.radiusKm, department: p.department, insee: p.insee, region: p.region };
}

const ids = (store: DirectoryStore, group: 'first' | 'remote') => {
  const g = group === 'first' ? store.results.groups[0]! : store.results.groups.find((x) => x.id === 'remote');
  return (g?.results ?? []).map((r) => r.structure.id);
};

describe('relevance: what people type finds the right help first', () => {
  for (const c of CASES) {
    const where = c.near ? ` près de ${c.near.label} (${c.near.radiusKm} km)` : '';
    it(`« ${c.q} »${where} [${c.lang}, ${c.who}] — ${c.why}`, async () => {
      const store = await storeFor(c);
      const first = ids(store, 'first');
      const listed = [...first, ...ids(store, 'remote')];
      expect(first.slice(0, c.top.length), 'first results').to.deep.equal(c.top);
      if (c.count !== undefined) expect(store.results.structureCount, 'count').to.equal(c.count);
      if (c.remote) expect(ids(store, 'remote').sort(), 'home or remote group').to.deep.equal([...c.remote].sort());
      for (const id of c.absent ?? []) expect(listed, `${id} must not be listed`).to.not.include(id);
      if (c.proposesPlace) expect(store.placeInQuery?.commune.insee, 'place proposed').to.equal(c.proposesPlace);
    });
  }
});
