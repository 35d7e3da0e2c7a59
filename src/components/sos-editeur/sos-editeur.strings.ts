/**
 * The workbench's texts: French here, English in sos-editeur.strings.en.ts (a chunk loaded only
 * when `lang="en"`: the French page does not carry it). Unlike the widget's elements, the
 * workbench has no `strings` attribute (it is a page a DSRC hosts, not an element integrators
 * embed), so its texts are not in TEXTES.md.
 *
 * What the shared core (src/publish) writes is French and stays so in both languages: the
 * problems' messages and suggestions (the CLI prints the same), the reminder sent to a structure,
 * the column names of the spreadsheets and CSV files. The views mark it `lang="fr"`.
 */
import type { Lang } from '../../i18n/format.js';
import { formatCount } from '../../i18n/format.js';
import type { CampaignStatus } from '../../publish/campaign.js';
import type { Criterion } from '../../publish/quality.js';
import type { TabId } from './tabs.js';

/** What a working table was opened from, as the summary line says it. */
export type Source =
  | { format: 'csv'; encoding: string; delimiter: string }
  | { format: 'xlsx'; sheet: string }
  | { format: 'feed' }
  | { format: 'template' };

/** Counts of a comparison (src/publish/diff.ts), before and after. */
export interface DiffCounts {
  before: number;
  after: number;
  added: number;
  removed: number;
  changed: number;
}

/** The words of the open-a-file and read-the-feed errors (said in the live region). */
export interface OpenStrings {
  empty(name: string): string;
  xls(name: string): string;
  ods(name: string): string;
  /** A workbook the core could not read; `why` is the core's French reason. */
  workbook(name: string, why: string): string;
  notJson(name: string, why: string): string;
  noHeader(name: string): string;
  /** A CSV the core could not parse; `why` is the core's French reason. */
  csvSyntax(name: string, why: string): string;
  tooLarge(name: string, mb: number, max: number): string;
  notWebAddress(url: string): string;
  onlyHttp(url: string): string;
  unreachable(url: string): string;
  httpStatus(url: string, status: number, statusText: string): string;
  feedTooLarge(url: string, max: number): string;
}

/** The words of the geocoder's errors. */
export interface GeocoderStrings {
  badUrl(url: string): string;
  unreachable(host: string): string;
  httpStatus(host: string, status: number): string;
  columns: string;
}

export interface EditeurStrings {
  // ---- the whole workbench
  privacy: string;
  /** The tab list's name. */
  steps: string;
  tabs: Record<TabId, string>;
  /** Beside the « Vérifier » tab, for screen readers: « 12 problèmes ». */
  problems(n: number): string;
  nothingOpen: string;
  /** Between a label and what it introduces: « Erreur : … » / "Error: …". */
  colon: string;
  /** Between the items of a list on one line: « a ; b » / "a; b". */
  semicolon: string;
  unexpected(message: string): string;
  communesFailed: string;
  communesLoading: string;
  communesLoadingShort: string;
  /** The file does not give a feed yet (every step after « Vérifier »). */
  noFeedYet: string;
  /** A number with decimals, as the language writes it. */
  decimal(n: number, min: number, max: number): string;
  /** A date `AAAA-MM-JJ` as JJ/MM/AAAA. */
  date(iso: string | undefined): string;
  /** A typed value or a file name, quoted. */
  quote(text: string): string;
  structureCol: string;
  open: OpenStrings;
  geocoder: GeocoderStrings;

  // ---- « Ouvrir »
  openTitle: string;
  openIntro: string;
  fileLegend: string;
  fileLabel: string;
  fileHint: string;
  urlLegend: string;
  urlLabel: string;
  urlOpen: string;
  urlHint: string;
  templateLegend: string;
  templateStart: string;
  templateCsv: string;
  templateXlsx: string;
  templateName: string;
  opening(name: string): string;
  /** Said when a file is open: what it gave, then openedCheck. */
  opened(name: string, structures: number, offers: number, detail: string): string;
  openedCheck(errors: number, warnings: number): string;
  /** The label of the summary line: « Fichier de travail : ». */
  current: string;
  currentSummary(name: string, structures: number, offers: number, detail: string): string;
  referenceLoaded(name: string, structures: number): string;
  /** An older file that does not give a feed; `why` is the core's French reason (none: no row). */
  referenceUnusable(name: string, why: string | undefined): string;
  source(source: Source): string;

