/**
 * Coverage of the region, for the report to the ARS: a table département × category (structures
 * and offers), and per category the communes of the region farther than 20 km from any offer
 * (« zones blanches »).
 *
 * A commune is covered for a category by an offer given on site (`etablissement`, `ville`) at a
 * structure within the radius of its centre, or by an offer at home (`domicile`) whose area holds
 * it (its départements, communes or radius; by default the structure's département). Remote
 * offers (`distance`) reach everyone and cover no place: they are counted apart, so a category
 * served only from a distance still shows its white zones.
 *
 * The communes (centre, département) are given by the caller: the commune index of src/geo, loaded
 * on demand (it weighs 270 kB gzip), or any list.
 */
import { departmentFromInsee, departmentFromPostalCode, distanceKm } from '../feed/location.js';
import type { FeedStructure, GeoPoint } from '../feed/schema.js';
import { CATEGORIES } from '../feed/taxonomy.js';
import { DEPARTEMENTS } from '../geo/departements.js';
import { departementsOfRegion } from '../geo/regions.js';
import type { Table } from './table.js';

export interface CoverageCommune {
  insee: string;
  name: string;
  lat: number;
  lon: number;
  department: string;
}

export interface CoverageOptions {
  communes: readonly CoverageCommune[];
  /** The départements reported on; default: the publisher's region's, else those of the structures. */
  departments?: readonly string[];
  /** INSEE region code (the feed's `publisher.region`), for the default départements. */
  region?: string;
  /** Default 20. */
  radiusKm?: number;
}

export interface CoverageCell {
  department: string;
  departmentName: string;
  care: string;
  careLabel: string;
  /** Structures of the département with at least one offer of the category; their offers of it. */
  structures: number;
  offers: number;
  /** Of which remote only (`distance`, no other setting). */
  remoteOffers: number;
  /** Communes of the département farther than the radius from any offer of the category. */
  whiteCommunes: number;
  communes: number;
}

export interface WhiteCommune {
  insee: string;
  name: string;
  department: string;
  /** Distance to the nearest offer on site of the category (anywhere), rounded to the km; null when there is none. */
  nearestKm: number | null;
}

export interface Coverage {
  departments: string[];
  radiusKm: number;
  cells: CoverageCell[];
  whiteZones: { care: string; careLabel: string; communes: WhiteCommune[] }[];
}

const ON_SITE = new Set(['etablissement', 'ville']);

/** Points bucketed in cells of about 20 km, to find the ones near a place without a scan of all. */
class Grid {
  private readonly cells = new Map<string, GeoPoint[]>();
  readonly points: GeoPoint[] = [];
  constructor(private readonly step = 0.2) {}
  private key(lat: number, lon: number) {
    return `${Math.floor(lat / this.step)}:${Math.floor(lon / (this.step * 1.5))}`;
  }
  add(p: GeoPoint) {
    this.points.push(p);
    const k = this.key(p.lat, p.lon);
    const list = this.cells.get(k);
    if (list) list.push(p);
    else this.cells.set(k, [p]);
  }
  /** True when a point lies within `km` of `p` (km up to about 20). */
  near(p: GeoPoint, km: number): boolean {
    const i = Math.floor(p.lat / this.step), j = Math.floor(p.lon / (this.step * 1.5));
    const reach = Math.ceil(km / 20);
    for (let a = -reach; a <= reach; a++) {
      for (let b = -reach; b <= reach; b++) {
        for (const q of this.cells.get(`${i + a}:${j + b}`) ?? []) if (distanceKm(p, q) <= km) return true;
      }
    }
    return false;
  }
  nearest(p: GeoPoint): number | null {
    let best = Infinity;
    for (const q of this.points) best = Math.min(best, distanceKm(p, q));
    return Number.isFinite(best) ? Math.round(best) : null;
  }
}

const departmentOf = (s: FeedStructure): string =>
  s.department ?? (s.address?.insee ? departmentFromInsee(s.address.insee) : departmentFromPostalCode(s.address?.postalCode ?? ''));

