/**
 * Real MapLibre (WebGL through SwiftShader). Offline style or local URLs only: no public host is
 * ever contacted. Few tests, each waiting on `ready` (load + source loaded, never `idle`).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import './sos-map.js';
import type { SosMap } from './sos-map.js';
import '../sos-annuaire/sos-annuaire.js';
import type { SosAnnuaire } from '../sos-annuaire/sos-annuaire.js';
import type { Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';
import { LAYER_CLUSTER_COUNT, LAYER_CLUSTERS, LAYER_POINT_COUNT, LAYER_POINTS, SOURCE_RESULTS, type LngLatTuple } from './map-view-api.js';
import { serve } from '../../../test/helpers/feeds.js';
import {
  ALONE_NAME, ALONE_POINT, demoStore, keyOf, requireVisiblePage, SHARED_NAMES, SHARED_POINT, sharedStore, until,
} from '../../../test/helpers/map.js';

describe('sos-map with MapLibre', function () {
  this.timeout(10000);
  before(requireVisiblePage);

  it('clusters the 150 mapped structures: cluster sizes plus single points = mapped structures', async () => {
    const store = demoStore(150, 3);
    const el = await fixture<SosMap>(html`<sos-map basemap="offline" .store=${store}></sos-map>`);
    await el.ready;
    expect(el.basemapInUse).to.equal('offline');
    const map = el.map!;
    const clusters = map.queryRenderedFeatures({ layers: [LAYER_CLUSTERS] });
    const points = map.queryRenderedFeatures({ layers: [LAYER_POINTS] });
    const inClusters = clusters.reduce((n, f) => n + (f.properties.point_count as number), 0);
    expect(clusters.length).to.be.greaterThan(0);
    expect(inClusters + points.length).to.equal(150);
    // No two structures share a point here: each cluster holds as many structures as places.
    expect(clusters.every((f) => f.properties.count === f.properties.point_count)).to.equal(true);
    // One canvas, no DOM node per point, no marker while nothing is selected.
    expect(el.shadowRoot!.querySelectorAll('canvas')).to.have.length(1);
    expect(el.shadowRoot!.querySelector('.sos-marker')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.visually-hidden')!.textContent).to.contain('les 150 structures de la liste');
  });

  it('syncs the selection both ways: click → store, store → feature-state and the marker button', async () => {
    const store = demoStore(150, 0);
    const el = await fixture<SosMap>(html`<sos-map basemap="offline" .store=${store}></sos-map>`);
    await el.ready;
    const map = el.map!;
    const target = store.structure(keyOf('s7'))!;
    const center: LngLatTuple = [target.location!.lon, target.location!.lat];
    map.jumpTo({ center, zoom: 12 });
    await until(() => map.isSourceLoaded(SOURCE_RESULTS) && map.queryRenderedFeatures({ layers: [LAYER_POINTS] }).length > 0, 5000, 'unclustered points');

    // Click the WebGL point: selects it.
    const p = map.project(center);
    const rect = map.getCanvas().getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(rect.left + p.x), Math.round(rect.top + p.y)] });
    await until(() => store.selectedKey === target.key, 3000, 'selection from the map');
    await el.updateComplete;
    const marker = await waitForMarker(el);
    expect(marker.textContent).to.equal(target.name);
    expect(map.getFeatureState({ source: SOURCE_RESULTS, id: target.key }).selected).to.equal(true);

    // Enter on the marker opens the card.
    marker.focus();
    await sendKeys({ press: 'Enter' });
    expect(store.openKey).to.equal(target.key);

    // Selecting in the list (the store) moves the highlight and the marker.
    const other = store.structure(keyOf('s100'))!;
    store.select(other.key);
    await until(() => map.getFeatureState({ source: SOURCE_RESULTS, id: other.key }).selected === true, 3000, 'feature-state');
    expect(map.getFeatureState({ source: SOURCE_RESULTS, id: target.key }).selected).to.not.equal(true);
    expect((await waitForMarker(el)).textContent).to.equal(other.name);
    expect(el.shadowRoot!.querySelectorAll('.sos-marker')).to.have.length(1);
  });

  it('is accessible once loaded, with a selected structure', async () => {
    const store = demoStore(40, 0);
    store.select(keyOf('s3'));
    const el = await fixture<SosMap>(html`<sos-map basemap="offline" .store=${store}></sos-map>`);
    await el.ready;
    await waitForMarker(el);
    const canvas = el.map!.getCanvas();
    expect(canvas.getAttribute('aria-label')).to.equal('Carte des structures');
    await expect(el).to.be.accessible();
  });

  it('falls back to the offline style when the basemap cannot load, and says so', async () => {
    const store = demoStore(20, 0);
    const el = await fixture<SosMap>(html`<sos-map basemap="/__test__/status/503" .store=${store}></sos-map>`);
    await el.ready;
    expect(el.basemapInUse).to.equal('offline');
    await el.updateComplete;
    const note = el.shadowRoot!.querySelector<HTMLElement>('.note');
    expect(note, 'fallback note').to.exist;
    expect(note!.textContent).to.equal("Fond de carte simplifié : le fond de carte demandé n'a pas pu être chargé.");
    expect(note!.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(el.map!.getStyle().name).to.equal('sos-annuaire hors ligne');
  });

  it('falls back when the style does not load in time (styleTimeoutMs)', async () => {
    const el = await fixture<SosMap>(html`<sos-map basemap="/__test__/status/200?delay=4000" .styleTimeoutMs=${300} .store=${demoStore(10, 0)}></sos-map>`);
    await el.ready;
    expect(el.basemapInUse).to.equal('offline');
    expect(el.map!.getStyle().name).to.equal('sos-annuaire hors ligne');
  });

  it('inside <sos-annuaire>: takes the store from context and maps the demo feed', async () => {
    const annuaire = await fixture<SosAnnuaire>(html`<sos-annuaire basemap="offline" src="/__test__/file?path=demo/feeds/onco-nouvelle-aquitaine.demo.json"></sos-annuaire>`);
    const el = annuaire.shadowRoot!.querySelector('sos-map')!;
    await el.ready;
    const mapped = annuaire.store.structures.filter((s) => s.location).length;
    expect(mapped).to.be.greaterThan(100);
    // Most demo structures share their address with others: clusters and points count structures.
    await until(() => structuresDrawn(el.map!) === mapped, 5000, 'all demo structures on the map');
    const places = placesOnScreen(el.map!);
    expect(places).to.be.lessThan(mapped);
    expect(el.shadowRoot!.querySelector('.visually-hidden')!.textContent).to.contain(`les ${mapped} structures de la liste, en ${places} lieux`);
  });

  it('uses a local custom style URL as it is (basemap="custom")', async () => {
    const el = await fixture<SosMap>(html`<sos-map basemap="/__test__/file?path=test/fixtures/map/local-style.json" .store=${demoStore(10, 0)}></sos-map>`);
    await el.ready;
    expect(el.basemapInUse).to.equal('custom');
    expect(el.map!.getStyle().name).to.equal('test local style');
    expect(el.shadowRoot!.querySelector('.note')).to.equal(null);
  });
});

describe('sos-map with MapLibre: several structures at one address', function () {
  this.timeout(10000);
  before(requireVisiblePage);

  async function sharedMap() {
    const store = sharedStore();
    const el = await fixture<SosMap>(html`<sos-map basemap="offline" .store=${store}></sos-map>`);
    await el.ready;
    const map = el.map!;
    const center: LngLatTuple = [SHARED_POINT.lon, SHARED_POINT.lat];
    // Zoom 12: the two places (5 km apart) are ~190 px apart, both on screen, not clustered.
    map.jumpTo({ center, zoom: 12 });
    await until(() => map.isSourceLoaded(SOURCE_RESULTS) && placesDrawn(map).length === 2, 5000, 'two places');
    return { store, el, map, center };
  }

  it('draws one point per place, the shared one counting 3; a click on it lists the 3 names, a choice opens the card', async () => {
    const { store, el, map, center } = await sharedMap();
    expect(placesDrawn(map)).to.deep.equal([[keyOf('a'), 3], [keyOf('d'), 1]]);
    expect(map.queryRenderedFeatures({ layers: [LAYER_CLUSTERS] })).to.have.length(0);
    expect(el.shadowRoot!.querySelector('.visually-hidden')!.textContent).to.contain('les 4 structures de la liste, en 2 lieux');

    await clickAt(map, center);
    const popup = await waitForList(el);
    expect(popup.querySelector('.sos-place-title')!.textContent).to.equal('3\u00a0structures à cette adresse');
    expect(names(popup)).to.deep.equal([...SHARED_NAMES]);
    // Names are text: the hostile one created no element.
    expect(popup.querySelector('img')).to.equal(null);
    expect(popup.querySelectorAll('.sos-place-item')[2]!.textContent).to.equal('Espace <img src=x onerror=alert(1)>');
    // Opened by a pointer: nothing selected, focus not moved into the list.
    expect(store.selectedKey).to.equal(undefined);
    expect(popup.contains(el.shadowRoot!.activeElement), 'focus in the list').to.equal(false);

    const second = popup.querySelectorAll<HTMLButtonElement>('.sos-place-item')[1]!;
    const r = second.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
    expect(store.openKey).to.equal(keyOf('b'));
    expect(el.shadowRoot!.querySelector('.sos-place-popup')).to.equal(null);
  });

  it('a point holding one structure keeps select, then open on a second click', async () => {
    const { store, map } = await sharedMap();
    const alone: LngLatTuple = [ALONE_POINT.lon, ALONE_POINT.lat];
    await clickAt(map, alone);
    await until(() => store.selectedKey === keyOf('d'), 3000, 'selection');
    // Not a double click (that zooms): the second click comes later.
    await new Promise((r) => setTimeout(r, 700));
    // The marker now stands on the point: click the point just below its pin (radius 9 px).
    const p = map.project(alone);
    const rect = map.getCanvas().getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(rect.left + p.x + 6), Math.round(rect.top + p.y + 3)] });
    await until(() => store.openKey === keyOf('d'), 3000, 'open on the second click');
    expect(store.structure(keyOf('d'))!.name).to.equal(ALONE_NAME);
  });

  it('keyboard: Enter on the marker of a shared structure opens the list on it; Tab goes round; Escape returns to the marker; accessible', async () => {
    const { store, el, map } = await sharedMap();
    store.select(keyOf('b'));
    const marker = await waitForMarker(el);
    // The selection lights up the place; the marker says the address is shared.
    await until(() => map.getFeatureState({ source: SOURCE_RESULTS, id: keyOf('a') }).selected === true, 3000, 'feature-state on the place');
    expect(marker.getAttribute('aria-haspopup')).to.equal('dialog');
    expect(marker.querySelector('.sos-marker-more')!.textContent).to.equal('+2');

    marker.focus();
    await sendKeys({ press: 'Enter' });
    const popup = await waitForList(el);
    const [close, a, b, c] = [...popup.querySelectorAll<HTMLButtonElement>('button')];
    // Elements compared as booleans: a failed equal() on DOM nodes stalls the test runner's report.
    const focused = () => el.shadowRoot!.activeElement;
    const focusIs = (what: Element | undefined, label: string) => expect(focused() === what, `focus on ${label}`).to.equal(true);
    focusIs(b, 'Centre Beta');
    expect(b!.getAttribute('aria-current')).to.equal('true');
    expect(store.openKey).to.equal(undefined);
    await expect(el).to.be.accessible();
    // Touch targets of 44 px, the widget's font (not MapLibre's 12 px), a visible focus ring.
    for (const button of [close!, a!, b!, c!]) {
      const box = button.getBoundingClientRect();
      expect(Math.min(box.width, box.height), button.className).to.be.at.least(44);
    }
    expect(getComputedStyle(b!).fontSize).to.equal('15px');
    expect(getComputedStyle(b!).outlineStyle).to.equal('solid');
    expect(getComputedStyle(b!).outlineWidth).to.equal('3px');
    // The marker's name (axe's computation, loaded by the check above): the visible name first,
    // then the words for "+2".
    expect(accessibleName(marker)).to.equal('Centre Beta et 2 autres à cette adresse');

    await sendKeys({ press: 'Tab' });
    focusIs(c, 'the third name');
    await sendKeys({ press: 'Tab' });
    focusIs(close, 'the close button (Tab goes round)');
    await sendKeys({ press: 'Tab' });
    focusIs(a, 'the first name');
    await shiftTab();
    focusIs(close, 'the close button (Shift+Tab)');

    await sendKeys({ press: 'Escape' });
    expect(el.shadowRoot!.querySelector('.sos-place-popup')).to.equal(null);
    focusIs(marker, 'the marker after Escape');

    // Space opens it again; Enter on a name opens that card, focus back on the marker.
    await sendKeys({ press: 'Space' });
    await waitForList(el);
    expect((focused() as HTMLElement).dataset.key).to.equal(keyOf('b'));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(store.openKey).to.equal(keyOf('c'));
    expect(el.shadowRoot!.querySelector('.sos-place-popup')).to.equal(null);
    await el.updateComplete; // the selection (now c) reaches the marker: it keeps focus
    expect(marker.querySelector('.sos-marker-name')!.textContent).to.equal(SHARED_NAMES[2]);
    focusIs(marker, 'the marker after a choice');
  });

  it('the close button closes the list and returns focus; a click elsewhere on the map closes it too', async () => {
    const { store, el, map, center } = await sharedMap();
    store.select(keyOf('a'));
    const marker = await waitForMarker(el);
    marker.focus();
    await sendKeys({ press: 'Enter' });
    let popup = await waitForList(el);
    popup.querySelector<HTMLButtonElement>('.sos-place-close')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(el.shadowRoot!.querySelector('.sos-place-popup')).to.equal(null);
    expect(el.shadowRoot!.activeElement === marker, 'focus on the marker').to.equal(true);

    store.select(undefined);
    await until(() => !el.shadowRoot!.querySelector('.sos-marker'), 3000, 'no marker');
    await clickAt(map, center);
    popup = await waitForList(el);
    const p = map.project(center);
    const rect = map.getCanvas().getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(rect.left + p.x - 120), Math.round(rect.top + p.y + 60)] });
    await until(() => !el.shadowRoot!.querySelector('.sos-place-popup'), 3000, 'closed by a click on the map');
    expect(store.selectedKey).to.equal(undefined);
  });

  it('clusters count structures, not places; a cluster click zooms in until the places separate', async () => {
    const { el, map } = await sharedMap();
    map.jumpTo({ center: [(SHARED_POINT.lon + ALONE_POINT.lon) / 2, SHARED_POINT.lat], zoom: 8 });
    await until(() => map.queryRenderedFeatures({ layers: [LAYER_CLUSTERS] }).length === 1, 5000, 'one cluster');
    const [cluster] = map.queryRenderedFeatures({ layers: [LAYER_CLUSTERS] });
    expect(cluster!.properties.point_count).to.equal(2);
    expect(cluster!.properties.count).to.equal(4);

    const before = map.getZoom();
    await clickAt(map, (cluster!.geometry as GeoJSON.Point).coordinates as LngLatTuple);
    await until(() => map.getZoom() > before && !map.isMoving(), 5000, 'zoomed in');
    // (While the new tiles come in, MapLibre may still draw the parent tile's cluster.)
    await until(() => map.isSourceLoaded(SOURCE_RESULTS) && placesDrawn(map).length === 2
      && map.queryRenderedFeatures({ layers: [LAYER_CLUSTERS] }).length === 0, 5000, 'the two places, no cluster');
    expect(structuresDrawn(map)).to.equal(4);
    expect(map.getZoom()).to.be.at.most(14);
    expect(el.shadowRoot!.querySelector('.sos-place-popup')).to.equal(null);
  });
});

describe('sos-map with MapLibre: counts as text on a style with glyphs', function () {
  this.timeout(10000);
  before(requireVisiblePage);

  it('writes the structures of a cluster and of a shared place, not the places; none without glyphs', async () => {
    // A local style with glyphs (empty glyph files: nothing is drawn, nothing fails) and a symbol layer.
    const glyphs = await serve('', 'application/x-protobuf');
    const style = await serve({
      version: 8,
      name: 'test style with glyphs',
      glyphs: `${glyphs}?font={fontstack}&range={range}`,
      sources: { none: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
      layers: [
        { id: 'bg', type: 'background', paint: { 'background-color': '#eef2f5' } },
        { id: 'labels', type: 'symbol', source: 'none', layout: { 'text-field': ['get', 'name'], 'text-font': ['Test Sans Regular'] } },
      ],
    });
    const el = await fixture<SosMap>(html`<sos-map basemap=${style} .store=${sharedStore()}></sos-map>`);
    await el.ready;
    expect(el.basemapInUse).to.equal('custom');
    const map = el.map!;
    const toText = ['to-string', ['get', 'count']];
    expect(map.getLayoutProperty(LAYER_CLUSTER_COUNT, 'text-field')).to.deep.equal(toText);
    expect(map.getLayoutProperty(LAYER_POINT_COUNT, 'text-field')).to.deep.equal(toText);
    expect(map.getLayoutProperty(LAYER_POINT_COUNT, 'text-font')).to.deep.equal(['Test Sans Regular']);
    // Only on points holding several structures.
    expect(JSON.stringify(map.getFilter(LAYER_POINT_COUNT))).to.contain('["get","count"],1]');

    const offline = await fixture<SosMap>(html`<sos-map basemap="offline" .store=${sharedStore()}></sos-map>`);
    await offline.ready;
    expect(offline.map!.getLayer(LAYER_POINT_COUNT)).to.equal(undefined);
    expect(offline.map!.getLayer(LAYER_CLUSTER_COUNT)).to.equal(undefined);
  });
});

/** The places drawn as points, `[key, count]` by key (a feature may come once per tile it touches). */
function placesDrawn(map: MapLibreMap): [string, number][] {
  const byKey = new Map(map.queryRenderedFeatures({ layers: [LAYER_POINTS] }).map((f) => [f.properties.key as string, f.properties.count as number]));
  return [...byKey].sort(([a], [b]) => (a < b ? -1 : 1));
}

