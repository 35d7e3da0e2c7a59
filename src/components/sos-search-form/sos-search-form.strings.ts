/** Every visible string of `<sos-search-form>`, French first. */
export interface SearchFormStrings {
  formLabel: string;
  queryLabel: string;
  submit: string;
  nearLabel: string;
  /** The example under « Près de », from the feed's own towns. */
  nearHint: (town: string, postalCode: string) => string;
  /** The button offering to search near a commune typed in the main box. */
  searchNear: (place: string, km: number) => string;
  /** Said once when a commune typed in the main box is recognised. */
  placeRecognised: (place: string) => string;
  communes: string;
  clearNear: string;
  aroundMe: string;
  locating: string;
  yourPosition: string;
  radiusLabel: string;
  radiusOption: (km: number) => string;
  loadingCommunes: string;
  communesFailed: string;
  noCommune: (typed: string) => string;
  nearChosen: (label: string) => string;
  located: string;
  locateFailed: Record<'denied' | 'unavailable' | 'timeout' | 'unsupported', string>;
  filters: string;
  care: string;
  subcare: string;
  subcareNeedsCare: string;
  departement: string;
  noDepartement: string;
  audience: string;
  age: string;
  setting: string;
  phase: string;
  access: string;
  cost: string;
  pathway: string;
  opening: string;
  /** The legend of the « Avec messagerie sécurisée (MSSanté) » filter. */
  mssante: string;
  more: string;
  /** After a count, for screen readers: "(4 structures)". */
  structures: (n: number) => string;
  /** The badge of a collapsed group: "2 filtres actifs". */
  active: (n: number) => string;
  reset: string;
  resetDone: string;
}

const fr: SearchFormStrings = {
  formLabel: 'Rechercher dans l’annuaire des soins de support',
  queryLabel: 'Rechercher un soin, une structure, une ville',
  submit: 'Rechercher',
  nearLabel: 'Près de (commune ou code postal)',
  nearHint: (town, postalCode) => `Par exemple : ${town} ou ${postalCode}`,
  searchNear: (place, km) => `Rechercher à moins de ${km} km de ${place}`,
  placeRecognised: (place) => `${place} est une commune : le bouton suivant limite la recherche à ses environs.`,
  communes: 'Communes proposées',
  clearNear: 'Effacer la commune',
  aroundMe: 'Autour de moi',
  locating: 'Localisation en cours…',
  yourPosition: 'votre position',
  radiusLabel: 'Dans un rayon de',
  radiusOption: (km) => `${km} km`,
  loadingCommunes: 'Chargement des communes…',
  communesFailed: 'La liste des communes n’a pas pu être chargée. Réessayez plus tard ou utilisez le bouton « Autour de moi ».',
  noCommune: (typed) => `Aucune commune ne correspond à « ${typed} ».`,
  nearChosen: (label) => `Recherche autour de ${label}.`,
  located: 'Position trouvée : recherche autour de vous.',
  locateFailed: {
    denied: 'La localisation a été refusée. Saisissez plutôt une commune ou un code postal.',
    unavailable: 'Votre position n’a pas pu être déterminée. Saisissez plutôt une commune ou un code postal.',
    timeout: 'La localisation a pris trop de temps. Saisissez plutôt une commune ou un code postal.',
    unsupported: 'Ce navigateur ne permet pas la localisation. Saisissez plutôt une commune ou un code postal.',
  },
  filters: 'Filtres',
  care: 'Soin de support',
  subcare: 'Soin précis',
  subcareNeedsCare: 'Choisissez d’abord un soin de support pour voir les soins précis qu’il comprend.',
  departement: 'Département',
  noDepartement: 'Aucun département pour l’instant.',
  audience: 'Public',
  age: 'Âge',
  setting: 'Lieu de prise en charge',
  phase: 'Moment du parcours',
  access: 'Modalités d’accès',
  cost: 'Coût',
  pathway: 'Parcours spécifique',
  opening: 'Ouverture',
  mssante: 'Pour les professionnels',
  more: 'Plus de filtres',
  structures: (n) => (n <= 1 ? ' structure' : ' structures'),
  active: (n) => (n <= 1 ? ' filtre actif' : ' filtres actifs'),
  reset: 'Réinitialiser',
  resetDone: 'Recherche réinitialisée.',
};

/**
 * French here; English in sos-search-form.strings.en.ts, a chunk loaded only when the form speaks
 * English (StoreElement waits for it before rendering): French pages do not carry it.
 */
export const strings: { fr: SearchFormStrings; en?: SearchFormStrings } = { fr };
