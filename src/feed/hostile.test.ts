/**
 * Feeds that a server sends by mistake or malice (issue 17): a gzip bomb, one huge value, a value
 * nested thousands deep, an empty or broken file after a good one, a server that never answers, an
 * IndexedDB that never answers. None may freeze, blank or lose the directory.
 */
import { expect } from '@open-wc/testing';
import { loadFeed, type LoadedFeed } from './load.js';
import { indexedDbCache, memoryCache, MAX_COPIES, type FeedCache } from './cache.js';
import { FeedLoadError } from './errors.js';
import { feed, serve, structure } from '../../test/helpers/feeds.js';

async function failure(p: Promise<unknown>): Promise<FeedLoadError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FeedLoadError) return e;
    throw e;
  }
  throw new Error('expected a FeedLoadError');
}

async function setSwitch(name: string, status: number, body: string): Promise<string> {
  await fetch(`/__test__/switch/${name}`, { method: 'POST', body: JSON.stringify({ status, body }) });
  return `/__test__/switch/${name}`;
}

/** Waits until the copy of `url` is saved (it is written when the page is idle). */
async function saved(cache: FeedCache, url: string): Promise<void> {
  for (let waited = 0; waited < 3000 && !(await cache.get(url)); waited += 20) await new Promise((r) => setTimeout(r, 20));
}

const ids = (r: LoadedFeed) => r.feed.structures.map((s) => s.id);

