/**
 * Every filter of the directory, declared once. The criteria (`Filters`), the index's columns,
 * the search's constraints and counts, the form's controls, the integrator's preset attributes on
 * `<sos-annuaire>` (`care="nutrition"`, `lock`) and the strings' keys all follow this list: adding
 * a filter is an entry here, its legend in the form's strings and its name in the list's "what
 * excludes everything" strings (TypeScript asks for both), and an `@attr` line in
 * `<sos-annuaire>`'s documentation (a test asks for it).
 */
import type { Offer } from '../feed/schema.js';
import { ACCESS, AGES, AUDIENCES, COSTS, PATHWAYS, PHASES, SETTINGS, type Label } from '../feed/taxonomy.js';

interface FilterBase {
  /** Criteria key, preset attribute of `<sos-annuaire>`, and URL key. */
  name: string;
  /** 1: shown at once; 2: under « Plus de filtres ». */
  level: 1 | 2;
}

/** The care category (a column of its own), the finer care, the structure's département. */
interface SpecialFilter extends FilterBase {
  kind: 'care' | 'subcare' | 'department';
}

/**
 * « Ouvert aujourd'hui »: from the offer's (or its structure's) opening hours and closure, in
 * Paris time, computed by the opening-hours chunk once per day and search (see search.ts).
 */
interface OpenFilter extends FilterBase {
  kind: 'open';
  codes: readonly ['today'];
  labels: Readonly<Record<'today', Label>>;
}

/**
 * « Avec messagerie sécurisée (MSSanté) », for professionals: the offer's own contact or its
 * structure's has an MSSanté address (a column of the index, built once: see search-index.ts).
 */
interface MssanteFilter extends FilterBase {
  kind: 'mssante';
  codes: readonly ['oui'];
  labels: Readonly<Record<'oui', Label>>;
}

/** An enumeration of the offer (audiences, ages…): one bit mask column. */
interface MaskFilter extends FilterBase {
  kind: 'mask';
  /** Its codes (the bit order) and labels, from the taxonomy. */
  codes: readonly string[];
  labels: Readonly<Record<string, Label>>;
  /** The offer's field holding its codes (a list, or a single code for `cost`). */
  field: MaskField;
  /** An offer that lists none matches every option (FEED-SPEC: absent ages and phases = all). */
  absentMeansAll?: boolean;
  /** The options the form offers, when not all codes (a preset may still select another). */
  offered?: readonly string[];
}

export type FilterDef = SpecialFilter | MaskFilter | OpenFilter | MssanteFilter;

/** Offer fields holding enumeration codes. */
type MaskField = { [K in keyof Offer]-?: NonNullable<Offer[K]> extends readonly string[] | string ? K : never }[keyof Offer];

const mask = <const N extends string>(
  name: N, level: 1 | 2, e: { codes: readonly string[]; labels: Readonly<Record<string, Label>> },
  field: MaskField, extra: Pick<MaskFilter, 'absentMeansAll' | 'offered'> = {},
) => ({ name, level, kind: 'mask', ...e, field, ...extra }) as const;

/** In this order: the form's, and the order of the search's constraint bits. */
export const FILTERS = [
  { name: 'care', level: 1, kind: 'care' },
  { name: 'subcare', level: 2, kind: 'subcare' },
  { name: 'departement', level: 1, kind: 'department' },
  mask('audience', 1, AUDIENCES, 'audiences'),
  mask('age', 2, AGES, 'ages', { absentMeansAll: true }),
  mask('setting', 2, SETTINGS, 'settings'),
  mask('phase', 2, PHASES, 'phases', { absentMeansAll: true }),
  mask('access', 2, ACCESS, 'access'),
  // Only "free" is a useful choice for visitors; a preset may select another cost.
  mask('cost', 2, COSTS, 'cost', { offered: ['gratuit'] }),
  mask('pathway', 2, PATHWAYS, 'pathways'),
  { name: 'opening', level: 2, kind: 'open', codes: ['today'], labels: { today: { fr: 'Ouvert aujourd’hui', en: 'Open today' } } },
  { name: 'mssante', level: 2, kind: 'mssante', codes: ['oui'], labels: { oui: { fr: 'Avec messagerie sécurisée (MSSanté)', en: 'With secure messaging (MSSanté)' } } },
] as const satisfies readonly FilterDef[];

export type FilterName = (typeof FILTERS)[number]['name'];
export type MaskedFilter = Extract<(typeof FILTERS)[number], { kind: 'mask' }>['name'];

export const FILTER_NAMES: readonly FilterName[] = FILTERS.map((f) => f.name);

/** The enumeration filters, each a bit mask column of the index. */
export const MASK_FILTERS: readonly (MaskFilter & { name: MaskedFilter })[] = FILTERS.filter((f): f is Extract<(typeof FILTERS)[number], { kind: 'mask' }> => f.kind === 'mask');

/** Filters where an offer that lists nothing means "all" (FEED-SPEC: absent ages/phases = all). */
export const ABSENT_MEANS_ALL: ReadonlySet<string> = new Set<string>(MASK_FILTERS.filter((f) => f.absentMeansAll).map((f) => f.name));

export function filterDef(name: FilterName): FilterDef {
  return FILTERS.find((f) => f.name === name)!;
}
