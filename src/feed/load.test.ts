import { expect } from '@open-wc/testing';
import { loadFeed, loadFeeds } from './load.js';
import { FeedLoadError } from './errors.js';
import { indexedDbCache, memoryCache, type FeedCache } from './cache.js';
import { feed, foreignOrigin, serve, structure } from '../../test/helpers/feeds.js';

async function failure(p: Promise<unknown>): Promise<FeedLoadError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(FeedLoadError);
    return e as FeedLoadError;
  }
  throw new Error('expected the load to fail');
}

async function setSwitch(name: string, status: number, body: string): Promise<string> {
  await fetch(`/__test__/switch/${name}`, { method: 'POST', body: JSON.stringify({ status, body }) });
  return `/__test__/switch/${name}`;
}

const noCache = { cache: null };

/** Waits (up to 3 s) for the last good copy of `url` to be in `cache`. */
async function saved(cache: FeedCache, url: string): Promise<void> {
  for (let waited = 0; waited < 3000 && !(await cache.get(url)); waited += 20) await new Promise((r) => setTimeout(r, 20));
}

describe('loadFeed', () => {
  it('loads a feed served over HTTP', async () => {
    const url = await serve(feed([structure({ id: 'a' })]));
    const r = await loadFeed(url, noCache);
    expect(r.feed.structures.map((s) => s.name)).to.deep.equal(['Structure a']);
    expect(r.stale).to.equal(undefined);
  });

  it('tolerates a UTF-8 byte order mark', async () => {
    const url = await serve(`\uFEFF${JSON.stringify(feed([structure({ id: 'a' })]))}`);
    const r = await loadFeed(url, noCache);
    expect(r.feed.structures).to.have.length(1);
  });

  it('explains an HTTP error status', async () => {
    const e = await failure(loadFeed('/__test__/status/502', noCache));
    expect(e.kind).to.equal('http');
    expect(e.status).to.equal(502);
    expect(e.message).to.equal("Le serveur de l'annuaire a renvoyé une erreur (HTTP 502).");
    expect(e.detail).to.contain('/__test__/status/502 a répondu HTTP 502');
  });

  it('explains a body that is not JSON, quoting its start', async () => {
    const e = await failure(loadFeed('/__test__/html', noCache));
    expect(e.kind).to.equal('not-json');
    expect(e.message).to.equal("Le fichier de l'annuaire est illisible.");
    expect(e.detail).to.contain('« <!doctype html><html><body>Maintenance en cours');
  });

  it('explains a network or CORS failure', async () => {
    const e = await failure(loadFeed(`${foreignOrigin()}/nocors/package.json`, noCache));
    expect(e.kind).to.equal('network');
    expect(e.detail).to.contain('Access-Control-Allow-Origin');
  });

  it('reads a feed from another origin that sends CORS headers', async () => {
    const r = await loadFeed(`${foreignOrigin()}/cors/test/fixtures/tiny-feed.json`, noCache);
    expect(r.feed.publisher.id).to.equal('dsrc-voisin');
  });

  it('gives up after the timeout', async () => {
    const e = await failure(loadFeed('/__test__/html?delay=2000', { cache: null, timeoutMs: 150 }));
    expect(e.kind).to.equal('timeout');
    expect(e.message).to.equal("Le serveur de l'annuaire ne répond pas.");
  });

  it('can be aborted by the caller', async () => {
    const controller = new AbortController();
    const p = loadFeed('/__test__/html?delay=2000', { cache: null, signal: controller.signal });
    controller.abort();
    expect((await failure(p)).kind).to.equal('aborted');
  });

  it('rejects a wrong format and a broken envelope with the reason', async () => {
    const wrong = await failure(loadFeed(await serve({ ...feed([]), format: 'sos-feed/9' }), noCache));
    expect(wrong.kind).to.equal('format');
    expect(wrong.detail).to.contain('format "sos-feed/9" non pris en charge');
    const broken = await failure(loadFeed(await serve({ format: 'sos-feed/1', structures: [] }), noCache));
    expect(broken.kind).to.equal('envelope');
    expect(broken.detail).to.contain('publisher : champ obligatoire manquant');
  });

  it('falls back to the last good copy, dated, when the server fails', async () => {
    const cache = memoryCache();
    const url = await setSwitch('flaky', 200, JSON.stringify(feed([structure({ id: 'kept' })])));
    await loadFeed(url, { cache });
    await saved(cache, url); // the copy is saved when the page is idle, after the first render
    await setSwitch('flaky', 503, '<h1>Service Unavailable</h1>');
    const r = await loadFeed(url, { cache });
    expect(r.feed.structures.map((s) => s.id)).to.deep.equal(['kept']);
    expect(r.stale?.error.kind).to.equal('http');
    expect(Date.parse(r.stale!.savedAt)).to.be.closeTo(Date.now(), 5000);
  });

  it('keeps the last good copy in IndexedDB across page loads', async () => {
    const url = await setSwitch('idb', 200, JSON.stringify(feed([structure({ id: 'stored' })])));
    await loadFeed(url, { cache: indexedDbCache });
    await saved(indexedDbCache, url);
    expect((await indexedDbCache.get(url))?.text).to.contain('"stored"');
    await setSwitch('idb', 500, 'oops');
    const r = await loadFeed(url, { cache: indexedDbCache });
    expect(r.stale).to.not.equal(undefined);
    expect(r.feed.structures[0]!.id).to.equal('stored');
  });

  it('rewrites the stored copy only when the feed changed; otherwise refreshes its date', async () => {
    const url = `/__test__/cache-refresh-${Math.random()}`;
    const text = JSON.stringify(feed([structure({ id: 'same' })]));
    const writes: string[] = [];
    const realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (value && typeof value === 'object' && 'text' in value) writes.push(String(key));
      return realPut.call(this, value, key);
    };
    try {
      await indexedDbCache.put(url, { text, savedAt: '2026-11-01T08:00:00.000Z' });
      await indexedDbCache.put(url, { text, savedAt: '2026-11-20T08:00:00.000Z' });
      expect(writes, 'the same feed is written once').to.deep.equal([url]);
      expect(await indexedDbCache.get(url)).to.deep.equal({ text, savedAt: '2026-11-20T08:00:00.000Z' });
      const changed = JSON.stringify(feed([structure({ id: 'changed' })]));
      await indexedDbCache.put(url, { text: changed, savedAt: '2026-11-21T08:00:00.000Z' });
      expect(writes).to.deep.equal([url, url]);
      expect(await indexedDbCache.get(url)).to.deep.equal({ text: changed, savedAt: '2026-11-21T08:00:00.000Z' });
    } finally {
      IDBObjectStore.prototype.put = realPut;
    }
  });

  it('reads a large feed as it downloads (stream.js), to the same result', async () => {
    const structures = Array.from({ length: 500 }, (_, i) => structure({ id: `s${i}`, name: `Structure « ${i} »` }));
    const url = await serve(feed(structures)); // ≈ 200 kB: over the size read in one go
    const r = await loadFeed(url, noCache);
    expect(r.counts.structures).to.deep.equal({ total: 500, valid: 500, dropped: 0 });
    expect(r.feed.structures[499]!.key).to.equal('test-dsrc:s499');
    expect(performance.getEntriesByType('resource').some((e) => /\/stream\.(ts|js)/.test(e.name)), 'stream.js loaded').to.equal(true);
  });

  it('fails plainly when there is neither a server nor a copy', async () => {
    const e = await failure(loadFeed('/__test__/status/404', { cache: memoryCache() }));
    expect(e.kind).to.equal('http');
  });
});

describe('loadFeeds', () => {
  it('loads two DSRCs side by side and reports the one that fails', async () => {
    const a = await serve(feed([structure({ id: 'chu' })]));
    const b = await serve(feed([structure({ id: 'chu' })], { publisher: { id: 'onco-occitanie', name: 'Onco-Occitanie (fictif)' } }));
    const r = await loadFeeds([a, b, '/__test__/status/500'], noCache);
    expect(r.feeds.flatMap((f) => f.feed.structures.map((s) => s.key))).to.deep.equal(['test-dsrc:chu', 'onco-occitanie:chu']);
    expect(r.errors.map((e) => e.kind)).to.deep.equal(['http']);
  });

  it('keeps a publisher loaded twice only once', async () => {
    const a = await serve(feed([structure({ id: 'a' })]));
    const b = await serve(feed([structure({ id: 'b' })]));
    const r = await loadFeeds([a, b], noCache);
    expect(r.feeds).to.have.length(1);
    expect(r.errors[0]!.detail).to.contain('déjà chargé');
  });
});
