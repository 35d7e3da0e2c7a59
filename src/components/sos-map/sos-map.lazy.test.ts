/**
 * MapLibre is fetched only when a map is shown. Own file (own page), tests in order: the page
 * must not have requested any MapLibre file before the last test shows a map.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../sos-annuaire/sos-annuaire.js';
import './sos-map.js';
import type { SosMap } from './sos-map.js';
import type { SosAnnuaire } from '../sos-annuaire/sos-annuaire.js';
import { demoStore, requireVisiblePage } from '../../../test/helpers/map.js';
import { DirectoryStore } from '../../state/directory-store.js';

// The default buffer (250 entries) can fill up with the test page's own modules.
performance.setResourceTimingBufferSize(100000);
const resources = () => performance.getEntriesByType('resource').map((e) => e.name);
const maplibreRequests = () => resources().filter((url) => url.includes('maplibre'));
const settle = () => new Promise((r) => setTimeout(r, 400));

describe('sos-map lazy loading', function () {
  this.timeout(10000);
  before(requireVisiblePage);

  it('a list-only annuaire requests no MapLibre file', async () => {
    const el = await fixture<SosAnnuaire>(html`<sos-annuaire variant="liste" src="/__test__/file?path=demo/feeds/onco-nouvelle-aquitaine.demo.json"></sos-annuaire>`);
    await new Promise((r) => el.addEventListener('sos-loaded', r, { once: true }));
    await settle();
    expect(el.shadowRoot!.querySelector('sos-map')).to.equal(null);
    expect(maplibreRequests()).to.deep.equal([]);
  });

  it('a directory without a feed (no `src`) asks nothing of MapLibre nor of the basemap', async () => {
    const el = await fixture<SosAnnuaire>(html`<sos-annuaire basemap="/__test__/file?path=test/fixtures/map/local-style.json"></sos-annuaire>`);
    // The map element is defined when the page is idle, the setup check runs then too.
    await customElements.whenDefined('sos-map');
    await waitUntil(() => el.shadowRoot!.textContent!.includes("l'adresse du flux manque"), 'the setup notice', { timeout: 5000 });
    await settle();
    expect(maplibreRequests()).to.deep.equal([]);
    expect(resources().filter((url) => url.includes('local-style.json'))).to.deep.equal([]);
  });

  it('a hidden map requests nothing; removing `hidden` loads MapLibre', async () => {
    const el = await fixture<SosMap>(html`<sos-map hidden basemap="offline" .store=${demoStore(20, 0)}></sos-map>`);
    await settle();
    expect(el.map).to.equal(undefined);
    expect(maplibreRequests()).to.deep.equal([]);

    el.hidden = false;
    await el.ready;
    expect(el.map).to.exist;
    expect(maplibreRequests().some((url) => url.includes('/maplibre-gl/dist/maplibre-gl.mjs'))).to.equal(true);
  });

  it('a shown map whose directory has no source yet waits for one, then starts', async () => {
    const store = new DirectoryStore();
    const el = await fixture<SosMap>(html`<sos-map basemap="offline" .store=${store}></sos-map>`);
    await settle();
    expect(el.checkVisibility()).to.equal(true);
    expect(el.map, 'no map while the directory has no source').to.equal(undefined);

    store.load(['/__test__/file?path=demo/feeds/onco-nouvelle-aquitaine.demo.json']);
    await el.ready;
    expect(el.map).to.exist;
  });
});
