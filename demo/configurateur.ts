// The configurator (demo/configurateur.html): the webmaster pastes the DSRC's feed address, which is
// checked at once with the widget's own loader (reachable, CORS, format, structures); the
// département and category choices come from that feed; the code to copy (HTML, WordPress
// shortcode, WordPress block) stays beside the settings and always works (the public CDN address);
// a bounded live preview comes last.
import '../src/index.js';
import { version } from '../package.json';
import { AUDIENCES, CATEGORIES } from '../src/feed/taxonomy.js';
import { DEPARTEMENTS } from '../src/geo/departements.js';
import { formatDate, plural } from '../src/i18n/format.js';
import { strings as listStrings } from '../src/components/sos-results-list/sos-results-list.strings.js';
import { checkFeed, mergeCounts, splitUrls, addressProblem, type FeedCheck } from './configurateur/check-feed.js';
import { blockMarkup, cdnScript, colorRule, htmlSnippet, majorOf, shortcode, type SnippetSettings } from './configurateur/snippets.js';
import { wireCopyButtons } from './configurateur/copy.js';

/** The sample feed shown in the preview until the webmaster's feed reads. */
const DEMO_FEED = './feeds/onco-nouvelle-aquitaine.demo.json';
const CDN_SCRIPT = cdnScript(majorOf(version));
/** Typing pauses this long before the address is checked (a paste is checked at once). */
const DEBOUNCE_MS = 500;

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from configurateur.html`);
  return el as T;
};

const form = $<HTMLFormElement>('settings');
const feed = $<HTMLInputElement>('feed');
const feedStatus = $<HTMLDivElement>('feed-status');
const lock = $<HTMLInputElement>('lock');
const colorEnabled = $<HTMLInputElement>('color-enabled');
const color = $<HTMLInputElement>('color');
const scriptUrl = $<HTMLInputElement>('script-url');
const preview = $<HTMLElement>('apercu');
const previewNote = $<HTMLParagraphElement>('preview-note');
const codeNote = $<HTMLParagraphElement>('code-note');
const htmlCode = $<HTMLTextAreaElement>('html-code');
const wpCode = $<HTMLTextAreaElement>('wp-code');
const blockCode = $<HTMLTextAreaElement>('block-code');
const wpCss = $<HTMLParagraphElement>('wp-css');
const wpCssCode = $<HTMLElement>('wp-css-code');

scriptUrl.placeholder = CDN_SCRIPT;

// ---- choices ---------------------------------------------------------------------------------

/** Checkboxes for codes with labels and counts; the ones still offered stay checked. */
function checkboxes(name: string, items: { code: string; label: string; count?: number }[]): void {
  const container = $<HTMLDivElement>(`${name}-choices`);
  const kept = new Set(checked(name));
  const labels = items.map(({ code, label, count }) => {
    const lab = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.name = name;
    input.value = code;
    input.checked = kept.has(code);
    // One span for the words and the count: they wrap as a sentence, not as two columns.
    const text = document.createElement('span');
    text.append(label);
    if (count !== undefined) {
      const n = document.createElement('span');
      n.className = 'count';
      n.textContent = `· ${plural(count, 'fr', 'structure', 'structures')}`;
      text.append(' ', n);
    }
    lab.append(input, text);
    return lab;
  });
  container.replaceChildren(...labels);
  const empty = document.getElementById(`${name}-empty`);
  if (empty) empty.hidden = items.length > 0;
}

const checked = (name: string): string[] =>
  [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value);
const radio = (name: string): string => form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';

checkboxes('audience', AUDIENCES.codes.map((code) => ({ code, label: AUDIENCES.labels[code].fr })));

/** The département and category choices of the feeds read (none until one reads). */
function feedChoices(results: FeedCheck[]): void {
  const { departements, care } = mergeCounts(results.flatMap((r) => (r.ok ? [r.summary] : [])));
  checkboxes('departement', [...departements.keys()].sort().map((code) => ({
    code, label: `${DEPARTEMENTS[code] ?? code} (${code})`, count: departements.get(code),
  })));
  checkboxes('care', CATEGORIES.filter((c) => care.has(c.code)).map((c) => ({ code: c.code, label: c.short.fr, count: care.get(c.code) })));
}

/** The summary line of a closed group says what is chosen. */
function summaries(): void {
  const deps = checked('departement');
  $('departement-value').textContent = deps.length ? ` : ${deps.join(', ')}` : ' : toute la région';
  const cares = checked('care');
  $('care-value').textContent = cares.length ? ` : ${cares.length} sur ${form.querySelectorAll('input[name="care"]').length}` : ' : toutes';
  const audiences = checked('audience');
  $('audience-value').textContent = audiences.length ? ` : ${audiences.map((a) => AUDIENCES.labels[a as keyof typeof AUDIENCES.labels]?.fr ?? a).join(', ')}` : ' : tous';
}

// ---- feed check ------------------------------------------------------------------------------

let results: FeedCheck[] = [];
/** The value last checked (or being checked). */
let checkedValue = '';
let running: AbortController | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
type FeedState = 'empty' | 'checking' | 'ok' | 'error';
let feedState: FeedState = 'empty';

function el(tag: string, className: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** One feed's result, as text (feed values are never markup). */
function describe(r: FeedCheck, several: boolean): HTMLElement {
  const box = el('div', `result ${r.ok ? 'ok' : 'error'}`);
  if (several) box.append(el('p', '', r.url));
  if (!r.ok) {
    const head = el('p', '');
    head.append(el('strong', '', r.message));
    box.append(head, el('p', '', r.detail));
    return box;
  }
  const s = r.summary;
  const head = el('p', '');
  head.append(el('strong', '', 'Flux lisible'), ` : ${s.publisher}, ${listStrings.fr.counts(s.structures, s.offers)} (publié le ${formatDate(s.generatedAt, 'fr')}).`);
  box.append(head);
  const notes: string[] = [...s.warnings];
  if (s.droppedStructures || s.droppedOffers) {
    notes.push(`Écartées car incorrectes : ${plural(s.droppedStructures, 'fr', 'structure', 'structures')}, ${plural(s.droppedOffers, 'fr', 'offre', 'offres')} — signalez-le à votre DSRC. ${s.errors.map((d) => `${d.path} : ${d.message}`).join(' ')}`.trim());
  }
  if (notes.length) {
    const ul = el('ul', 'warning');
    for (const n of notes) ul.append(el('li', '', n));
    box.append(ul);
  }
  return box;
}

/** What the status shows now: redrawn (and announced) only when it changes, not at each keystroke. */
let shown: unknown[] = [];

function showFeedState(): void {
  const urls = splitUrls(feed.value);
  const key = [feedState, urls.length > 1, results];
  if (key.every((k, i) => k === shown[i])) return;
  shown = key;
  if (feedState === 'empty') feedStatus.replaceChildren();
  else if (feedState === 'checking') {
    const box = el('div', 'result checking');
    box.append(el('p', '', urls.length > 1 ? 'Vérification des flux…' : 'Vérification du flux…'));
    feedStatus.replaceChildren(box);
  } else feedStatus.replaceChildren(...results.map((r) => describe(r, results.length > 1)));
}

async function check(value: string): Promise<void> {
  clearTimeout(timer);
  if (value === checkedValue) return;
  checkedValue = value;
  running?.abort();
  const urls = splitUrls(value);
  if (!urls.length) {
    results = [];
    feedState = 'empty';
    update();
    return;
  }
  const controller = (running = new AbortController());
  feedState = 'checking';
  update();
  const done = await Promise.all(urls.map((u) => checkFeed(u, controller.signal)));
  if (controller.signal.aborted) return; // a newer value is being checked
  results = done;
  feedState = done.every((r) => r.ok) ? 'ok' : 'error';
  feedChoices(done);
  update();
}

// ---- snippets and preview --------------------------------------------------------------------

/** The script address: the public CDN unless a self-hosted copy (absolute http(s) or /path) is given. */
function script(): string {
  const v = scriptUrl.value.trim();
  if (v.startsWith('/') && !v.startsWith('//')) return v;
  return v && !addressProblem(v) ? v : CDN_SCRIPT;
}

function settings(): SnippetSettings {
  const variant = radio('variant');
  const basemap = radio('basemap');
  return {
    // What is typed goes into the code as soon as it is a web address (a feed refused today for
    // CORS works once the DSRC fixes its server); until then, src stays empty with a note.
    feeds: splitUrls(feed.value).filter((u) => !addressProblem(u)),
    departement: checked('departement'),
    care: checked('care'),
    audience: checked('audience'),
    lock: lock.checked,
    variant: variant === 'liste' || variant === 'carte' ? variant : '',
    basemap: basemap === 'offline' ? 'offline' : '',
    theme: radio('theme') === 'dsfr' ? 'dsfr' : '',
    lang: radio('lang') === 'en' ? 'en' : '',
    color: colorEnabled.checked ? color.value : undefined,
    scriptUrl: script(),
  };
}

function codeNoteText(s: SnippetSettings): { text: string; ready: boolean } {
  if (!s.feeds.length) {
    return { text: "À compléter : collez d'abord l'adresse du flux de votre DSRC (étape 1). Sans elle, le code ci-dessous laisse src vide.", ready: false };
  }
  if (feedState === 'checking') return { text: 'Vérification du flux en cours…', ready: false };
  if (feedState === 'error') return { text: "Le flux n'a pas pu être lu (voir le message sous l'adresse) : le code est prêt, mais l'annuaire ne s'affichera qu'une fois le problème réglé.", ready: false };
  return { text: 'Flux vérifié : le code est prêt à coller.', ready: true };
}

/** Mirrors the settings on the live widget: the webmaster's feed once it reads, else the sample. */
function applyToPreview(s: SnippetSettings): void {
  const own = feedState === 'ok' && results.length > 0;
  const attrs = new Map<string, string>([
    ['src', own ? results.map((r) => r.url).join(' ') : DEMO_FEED],
    ['departement', own ? s.departement.join(',') : ''],
    ['care', own ? s.care.join(',') : ''],
    ['audience', s.audience.join(',')],
    ['variant', s.variant],
    ['basemap', s.variant === 'liste' ? '' : s.basemap],
    ['theme', s.theme],
    ['lang', s.lang || 'fr'],
  ]);
  const presets = ['departement', 'care', 'audience'].filter((k) => attrs.get(k));
  attrs.set('lock', s.lock ? presets.join(',') : '');
  for (const [name, value] of attrs) {
    if (!value) preview.removeAttribute(name);
    else if (preview.getAttribute(name) !== value) preview.setAttribute(name, value);
  }
  const rule = colorRule(s);
  if (rule) preview.style.setProperty('--sos-color-primary', s.color ?? '');
  else preview.style.removeProperty('--sos-color-primary');
  previewNote.textContent = own
    ? 'Aperçu sur votre flux, avec vos réglages. Vous pouvez y chercher comme un visiteur.'
    : "Aperçu sur le flux d'exemple du projet (établissements réels, offres de soins fictives), en attendant le vôtre.";
}

/** The whole code in view, without a scroll bar of its own (it wraps: no sideways scroll either). */
function fitHeight(area: HTMLTextAreaElement): void {
  area.style.height = 'auto';
  area.style.height = `${area.scrollHeight + 2}px`;
}
addEventListener('resize', () => [htmlCode, wpCode, blockCode].forEach(fitHeight));

let copyButtons: { clear(): void } | undefined;
let lastCode = '';

function update(): void {
  color.disabled = !colorEnabled.checked;
  summaries();
  showFeedState();
  const s = settings();
  htmlCode.value = htmlSnippet(s);
  wpCode.value = shortcode(s);
  blockCode.value = blockMarkup(s);
  for (const area of [htmlCode, wpCode, blockCode]) fitHeight(area);
  const rule = colorRule(s);
  wpCss.hidden = !rule;
  wpCssCode.textContent = rule ?? '';
  const note = codeNoteText(s);
  codeNote.textContent = note.text;
  codeNote.classList.toggle('ready', note.ready);
  applyToPreview(s);
  // « Copié » speaks of the code as it was: gone once the code changes.
  const code = htmlCode.value + wpCode.value + blockCode.value;
  if (code !== lastCode) copyButtons?.clear();
  lastCode = code;
}

form.addEventListener('input', (e) => {
  if (e.target === feed) {
    // Snippets follow the typing at once; the check waits for a pause.
    const value = feed.value.trim();
    if (value !== checkedValue) feedState = value ? 'checking' : 'empty';
    update();
    clearTimeout(timer);
    timer = setTimeout(() => void check(feed.value.trim()), DEBOUNCE_MS);
  } else update();
});
form.addEventListener('change', (e) => {
  if (e.target === feed) void check(feed.value.trim());
  else update();
});
// A paste is a whole address: checked without waiting for the pause.
feed.addEventListener('paste', () => setTimeout(() => void check(feed.value.trim())));
form.addEventListener('submit', (e) => {
  e.preventDefault();
  void check(feed.value.trim());
});

copyButtons = wireCopyButtons(
  (['html', 'wp', 'block'] as const).map((id) => ({
    button: $<HTMLButtonElement>(`copy-${id}`),
    area: $<HTMLTextAreaElement>(`${id}-code`),
    status: $<HTMLElement>(`copy-${id}-status`),
  })),
);

// Wide screens: the feed's choices open beside the code; on a phone they stay folded (their
// summary line says what is chosen) so that the code follows the settings closely.
if (matchMedia('(min-width: 900px)').matches) {
  for (const id of ['departement-group', 'care-group', 'audience-group']) $<HTMLDetailsElement>(id).open = true;
}

update();
// An address already there (the browser restores fields on Back) is checked at once.
if (feed.value.trim()) void check(feed.value.trim());
