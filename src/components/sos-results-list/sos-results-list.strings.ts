import type { Lang } from '../../i18n/format.js';
import { feedErrorMessage, type FeedErrorKind } from '../../feed/errors.js';
import type { FilterName } from '../../search/filters.js';
import { formatCount, formatDate, formatKm, plural } from '../../i18n/format.js';
import type { Why } from '../../search/search.js';
import { category, offerTitle, subcare } from '../../feed/taxonomy.js';

/** The offer a "why" line names: the finer care it matched, else the offer's own name. */
export function whyTitle(why: Why, lang: Lang): string {
  if (why.via === 'subcare' && why.code) return subcare(why.code)?.label[lang] ?? offerTitle(why.offer, lang);
  if (why.via === 'care' && !why.offer.label && !why.offer.subcares?.length) return category(why.offer.care)?.short[lang] ?? why.offer.care;
  return offerTitle(why.offer, lang);
}

export interface ListStrings {
  /** « Ma sélection (3) »: opens it. */
  shortlist(n: number): string;
  pick: string;
  unpick: string;
  /** An action's name with what it applies to, its visible words first: « Ajouter à ma sélection : CHU ». */
  about(action: string, name: string): string;
  /** Said after an add: « Ajouté à votre sélection (3 sur 20). » */
  picked(n: number): string;
  /** Said when an add is refused: « Ma sélection est complète (20 au plus). » */
  shortlistFull: string;
  share: string;
  shareSubject: string;
  /** An offer's own hours in a result: "Atelier cuisine : Ouvert aujourd’hui · 14 h – 17 h". */
  offerHours(offer: string, line: string): string;
  counts(structures: number, offers: number): string;
  /** The count with a place: "4 structures, 6 offres à moins de 20 km de Périgueux (24000)". */
  countsNear(structures: number, offers: number, km: number, place: string): string;
  /** After the count near a place: "et 3 à domicile ou à distance". */
  remoteCount(n: number): string;
  /** Nothing within the radius (the heading). */
  noneNear(km: number, place: string): string;
  loading: string;
  /** Shown instead of `loading` when the list, used alone, has no data source (a setup mistake; the console says what to add). */
  noSource: string;
  heading: string;
  sortedByName: string;
  sortedByDistance(place: string): string;
  sortedByRelevance: string;
  sortedByRelevanceDistance(place: string): string;
  nearGroup(km: number, place: string): string;
  remoteGroup(place: string): string;
  remoteGroupHint: string;
  /** Why a result is listed: "Prothèse capillaire — pour « cheveux »". */
  why(why: Why): string;
  comesHome: string;
  remote: string;
  reserved: string;
  someReserved: string;
  approximate: string;
  /** A place outside the directory's region(s). */
  outsideRegion(place: string, placeRegion: string | undefined, covered: string[]): string;
  ignored(words: string[]): string;
  chipsLabel: string;
  distance(km: number): string;
  verified(date: string): string;
  /** Beside « Vérifié le … » when that was more than 12 months ago (FEED-SPEC freshness rule). */
  recheck: string;
  /** Before a structure's MSSanté address (the card's wording): "MSSanté (pour les professionnels) :". */
  mssante: string;
  free: string;
  notMapped: string;
  showMore(shown: number, total: number): string;
  open(name: string): string;
  /** The last good copy is shown: its date, and why (no answer yet, an error status, an unreadable or empty file). */
  stale(date: string, kind: FeedErrorKind, status?: number): string;
  partial(n: number): string;
  /** Why the directory cannot be shown, for visitors (the technical detail goes to the console). */
  loadError(kind: FeedErrorKind, status?: number): string;
  technical: string;
  noResult: string;
  relaxIntro: string;
  /** What each constraint is called in « these criteria exclude every result ». */
  relax: Record<FilterName | 'query' | 'near', string>;
  relaxCount(n: number): string;
  widen(km: number): string;
  reset: string;
  nearest(km: number): string;
  noData: string;
}

/**
 * French here; English in sos-results-list.strings.en.ts, a chunk loaded only when the list speaks
 * English (StoreElement waits for it before rendering): French pages do not carry it.
 */