export function coverage(structures: readonly FeedStructure[], options: CoverageOptions): Coverage {
  const radiusKm = options.radiusKm ?? 20;
  const departments = [...(options.departments?.length ? options.departments
    : options.region && departementsOfRegion(options.region).length ? departementsOfRegion(options.region)
      : new Set(structures.map(departmentOf)))].sort();
  const inRegion = new Set(departments);
  const communes = options.communes.filter((c) => inRegion.has(c.department));

  const cells = new Map<string, CoverageCell>();
  for (const d of departments) {
    const count = communes.filter((c) => c.department === d).length;
    for (const c of CATEGORIES) {
      cells.set(`${d}|${c.code}`, { department: d, departmentName: DEPARTEMENTS[d] ?? d, care: c.code, careLabel: c.label.fr, structures: 0, offers: 0, remoteOffers: 0, whiteCommunes: 0, communes: count });
    }
  }
  const places = new Map<string, Grid>(CATEGORIES.map((c) => [c.code, new Grid()]));
  /** Per category, communes (INSEE) reached at home, and home offers' areas by département or radius. */
  const home = new Map<string, { departments: Set<string>; communes: Set<string>; circles: { at: GeoPoint; km: number }[] }>(
    CATEGORIES.map((c) => [c.code, { departments: new Set(), communes: new Set(), circles: [] }]),
  );
  // A structure without coordinates counts at its commune's centre (as the widget places it).
  const centres = new Map(options.communes.map((c) => [c.insee, c]));
  for (const s of structures) {
    const dep = departmentOf(s);
    const at: GeoPoint | undefined = s.location ?? (s.address?.insee ? centres.get(s.address.insee) : undefined);
    const counted = new Set<string>();
    for (const o of s.offers ?? []) {
      const cell = cells.get(`${dep}|${o.care}`);
      if (cell) {
        cell.offers++;
        if (!counted.has(o.care)) {
          cell.structures++;
          counted.add(o.care);
        }
        if (o.settings?.length && o.settings.every((x) => x === 'distance')) cell.remoteOffers++;
      }
      if (at && o.settings?.some((x) => ON_SITE.has(x))) places.get(o.care)?.add(at);
      if (o.settings?.includes('domicile')) {
        const h = home.get(o.care);
        if (!h) continue;
        const area = o.serviceArea;
        if (!area || (!area.departments?.length && !area.communes?.length && area.radiusKm === undefined)) h.departments.add(dep);
        for (const d of area?.departments ?? []) h.departments.add(d);
        for (const c of area?.communes ?? []) h.communes.add(c);
        if (area?.radiusKm !== undefined && at) h.circles.push({ at, km: area.radiusKm });
      }
    }
  }

  const whiteZones: Coverage['whiteZones'] = [];
  for (const c of CATEGORIES) {
    const grid = places.get(c.code)!;
    const h = home.get(c.code)!;
    const white: WhiteCommune[] = [];
    for (const commune of communes) {
      if (h.departments.has(commune.department) || h.communes.has(commune.insee)) continue;
      if (h.circles.some((x) => distanceKm(x.at, commune) <= x.km)) continue;
      if (grid.near(commune, radiusKm)) continue;
      white.push({ insee: commune.insee, name: commune.name, department: commune.department, nearestKm: grid.nearest(commune) });
      const cell = cells.get(`${commune.department}|${c.code}`);
      if (cell) cell.whiteCommunes++;
    }
    white.sort((a, b) => a.department.localeCompare(b.department) || a.name.localeCompare(b.name, 'fr'));
    whiteZones.push({ care: c.code, careLabel: c.label.fr, communes: white });
  }
  return { departments, radiusKm, cells: [...cells.values()], whiteZones };
}

/** The département × category table, one row per pair (for a pivot table), French headers. */
export function coverageTable(c: Coverage): Table {
  const header = ['departement', 'nom_departement', 'soin', 'libelle_soin', 'structures', 'offres', 'offres_a_distance_seulement', 'communes', `communes_a_plus_de_${c.radiusKm}_km`];
  const rows = c.cells.map((x, i) => ({
    row: i + 2,
    cells: [x.department, x.departmentName, x.care, x.careLabel, String(x.structures), String(x.offers), String(x.remoteOffers), String(x.communes), String(x.whiteCommunes)],
  }));
  return { header, rows };
}

/** The white zones, one row per commune and category. */
export function whiteZonesTable(c: Coverage): Table {
  const header = ['soin', 'libelle_soin', 'departement', 'code_insee', 'commune', 'offre_sur_place_la_plus_proche_km'];
  const rows = c.whiteZones.flatMap((z) => z.communes.map((w) => [z.care, z.careLabel, w.department, w.insee, w.name, w.nearestKm === null ? '' : String(w.nearestKm)]))
    .map((cells, i) => ({ row: i + 2, cells }));
  return { header, rows };
}
