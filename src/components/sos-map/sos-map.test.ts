/** `<sos-map>` with a fake map view: what the element asks of the map, no MapLibre involved. */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import './sos-map.js';
import type { SosMap } from './sos-map.js';
import { FIT_MAX_ZOOM, FIT_PADDING, MOTION_MS } from './map-view-api.js';
import { DirectoryStore } from '../../state/directory-store.js';
import { demoStore, fakeLoader, keyOf, requireVisiblePage, SHARED_NAMES, sharedStore, until, type FakeMapView } from '../../../test/helpers/map.js';
import { circleBounds, circlePolygon } from './radius-circle.js';
import { strings } from './sos-map.strings.js';

async function mapWithFake(store: DirectoryStore, { hidden = false, basemap }: { hidden?: boolean; basemap?: string } = {}) {
  const { loader, views } = fakeLoader();
  const el = await fixture<SosMap>(html`<sos-map ?hidden=${hidden} basemap=${basemap ?? 'offline'} .store=${store} .loadMapView=${loader}></sos-map>`);
  if (!hidden) await until(() => views.length === 1, 3000, 'the view');
  return { el, views, view: () => views[0]! };
}

/** Lets the store's change event reach the element, and the element push to the view. */
async function flush(el: SosMap): Promise<void> {
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
}

