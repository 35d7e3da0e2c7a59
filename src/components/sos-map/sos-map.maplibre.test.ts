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
import { LAYER_CLUSTERS, LAYER_POINTS, SOURCE_RESULTS, type LngLatTuple } from './map-view-api.js';
import { demoStore, keyOf, requireVisiblePage, until } from './sos-map.test-helpers.js';

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
    await until(() => {
      const clusters = el.map!.queryRenderedFeatures({ layers: [LAYER_CLUSTERS] });
      const points = el.map!.queryRenderedFeatures({ layers: [LAYER_POINTS] });
      return clusters.reduce((n, f) => n + (f.properties.point_count as number), 0) + points.length === mapped;
    }, 5000, 'all demo structures on the map');
  });

  it('uses a local custom style URL as it is (basemap="custom")', async () => {
    const el = await fixture<SosMap>(html`<sos-map basemap="/__test__/file?path=test/fixtures/map/local-style.json" .store=${demoStore(10, 0)}></sos-map>`);
    await el.ready;
    expect(el.basemapInUse).to.equal('custom');
    expect(el.map!.getStyle().name).to.equal('test local style');
    expect(el.shadowRoot!.querySelector('.note')).to.equal(null);
  });
});

async function waitForMarker(el: SosMap): Promise<HTMLButtonElement> {
  await until(() => el.shadowRoot!.querySelector('button.sos-marker'), 3000, 'the marker button');
  return el.shadowRoot!.querySelector<HTMLButtonElement>('button.sos-marker')!;
}
