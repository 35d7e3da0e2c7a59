/**
 * Link-outs to route planners for a structure. Links only: no map tiles, no request leaves the
 * page until the visitor follows one. Built from the coordinates when the feed has them (exact),
 * else from the address text; every part is URL-encoded and the result goes through safeHref().
 */
import type { Address, GeoPoint } from '../../feed/schema.js';
import { safeHref } from '../../feed/sanitize.js';

export interface DirectionsLink {
  /** Service name, shown as the link text (a brand: not translated). */
  service: string;
  href: string;
}

/** "1 rue de la Paix, 33000 Bordeaux" — also what the card shows. */
export function addressText(address: Address): string {
  return [address.line, `${address.postalCode} ${address.city}`].filter(Boolean).join(', ');
}

/**
 * The street address when the record has one (coordinates in feeds are often a building's
 * centre or a commune's, the address leads to the door); else the coordinates; else the town.
 */
export function directionsLinks(address: Address, location?: GeoPoint): DirectionsLink[] {
  const e = encodeURIComponent;
  const text = `${addressText(address)}, France`;
  const view = location ? `#map=17/${location.lat}/${location.lon}` : '';
  const point = location ? `${location.lat},${location.lon}` : undefined;
  const candidates: [string, string][] = address.line || !point
    ? [
        ['OpenStreetMap', `https://www.openstreetmap.org/directions?to=${e(text)}${view}`],
        ['Google Maps', `https://www.google.com/maps/dir/?api=1&destination=${e(text)}`],
        ['Apple Plans', `https://maps.apple.com/?daddr=${e(text)}`],
      ]
    : [
        ['OpenStreetMap', `https://www.openstreetmap.org/directions?route=${e(`;${point}`)}${view}`],
        ['Google Maps', `https://www.google.com/maps/dir/?api=1&destination=${e(point)}`],
        ['Apple Plans', `https://maps.apple.com/?daddr=${e(point)}&q=${e(addressText(address))}`],
      ];
  return candidates.flatMap(([service, url]) => {
    const href = safeHref(url, 'web');
    return href ? [{ service, href }] : [];
  });
}