describe('hostile feeds: limits that fail small', () => {
  it('stops a gzip bomb at the size limit, with the size in French', async () => {
    // How long it holds the main thread is measured by bench/hostile.mjs (npm run bench:hostile), not here.
    const error = await failure(loadFeed('/__test__/bomb?mb=200', { cache: null }));
    expect(error.kind).to.equal('too-large');
    expect(error.detail).to.match(/dépasse 50 Mo une fois décompressé \(lecture arrêtée à 5\d(,\d)? Mo\)/);
    expect(error.message).to.equal('Le fichier de l’annuaire est trop gros pour être lu.'.replace('’', "'"));
  });

  it('refuses at once an envelope (all but the structures) over 1 MB', async () => {
    const error = await failure(loadFeed('/__test__/bomb?mb=200&in=envelope', { cache: null }));
    expect(error.kind).to.equal('envelope');
    expect(error.detail).to.contain('dépasse 1 Mo');
  });

  it('has a limit the integrator sets (maxBytes)', async () => {
    const error = await failure(loadFeed('/__test__/bomb?mb=20', { cache: null, maxBytes: 5 * 1024 * 1024 }));
    expect(error.detail).to.contain('dépasse 5 Mo');
  });

  it('reads past one 100 MB value: that structure dropped and said, the others kept', async () => {
    // 100 MB of text in one value, under a limit raised to 150 MB.
    const r = await loadFeed('/__test__/huge?mb=100', { cache: null, maxBytes: 150 * 1024 * 1024 });
    expect(ids(r)).to.deep.equal(['a', 'b']);
    const dropped = r.diagnostics.find((d) => d.path === 'structures[0]')!;
    expect(dropped.message).to.match(/^fiche de [\d\s\u202f]+ ko, plus que les 2[\s\u202f]000 ko admis : structure ignorée$/);
  });

  it('drops a value nested 5,000 deep (that field), never the feed', async () => {
    const url = await serve(`{"format":"sos-feed/1","publisher":{"id":"p","name":"P"},"generatedAt":"2026-11-20T08:00:00Z","structures":[{"id":"a","name":"A","kind":"association","address":{"postalCode":"33000","city":"Bordeaux"},"verifiedAt":"2026-10-01","description":${'['.repeat(5000)}${']'.repeat(5000)},"offers":[{"id":"o","care":"psychologie","audiences":["patient"],"settings":["ville"]}]},{"id":"b","name":"B","kind":"association","address":{"postalCode":"33000","city":"Bordeaux"},"verifiedAt":"2026-10-01","offers":[{"id":"o2","care":"psychologie","audiences":["patient"],"settings":["ville"]}]}]}`);
    const r = await loadFeed(url, { cache: null });
    expect(ids(r)).to.deep.equal(['a', 'b']);
    expect(r.feed.structures[0]!.description).to.equal(undefined);
    expect(r.diagnostics[0]!.path).to.equal('structures[0].description');
    expect(r.diagnostics[0]!.message).to.match(/^un texte attendu, reçu une liste "\[\[\[/);
  });
});

describe('hostile feeds: the last good copy is worth keeping', () => {
  const good = JSON.stringify(feed([structure({ id: 'kept', description: 'd'.repeat(20000) })]));

  it('an empty feed never replaces a copy that had structures: the copy is shown, marked « empty »', async () => {
    const cache = memoryCache();
    const url = await setSwitch('empty-after-good', 200, good);
    await loadFeed(url, { cache });
    await saved(cache, url);
    await setSwitch('empty-after-good', 200, JSON.stringify(feed([])));
    const r = await loadFeed(url, { cache });
    expect(ids(r)).to.deep.equal(['kept']);
    expect(r.stale?.error.kind).to.equal('empty');
    expect(r.stale?.error.detail).to.contain('ne contient aucune structure valide');
    // Nor does a file whose every structure is invalid.
    await setSwitch('empty-after-good', 200, JSON.stringify(feed([{ id: 'bad' }])));
    expect((await loadFeed(url, { cache })).stale?.error.kind).to.equal('empty');
    // And the copy was not overwritten meanwhile.
    expect((await cache.get(url))!.text).to.contain('"kept"');
  });

  it('a broken file after a good one: the copy, marked « unreadable »', async () => {
    const cache = memoryCache();
    const url = await setSwitch('broken-after-good', 200, good);
    await loadFeed(url, { cache });
    await saved(cache, url);
    await setSwitch('broken-after-good', 200, '<!doctype html><p>Maintenance</p>');
    const r = await loadFeed(url, { cache });
    expect(ids(r)).to.deep.equal(['kept']);
    expect(r.stale?.error.kind).to.equal('not-json');
  });

  it('stores the copy cleaned: texts cut to their limits, not the bytes received', async () => {
    const cache = memoryCache();
    const url = await setSwitch('cleaned', 200, good);
    await loadFeed(url, { cache });
    await saved(cache, url);
    const copy = JSON.parse((await cache.get(url))!.text) as { structures: { description: string; key?: string }[] };
    expect(copy.structures[0]!.description.length).to.be.below(20000);
    expect(copy.structures[0]!.key).to.equal(undefined);
  });

  it('a server that does not answer: the copy at once after 3 s (here 200 ms), then the timeout keeps it', async () => {
    const cache = memoryCache();
    await cache.put('/__test__/hang', { text: good, savedAt: '2026-11-30T08:00:00.000Z' });
    const shown: LoadedFeed[] = [];
    const t0 = performance.now();
    const r = await loadFeed('/__test__/hang', { cache, slowMs: 200, timeoutMs: 1200, onCopy: (c) => shown.push(c) });
    expect(shown).to.have.length(1);
    expect(ids(shown[0]!)).to.deep.equal(['kept']);
    expect(shown[0]!.stale?.error.kind).to.equal('slow');
    expect(r.stale?.error.kind).to.equal('timeout');
    expect(ids(r)).to.deep.equal(['kept']);
    expect(performance.now() - t0).to.be.below(3000);
  });

  it('an IndexedDB that never answers does not hold the feed back', async () => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function () {
      return {} as IDBOpenDBRequest; // never fires success, error or blocked
    };
    try {
      const url = await serve(feed([structure({ id: 'fresh' })]));
      const t0 = performance.now();
      const r = await loadFeed(url, { cache: indexedDbCache });
      expect(ids(r)).to.deep.equal(['fresh']);
      expect(performance.now() - t0).to.be.below(1000);
      // With the server down as well: the stuck cache is given up, and the error stands.
      const t1 = performance.now();
      const error = await failure(loadFeed('/__test__/status/503', { cache: indexedDbCache }));
      expect(error.kind).to.equal('http');
      expect(performance.now() - t1).to.be.below(2500);
    } finally {
      IDBFactory.prototype.open = open;
    }
  });

  it(`keeps copies of ${MAX_COPIES} feeds at most, the least recently used out`, async () => {
    const urls = Array.from({ length: MAX_COPIES + 1 }, (_, i) => `/__test__/lru-${Math.random()}-${i}`);
    for (const [i, url] of urls.entries()) await indexedDbCache.put(url, { text: `{"n":${i}}`, savedAt: '2026-11-30T08:00:00.000Z' });
    expect(await indexedDbCache.get(urls[0]!)).to.equal(undefined);
    for (const url of urls.slice(1)) expect(await indexedDbCache.get(url)).to.not.equal(undefined);
  });
});

describe('hostile feeds: a slow server', () => {
  it('the directory shows the copy after the wait, then the fresh feed replaces it', async () => {
    const { DirectoryStore } = await import('../state/directory-store.js');
    const cache = memoryCache();
    const name = `slow-${Math.random()}`;
    const url = await setSwitch(name, 200, JSON.stringify(feed([structure({ id: 'fresh' })])));
    await cache.put(`${url}?delay=900`, { text: JSON.stringify(feed([structure({ id: 'copy' })])), savedAt: '2026-11-30T08:00:00.000Z' });
    const store = new DirectoryStore();
    const loading = store.load([`${url}?delay=900`], { cache, slowMs: 200 });
    await new Promise((r) => setTimeout(r, 500));
    expect(store.structures.map((s) => s.id)).to.deep.equal(['copy']);
    expect(store.stale?.error.kind).to.equal('slow');
    await loading;
    expect(store.structures.map((s) => s.id)).to.deep.equal(['fresh']);
    expect(store.stale).to.equal(undefined);
  });
});