  // ---- « Vérifier »
  checkNone: string;
  checkSummary(errors: number, warnings: number, structures: number): string;
  checkErrorsMean: string;
  applyAll(count: number): string;
  apply: string;
  applied(value: string, where: string, errors: number, warnings: number): string;
  appliedAll(count: number, errors: number, warnings: number): string;
  /** Where a problem is: a row and a column, a column, or the JSON path. */
  where(row: number | undefined, column: string | undefined, path: string | undefined): string;
  general: string;
  error: string;
  warning: string;
  showMore(count: number): string;
  fatal: string;

  // ---- « Localiser »
  locateIntro: string;
  locateSent(host: string, weakScore: string): string;
  toLocate(n: number): string;
  addressCol: string;
  todayCol: string;
  whyMissing: string;
  whyCentre: string;
  locateButton(n: number): string;
  allLocated: string;
  locateNeedsFeed: string;
  resultsCaption: string;
  foundCol: string;
  scoreCol: string;
  resultCol: string;
  notFound: string;
  weakMatch: string;
  useAnyway: string;
  /** Visually hidden after « Utiliser quand même ». */
  useAnywayFor(name: string): string;
  appliedCell: string;
  /** Coordinates found: « 44,5123 ; 0,4745 ». */
  point(lat: number, lon: number): string;
  locating(n: number): string;
  located(n: number, weak: number): string;
  coordinatesApplied(name: string, label: string): string;

  // ---- « Qualité »
  qualityNone: string;
  overallScore: string;
  overallOf(structures: number): string;
  qualityHint: string;
  fixFirst: string;
  fixFirstCaption: string;
  informationCol: string;
  concernedCol: string;
  pointsCol: string;
  perStructure: string;
  perStructureCaption: string;
  missingCol: string;
  complete: string;
  showMoreStructures(n: number): string;
  /** The quality criteria (src/publish/quality.ts), most useful first. */
  criteria: Record<Criterion, string>;
  coordinatesNone: string;
  coordinatesCentre: string;
  coordinatesApproximate: string;
  /** Offers of a structure without access conditions or a cost: « 2 offres sur 3 sans coût ». */
  offersWithout(missing: number, total: number, what: 'access' | 'cost'): string;

  // ---- « Vérification annuelle »
  campaignIntro: string;
  asOf(date: string): string;
  dueCount(n: number): string;
  dueNote: string;
  overdueCount(n: number): string;
  overdueNote: string;
  removeCount(n: number): string;
  removeNote: string;
  upToDate(n: number): string;
  campaignDay: string;
  mailMergeButton: string;
  campaignHint: string;
  /** The headings of the three lists (FEED-SPEC « Freshness rule »). */
  status: Record<CampaignStatus, string>;
  noneInList: string;
  verifiedOn(date: string): string;
  dueOn(date: string): string;
  removedOn(date: string): string;
  lastReminder(date: string): string;
  recipient: string;
  toReferent(name: string | undefined, address: string): string;
  toStructure(address: string): string;
  toNobody: string;
  writeReminder: string;
  writeReminderTo(name: string): string;
  /** The reminder's link carries a shorter message (mail programs cut long links). */
  reminderShortened: string;
  copyMessage: string;
  messageCopied(name: string): string;
  messageNotCopied: string;
  markVerified: string;
  markVerifiedFor(name: string): string;
  theMessage: string;
  theMessageFor(name: string): string;
  markedVerified(name: string, date: string, nextReminder: string): string;
  reminded(name: string, date: string): string;
  mailMergeSaved(n: number): string;
  campaignComputed(date: string): string;

  // ---- « Comparer »
  compareWith: string;
  refFileLabel: string;
  refHint: string;
  before: string;
  after: string;
  compareSummary(reference: string, structures: DiffCounts, offers: DiffCounts): string;
  publisherChanges: string;
  structuresAdded(n: number): string;
  structuresRemoved(n: number): string;
  structuresChanged(n: number): string;
  withOffers(name: string, offers: number): string;
  listsCapped(n: number): string;
  offersAdded: string;
  offersRemoved: string;
  offerChanged(title: string): string;
  /** A value compared: nothing, yes and no. */
  emptyValue: string;
  yes: string;
  no: string;

