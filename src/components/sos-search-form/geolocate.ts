/**
 * "Autour de moi": the visitor's position, asked only when they click (browsers require a user
 * gesture for the permission prompt, and asking on page load is hostile), with failures reduced to
 * the four cases a visitor can understand.
 */
import type { GeoPoint } from '../../feed/schema.js';
import type { Commune, CommuneIndex } from '../../geo/communes.js';

export type LocateFailure = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

export class LocateError extends Error {
  constructor(readonly reason: LocateFailure) {
    super(`geolocation: ${reason}`);
  }
}

const TIMEOUT_MS = 15000;
/** Some browsers never answer when the prompt is dismissed ("Not now"): give up a little later. */
const GRACE_MS = 5000;

/** The current position, or a `LocateError`. */
export function locate(timeoutMs = TIMEOUT_MS): Promise<GeoPoint> {
  const geo = typeof navigator === 'undefined' ? undefined : navigator.geolocation;
  if (!geo || typeof geo.getCurrentPosition !== 'function') return Promise.reject(new LocateError('unsupported'));
  return new Promise<GeoPoint>((resolve, reject) => {
    const guard = setTimeout(() => reject(new LocateError('timeout')), timeoutMs + GRACE_MS);
    geo.getCurrentPosition(
      (position) => {
        clearTimeout(guard);
        resolve({ lat: position.coords.latitude, lon: position.coords.longitude });
      },
      (error) => {
        clearTimeout(guard);
        // GeolocationPositionError codes: 1 permission denied, 2 position unavailable, 3 timeout.
        reject(new LocateError(error.code === 1 ? 'denied' : error.code === 3 ? 'timeout' : 'unavailable'));
      },
      { enableHighAccuracy: false, timeout: timeoutMs, maximumAge: 10 * 60 * 1000 },
    );
  });
}

/** The commune whose centroid is nearest (for the département of a GPS position). */
export function nearestCommune(index: CommuneIndex, point: GeoPoint): Commune | undefined {
  const cos = Math.cos((point.lat * Math.PI) / 180);
  let best: Commune | undefined;
  let bestD = Infinity;
  for (const c of index.communes) {
    const dx = (c.lon - point.lon) * cos;
    const dy = c.lat - point.lat;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  // Farther than ~50 km from any French commune: not in France, no département.
  return bestD < 0.2 ? best : undefined;
}
