/** Where a structure is (feed data, not the commune index of src/geo/): département from INSEE or postal codes, plausibility of coordinates, distances. */
import type { GeoPoint } from './schema.js';

/** Département from an INSEE commune code (`33063` → `33`, `2A004` → `2A`, `97411` → `974`). */
export function departmentFromInsee(insee: string): string {
  return insee.startsWith('97') ? insee.slice(0, 3) : insee.slice(0, 2);
}

/** Département from a postal code; Corsica's 20xxx splits at 20200 (a good rule, rare exceptions). */
export function departmentFromPostalCode(cp: string): string {
  if (cp.startsWith('97')) return cp.slice(0, 3);
  if (cp.startsWith('20')) return Number(cp) < 20200 ? '2A' : '2B';
  return cp.slice(0, 2);
}

interface Box {
  name: string;
  south: number; north: number; west: number; east: number;
}

// Generous boxes: metropolitan France with Corsica, and the five overseas départements.
const FRANCE: readonly Box[] = [
  { name: 'métropole', south: 41.2, north: 51.2, west: -5.3, east: 9.7 },
  { name: 'Guadeloupe', south: 15.8, north: 16.6, west: -61.9, east: -60.9 },
  { name: 'Martinique', south: 14.35, north: 14.95, west: -61.3, east: -60.75 },
  { name: 'Guyane', south: 2.0, north: 5.9, west: -54.7, east: -51.5 },
  { name: 'La Réunion', south: -21.45, north: -20.85, west: 55.2, east: 55.9 },
  { name: 'Mayotte', south: -13.1, north: -12.6, west: 44.95, east: 45.35 },
];

export function inFrance(p: GeoPoint): boolean {
  return FRANCE.some((b) => p.lat >= b.south && p.lat <= b.north && p.lon >= b.west && p.lon <= b.east);
}

/** Why a point cannot be mapped, in French, or undefined when it is plausible. */
export function locationProblem(p: GeoPoint): string | undefined {
  if (inFrance(p)) return undefined;
  if (inFrance({ lat: p.lon, lon: p.lat })) return `latitude et longitude inversées ? (lat ${p.lat}, lon ${p.lon})`;
  return `coordonnées hors de France (lat ${p.lat}, lon ${p.lon})`;
}

const R = 6371.0088;
const rad = Math.PI / 180;

/** Great-circle distance in km. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}