describe('sos-map (fake map view)', () => {
  before(requireVisiblePage); // the view starts from an IntersectionObserver
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('paints points and clusters in the integrator\'s colour (--sos-color-primary, theme="dsfr")', async () => {
    const { loader, views } = fakeLoader();
    await fixture<SosMap>(html`<sos-map basemap="offline" style="--sos-color-primary: #8a1538" .store=${demoStore(5, 0)} .loadMapView=${loader}></sos-map>`);
    await until(() => views.length === 1, 3000, 'the view');
    expect(views[0]!.options.primaryColor).to.equal('#8a1538');
    const dsfr = fakeLoader();
    await fixture<SosMap>(html`<sos-map basemap="offline" theme="dsfr" .store=${demoStore(5, 0)} .loadMapView=${dsfr.loader}></sos-map>`);
    await until(() => dsfr.views.length === 1, 3000, 'the view');
    expect(dsfr.views[0]!.options.primaryColor).to.equal('#000091');
  });

  it('creates the view when visible, with the French MapLibre locale, and sends the mapped results', async () => {
    const store = demoStore(12, 2);
    const { el, view } = await mapWithFake(store);
    await el.ready;
    const v = view();
    expect(v.options.locale['Map.Title']).to.equal('Carte des structures');
    expect(v.options.locale['NavigationControl.ZoomIn']).to.equal('Zoomer');
    expect(v.options.basemap).to.equal('offline');
    expect(v.options.primaryColor).to.equal('#1d4f91');
    expect(v.last('setResults')![1].geojson.features).to.have.length(12);
    expect(el.shadowRoot!.querySelector('.visually-hidden')!.textContent).to.equal(
      'La carte reprend les 12 structures de la liste ; utilisez la liste pour les parcourir au clavier.');
  });

  it('sends structures at one address as one place with its list, and says so in the summary', async () => {
    const store = sharedStore();
    const { el, view } = await mapWithFake(store);
    await el.ready;
    const results = view().last('setResults')![1];
    expect(results.geojson.features.map((f) => f.properties)).to.deep.equal([{ key: keyOf('a'), count: 3 }, { key: keyOf('d'), count: 1 }]);
    expect(results.placeOf.get(keyOf('a'))!.structures.map((s) => s.name)).to.deep.equal([...SHARED_NAMES]);
    expect(results.structureCount).to.equal(4);
    expect(el.shadowRoot!.querySelector('.visually-hidden')!.textContent).to.equal(
      'La carte reprend les 4 structures de la liste, en 2 lieux ; utilisez la liste pour les parcourir au clavier.');
    expect(view().last('fitBounds')![1]).to.deep.equal([[-0.645, 44.837], [-0.579, 44.843]]);

    // The selection is a structure key; the view finds its place.
    store.select(keyOf('c'));
    await flush(el);
    expect(view().last('setSelected')![1]).to.equal(keyOf('c'));
    // A name chosen in the place's list opens that structure's card.
    view().options.onOpen(keyOf('b'));
    expect(store.openKey).to.equal(keyOf('b'));
  });

  it('summarises structures and places for screen readers', () => {
    const { fr, en } = strings;
    expect(fr.summary(31, 12)).to.equal('La carte reprend les 31 structures de la liste, en 12 lieux ; utilisez la liste pour les parcourir au clavier.');
    expect(fr.summary(3, 1)).to.equal('La carte reprend les 3 structures de la liste, toutes à la même adresse ; utilisez la liste pour les parcourir au clavier.');
    expect(fr.summary(5, 5)).to.equal(fr.summary(5));
    expect(fr.summary(1, 1)).to.equal('La carte reprend la structure de la liste ; utilisez la liste pour la parcourir au clavier.');
    expect(en.summary(31, 12)).to.equal('The map shows the 31 structures of the list, at 12 places; use the list to browse them with the keyboard.');
    expect(en.summary(3, 1)).to.equal('The map shows the 3 structures of the list, all at the same address; use the list to browse them with the keyboard.');
  });

  it('gives the view its strings in the current language', async () => {
    const { loader, views } = fakeLoader();
    const el = await fixture<SosMap>(html`<sos-map basemap="offline" .store=${sharedStore()} .loadMapView=${loader}></sos-map>`);
    await until(() => views.length === 1, 3000, 'the view');
    const t = views[0]!.options.strings();
    expect(t.placeTitle(3)).to.equal('3\u00a0structures à cette adresse');
    expect(t.placeClose).to.equal('Fermer la liste');
    expect(t.markerOthers(2)).to.equal('et 2 autres à cette adresse');
    expect(t.markerOthers(1)).to.equal('et 1 autre à cette adresse');
    el.setAttribute('lang', 'en');
    expect(views[0]!.options.strings().markerOthers(2)).to.equal('and 2 others at this address');
    el.requestUpdate(); // `lang` is read at render time, it is not a reactive property
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.visually-hidden')!.textContent).to.equal(
      'The map shows the 4 structures of the list, at 2 places; use the list to browse them with the keyboard.');
  });

  it('fits the results at once on first display, then (animated) after each search', async () => {
    const store = demoStore(30, 0);
    const { el, view } = await mapWithFake(store);
    const first = view().last('fitBounds')!;
    expect(first[1]).to.deep.equal([[-1.3, 43.7], [-1.14, 45.66]]);
    expect(first[2]).to.deep.equal({ padding: FIT_PADDING, maxZoom: FIT_MAX_ZOOM, duration: 0 });

    view().clear();
    store.setQuery('centre'); // the second half only: s15..s29
    await flush(el);
    const [, bounds, options] = view().last('fitBounds')!;
    expect(bounds).to.deep.equal([[-1.14, 43.7], [-1.14, 45.66]]);
    expect(options.duration).to.equal(MOTION_MS);
    expect(view().last('setResults')![1].geojson.features).to.have.length(15);
  });

  it('does not fit when a search has no mapped result', async () => {
    const store = demoStore(10, 0);
    const { el, view } = await mapWithFake(store);
    // The text index first (the page builds it when idle): else the query waits for it and the
    // interim results (unfiltered) are fitted once.
    await store.prepareText();
    await flush(el);
    view().clear();
    store.setQuery('introuvablexyz');
    await store.settled;
    await flush(el);
    expect(view().last('setResults')![1].geojson.features).to.have.length(0);
    expect(view().of('fitBounds')).to.have.length(0);
  });

  it('draws the search point and its radius circle, and fits the circle', async () => {
    const store = demoStore(30, 0);
    const { el, view } = await mapWithFake(store);
    view().clear();
    const near = { label: 'Mont-de-Marsan (40000)', point: { lat: 43.89, lon: -0.5 }, radiusKm: 20 };
    store.setNear(near);
    await flush(el);
    const shapes = view().last('setNear')![1]!;
    expect(shapes.point.geometry.coordinates).to.deep.equal([-0.5, 43.89]);
    expect(shapes.circle.geometry.coordinates[0]).to.have.length(65);
    expect(view().last('fitBounds')![1]).to.deep.equal(circleBounds(circlePolygon(near.point, 20)));

    store.setNear(undefined);
    await flush(el);
    expect(view().last('setNear')![1]).to.equal(undefined);
  });

  it('passes the store selection to the map, and the map clicks back to the store', async () => {
    const store = demoStore(10, 0);
    const { el, view } = await mapWithFake(store);
    store.select(keyOf('s4'));
    await flush(el);
    expect(view().last('setSelected')!.slice(1)).to.deep.equal([keyOf('s4'), { duration: MOTION_MS }]);

    view().options.onSelect(keyOf('s5'));
    expect(store.selectedKey).to.equal(keyOf('s5'));
    view().options.onOpen(keyOf('s5'));
    expect(store.openKey).to.equal(keyOf('s5'));
  });

  it('uses duration 0 for every camera move under prefers-reduced-motion: reduce', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const store = demoStore(30, 0);
    const { el, view } = await mapWithFake(store);
    store.setQuery('maison');
    store.select(keyOf('s2'));
    await flush(el);
    expect(view().last('fitBounds')![2].duration).to.equal(0);
    expect(view().last('setSelected')![2].duration).to.equal(0);
    expect(view().options.motionMs()).to.equal(0);
  });

  it('waits while hidden and starts when `hidden` is removed (the "Carte" switch)', async () => {
    const store = demoStore(5, 0);
    const { el, views } = await mapWithFake(store, { hidden: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(views).to.have.length(0);
    el.hidden = false;
    await until(() => views.length === 1, 3000, 'the view after unhiding');
  });

  it('fires a bubbling, composed sos-map-ready and shows the fallback note when the view fell back', async () => {
    const { loader, views } = fakeLoader(false);
    const wrapper = await fixture<HTMLDivElement>(html`<div><sos-map .store=${demoStore(5, 0)} .loadMapView=${loader}></sos-map></div>`);
    const el = wrapper.querySelector('sos-map')!;
    const fired = new Promise<CustomEvent>((r) => wrapper.addEventListener('sos-map-ready', (e) => r(e as CustomEvent), { once: true }));
    await until(() => views.length === 1, 3000, 'the view');
    (views[0] as FakeMapView).load('offline');
    const event = await fired;
    expect(event.detail).to.deep.equal({ basemap: 'offline' });
    expect(event.composed).to.equal(true);
    await el.updateComplete;
    expect(el.basemapInUse).to.equal('offline');
    expect(el.shadowRoot!.querySelector('.note')!.textContent).to.equal("Fond de carte simplifié : le fond IGN n'a pas pu être chargé.");
  });

  it('finds its store through the enclosing annuaire-like context or for=', async () => {
    const store = demoStore(7, 0);
    const host = Object.assign(document.createElement('div'), { id: 'annuaire-test', store });
    document.body.append(host);
    try {
      const { loader, views } = fakeLoader();
      const el = await fixture<SosMap>(html`<sos-map for="annuaire-test" basemap="offline" .loadMapView=${loader}></sos-map>`);
      await el.ready;
      expect(views[0]!.last('setResults')![1].geojson.features).to.have.length(7);
    } finally {
      host.remove();
    }
  });

  it('destroys its view when removed from the page', async () => {
    const { el, view } = await mapWithFake(demoStore(3, 0));
    el.remove();
    expect(view().last('destroy')).to.deep.equal(['destroy']);
  });
});