export const strings: { fr: ListStrings; en?: ListStrings } = {
  fr: {
    counts: (s, o) => `${plural(s, 'fr', 'structure', 'structures')}, ${plural(o, 'fr', 'offre', 'offres')}`,
    countsNear: (s, o, km, place) => `${plural(s, 'fr', 'structure', 'structures')}, ${plural(o, 'fr', 'offre', 'offres')} à moins de ${formatKm(km, 'fr')} de ${place}`,
    remoteCount: (n) => `et ${formatCount(n, 'fr')} à domicile ou à distance`,
    noneNear: (km, place) => `Aucune structure à moins de ${formatKm(km, 'fr')} de ${place}.`,
    loading: "Chargement de l'annuaire…",
    noSource: "L'annuaire n'est pas encore configuré sur cette page.",
    heading: 'Résultats',
    sortedByName: 'Triées par nom',
    sortedByDistance: (place) => `Triées par distance depuis ${place}`,
    offerHours: (offer, line) => `${offer} : ${line}`,
    shortlist: (n) => `Ma sélection (${n})`,
    pick: 'Ajouter à ma sélection',
    unpick: 'Retirer de ma sélection',
    about: (action, name) => `${action} : ${name}`,
    picked: (n) => `Ajouté à votre sélection (${n} sur 20).`,
    shortlistFull: 'Ma sélection est complète (20 au plus) : retirez-en un élément pour en ajouter un autre.',
    share: 'Partager cette recherche',
    shareSubject: 'Soins de support : une recherche dans l’annuaire',
    sortedByRelevance: 'Les plus pertinentes d’abord',
    sortedByRelevanceDistance: (place) => `Les plus pertinentes d’abord, puis par distance depuis ${place}`,
    nearGroup: (km, place) => `À moins de ${formatKm(km, 'fr')} de ${place}`,
    remoteGroup: (place) => `À domicile ou à distance, pour ${place}`,
    remoteGroupHint: 'Plus loin, mais ces offres viennent chez vous (visites à domicile) ou se font à distance (téléphone, visio), et elles couvrent ce lieu.',
    why: (w) => {
      switch (w.via) {
        case 'name': return `« ${w.text} » dans le nom`;
        case 'town': return `« ${w.text} » : la commune`;
        case 'description': return `${whyTitle(w, 'fr')} — « ${w.text} » dans la description`;
        default: return `${whyTitle(w, 'fr')} — pour « ${w.text} »`;
      }
    },
    comesHome: 'se déplace à domicile',
    remote: 'à distance (téléphone, visio)',
    reserved: 'Réservé aux patients suivis dans l’établissement',
    someReserved: 'Certaines offres réservées aux patients suivis dans l’établissement',
    approximate: 'position approximative',
    outsideRegion: (place, region, covered) => `Cet annuaire couvre ${covered.length > 1 ? 'les régions' : 'la région'} ${covered.join(' et ')} ; ${place} ${region ? `est en ${region}` : 'est hors de cette région'}. Pour ce lieu, consultez aussi l’annuaire de sa région.`,
    ignored: (words) => `Non pris en compte : ${words.map((w) => `« ${w} »`).join(', ')}.`,
    chipsLabel: 'Soins proposés',
    distance: (km) => `à ${formatKm(km, 'fr')}`,
    verified: (d) => `Vérifié le ${formatDate(d, 'fr')}`,
    recheck: 'à vérifier',
    mssante: 'MSSanté (pour les professionnels) :',
    free: 'Gratuit',
    notMapped: 'non placée sur la carte',
    showMore: (shown, total) => `Afficher plus de résultats (${formatCount(shown, 'fr')} sur ${formatCount(total, 'fr')})`,
    open: (name) => `Voir la fiche : ${name}`,
    stale: (date, kind, status) => `Données du ${formatDate(date, 'fr')} : ${{
      slow: "le serveur de l'annuaire tarde à répondre, elles seront remplacées dès son arrivée",
      http: `le serveur de l'annuaire a renvoyé une erreur${status ? ` (HTTP ${status})` : ''}`,
      empty: 'le fichier publié ne contient aucune structure',
      'not-json': 'le fichier publié est illisible', format: 'le fichier publié est illisible', envelope: 'le fichier publié est illisible', 'too-large': 'le fichier publié est trop gros',
    }[kind as string] ?? "le serveur de l'annuaire ne répond pas"}.`,
    partial: (n) => `${n} source${n > 1 ? 's' : ''} de l'annuaire n'${n > 1 ? 'ont' : 'a'} pas pu être chargée${n > 1 ? 's' : ''}.`,
    // The sentences of the `sos-error` event's `message` (one table, src/feed/errors.ts).
    loadError: feedErrorMessage,
    technical: 'Détails techniques (pour le webmestre)',
    noResult: 'Aucune structure ne correspond à votre recherche.',
    relaxIntro: 'Ces critères excluent tous les résultats :',
    relax: {
      query: 'le texte recherché', near: 'la distance', care: 'le soin', subcare: 'le soin précis', departement: 'le département',
      audience: 'le public', age: "l'âge", setting: 'le lieu', phase: 'la phase', access: "les modalités d'accès", cost: 'le coût', pathway: 'le parcours', opening: 'l’ouverture aujourd’hui', mssante: 'la messagerie sécurisée',
    },
    relaxCount: (n) => `sans lui : ${plural(n, 'fr', 'structure', 'structures')}`,
    widen: (km) => `Élargir à ${formatKm(km, 'fr')}`,
    reset: 'Réinitialiser la recherche',
    nearest: (km) => `La structure la plus proche qui propose ce soin est à ${formatKm(km, 'fr')} :`,
    noData: "L'annuaire ne contient encore aucune structure.",
  },
};
