/** A commune as the place of a proximity search. */
import type { Commune } from '../geo/communes.js';
import { communeLabel } from '../geo/commune-label.js';
import { regionOfDepartement } from '../geo/departements.js';
import type { Near } from './criteria.js';

/** `typed`: what the visitor typed, to show the postal code they meant ("33600" → "Pessac (33600)"). */
export function nearCommune(commune: Commune, radiusKm: number, typed = ''): Near {
  return {
    label: communeLabel(commune, typed),
    point: { lat: commune.lat, lon: commune.lon },
    radiusKm,
    department: commune.department,
    insee: commune.insee,
    region: regionOfDepartement(commune.department),
  };
}
