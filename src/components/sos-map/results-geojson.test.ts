import { expect } from '@open-wc/testing';
import { boundsOfPositions, boundsOfResults, emptyMapResults, resultsToGeoJSON, SAME_PLACE_DEGREES } from './results-geojson.js';
import { ALONE_NAME, demoStore, keyOf, SHARED_NAMES, sharedStore } from '../../../test/helpers/map.js';

type Loc = { lat: number; lon: number };
const s = (id: string, location?: Loc) => ({ structure: { key: id, name: `Nom ${id}`, location }, offers: [] });
const resultsOf = (...groups: ReturnType<typeof s>[][]) =>
  ({ groups: groups.map((results, i) => ({ id: i ? 'remote' : 'near', results })) }) as never;

describe('results → GeoJSON', () => {
  it('maps every located structure of every group once: one place each when none share a position', () => {
    const store = demoStore(30, 2);
    const { geojson, placeOf, structureCount } = resultsToGeoJSON(store.results);
    expect(geojson.type).to.equal('FeatureCollection');
    expect(geojson.features).to.have.length(30);
    expect(structureCount).to.equal(30);
    const first = geojson.features.find((f) => f.properties.key === keyOf('s0'))!;
    expect(first.properties).to.deep.equal({ key: keyOf('s0'), count: 1 });
    expect(first.geometry).to.deep.equal({ type: 'Point', coordinates: [-1.3, 43.7] });
    expect(placeOf.get(keyOf('s0'))!.key).to.equal(keyOf('s0'));
    expect(placeOf.get(keyOf('s0'))!.structures).to.deep.equal([{ key: keyOf('s0'), name: 'Maison de soins de support 0' }]);
    expect(geojson.features.some((f) => f.properties.key === keyOf('u0'))).to.equal(false);
    expect(placeOf.has(keyOf('u0'))).to.equal(false);
  });

  it('groups structures at the same position into one feature, in result order, keyed by the first', () => {
    const { geojson, placeOf, structureCount } = resultsToGeoJSON(sharedStore().results);
    expect(structureCount).to.equal(4);
    // Results come in name order: Association Alpha (a), Centre Beta (b), Espace … (c), Maison Delta (d).
    expect(geojson.features.map((f) => f.properties)).to.deep.equal([
      { key: keyOf('a'), count: 3 },
      { key: keyOf('d'), count: 1 },
    ]);
    // A feature's key finds its place's structures.
    expect(placeOf.get(keyOf('a'))!.structures).to.deep.equal([
      { key: keyOf('a'), name: SHARED_NAMES[0] },
      { key: keyOf('b'), name: SHARED_NAMES[1] },
      { key: keyOf('c'), name: SHARED_NAMES[2] },
    ]);
    expect(placeOf.get(keyOf('d'))!.structures).to.deep.equal([{ key: keyOf('d'), name: ALONE_NAME }]);
    // Any structure finds its place: the selection lights up its point.
    expect(['a', 'b', 'c', 'd'].map((id) => placeOf.get(keyOf(id))!.key)).to.deep.equal([keyOf('a'), keyOf('a'), keyOf('a'), keyOf('d')]);
    // Only scalars go to MapLibre (its worker stringifies arrays).
    for (const f of geojson.features) expect(Object.values(f.properties).every((v) => typeof v !== 'object')).to.equal(true);
  });

  it('treats positions within 1e-5° on each axis as one place, even across a rounding boundary; farther is another place', () => {
    const base = { lat: 44.0000149, lon: -0.5 };
    const fc = resultsToGeoJSON(resultsOf([
      s('a', base),
      s('b', { lat: 44.0000151, lon: base.lon + 0.000004 }), // 2e-7° away, but rounds into the next cell
      s('c', { lat: base.lat + SAME_PLACE_DEGREES, lon: base.lon - SAME_PLACE_DEGREES }), // the limit
      s('d', { lat: base.lat + 0.00002, lon: base.lon }), // ~2 m north: not the same place
      s('e', { lat: base.lat, lon: base.lon + 0.00003 }),
    ]));
    expect(fc.geojson.features.map((f) => [f.properties.key, f.properties.count])).to.deep.equal([['a', 3], ['d', 1], ['e', 1]]);
    // The place is drawn at its first structure's position.
    expect(fc.geojson.features[0]!.geometry.coordinates).to.deep.equal([base.lon, base.lat]);
    expect(fc.placeOf.get('a')!.structures.map((x) => x.key)).to.deep.equal(['a', 'b', 'c']);
  });

  it('keeps result order across groups, and maps a structure listed in two groups once', () => {
    const p = { lat: 45, lon: 0 };
    const fc = resultsToGeoJSON(resultsOf([s('x', { lat: 46, lon: 1 }), s('a', p), s('b')], [s('a', p), s('c', p)]));
    expect(fc.geojson.features.map((f) => f.properties)).to.deep.equal([{ key: 'x', count: 1 }, { key: 'a', count: 2 }]);
    expect(fc.placeOf.get('a')!.structures.map((x) => x.key)).to.deep.equal(['a', 'c']);
    expect(fc.structureCount).to.equal(3);
  });

  it('groups the demo feed: fewer places than structures, every structure in exactly one place', async () => {
    const res = await fetch('/__test__/file?path=demo/feeds/onco-nouvelle-aquitaine.demo.json');
    const feedJson = (await res.json()) as { structures: { id: string; name: string; location?: Loc }[] };
    const located = feedJson.structures.filter((x) => x.location);
    const fc = resultsToGeoJSON(resultsOf(located.map((x) => s(x.id, x.location))));
    expect(fc.structureCount).to.equal(located.length);
    expect(fc.geojson.features.length).to.be.lessThan(located.length);
    expect(fc.geojson.features.reduce((n, f) => n + f.properties.count, 0)).to.equal(located.length);
    expect(fc.placeOf.size).to.equal(located.length);
  });

  it('gives the bounds of the places, or nothing when there are none', () => {
    const { geojson } = resultsToGeoJSON(demoStore(30, 0).results);
    expect(boundsOfResults(geojson)).to.deep.equal([[-1.3, 43.7], [-1.14, 45.66]]);
    expect(boundsOfResults(resultsToGeoJSON(sharedStore().results).geojson)).to.deep.equal([[-0.645, 44.837], [-0.579, 44.843]]);
    expect(boundsOfResults(emptyMapResults().geojson)).to.equal(undefined);
    expect(boundsOfPositions([[2, 48]])).to.deep.equal([[2, 48], [2, 48]]);
  });
});
