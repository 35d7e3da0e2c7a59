/**
 * The setup notice (src/base/setup-check.ts): what a webmaster must fix, French and English.
 * Words between backticks are shown as code. Not overridable (`strings`): the page's webmaster
 * fixes the setup rather than rewording the notice.
 */

/** Where the README explains the CORS header (its GitHub-style anchor: cors--ce-que-doivent-envoyer-les-serveurs). */
export const README_CORS = '« CORS : ce que doivent envoyer les serveurs »';

const list = (codes: readonly string[]) => codes.map((c) => `\`${c}\``).join(', ');
const quoted = (values: readonly string[]) => values.map((v) => `« ${v} »`).join(', ');

export interface SetupStrings {
  title: string;
  noSrc: string;
  variant(value: string, possible: readonly string[]): string;
  theme(value: string): string;
  lang(value: string): string;
  /** `possible`: the codes, or a sentence when they are too many to list (département numbers, the console). */
  codes(attr: string, value: string, unknown: readonly string[], possible: readonly string[] | string, hints: readonly string[]): string;
  departements: string;
  tooMany: string;
  lock(value: string, unknown: readonly string[], possible: readonly string[]): string;
  cors(url: string): string;
  mixed(url: string): string;
  classic: string;
}

export const setupStrings: { fr: SetupStrings; en: SetupStrings } = {
  fr: {
    title: "Configuration de l'annuaire, à corriger par le responsable du site :",
    noSrc: "l'adresse du flux manque : ajoutez à `<sos-annuaire>` l'attribut `src` avec l'adresse du fichier publié par votre DSRC (`src=\"https://…/annuaire-sos.json\"`).",
    variant: (value, possible) => `\`variant="${value}"\` : valeur inconnue, valeurs possibles : ${list(possible)}.`,
    theme: (value) => `\`theme="${value}"\` : valeur inconnue, valeur possible : \`dsfr\` (sans \`theme\`, l'apparence par défaut, utilisée en attendant).`,
    lang: (value) => `\`lang="${value}"\` : langue inconnue, langues possibles : \`fr\`, \`en\` (l'annuaire est affiché en français).`,
    codes: (attr, value, unknown, possible, hints) =>
      `\`${attr}="${value}"\` : ${unknown.length > 1 ? 'codes inconnus' : 'code inconnu'} ${quoted(unknown)}, codes possibles : ${typeof possible === 'string' ? possible : list(possible)}.` +
      (hints.length ? ` Vouliez-vous dire ${hints.map((h) => `\`${h}\``).join(' ou ')} ?` : ''),
    departements: 'les numéros de département (`01` à `95`, `2A`, `2B`, `971` à `976`)',
    tooMany: 'voir la liste complète dans la console du navigateur',
    lock: (value, unknown, possible) => `\`lock="${value}"\` : ${unknown.length > 1 ? 'filtres inconnus' : 'filtre inconnu'} ${quoted(unknown)}, filtres possibles : ${list(possible)}.`,
    cors: (url) =>
      `le serveur du flux \`${url}\` n'autorise pas cette page à le lire : ajoutez l'en-tête \`Access-Control-Allow-Origin: *\` à ses réponses (le flux est public). Voir le README, section ${README_CORS}.`,
    mixed: (url) => `l'adresse du flux \`${url}\` commence par \`http://\` sur une page en \`https://\` : le navigateur la bloque. Utilisez son adresse en \`https://\`.`,
    classic: "la balise `<script>` de l'annuaire n'a pas `type=\"module\"` : l'annuaire fonctionne, mais ajoutez-le (`<script type=\"module\" src=\"…/sos-annuaire.js\">`) pour que la page s'affiche sans attendre le script.",
  },
  en: {
    title: "Directory setup, for the site's webmaster to fix:",
    noSrc: 'the feed address is missing: add the `src` attribute to `<sos-annuaire>` with the address of the file your DSRC publishes (`src="https://…/annuaire-sos.json"`).',
    variant: (value, possible) => `\`variant="${value}"\`: unknown value, possible values: ${list(possible)}.`,
    theme: (value) => `\`theme="${value}"\`: unknown value, possible value: \`dsfr\` (without \`theme\`, the default look, used meanwhile).`,
    lang: (value) => `\`lang="${value}"\`: unknown language, possible languages: \`fr\`, \`en\` (the directory is shown in French).`,
    codes: (attr, value, unknown, possible, hints) =>
      `\`${attr}="${value}"\`: unknown ${unknown.length > 1 ? 'codes' : 'code'} ${quoted(unknown)}, possible codes: ${typeof possible === 'string' ? possible : list(possible)}.` +
      (hints.length ? ` Did you mean ${hints.map((h) => `\`${h}\``).join(' or ')}?` : ''),
    departements: 'département numbers (`01` to `95`, `2A`, `2B`, `971` to `976`)',
    tooMany: "see the full list in the browser's console",
    lock: (value, unknown, possible) => `\`lock="${value}"\`: unknown ${unknown.length > 1 ? 'filters' : 'filter'} ${quoted(unknown)}, possible filters: ${list(possible)}.`,
    cors: (url) =>
      `the feed server \`${url}\` does not allow this page to read it: add the header \`Access-Control-Allow-Origin: *\` to its responses (the feed is public). See the README, section ${README_CORS}.`,
    mixed: (url) => `the feed address \`${url}\` starts with \`http://\` on an \`https://\` page: the browser blocks it. Use its \`https://\` address.`,
    classic: 'the directory\'s `<script>` tag has no `type="module"`: the directory works, but add it (`<script type="module" src="…/sos-annuaire.js">`) so that the page shows without waiting for the script.',
  },
};
