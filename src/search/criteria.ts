/** What a visitor (or an integrator's presets) asks of the directory. */
import type { GeoPoint } from '../feed/schema.js';

/** Multi-select filters: OR inside a filter, AND across filters. */
export interface Filters {
  care: string[];
  subcare: string[];
  departement: string[];
  audience: string[];
  age: string[];
  setting: string[];
  phase: string[];
  access: string[];
  cost: string[];
  pathway: string[];
}

export type FilterName = keyof Filters;

export const FILTER_NAMES: readonly FilterName[] = [
  'care', 'subcare', 'departement', 'audience', 'age', 'setting', 'phase', 'access', 'cost', 'pathway',
];

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
  return { care: [], subcare: [], departement: [], audience: [], age: [], setting: [], phase: [], access: [], cost: [], pathway: [] };
}

export function emptyCriteria(): Criteria {
  return { query: '', filters: emptyFilters() };
}

export function activeFilters(filters: Filters): FilterName[] {
  return FILTER_NAMES.filter((f) => filters[f].length > 0);
}
