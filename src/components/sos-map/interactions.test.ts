import { expect } from '@open-wc/testing';
import { pointClickAction, zoomIntoCluster, type Camera, type ClusterSource } from './interactions.js';

type Move = Parameters<Camera['easeTo']>[0];
function camera(zoom: number, maxZoom = 22): Camera & { moves: Move[] } {
  const moves: Move[] = [];
  return { moves, easeTo: (o) => moves.push(o), getZoom: () => zoom, getMaxZoom: () => maxZoom };
}

describe('map interactions', () => {
  it('a cluster click eases to the expansion zoom given by the source (a Promise in MapLibre 6)', async () => {
    const asked: number[] = [];
    const source: ClusterSource = { getClusterExpansionZoom: async (id) => (asked.push(id), 11) };
    const cam = camera(8.5);
    const zoom = await zoomIntoCluster(source, cam, 42, [-0.57, 44.84], 600);
    expect(zoom).to.equal(11);
    expect(asked).to.deep.equal([42]);
    expect(cam.moves).to.deep.equal([{ center: [-0.57, 44.84], zoom: 11, duration: 600 }]);
  });

  it('a cluster click jumps under reduced motion (duration 0)', async () => {
    const cam = camera(5);
    await zoomIntoCluster({ getClusterExpansionZoom: async () => 9 }, cam, 1, [0, 45], 0);
    expect(cam.moves[0]!.duration).to.equal(0);
  });

  it('a cluster click always zooms in, never past the closest zoom, and does nothing there (no loop)', async () => {
    // An expansion zoom that is not closer than the current one: one level closer instead.
    const stale = camera(13.2);
    expect(await zoomIntoCluster({ getClusterExpansionZoom: async () => 13 }, stale, 1, [0, 45], 0)).to.equal(14.2);
    expect(stale.moves[0]!.zoom).to.equal(14.2);
    // Clamped to the map's closest zoom.
    const near = camera(21.5, 22);
    expect(await zoomIntoCluster({ getClusterExpansionZoom: async () => 21 }, near, 1, [0, 45], 0)).to.equal(22);
    // Already there: no camera move at all.
    const atMax = camera(22, 22);
    expect(await zoomIntoCluster({ getClusterExpansionZoom: async () => 23 }, atMax, 1, [0, 45], 0)).to.equal(undefined);
    expect(atMax.moves).to.deep.equal([]);
  });

  it('a point click selects; a click on the selected point opens its card', () => {
    expect(pointClickAction(undefined, 'a')).to.equal('select');
    expect(pointClickAction('b', 'a')).to.equal('select');
    expect(pointClickAction('a', 'a')).to.equal('open');
    expect(pointClickAction('a', 'a', 1)).to.equal('open');
  });

  it('a click on a point holding several structures lists them, selected or not', () => {
    expect(pointClickAction(undefined, 'a', 3)).to.equal('list');
    expect(pointClickAction('a', 'a', 2)).to.equal('list');
  });
});
