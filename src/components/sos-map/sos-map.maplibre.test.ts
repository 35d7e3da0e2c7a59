/** Real MapLibre (WebGL through SwiftShader), offline style only: no public host is contacted. */
import { expect, fixture, html } from '@open-wc/testing';
import './sos-map.js';
import type { SosMap } from './sos-map.js';
import { LAYER_CLUSTERS, LAYER_POINTS, SOURCE_RESULTS } from './map-view-api.js';
import { demoStore } from './sos-map.test-helpers.js';

describe('sos-map with MapLibre', function () {
  this.timeout(10000);

  it('clusters the 150 mapped structures; every one is in a cluster or a point', async () => {
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
    expect(map.getSource(SOURCE_RESULTS)).to.exist;
  });
});