describe('sos-map: language', () => {
  before(requireVisiblePage);

  it('speaks the language its directory switches to at run time, MapLibre\'s controls and the attribution too', async () => {
    const store = demoStore(4, 0);
    const { el, views } = await mapWithFake(store);
    await el.ready;
    const summary = () => el.shadowRoot!.querySelector('.visually-hidden')!.textContent;
    expect(summary()).to.equal('La carte reprend les 4 structures de la liste ; utilisez la liste pour les parcourir au clavier.');
    expect(views[0]!.options.locale).to.deep.equal(strings.fr.maplibre);
    store.setLang('en');
    await flush(el);
    expect(summary()).to.equal(strings.en.summary(4, 4));
    // MapLibre takes them at creation: a new map in English, the French one gone, the results on it.
    await until(() => views.length === 2, 3000, 'a map in English');
    expect(views[0]!.last('destroy')).to.deep.equal(['destroy']);
    expect(views[1]!.options.locale).to.deep.equal(strings.en.maplibre);
    expect(views[1]!.options.attribution).to.deep.equal({ default: strings.en.attributionDefault, offline: strings.en.attributionOffline });
    await el.ready;
    expect(views[1]!.last('setResults')).to.exist;
    el.setAttribute('lang', 'fr');
    await flush(el);
    expect(summary()).to.equal(strings.fr.summary(4, 4));
    await until(() => views.length === 3, 3000, 'a map in French again');
    expect(views[2]!.options.locale).to.deep.equal(strings.fr.maplibre);
    // Nothing else makes a new map: a search only updates the results on it.
    store.setQuery('Maison');
    await flush(el);
    expect(views).to.have.length(3);
  });
});
