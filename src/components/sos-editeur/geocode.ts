/**
 * Coordinates from addresses, through the national address geocoder (Base Adresse Nationale) and
 * its batch endpoint: one POST of a CSV file of addresses (multipart, field `data`), one CSV back
 * with `latitude`, `longitude`, `result_score` (0 to 1), `result_label`, `result_type` added to
 * each line. The URL is configurable (`geocoder-url`): a DSRC may run its own addok, and tests
 * use a local stand-in. Only the addresses are sent: id, street, postal code, commune, INSEE code.
 */
import { parseRecords, writeCsv } from '../../publish/csv.js';
import type { GeocoderStrings } from './sos-editeur.strings.js';

/** Below this score a match is shown for a look and not applied by itself. */
export const WEAK_SCORE = 0.6;

export interface AddressToFind {
  id: string;
  line: string;
  postalCode: string;
  city: string;
  insee?: string;
}

export interface GeocodeResult {
  id: string;
  /** Absent when nothing was found. */
  lat?: number;
  lon?: number;
  score: number;
  /** The address found, as the geocoder writes it. */
  label: string;
  /** `housenumber`, `street`, `locality`, `municipality`. */
  type: string;
  weak: boolean;
}

export class GeocodeError extends Error {
  override readonly name = 'GeocodeError';
}

/** The CSV file sent: one line per address, comma-separated, UTF-8. */
export function addressesCsv(addresses: readonly AddressToFind[]): string {
  return writeCsv(['id', 'adresse', 'code_postal', 'commune', 'code_insee'], addresses.map((a) => [a.id, a.line, a.postalCode, a.city, a.insee ?? '']), ',');
}

/** The geocoder's CSV answer → one result per id (`say` words the error of an answer without the columns). */
export function readResults(text: string, say: GeocoderStrings): Map<string, GeocodeResult> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const [header = [], ...rows] = parseRecords(body, delimiter);
  const col = (name: string) => header.indexOf(name);
  const [id, lat, lon, score, label, type] = ['id', 'latitude', 'longitude', 'result_score', 'result_label', 'result_type'].map(col);
  if (id! < 0 || lat! < 0 || lon! < 0 || score! < 0) throw new GeocodeError(say.columns);
  const out = new Map<string, GeocodeResult>();
  for (const r of rows) {
    const key = r[id!]?.trim();
    if (!key) continue;
    const y = Number.parseFloat(r[lat!] ?? '');
    const x = Number.parseFloat(r[lon!] ?? '');
    const s = Number.parseFloat(r[score!] ?? '');
    const found = Number.isFinite(y) && Number.isFinite(x);
    const sc = Number.isFinite(s) ? s : 0;
    out.set(key, {
      id: key,
      ...(found ? { lat: Math.round(y * 1e6) / 1e6, lon: Math.round(x * 1e6) / 1e6 } : {}),
      score: sc,
      label: (label! >= 0 ? r[label!] : '') ?? '',
      type: (type! >= 0 ? r[type!] : '') ?? '',
      weak: !found || sc < WEAK_SCORE,
    });
  }
  return out;
}

/**
 * Sends the addresses, returns what was found (one entry per address; score 0 when nothing).
 * Only an http or https geocoder is asked: any other scheme in `geocoder-url` is a mistake, said as such.
 */
export async function geocode(url: string, addresses: readonly AddressToFind[], say: GeocoderStrings, signal?: AbortSignal): Promise<Map<string, GeocodeResult>> {
  let endpoint: URL;
  try {
    endpoint = new URL(url, document.baseURI);
  } catch {
    throw new GeocodeError(say.badUrl(url));
  }
  if (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:') throw new GeocodeError(say.badUrl(url));
  const form = new FormData();
  form.append('data', new Blob([addressesCsv(addresses)], { type: 'text/csv;charset=utf-8' }), 'adresses.csv');
  for (const c of ['adresse', 'code_postal', 'commune']) form.append('columns', c);
  form.append('citycode', 'code_insee');
  let res: Response;
  try {
    res = await fetch(endpoint.href, { method: 'POST', body: form, signal });
  } catch {
    throw new GeocodeError(say.unreachable(endpoint.host));
  }
  if (!res.ok) throw new GeocodeError(say.httpStatus(endpoint.host, res.status));
  const results = readResults(await res.text(), say);
  for (const a of addresses) if (!results.has(a.id)) results.set(a.id, { id: a.id, score: 0, label: '', type: '', weak: true });
  return results;
}
