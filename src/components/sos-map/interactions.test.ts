import { expect } from '@open-wc/testing';
import { pointClickAction, zoomIntoCluster, type Camera, type ClusterSource } from './interactions.js';

describe('map interactions', () => {
  it('a cluster click eases to the expansion zoom given by the source (a Promise in MapLibre 6)', async () => {
    const asked: number[] = [];
    const source: ClusterSource = { getClusterExpansionZoom: async (id) => (asked.push(id), 11) };
    const moves: Parameters<Camera['easeTo']>[0][] = [];
    const camera: Camera = { easeTo: (o) => moves.push(o) };
    const zoom = await zoomIntoCluster(source, camera, 42, [-0.57, 44.84], 600);
    expect(zoom).to.equal(11);
    expect(asked).to.deep.equal([42]);
    expect(moves).to.deep.equal([{ center: [-0.57, 44.84], zoom: 11, duration: 600 }]);
  });

  it('a cluster click jumps under reduced motion (duration 0)', async () => {
    const moves: Parameters<Camera['easeTo']>[0][] = [];
    await zoomIntoCluster({ getClusterExpansionZoom: async () => 9 }, { easeTo: (o) => moves.push(o) }, 1, [0, 45], 0);
    expect(moves[0]!.duration).to.equal(0);
  });

  it('a point click selects; a click on the selected point opens its card', () => {
    expect(pointClickAction(undefined, 'a')).to.equal('select');
    expect(pointClickAction('b', 'a')).to.equal('select');
    expect(pointClickAction('a', 'a')).to.equal('open');
  });
});
