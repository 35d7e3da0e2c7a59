import { expect } from '@open-wc/testing';
import { readUrl, writeUrl, UrlSync } from './url-state.js';
import { DirectoryStore } from './directory-store.js';
import { feed, offer, structure } from '../../test/helpers/feeds.js';
import { loaded, settle } from '../../test/helpers/store.js';

const XSS = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', 'javascript:alert(1)', '${alert(1)}'];

describe('url-state: reading and writing the address', () => {
  it('reads the view, keeping only values it may hold', () => {
    const v = readUrl('?sos-q=fatigue&sos-care=nutrition,homeopathie,psychologie&sos-audience=patient,xx&sos-departement=33,2A,999&sos-commune=24322&sos-rayon=10&sos-fiche=onco-na:chu-bordeaux&other=1', 'sos-');
    expect(v).to.deep.equal({
      query: 'fatigue',
      filters: { care: ['nutrition', 'psychologie'], audience: ['patient'], departement: ['33', '2A'] },
      place: { insee: '24322', radiusKm: 10 },
      open: 'onco-na:chu-bordeaux',
    });
  });

  it('ignores hostile and malformed values in every parameter', () => {
    for (const x of XSS) {
      const e = encodeURIComponent(x);
      const v = readUrl(`?sos-care=${e}&sos-subcare=${e}&sos-departement=${e}&sos-opening=${e}&sos-commune=${e}&sos-rayon=${e}&sos-fiche=${e}`, 'sos-');
      expect(v, x).to.deep.equal({ query: '', filters: {} });
    }
    // The text is kept as text (it is only ever rendered as text), cut to 200 characters.
    expect(readUrl(`?sos-q=${encodeURIComponent(XSS[0]!)}`, 'sos-').query).to.equal(XSS[0]);
    expect(readUrl(`?sos-q=${'a'.repeat(500)}`, 'sos-').query).to.have.length(200);
    // An unknown radius falls back to 20 km.
    expect(readUrl('?sos-commune=33063&sos-rayon=7', 'sos-').place).to.deep.equal({ insee: '33063', radiusKm: 20 });
  });

  it('reads « Ma sélection »: structures and offers, in order, hostile items dropped', () => {
    const v = readUrl(`?sos-selection=${encodeURIComponent(`p:a,p:b/b1,${XSS[0]},p:c/x/y,p:a/a 1`)}`, 'sos-');
    expect(v.shortlist).to.deep.equal([{ key: 'p:a' }, { key: 'p:b', offer: 'b1' }]);
    expect(writeUrl('', 'sos-', { query: '', filters: {}, shortlist: v.shortlist })).to.equal('?sos-selection=p%3Aa%2Cp%3Ab%2Fb1');
  });

  it('keeps each directory to its own prefix', () => {
    const search = '?sos-q=douleur&a2-sos-q=nutrition&a2-sos-care=nutrition';
    expect(readUrl(search, 'sos-')).to.deep.equal({ query: 'douleur', filters: {} });
    expect(readUrl(search, 'a2-sos-')).to.deep.equal({ query: 'nutrition', filters: { care: ['nutrition'] } });
    expect(writeUrl(search, 'a2-sos-', { query: '', filters: {} })).to.equal('?sos-q=douleur');
  });

  it('writes its parameters beside the page’s own, without the presets, and reads them back', () => {
    const view = { query: 'chute de cheveux', filters: { care: ['image-de-soi'], departement: ['33'] }, place: { insee: '33063', radiusKm: 10 }, open: 'p:s1' };
    const search = writeUrl('?page_id=12&sos-q=old', 'sos-', view, { departement: ['33'] });
    expect(search).to.equal('?page_id=12&sos-q=chute+de+cheveux&sos-commune=33063&sos-rayon=10&sos-care=image-de-soi&sos-fiche=p%3As1');
    expect(readUrl(search, 'sos-')).to.deep.equal({ ...view, filters: { care: ['image-de-soi'] } });
    expect(writeUrl('?page_id=12&sos-q=old', 'sos-', { query: '', filters: {} })).to.equal('?page_id=12');
  });
});

