/** What a visitor (or an integrator's presets) asks of the directory. */
import type { GeoPoint } from '../feed/schema.js';
import { FILTER_NAMES, type FilterName } from './filters.js';

export { FILTER_NAMES, type FilterName };

/** Multi-select filters (see filters.ts): OR inside a filter, AND across filters. */
export type Filters = Record<FilterName, string[]>;

export interface Near {
  /** What the visitor chose, for messages: "Pessac (33600)" or "votre position". */
  label: string;
  point: GeoPoint;
  radiusKm: number;
  /** Département of the point, when known (home and remote offers are listed where they serve). */
  department?: string;
  /** INSEE code of the commune chosen (an offer's `serviceArea.communes`). */
  insee?: string;
  /** INSEE region code of the point (remote offers serve their publisher's region by default). */
  region?: string;
}

export interface Criteria {
  query: string;
  filters: Filters;
  near?: Near;
}

export const RADII_KM = [5, 10, 20, 50] as const;
export const DEFAULT_RADIUS_KM = 20;

export function emptyFilters(): Filters {
  return Object.fromEntries(FILTER_NAMES.map((f) => [f, []])) as unknown as Filters;
}

export function emptyCriteria(): Criteria {
  return { query: '', filters: emptyFilters() };
}

export function activeFilters(filters: Filters): FilterName[] {
  return FILTER_NAMES.filter((f) => filters[f].length > 0);
}