  // ---- « Publier »
  publisherLegend: string;
  fields: Record<'id' | 'name' | 'region' | 'email' | 'url' | 'license', { label: string; hint: string }>;
  required: string;
  idFormat: string;
  regionFormat: string;
  emailInvalid: string;
  urlInvalid: string;
  savedHere: string;
  publicFeed: string;
  willPublish(structures: number, offers: number): string;
  privateNever: string;
  rejectedRows(n: number): string;
  enterPublisher: string;
  staleLegend: string;
  staleHint: string;
  keep(name: string, verifiedAt: string): string;
  comparedWith(name: string, structures: number): string;
  downloadFeed: string;
  preview: string;
  sheetTitle: string;
  sheetIntro: string;
  downloadSheetXlsx: string;
  downloadSheetCsv: string;
  previewTitle: string;
  confirmTitle: string;
  cancel: string;
  confirmDownload: string;
  guardEmpty: string;
  guardHalved(reference: string, before: number, after: number): string;
  /** No published feed open: the file's own structures, most of them in error. */
  guardLostRows(total: number, kept: number): string;
  feedSaved(file: string, structures: number): string;
  needFeed: string;
  needPublisher: string;
  confirmAsked: string;
  downloadCancelled: string;
  sheetSaved(file: string): string;
  previewShown(structures: number): string;
  /** The preview's widget could not be loaded from `url` (the page's `sos-widget` meta, or ./widget/ beside it). */
  previewWidgetMissing(url: string): string;
  kept: string;
  unkept: string;

  // ---- « Couverture »
  coverageNone: string;
  departments(list: string, region: string | undefined, km: number): string;
  downloadCoverage: string;
  downloadWhiteZones: string;
  coverageCaption: string;
  careCol: string;
  whiteZones(km: number): string;
  whiteZoneLine(care: string, communes: number): string;
  forExample: string;
  commune(name: string, department: string, km: number | null): string;
  csvSaved(file: string, rows: number): string;
}

/**
 * The CLI's options as the fields of « Publier » that set them, to rewrite the core's messages
 * (« option --publisher-id » manquante). French in both languages: they are spliced into the
 * core's French sentence, shown `lang="fr"`.
 */
export const CORE_OPTION_FIELDS: Record<string, string> = {
  'publisher-id': 'l’identifiant de l’éditeur (étape « Publier »)',
  'publisher-name': 'le nom de l’éditeur (étape « Publier »)',
  region: 'le code de la région (étape « Publier »)',
  license: 'la licence (étape « Publier »)',
  'publisher-url': 'le site de l’éditeur (étape « Publier »)',
  'contact-email': 'le courriel pour signaler une erreur (étape « Publier »)',
  'contact-url': 'le site de l’éditeur (étape « Publier »)',
};

/** `3 structures`: the count as the language writes it, then the word. */
export const counted = (n: number, lang: Lang, one: string, many: string): string => `${formatCount(n, lang)} ${n > 1 || (lang === 'en' && n === 0) ? many : one}`;
const n = (count: number, one: string, many: string) => counted(count, 'fr', one, many);
const frDate = (iso: string | undefined) => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('/') : iso ?? '');

