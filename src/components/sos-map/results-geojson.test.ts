import { expect } from '@open-wc/testing';
import { boundsOfPositions, boundsOfResults, resultsToGeoJSON } from './results-geojson.js';
import { demoStore, keyOf } from './sos-map.test-helpers.js';

describe('results → GeoJSON', () => {
  it('maps every located structure of every group once, with key and name', () => {
    const store = demoStore(30, 2);
    const fc = resultsToGeoJSON(store.results);
    expect(fc.type).to.equal('FeatureCollection');
    expect(fc.features).to.have.length(30);
    const first = fc.features.find((f) => f.properties.key === keyOf('s0'))!;
    expect(first.properties).to.deep.equal({ key: keyOf('s0'), name: 'Maison de soins de support 0' });
    expect(first.geometry).to.deep.equal({ type: 'Point', coordinates: [-1.3, 43.7] });
    expect(fc.features.some((f) => f.properties.key === keyOf('u0'))).to.equal(false);
  });

  it('skips a structure listed in two groups the second time, and structures without location', () => {
    const s = (id: string, location?: { lat: number; lon: number }) => ({ structure: { key: id, name: id, location }, offers: [] });
    const results = { groups: [{ id: 'near', results: [s('a', { lat: 45, lon: 0 }), s('b')] }, { id: 'remote', results: [s('a', { lat: 45, lon: 0 })] }] };
    const fc = resultsToGeoJSON(results as never);
    expect(fc.features.map((f) => f.properties.key)).to.deep.equal(['a']);
  });

  it('gives the bounds of the results, or nothing when there are none', () => {
    const fc = resultsToGeoJSON(demoStore(30, 0).results);
    expect(boundsOfResults(fc)).to.deep.equal([[-1.3, 43.7], [-1.14, 45.66]]);
    expect(boundsOfResults({ type: 'FeatureCollection', features: [] })).to.equal(undefined);
    expect(boundsOfPositions([[2, 48]])).to.deep.equal([[2, 48], [2, 48]]);
  });
});
