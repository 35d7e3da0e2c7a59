/**
 * How complete each record is, for the steward: a score out of 100 per structure and overall, what
 * is missing, and what to fix first (what helps a visitor most, weighted by how many structures
 * lack it). A visitor needs first a way to call or write, then to find the place, then when it is
 * open, how to get in, what it costs and what it is.
 */
import type { FeedStructure, GeoPoint } from '../feed/schema.js';
import { distanceKm } from '../feed/location.js';

export type Criterion = 'contact' | 'coordinates' | 'address' | 'hours' | 'access' | 'cost' | 'description';

/** The criteria, most useful first, with their weight (they add up to 100) and French wording. */
export const CRITERIA: readonly { criterion: Criterion; weight: number; label: string }[] = [
  { criterion: 'contact', weight: 25, label: 'téléphone ou courriel' },
  { criterion: 'coordinates', weight: 20, label: 'coordonnées précises (sur la carte, à l’adresse)' },
  { criterion: 'address', weight: 15, label: 'adresse (numéro et rue)' },
  { criterion: 'hours', weight: 10, label: 'horaires d’ouverture' },
  { criterion: 'access', weight: 10, label: 'conditions d’accès des offres (qui peut venir, comment)' },
  { criterion: 'cost', weight: 10, label: 'coût des offres' },
  { criterion: 'description', weight: 10, label: 'description' },
];

export interface Missing {
  criterion: Criterion;
  /** French: what is missing, with a detail when partly there (« 2 offres sur 3 sans coût »). */
  label: string;
  /** Points lost. */
  points: number;
}

export interface StructureQuality {
  id: string;
  name: string;
  /** 0 to 100. */
  score: number;
  /** Most points lost first. */
  missing: Missing[];
}

export interface QualityReport {
  /** Average of the structures' scores (0 with none). */
  overall: number;
  /** Lowest score first, then by name. */
  structures: StructureQuality[];
  /** Per criterion, how many structures lack it (fully or partly) and the points that would bring, most first: what to fix first. */
  criteria: { criterion: Criterion; label: string; structures: number; points: number }[];
}

export interface QualityOptions {
  /** The centre of a structure's commune (from the commune index), to tell a place from its town's centre. */
  communeCentre?: (s: FeedStructure) => GeoPoint | undefined;
}

/** Coordinates given to two decimals at most (±1 km): typed from a map or a town, not geocoded. */
const coarse = (p: GeoPoint) => [p.lat, p.lon].every((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6);

function coordinates(s: FeedStructure, options: QualityOptions): { share: number; detail?: string } {
  if (!s.location) return { share: 0, detail: 'sans coordonnées : absente de la carte' };
  const centre = options.communeCentre?.(s);
  if (centre && distanceKm(centre, s.location) < 0.15) return { share: 0.25, detail: 'placée au centre de sa commune, pas à son adresse' };
  if (coarse(s.location)) return { share: 0.5, detail: 'coordonnées approximatives (deux décimales : à 1 km près)' };
  return { share: 1 };
}

const has = (v: unknown) => typeof v === 'string' ? v.trim() !== '' : v !== undefined && v !== null;

export function structureQuality(s: FeedStructure, options: QualityOptions = {}): StructureQuality {
  const offers = s.offers ?? [];
  const share = (count: number) => (offers.length ? count / offers.length : 0);
  const partly = (count: number, what: string) => (count && count < offers.length ? ` (${offers.length - count} offre${offers.length - count > 1 ? 's' : ''} sur ${offers.length} sans ${what})` : '');
  const withAccess = offers.filter((o) => has(o.access?.length ? o.access : undefined) || has(o.referral) || has(o.howTo?.length ? o.howTo : undefined)).length;
  const withCost = offers.filter((o) => has(o.cost)).length;
  const coords = coordinates(s, options);
  const got: Record<Criterion, { share: number; detail?: string }> = {
    contact: { share: has(s.contact?.phone) || has(s.contact?.email) || offers.some((o) => has(o.contact?.phone) || has(o.contact?.email)) ? 1 : 0 },
    coordinates: coords,
    address: { share: has(s.address?.line) ? 1 : 0 },
    hours: { share: has(s.hours) || has(s.openingHours) ? 1 : 0 },
    access: { share: share(withAccess), detail: partly(withAccess, 'conditions d’accès').trim() || undefined },
    cost: { share: share(withCost), detail: partly(withCost, 'coût').trim() || undefined },
    description: { share: has(s.description) || offers.some((o) => has(o.description)) ? 1 : 0 },
  };
  let score = 0;
  const missing: Missing[] = [];
  for (const c of CRITERIA) {
    const g = got[c.criterion];
    score += c.weight * g.share;
    if (g.share < 1) missing.push({ criterion: c.criterion, label: g.detail ? `${c.label} : ${g.detail.replace(/^\(|\)$/g, '')}` : c.label, points: Math.round(c.weight * (1 - g.share) * 10) / 10 });
  }
  missing.sort((a, b) => b.points - a.points);
  return { id: s.id, name: s.name, score: Math.round(score), missing };
}

export function quality(structures: readonly FeedStructure[], options: QualityOptions = {}): QualityReport {
  const list = structures.map((s) => structureQuality(s, options));
  const overall = list.length ? Math.round(list.reduce((n, q) => n + q.score, 0) / list.length) : 0;
  const criteria = CRITERIA.map((c) => {
    const lacking = list.map((q) => q.missing.find((m) => m.criterion === c.criterion)).filter((m): m is Missing => !!m);
    return { criterion: c.criterion, label: c.label, structures: lacking.length, points: Math.round(lacking.reduce((n, m) => n + m.points, 0) * 10) / 10 };
  }).filter((c) => c.structures).sort((a, b) => b.points - a.points);
  list.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name, 'fr'));
  return { overall, structures: list, criteria };
}