/** Structures on screen: clusters sum their places' `count`, a point holds `count` structures. */
function structuresDrawn(map: MapLibreMap): number {
  return drawn(map).reduce((n, f) => n + (f.properties.count as number), 0);
}

/** Places on screen: in clusters (`point_count`) or as points. */
function placesOnScreen(map: MapLibreMap): number {
  return drawn(map).reduce((n, f) => n + ((f.properties.point_count as number | undefined) ?? 1), 0);
}

/** Clusters and points drawn, each once (a feature may come once per tile it touches). */
function drawn(map: MapLibreMap): MapGeoJSONFeature[] {
  const once = new Map<string, MapGeoJSONFeature>();
  for (const f of map.queryRenderedFeatures({ layers: [LAYER_CLUSTERS, LAYER_POINTS] })) {
    once.set(f.properties.cluster_id !== undefined ? `cluster ${f.properties.cluster_id}` : `point ${f.properties.key}`, f);
  }
  return [...once.values()];
}

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

/** The accessible name of an element, as axe-core computes it (axe must have been loaded). */
function accessibleName(element: Element): string {
  interface Axe {
    setup(root: Node): void;
    teardown(): void;
    commons: { text: { accessibleText(element: Element): string } };
  }
  const axe = (window as unknown as { axe: Axe }).axe;
  axe.setup(document);
  try {
    return axe.commons.text.accessibleText(element);
  } finally {
    axe.teardown();
  }
}

/** A real click (CDP mouse events) on the map at a position. */
async function clickAt(map: MapLibreMap, lngLat: LngLatTuple): Promise<void> {
  const p = map.project(lngLat);
  const rect = map.getCanvas().getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + p.x), Math.round(rect.top + p.y)] });
}

async function waitForList(el: SosMap): Promise<HTMLElement> {
  await until(() => el.shadowRoot!.querySelector('.sos-place-popup .sos-place'), 3000, 'the list of the structures at the address');
  return el.shadowRoot!.querySelector<HTMLElement>('.sos-place-popup .sos-place')!;
}

const names = (popup: HTMLElement) => [...popup.querySelectorAll('.sos-place-item')].map((b) => b.textContent);

async function waitForMarker(el: SosMap): Promise<HTMLButtonElement> {
  await until(() => el.shadowRoot!.querySelector('button.sos-marker'), 3000, 'the marker button');
  return el.shadowRoot!.querySelector<HTMLButtonElement>('button.sos-marker')!;
}
