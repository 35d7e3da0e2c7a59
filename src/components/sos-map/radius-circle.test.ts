import { expect } from '@open-wc/testing';
import { distanceKm } from '../../feed/location.js';
import { circleBounds, circlePolygon, nearShapes } from './radius-circle.js';

describe('radius circle', () => {
  const pessac = { lat: 44.806, lon: -0.631 };

  it('is a closed ring of 64 segments, every vertex at the radius', () => {
    const circle = circlePolygon(pessac, 20);
    const ring = circle.geometry.coordinates[0]!;
    expect(ring).to.have.length(65);
    expect(ring[0]).to.deep.equal(ring[64]);
    for (const [lon, lat] of ring) expect(distanceKm(pessac, { lat: lat!, lon: lon! })).to.be.closeTo(20, 0.01);
    expect(circle.properties.radiusKm).to.equal(20);
  });

  it('has bounds about 2 × radius tall, wider in degrees of longitude', () => {
    const [[w, s], [e, n]] = circleBounds(circlePolygon(pessac, 10))!;
    expect((n - s) * 111.2).to.be.closeTo(20, 0.2);
    expect(e - w).to.be.greaterThan(n - s);
    expect((w + e) / 2).to.be.closeTo(pessac.lon, 1e-3);
  });

  it('gives the search point and its circle for criteria.near', () => {
    const shapes = nearShapes({ label: 'Pessac (33600)', point: pessac, radiusKm: 5 });
    expect(shapes.point.geometry.coordinates).to.deep.equal([-0.631, 44.806]);
    expect(shapes.point.properties.label).to.equal('Pessac (33600)');
    expect(shapes.circle.properties.radiusKm).to.equal(5);
  });
});