describe('url-state: the address follows the store, Back steps back', () => {
  const doc = feed([
    structure({ id: 'a', name: 'Alpha', offers: [offer({ id: 'a1', care: 'nutrition' })] }),
    structure({ id: 'b', name: 'Bêta', offers: [offer({ id: 'b1', care: 'psychologie' })] }),
  ]);
  let start: string;
  let sync: UrlSync | undefined;
  beforeEach(() => {
    start = location.href;
  });
  afterEach(() => {
    sync?.stop();
    history.replaceState(null, '', start);
  });
  const here = () => new URL(location.href).searchParams;
  const popped = () => new Promise((r) => addEventListener('popstate', r, { once: true }));
  const rest = () => new Promise((r) => setTimeout(r, 350)); // the writes wait 250 ms for the criteria to rest
  /** The browser's Back, and the store settled on the entry it lands on. */
  async function goBack(store: DirectoryStore) {
    const back = popped();
    history.back();
    await back;
    await settle(store);
  }

  async function started(search: string, presets?: Parameters<DirectoryStore['setPresets']>[0], lock?: Parameters<DirectoryStore['setPresets']>[1]) {
    history.replaceState(null, '', `${location.pathname}${location.search}${location.search ? '&' : '?'}${search}`);
    const store = new DirectoryStore();
    if (presets) store.setPresets(presets, lock);
    sync = new UrlSync(store, 'sos-');
    await sync.start(presets);
    store.setFeeds([loaded(doc)]);
    await settle(store);
    return store;
  }

  it('a link reopens its view: text, filters and the open card', async () => {
    const store = await started('sos-q=alpha&sos-care=nutrition&sos-fiche=test-dsrc:a');
    expect(store.criteria.query).to.equal('alpha');
    expect(store.criteria.filters.care).to.deep.equal(['nutrition']);
    expect(store.openKey).to.equal('test-dsrc:a');
  });

  it('opening a card is a step: Back closes it and stays on the page', async () => {
    const store = await started('');
    store.open('test-dsrc:b');
    await settle(store);
    expect(here().get('sos-fiche')).to.equal('test-dsrc:b');
    expect(history.state?.sos?.kind).to.equal('card');
    await goBack(store);
    expect(store.openKey).to.equal(undefined);
    expect(here().has('sos-fiche')).to.equal(false);
  });

  it('closing the card from the card goes Back too (no entry left to close it again)', async () => {
    const store = await started('');
    store.open('test-dsrc:b');
    await settle(store);
    const back = popped();
    store.close();
    await back;
    expect(here().has('sos-fiche')).to.equal(false);
  });

  it('typing is one step; a filter is another; Back returns to the search before', async () => {
    const store = await started('');
    for (const q of ['p', 'ps', 'psy']) {
      store.setQuery(q);
      await rest();
    }
    expect(here().get('sos-q')).to.equal('psy');
    store.setFilter('care', ['psychologie']);
    await rest();
    expect(here().get('sos-care'), location.search).to.equal('psychologie');
    expect(history.state?.sos?.kind).to.equal('step');
    await goBack(store);
    expect(store.criteria.filters.care).to.deep.equal([]);
    expect(store.criteria.query).to.equal('psy');
    await goBack(store);
    expect(store.criteria.query).to.equal('');
  });

  it('a search made before this module arrived is a step: Back returns to the view the page opened on, then a card opened before it closes first', async () => {
    const store = new DirectoryStore();
    store.setFeeds([loaded(doc)]);
    // The visitor typed, filtered and opened a card while the page was busy, before the address
    // module was loaded (it is loaded when the page is idle).
    store.setQuery('psy');
    store.setFilter('care', ['psychologie']);
    store.open('test-dsrc:b');
    await settle(store);
    sync = new UrlSync(store, 'sos-');
    await sync.start();
    expect(here().get('sos-q')).to.equal('psy');
    expect(here().get('sos-fiche')).to.equal('test-dsrc:b');
    expect(history.state?.sos?.kind, 'the card is a step of its own').to.equal('card');
    await goBack(store);
    expect(store.openKey, 'Back closes the card').to.equal(undefined);
    expect(store.criteria.query).to.equal('psy');
    expect(store.criteria.filters.care).to.deep.equal(['psychologie']);
    await goBack(store);
    expect(store.criteria.query, 'Back again: the page as it opened, still this page').to.equal('');
    expect(store.criteria.filters.care).to.deep.equal([]);
  });

  it('nothing done before this module arrived: the entry the page opened on is left as it is', async () => {
    history.replaceState({ host: 'kept' }, '', location.href);
    const before = location.href;
    const store = new DirectoryStore();
    store.setFeeds([loaded(doc)]);
    sync = new UrlSync(store, 'sos-');
    await sync.start();
    expect(location.href).to.equal(before);
    expect(history.state).to.deep.equal({ host: 'kept' });
  });

  it('a search left alone, then cleared and another typed, is a step of its own: Back returns to it', async () => {
    const store = await started('');
    store.setQuery('nutrition');
    await rest();
    await new Promise((r) => setTimeout(r, 2600)); // read for a while (TYPING_PAUSE_MS)
    for (const q of ['', 's', 'sophrologie']) {
      store.setQuery(q);
      await new Promise((r) => setTimeout(r, 100)); // typed quickly: one step
    }
    await rest();
    expect(here().get('sos-q')).to.equal('sophrologie');
    await goBack(store);
    expect(store.criteria.query, 'Back: the search before').to.equal('nutrition');
    await goBack(store);
    expect(store.criteria.query).to.equal('');
  });

  it('Back and Forward never take away « Ma sélection »: items added after a step stay, and the address says so', async () => {
    const store = await started('');
    store.setQuery('psy');
    await rest();
    store.open('test-dsrc:b');
    await settle(store);
    store.addToShortlist('test-dsrc:b', 'b1'); // added from the card
    await settle(store);
    await goBack(store); // closes the card
    expect(store.openKey).to.equal(undefined);
    expect(store.shortlist).to.deep.equal([{ key: 'test-dsrc:b', offer: 'b1' }]);
    await goBack(store); // before the search
    expect(store.criteria.query).to.equal('');
    expect(store.shortlist, 'still there before the search').to.deep.equal([{ key: 'test-dsrc:b', offer: 'b1' }]);
    expect(here().get('sos-selection'), 'the address carries it, so a reload keeps it').to.equal('test-dsrc:b/b1');
  });

  it('« Ma sélection » shown is a step: Back closes it and stays on the page; closed from its button, it goes Back', async () => {
    const store = await started('');
    store.addToShortlist('test-dsrc:a');
    await settle(store);
    store.showShortlist(true);
    await settle(store);
    expect(here().get('sos-voir')).to.equal('selection');
    expect(history.state?.sos?.kind).to.equal('panel');
    await goBack(store);
    expect(store.shortlistOpen, 'Back closes it').to.equal(false);
    expect(store.shortlist).to.deep.equal([{ key: 'test-dsrc:a' }]);
    store.showShortlist(true);
    await settle(store);
    const back = popped();
    store.showShortlist(false); // its « Fermer »
    await back;
    await settle(store);
    expect(here().has('sos-voir')).to.equal(false);
    expect(store.shortlistOpen).to.equal(false);
  });

  it('a locked preset wins over the address', async () => {
    const store = await started('sos-care=psychologie', { care: ['nutrition'] }, ['care']);
    expect(store.criteria.filters.care).to.deep.equal(['nutrition']);
    expect(store.results.groups.flatMap((g) => g.results.map((r) => r.structure.id))).to.deep.equal(['a']);
  });

  it('« Ma sélection » is in the address, changed in place (not a step), and a link restores it', async () => {
    let store = await started('');
    const state = history.state;
    store.addToShortlist('test-dsrc:b', 'b1');
    store.addToShortlist('test-dsrc:a');
    await settle(store);
    expect(here().get('sos-selection')).to.equal('test-dsrc:b/b1,test-dsrc:a');
    expect(history.state).to.equal(state);
    const link = location.search;
    sync!.stop();
    history.replaceState(null, '', start);
    store = await started(link.slice(1));
    expect(store.shortlist).to.deep.equal([{ key: 'test-dsrc:b', offer: 'b1' }, { key: 'test-dsrc:a' }]);
  });

  it('shared links carry the view, never the host page’s own parameters or fragment (page-url instead)', async () => {
    const store = await started('patient=Dupont&sos-q=psy');
    const link = store.shareLink!({ open: 'test-dsrc:a' });
    expect(link).to.equal(`${location.origin}${location.pathname}?sos-q=psy&sos-fiche=test-dsrc%3Aa`);
    store.pageUrl = 'https://www.cpts-exemple.fr/?page_id=12';
    expect(store.shareLink!({ open: 'test-dsrc:a', alone: true })).to.equal('https://www.cpts-exemple.fr/?page_id=12&sos-fiche=test-dsrc%3Aa');
  });

  it('a card the feeds do not have is ignored', async () => {
    const store = await started('sos-fiche=test-dsrc:zzz');
    expect(store.openKey).to.equal(undefined);
  });
});
