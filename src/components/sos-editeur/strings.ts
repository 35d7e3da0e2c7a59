/**
 * The workbench's texts. French only: the workbench is a tool for a DSRC's data steward, not a
 * page for the public (the widget it previews has its English).
 */
const n = (count: number, one: string, many: string) => `${count.toLocaleString('fr-FR')} ${count > 1 ? many : one}`;

export const t = {
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
  nothingOpen: 'Ouvrez d’abord un tableur, un flux ou le modèle vide (étape « Ouvrir »).',

  // Open
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
  opening: (name: string) => `Lecture de « ${name} »…`,
  opened: (name: string, structures: number, offers: number, detail: string) =>
    `« ${name} » ouvert : ${n(structures, 'structure', 'structures')}, ${n(offers, 'offre', 'offres')}${detail ? ` (${detail})` : ''}.`,
  openedCheck: (errors: number, warnings: number) =>
    errors + warnings ? ` ${n(errors, 'erreur', 'erreurs')} et ${n(warnings, 'remarque', 'remarques')} : voir « Vérifier ».` : ' Aucun problème trouvé.',
  current: 'Fichier de travail',
  referenceLoaded: (name: string, structures: number) => `Référence pour comparer et publier : « ${name} » (${n(structures, 'structure', 'structures')}).`,
  csvDetail: (encoding: string, delimiter: string) => `CSV ${encoding}, séparateur « ${delimiter} »`,
  xlsxDetail: (sheet: string) => `classeur Excel, feuille « ${sheet} »`,
  feedDetail: 'flux JSON',
  templateName: 'modèle vide',

  // Check
  checkTitle: 'Vérifier',
  checkNone: 'Aucun problème : le tableur donne un flux valide.',
  checkSummary: (errors: number, warnings: number, structures: number) =>
    `${n(errors, 'erreur', 'erreurs')} et ${n(warnings, 'remarque', 'remarques')}, dans ${n(structures, 'structure', 'structures')}.`,
  checkErrorsMean: 'Une erreur écarte la ligne ou la structure du flux publié tant qu’elle n’est pas corrigée ; une remarque ne l’écarte pas.',
  applyAll: (count: number) => `Appliquer les ${n(count, 'suggestion', 'suggestions')}`,
  apply: 'Appliquer',
  applyLabel: (value: string, where: string) => `Appliquer « ${value} » (${where})`,
  suggestion: 'Suggestion :',
  applied: (value: string, where: string, errors: number, warnings: number) =>
    `« ${value} » appliqué (${where}). Nouvelle vérification : ${n(errors, 'erreur', 'erreurs')}, ${n(warnings, 'remarque', 'remarques')}.`,
  appliedAll: (count: number, errors: number, warnings: number) =>
    `${n(count, 'suggestion appliquée', 'suggestions appliquées')}. Nouvelle vérification : ${n(errors, 'erreur', 'erreurs')}, ${n(warnings, 'remarque', 'remarques')}.`,
  rowCol: (row: number, column?: string) => (column ? `ligne ${row}, colonne « ${column} »` : `ligne ${row}`),
  rows: (rows: readonly number[]) => (rows.length === 1 ? `ligne ${rows[0]}` : `lignes ${rows.slice(0, 8).join(', ')}${rows.length > 8 ? '…' : ''}`),
  general: 'Tout le fichier',
  error: 'Erreur',
  warning: 'Remarque',
  showMore: (count: number) => `Afficher ${n(count, 'autre structure', 'autres structures')}`,
  fatal: 'Le fichier ne peut pas devenir un flux :',

  // Publish
  publishTitle: 'Publier',
} as const;

export type Strings = typeof t;
