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

export function directionsLinks(address: Address, location?: GeoPoint): DirectionsLink[] {
  const e = encodeURIComponent;
  const point = location ? `${location.lat},${location.lon}` : undefined;
  const text = `${addressText(address)}, France`;
  const candidates: [string, string][] = point
    ? [
        ['OpenStreetMap', `https://www.openstreetmap.org/directions?route=${e(`;${point}`)}#map=17/${location!.lat}/${location!.lon}`],
        ['Google Maps', `https://www.google.com/maps/dir/?api=1&destination=${e(point)}`],
        ['Apple Plans', `https://maps.apple.com/?daddr=${e(point)}&q=${e(addressText(address))}`],
      ]
    : [
        ['OpenStreetMap', `https://www.openstreetmap.org/search?query=${e(text)}`],
        ['Google Maps', `https://www.google.com/maps/dir/?api=1&destination=${e(text)}`],
        ['Apple Plans', `https://maps.apple.com/?daddr=${e(text)}`],
      ];
  return candidates.flatMap(([service, url]) => {
    const href = safeHref(url, 'web');
    return href ? [{ service, href }] : [];
  });
}
