/**
 * A valid feed is validated without zod; a feed with a bad record loads the detailed validator
 * on demand and still reports every problem. (No test helper here imports validate-detail.js.)
 */
import { expect } from '@open-wc/testing';
import { loadFeed } from './load.js';
import { hasValidationDetail } from './validate.js';

const structure = (id: string, care: string) => ({
  id, name: `Structure ${id}`, kind: 'association', verifiedAt: '2026-10-01',
  address: { postalCode: '33000', city: 'Bordeaux', insee: '33063' }, location: { lat: 44.84, lon: -0.58 },
  offers: [{ id: `${id}-o`, care, audiences: ['patient'], settings: ['ville'] }],
});
const doc = (structures: unknown[]) => ({
  format: 'sos-feed/1', publisher: { id: 'lazy', name: 'Test (fictif)' }, generatedAt: '2026-11-20T08:00:00Z', structures,
});
async function serve(body: unknown): Promise<string> {
  const res = await fetch('/__test__/stash', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return ((await res.json()) as { url: string }).url;
}

describe('detailed validator on demand', () => {
  it('is not loaded for a valid feed, and is loaded for a feed with a bad record', async () => {
    const valid = await loadFeed(await serve(doc([structure('a', 'douleur')])), { cache: null });
    expect(valid.feed.structures).to.have.length(1);
    expect(hasValidationDetail()).to.equal(false);
    const zodRequests = () => performance.getEntriesByType('resource').filter((e) => /zod|validate-detail/.test(e.name)).length;
    expect(zodRequests()).to.equal(0);

    const mixed = await loadFeed(await serve(doc([structure('a', 'douleur'), structure('b', 'homeopathie')])), { cache: null });
    expect(hasValidationDetail()).to.equal(true);
    expect(zodRequests()).to.be.greaterThan(0);
    expect(mixed.feed.structures.map((s) => s.id)).to.deep.equal(['a']);
    expect(mixed.diagnostics.map((d) => `${d.path} : ${d.message}`)).to.include('structures[1].offers[0].care : code inconnu "homeopathie" : offre ignorée');
  });
});
