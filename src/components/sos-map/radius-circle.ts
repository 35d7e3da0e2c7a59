/** The proximity search drawn on the map: a polygon approximating the radius circle. Pure. */
import type { Feature, Polygon } from 'geojson';
import type { GeoPoint } from '../../feed/schema.js';
import type { Bounds, NearShapes } from './map-view-api.js';
import type { Near } from '../../search/criteria.js';
import { boundsOfPositions } from './results-geojson.js';

/** Same Earth radius as the distances in the list (src/feed/location.ts). */
const EARTH_KM = 6371.0088;
const rad = Math.PI / 180;

/**
 * A closed ring of `steps` + 1 positions at `radiusKm` (great-circle) around `center`, so the
 * circle matches the list's "within N km" exactly, including its slight north–south stretch on
 * a Mercator map.
 */
export function circlePolygon(center: GeoPoint, radiusKm: number, steps = 64): Feature<Polygon, { radiusKm: number }> {
  const lat1 = center.lat * rad;
  const lon1 = center.lon * rad;
  const d = radiusKm / EARTH_KM;
  const ring: [number, number][] = [];
  for (let i = 0; i < steps; i++) {
    const bearing = (i / steps) * 2 * Math.PI;
    const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing));
    const lon2 = lon1 + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
    ring.push([round(lon2 / rad), round(lat2 / rad)]);
  }
  ring.push([...ring[0]!]);
  return { type: 'Feature', properties: { radiusKm }, geometry: { type: 'Polygon', coordinates: [ring] } };
}

export function nearShapes(near: Near): NearShapes {
  return {
    point: { type: 'Feature', properties: { label: near.label }, geometry: { type: 'Point', coordinates: [near.point.lon, near.point.lat] } },
    circle: circlePolygon(near.point, near.radiusKm),
  };
}

export function circleBounds(circle: Feature<Polygon>): Bounds | undefined {
  return boundsOfPositions(circle.geometry.coordinates[0] ?? []);
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
