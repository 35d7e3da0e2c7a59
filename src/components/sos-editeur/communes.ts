/**
 * The commune index (≈ 270 kB gzip, the widget's own lazy chunk), loaded when a step needs it:
 * « Localiser » and « Qualité » (is a structure at its commune's centre?), « Couverture » (the
 * communes of the region). The view that asked is drawn again when it arrives.
 */
import type { GeoPoint } from '../../feed/schema.js';
import type { FeedStructure } from '../../feed/schema.js';
import type { Commune, CommuneIndex } from '../../geo/communes.js';
import { loadCommunesModule, type CommunesModule } from '../../state/chunks.js';

let index: CommuneIndex | undefined;
let geo: CommunesModule | undefined;
let loading: Promise<void> | undefined;

/** The index when loaded; otherwise starts loading it and asks `host` to update when it arrives. */
export function communeIndex(host: { requestUpdate(): void; say(text: string, error?: boolean): void; readonly t: { communesFailed: string } }): CommuneIndex | undefined {
  if (!index && !loading) {
    loading = loadCommunesModule().then((m) => (geo = m).loadCommunes()).then((i) => {
      index = i;
      host.requestUpdate();
    }, () => {
      loading = undefined;
      host.say(host.t.communesFailed, true);
    });
  }
  return index;
}

/** The structure's commune: by INSEE code, else by postal code and name. */
export function communeOf(i: CommuneIndex, s: FeedStructure): Commune | undefined {
  if (!geo) return undefined;
  if (s.address.insee) return geo.communeByInsee(i, s.address.insee);
  const name = geo.normalizeCommuneName(s.address.city);
  for (const k of i.byCode.get(s.address.postalCode) ?? []) {
    const c = i.entries[k]!.commune;
    if (geo.normalizeCommuneName(c.name) === name) return c;
  }
  return undefined;
}

/** The centre of the structure's commune, for the quality score (undefined until the index is there). */
export const communeCentre = (i: CommuneIndex | undefined) => (s: FeedStructure): GeoPoint | undefined => {
  const c = i ? communeOf(i, s) : undefined;
  return c ? { lat: c.lat, lon: c.lon } : undefined;
};