export const strings: { fr: EditeurStrings; en?: EditeurStrings } = {
  fr: {
    privacy: 'Vos fichiers restent sur cet ordinateur : l’atelier les lit et les écrit dans votre navigateur, rien n’est envoyé. Deux exceptions, quand vous les demandez : la lecture du flux publié à son adresse, et la recherche de coordonnées (« Localiser »), qui envoie les adresses des structures à la Base Adresse Nationale.',
    steps: 'Étapes',
    tabs: {
      ouvrir: 'Ouvrir',
      verifier: 'Vérifier',
      localiser: 'Localiser',
      qualite: 'Qualité',
      campagne: 'Vérification annuelle',
      comparer: 'Comparer',
      publier: 'Publier',
      couverture: 'Couverture',
    },
    problems: (count) => n(count, 'problème', 'problèmes'),
    nothingOpen: 'Ouvrez d’abord un tableur, un flux ou le modèle vide (étape « Ouvrir »).',
    colon: ' : ',
    semicolon: ' ; ',
    unexpected: (message) => `Erreur inattendue : ${message}`,
    communesFailed: 'La liste des communes n’a pas pu être chargée : rechargez la page pour réessayer.',
    communesLoading: 'Chargement des communes (pour repérer les structures placées au centre de leur commune)…',
    communesLoadingShort: 'Chargement des communes…',
    noFeedYet: 'Le fichier ne donne pas encore de flux : voir l’étape « Vérifier ».',
    decimal: (x, min, max) => x.toLocaleString('fr-FR', { minimumFractionDigits: min, maximumFractionDigits: max }),
    date: frDate,
    quote: (text) => `« ${text} »`,
    structureCol: 'Structure',
    open: {
      empty: (name) => `« ${name} » est vide.`,
      xls: (name) => `« ${name} » est au format Excel 97-2003 (.xls), que l’atelier ne lit pas : dans Excel, « Enregistrer sous » au format « Classeur Excel (.xlsx) » ou « CSV (séparateur : point-virgule) ».`,
      ods: (name) => `« ${name} » est un classeur LibreOffice (.ods) : enregistrez-le au format .xlsx ou CSV.`,
      workbook: (name, why) => `« ${name} » : ${why}.`,
      notJson: (name, why) => `« ${name} » n’est pas un flux JSON lisible (${why}).`,
      noHeader: (name) => `« ${name} » n’a pas de ligne d’en-tête.`,
      csvSyntax: (name, why) => `« ${name} » : ${why}.`,
      tooLarge: (name, mb, max) => `« ${name} » fait ${mb} Mo : l’atelier lit au plus ${max} Mo.`,
      notWebAddress: (url) => `« ${url} » n’est pas une adresse web.`,
      onlyHttp: (url) => `« ${url} » : seules les adresses http ou https sont lues.`,
      unreachable: (url) => `Le flux « ${url} » n’a pas pu être lu : serveur injoignable, ou il n’autorise pas la lecture depuis cette page (en-tête CORS Access-Control-Allow-Origin).`,
      httpStatus: (url, status, text) => `Le flux « ${url} » n’a pas pu être lu : le serveur répond ${status}${text ? ` (${text})` : ''}.`,
      feedTooLarge: (url, max) => `Le flux « ${url} » dépasse ${max} Mo.`,
    },
    geocoder: {
      badUrl: (url) => `L’adresse du géocodeur « ${url} » n’est pas valide : une adresse http ou https est attendue.`,
      unreachable: (host) => `Le géocodeur (${host}) n’a pas répondu : vérifiez la connexion à Internet, puis réessayez.`,
      httpStatus: (host, status) => `Le géocodeur (${host}) a répondu ${status}${status === 413 ? ' : trop d’adresses d’un coup' : ''}.`,
      columns: 'La réponse du géocodeur n’a pas les colonnes attendues (latitude, longitude, result_score).',
    },

    openTitle: 'Ouvrir le tableur ou le flux',
    openIntro: 'Partez du tableur que vous tenez (Excel .xlsx ou export CSV), du flux déjà publié, ou d’un modèle vide.',
    fileLegend: 'Un fichier de votre ordinateur',
    fileLabel: 'Tableur (.xlsx, .csv) ou flux (.json)',
    fileHint: 'CSV : séparateur point-virgule ou virgule, encodage Windows (Excel) ou UTF-8, reconnus tout seuls.',
    urlLegend: 'Le flux publié',
    urlLabel: 'Adresse du flux publié',
    urlOpen: 'Ouvrir le flux publié',
    urlHint: 'Il sert aussi de référence pour « Comparer » et pour le garde-fou de « Publier ».',
    templateLegend: 'Partir de zéro',
    templateStart: 'Commencer avec le modèle vide',
    templateCsv: 'Télécharger le modèle (.csv)',
    templateXlsx: 'Télécharger le modèle (.xlsx)',
    templateName: 'modèle vide',
    opening: (name) => `Lecture de « ${name} »…`,
    opened: (name, structures, offers, detail) =>
      `« ${name} » ouvert : ${n(structures, 'structure', 'structures')}, ${n(offers, 'offre', 'offres')}${detail ? ` (${detail})` : ''}.`,
    openedCheck: (errors, warnings) =>
      errors + warnings ? ` ${n(errors, 'erreur', 'erreurs')} et ${n(warnings, 'remarque', 'remarques')} : voir « Vérifier ».` : ' Aucun problème trouvé.',
    current: 'Fichier de travail :',
    currentSummary: (name, structures, offers, detail) =>
      `« ${name} » — ${n(structures, 'structure', 'structures')}, ${n(offers, 'offre', 'offres')}${detail ? ` (${detail})` : ''}.`,
    referenceLoaded: (name, structures) => `Référence pour comparer et publier : « ${name} » (${n(structures, 'structure', 'structures')}).`,
    referenceUnusable: (name, why) => `« ${name} » ne donne pas de flux à comparer : ${why ?? 'il n’a aucune ligne de données'}.`,
    source: (s) => {
      switch (s.format) {
        case 'csv': return `CSV ${s.encoding}, séparateur « ${s.delimiter === '\t' ? 'tabulation' : s.delimiter} »`;
        case 'xlsx': return `classeur Excel, feuille « ${s.sheet} »`;
        case 'feed': return 'flux JSON';
        case 'template': return '';
      }
    },

    checkNone: 'Aucun problème : le tableur donne un flux valide.',
    checkSummary: (errors, warnings, structures) =>
      `${n(errors, 'erreur', 'erreurs')} et ${n(warnings, 'remarque', 'remarques')}, dans ${n(structures, 'structure', 'structures')}.`,
    checkErrorsMean: 'Une erreur écarte la ligne ou la structure du flux publié tant qu’elle n’est pas corrigée ; une remarque ne l’écarte pas.',
    applyAll: (count) => `Appliquer les ${n(count, 'suggestion', 'suggestions')}`,
    apply: 'Appliquer',
    applied: (value, where, errors, warnings) =>
      `« ${value} » appliqué${where ? ` (${where})` : ''}. Nouvelle vérification : ${n(errors, 'erreur', 'erreurs')}, ${n(warnings, 'remarque', 'remarques')}.`,
    appliedAll: (count, errors, warnings) =>
      `${n(count, 'suggestion appliquée', 'suggestions appliquées')}. Nouvelle vérification : ${n(errors, 'erreur', 'erreurs')}, ${n(warnings, 'remarque', 'remarques')}.`,
    where: (row, column, path) =>
      row !== undefined ? (column ? `ligne ${row}, colonne « ${column} »` : `ligne ${row}`) : column ? `colonne « ${column} »` : path ?? '',
    general: 'Tout le fichier',
    error: 'Erreur',
    warning: 'Remarque',
    showMore: (count) => `Afficher ${n(count, 'autre structure', 'autres structures')}`,
    fatal: 'Le fichier ne peut pas devenir un flux :',

    locateIntro: 'Une structure sans coordonnées n’apparaît pas sur la carte et ne peut pas être trouvée « près de » une commune ; placée au centre de sa commune, elle semble ailleurs qu’à son adresse. L’atelier demande ses coordonnées à la Base Adresse Nationale à partir de son adresse.',
    locateSent: (host, weak) => `Envoyé à ${host} : l’identifiant, la rue, le code postal, la commune et le code INSEE de chaque structure ci-dessous ; rien d’autre. Un résultat dont le score est inférieur à ${weak} est signalé et n’est pas appliqué sans votre accord.`,
    toLocate: (count) => `${count} structure(s) à localiser`,
    addressCol: 'Adresse',
    todayCol: 'Aujourd’hui',
    whyMissing: 'sans coordonnées',
    whyCentre: 'au centre de la commune',
    locateButton: (count) => `Chercher les coordonnées de ${count} structure(s)`,
    allLocated: 'Toutes les structures ont des coordonnées qui ne sont pas celles du centre de leur commune.',
    locateNeedsFeed: 'Corrigez d’abord les erreurs (étape « Vérifier ») : le fichier ne donne pas encore de flux.',
    resultsCaption: 'Résultats du géocodeur',
    foundCol: 'Adresse trouvée',
    scoreCol: 'Score',
    resultCol: 'Résultat',
    notFound: 'Introuvable : vérifiez l’adresse.',
    weakMatch: 'Correspondance faible : à vérifier.',
    useAnyway: 'Utiliser quand même',
    useAnywayFor: (name) => ` pour ${name}`,
    appliedCell: 'Appliqué',
    point: (lat, lon) => [lat, lon].map((x) => x.toLocaleString('fr-FR', { maximumFractionDigits: 5 })).join(' ; '),
    locating: (count) => `Recherche des coordonnées de ${count} structure(s) auprès du géocodeur…`,
    located: (count, weak) => `${count} structure(s) localisée(s)${weak ? ` ; ${weak} résultat(s) faible(s) ou introuvable(s), à vérifier ci-dessous` : ''}.`,
    coordinatesApplied: (name, label) => `Coordonnées de « ${name} » appliquées (${label}).`,

    qualityNone: 'Aucune structure à évaluer : voir l’étape « Vérifier ».',
    overallScore: 'Score d’ensemble :',
    overallOf: (count) => `sur ${n(count, 'structure', 'structures')}.`,
    qualityHint: 'Chaque structure gagne des points pour ce qui aide une personne à la joindre et à s’y rendre : téléphone ou courriel, coordonnées précises, adresse, horaires, conditions d’accès, coût, description.',
    fixFirst: 'À compléter d’abord',
    fixFirstCaption: 'Ce qui rapporterait le plus de points',
    informationCol: 'Information',
    concernedCol: 'Structures concernées',
    pointsCol: 'Points à gagner',
    perStructure: 'Par structure, les moins complètes d’abord',
    perStructureCaption: 'Score de chaque structure et ce qui lui manque',
    missingCol: 'Ce qui manque',
    complete: 'complet',
    showMoreStructures: (count) => `Afficher ${count} structures de plus`,
    criteria: {
      contact: 'téléphone ou courriel',
      coordinates: 'coordonnées précises (sur la carte, à l’adresse)',
      address: 'adresse (numéro et rue)',
      hours: 'horaires d’ouverture',
      access: 'conditions d’accès des offres (qui peut venir, comment)',
      cost: 'coût des offres',
      description: 'description',
    },
    coordinatesNone: 'sans coordonnées : absente de la carte',
    coordinatesCentre: 'placée au centre de sa commune, pas à son adresse',
    coordinatesApproximate: 'coordonnées approximatives (deux décimales : à 1 km près)',
    offersWithout: (missing, total, what) => `${n(missing, 'offre', 'offres')} sur ${total} sans ${what === 'cost' ? 'coût' : 'conditions d’accès'}`,

    campaignIntro: 'Chaque structure confirme ses informations une fois par an.',
    asOf: (date) => `Au ${frDate(date)} :`,
    dueCount: (count) => `${count} à relancer`,
    dueNote: '(échéance dans les 30 jours)',
    overdueCount: (count) => `${count} en retard`,
    overdueNote: '(plus de 12 mois)',
    removeCount: (count) => `${count} à retirer`,
    removeNote: '(plus de 14 mois : retirées du flux publié)',
    upToDate: (count) => `${count} à jour.`,
    campaignDay: 'Date de la campagne',
    mailMergeButton: 'Télécharger le fichier de publipostage (.csv)',
    campaignHint: '« Écrire la relance » ouvre votre messagerie avec le message prêt (la fiche actuelle de la structure et ce qu’il faut confirmer) et note la date de relance dans le tableur de travail. Pensez à télécharger le tableur de travail (étape « Publier ») pour garder ces dates.',
    status: {
      due: 'À relancer (vérification annuelle dans les 30 jours)',
      overdue: 'En retard (vérifiée il y a plus de 12 mois)',
      remove: 'À retirer (vérifiée il y a plus de 14 mois)',
    },
    noneInList: 'Aucune.',
    verifiedOn: (date) => `Vérifiée le ${frDate(date)}`,
    dueOn: (date) => `échéance le ${frDate(date)}`,
    removedOn: (date) => `retirée du flux à partir du ${frDate(date)}`,
    lastReminder: (date) => `dernière relance le ${frDate(date)}`,
    recipient: 'Destinataire :',
    toReferent: (name, address) => `${name ? `${name}, ` : ''}${address} (référent)`,
    toStructure: (address) => `${address} (courriel de la structure : pas de référent)`,
    toNobody: 'aucune adresse : renseignez le référent dans le tableur',
    writeReminder: 'Écrire la relance',
    writeReminderTo: (name) => ` à ${name}`,
    reminderShortened: 'Message complet trop long pour un lien de courriel : « Écrire la relance » ouvre une version courte. Copiez le message complet dans le courriel, ou envoyez-le par le publipostage.',
    copyMessage: 'Copier le message complet',
    messageCopied: (name) => `Message complet de la relance de « ${name} » copié : collez-le dans le courriel.`,
    messageNotCopied: 'Copie refusée par le navigateur : sélectionnez le message ci-dessous (« Le message ») et copiez-le.',
    markVerified: 'Marquer comme vérifié aujourd’hui',
    markVerifiedFor: (name) => ` : ${name}`,
    theMessage: 'Le message',
    theMessageFor: (name) => ` pour ${name}`,
    markedVerified: (name, date, next) => `« ${name} » marquée vérifiée le ${frDate(date)} : elle sort de la campagne ; prochaine relance à partir du ${frDate(next)}.`,
    reminded: (name, date) => `Relance de « ${name} » notée au ${frDate(date)} (colonne derniere_relance du tableur de travail).`,
    mailMergeSaved: (count) => `Fichier de publipostage téléchargé : ${count} relance(s).`,
    campaignComputed: (date) => `Campagne calculée au ${frDate(date)}.`,

    compareWith: 'Comparer avec',
    refFileLabel: 'Un flux ou un tableur plus ancien (.json, .xlsx, .csv)',
    refHint: 'Ou ouvrez le flux publié à son adresse (étape « Ouvrir ») : il devient la référence.',
    before: 'avant : ',
    after: 'après : ',
    compareSummary: (name, s, o) =>
      `Par rapport à « ${name} » : ${s.before} → ${s.after} structures (${s.added} ajoutée(s), ${s.removed} retirée(s), ${s.changed} modifiée(s)) ; ${o.before} → ${o.after} offres (${o.added} ajoutée(s), ${o.removed} retirée(s), ${o.changed} modifiée(s)).`,
    publisherChanges: 'Éditeur',
    structuresAdded: (count) => `Structures ajoutées : ${count}`,
    structuresRemoved: (count) => `Structures retirées : ${count}`,
    structuresChanged: (count) => `Structures modifiées : ${count}`,
    withOffers: (name, offers) => `${name} (${offers} offre(s))`,
    listsCapped: (count) => `Listes limitées aux ${count} premières.`,
    offersAdded: 'Offres ajoutées',
    offersRemoved: 'Offres retirées',
    offerChanged: (title) => `Offre « ${title} » :`,
    emptyValue: '(vide)',
    yes: 'oui',
    no: 'non',

    publisherLegend: 'Qui publie (en-tête du flux)',
    fields: {
      id: { label: 'Identifiant de l’éditeur', hint: 'En minuscules et tirets, par exemple onco-nouvelle-aquitaine (obligatoire).' },
      name: { label: 'Nom de l’éditeur', hint: 'Par exemple « Onco-Nouvelle-Aquitaine » (obligatoire).' },
      region: { label: 'Code de la région (INSEE)', hint: 'Deux chiffres, par exemple 75 pour la Nouvelle-Aquitaine.' },
      email: { label: 'Courriel pour signaler une erreur', hint: 'Affiché par l’annuaire sous « Signaler une erreur ».' },
      url: { label: 'Site de l’éditeur', hint: 'Adresse http ou https.' },
      license: { label: 'Licence', hint: 'Par exemple « Licence Ouverte 2.0 ».' },
    },
    required: 'À renseigner.',
    idFormat: 'Seulement des minuscules sans accents, des chiffres et des tirets.',
    regionFormat: 'Deux chiffres : ce code ne sera pas publié.',
    emailInvalid: 'Adresse invalide : elle ne sera pas publiée.',
    urlInvalid: 'Adresse http ou https attendue : elle ne sera pas publiée.',
    savedHere: 'Ces réglages sont gardés dans ce navigateur, sur cet ordinateur.',
    publicFeed: 'Le flux public',
    willPublish: (structures, offers) => `${n(structures, 'structure', 'structures')} et ${n(offers, 'offre', 'offres')} seront publiées.`,
    privateNever: 'Les colonnes privées (référent, relances) n’y sont jamais.',
    rejectedRows: (count) => `${count} erreur(s) restent : les lignes concernées ne sont pas publiées (étape « Vérifier »).`,
    enterPublisher: 'Renseignez l’identifiant et le nom de l’éditeur ci-dessus.',
    staleLegend: 'Non vérifiées depuis plus de 14 mois : retirées du flux publié',
    staleHint: 'La charte retire les structures qui n’ont pas confirmé leurs informations deux mois après la relance annuelle. Cochez celles à garder quand même.',
    keep: (name, verifiedAt) => `Garder « ${name} » (vérifiée le ${verifiedAt})`,
    comparedWith: (name, structures) => `Comparé au flux publié « ${name} » (${n(structures, 'structure', 'structures')}) : un flux qui en perd plus de la moitié demande une confirmation.`,
    downloadFeed: 'Télécharger le flux public (.json)',
    preview: 'Aperçu de l’annuaire',
    sheetTitle: 'Le tableur de travail',
    sheetIntro: 'Le tableur tel que vous l’avez ouvert, avec les corrections faites ici et les colonnes privées : à garder pour la prochaine mise à jour. Rouvert dans l’atelier, il donne le même flux.',
    downloadSheetXlsx: 'Télécharger le tableur (.xlsx)',
    downloadSheetCsv: 'Télécharger le tableur (.csv)',
    previewTitle: 'Aperçu : l’annuaire tel que les sites partenaires l’afficheront',
    confirmTitle: 'Publier ce flux quand même ?',
    cancel: 'Annuler',
    confirmDownload: 'Télécharger quand même',
    guardEmpty: 'Ce flux ne contient aucune structure : publié, il viderait l’annuaire sur tous les sites partenaires.',
    guardHalved: (name, before, after) =>
      `Le flux publié (« ${name} ») compte ${before} structures ; celui-ci n’en a que ${after}, moins de la moitié. Publié, il retirerait ${before - after} structures de l’annuaire sur tous les sites partenaires.`,
    guardLostRows: (total, kept) =>
      `Le fichier ouvert compte ${total} structures ; ce flux n’en garde que ${kept}, moins de la moitié : les autres ont des erreurs (étape « Vérifier ») ou n’ont pas été vérifiées depuis plus de 14 mois. Publié, il ferait disparaître ${n(total - kept, 'structure', 'structures')} de l’annuaire sur tous les sites partenaires.`,
    feedSaved: (file, structures) => `Flux public téléchargé : « ${file} », ${n(structures, 'structure', 'structures')}. Déposez-le à l’adresse du flux publié pour mettre à jour l’annuaire sur tous les sites partenaires.`,
    needFeed: 'Le fichier ne donne pas encore de flux : corrigez les erreurs (étape « Vérifier »).',
    needPublisher: 'Renseignez l’identifiant et le nom de l’éditeur du flux avant de publier.',
    confirmAsked: 'Confirmation demandée avant de télécharger ce flux.',
    downloadCancelled: 'Téléchargement du flux annulé.',
    sheetSaved: (file) => `Tableur de travail téléchargé : « ${file} » (colonnes privées comprises : il reste sur votre ordinateur).`,
    previewShown: (structures) => `Aperçu de l’annuaire avec ce flux : ${n(structures, 'structure', 'structures')}.`,
    previewWidgetMissing: (url) => `L’aperçu n’a pas pu charger le widget à l’adresse « ${url} ». Le dossier widget/ livré avec l’atelier doit rester à côté de sa page (ou la balise <meta name="sos-widget"> de la page doit indiquer où est sos-annuaire.js).`,
    kept: 'Structure gardée dans le flux publié.',
    unkept: 'Structure retirée du flux publié.',

    coverageNone: 'Aucune structure : voir l’étape « Vérifier ».',
    departments: (list, region, km) =>
      `Départements : ${list}${region ? ` (région ${region})` : ' (ceux des structures : indiquez le code de la région à l’étape « Publier » pour toute la région)'}. Une commune est en « zone blanche » pour un soin quand aucune offre sur place n’est à moins de ${km} km de son centre (ni une offre à domicile qui la dessert).`,
    downloadCoverage: 'Télécharger le tableau (.csv)',
    downloadWhiteZones: 'Télécharger les zones blanches (.csv)',
    coverageCaption: 'Structures / offres par département et par soin',
    careCol: 'Soin',
    whiteZones: (km) => `Zones blanches (communes à plus de ${km} km d’une offre)`,
    whiteZoneLine: (care, communes) => `${care} : ${communes} commune(s)`,
    forExample: ' — par exemple ',
    commune: (name, department, km) => `${name} (${department}${km === null ? '' : `, ${km} km`})`,
    csvSaved: (file, rows) => `« ${file} » téléchargé (${n(rows, 'ligne', 'lignes')}).`,
  },
};
