import type { Lang } from '../../i18n/format.js';
import { formatCount, formatDate, formatKm, plural } from '../../i18n/format.js';

export interface ListStrings {
  counts(structures: number, offers: number): string;
  loading: string;
  heading: string;
  sortedByName: string;
  sortedByDistance(place: string): string;
  nearGroup(km: number, place: string): string;
  remoteGroup: string;
  remoteGroupHint: string;
  distance(km: number): string;
  verified(date: string): string;
  free: string;
  notMapped: string;
  showMore(shown: number, total: number): string;
  open(name: string): string;
  stale(date: string): string;
  partial(n: number): string;
  technical: string;
  noResult: string;
  relaxIntro: string;
  relax: Record<string, string>;
  relaxCount(n: number): string;
  widen(km: number): string;
  reset: string;
  nearest(km: number): string;
  noData: string;
}

export const strings: Record<Lang, ListStrings> = {
  fr: {
    counts: (s, o) => `${plural(s, 'fr', 'structure', 'structures')}, ${plural(o, 'fr', 'offre', 'offres')}`,
    loading: "Chargement de l'annuaire…",
    heading: 'Résultats',
    sortedByName: 'Triées par nom',
    sortedByDistance: (place) => `Triées par distance depuis ${place}`,
    nearGroup: (km, place) => `À moins de ${formatKm(km, 'fr')} de ${place}`,
    remoteGroup: 'À domicile ou à distance',
    remoteGroupHint: 'Ces offres viennent à vous (visites à domicile) ou se font à distance (téléphone, visio) : elles ne sont pas triées par distance.',
    distance: (km) => `à ${formatKm(km, 'fr')}`,
    verified: (d) => `Vérifié le ${formatDate(d, 'fr')}`,
    free: 'Gratuit',
    notMapped: 'non placée sur la carte',
    showMore: (shown, total) => `Afficher plus de résultats (${formatCount(shown, 'fr')} sur ${formatCount(total, 'fr')})`,
    open: (name) => `Voir la fiche : ${name}`,
    stale: (date) => `Données du ${formatDate(date, 'fr')} (le serveur de l'annuaire ne répond pas).`,
    partial: (n) => `${n} source${n > 1 ? 's' : ''} de l'annuaire n'${n > 1 ? 'ont' : 'a'} pas pu être chargée${n > 1 ? 's' : ''}.`,
    technical: 'Détails techniques (pour le webmestre)',
    noResult: 'Aucune structure ne correspond à votre recherche.',
    relaxIntro: 'Ces critères excluent tous les résultats :',
    relax: {
      query: 'le texte recherché', near: 'la distance', care: 'le soin', subcare: 'le soin précis', departement: 'le département',
      audience: 'le public', age: "l'âge", setting: 'le lieu', phase: 'la phase', access: "les modalités d'accès", cost: 'le coût', pathway: 'le parcours',
    },
    relaxCount: (n) => `sans lui : ${plural(n, 'fr', 'structure', 'structures')}`,
    widen: (km) => `Élargir à ${formatKm(km, 'fr')}`,
    reset: 'Réinitialiser la recherche',
    nearest: (km) => `La structure la plus proche qui propose ce soin est à ${formatKm(km, 'fr')} :`,
    noData: "L'annuaire ne contient encore aucune structure.",
  },
  en: {
    counts: (s, o) => `${plural(s, 'en', 'organisation', 'organisations')}, ${plural(o, 'en', 'service', 'services')}`,
    loading: 'Loading the directory…',
    heading: 'Results',
    sortedByName: 'Sorted by name',
    sortedByDistance: (place) => `Sorted by distance from ${place}`,
    nearGroup: (km, place) => `Within ${formatKm(km, 'en')} of ${place}`,
    remoteGroup: 'At home or remote',
    remoteGroupHint: 'These services come to you (home visits) or take place remotely (phone, video): they are not sorted by distance.',
    distance: (km) => `${formatKm(km, 'en')} away`,
    verified: (d) => `Checked on ${formatDate(d, 'en')}`,
    free: 'Free',
    notMapped: 'not on the map',
    showMore: (shown, total) => `Show more results (${formatCount(shown, 'en')} of ${formatCount(total, 'en')})`,
    open: (name) => `Open the details: ${name}`,
    stale: (date) => `Data from ${formatDate(date, 'en')} (the directory server is not responding).`,
    partial: (n) => `${n} directory source${n > 1 ? 's' : ''} could not be loaded.`,
    technical: 'Technical details (for the webmaster)',
    noResult: 'No organisation matches your search.',
    relaxIntro: 'These criteria exclude every result:',
    relax: {
      query: 'the search text', near: 'the distance', care: 'the care', subcare: 'the specific care', departement: 'the département',
      audience: 'the audience', age: 'the age', setting: 'the place', phase: 'the phase', access: 'the access conditions', cost: 'the cost', pathway: 'the pathway',
    },
    relaxCount: (n) => `without it: ${plural(n, 'en', 'organisation', 'organisations')}`,
    widen: (km) => `Widen to ${formatKm(km, 'en')}`,
    reset: 'Reset the search',
    nearest: (km) => `The nearest organisation offering this is ${formatKm(km, 'en')} away:`,
    noData: 'The directory has no organisations yet.',
  },
};
