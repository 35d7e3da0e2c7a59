// The snippet configurator (demo/configurateur.html): pick presets, watch the live widget, copy
// the HTML snippet or the WordPress shortcode. Runs from the sources in the Vite dev server.
import '../src/index.js';
import { AUDIENCES, CATEGORIES } from '../src/feed/taxonomy.js';
import { DEPARTEMENTS } from '../src/geo/departements.js';

const DEFAULT_FEED = './feeds/onco-nouvelle-aquitaine.demo.json';
const DEFAULT_SCRIPT = 'https://VOTRE-HEBERGEMENT/sos-annuaire/sos-annuaire.js';

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from configurateur.html`);
  return el as T;
};

const form = $<HTMLFormElement>('settings');
const feed = $<HTMLInputElement>('feed');
const departement = $<HTMLInputElement>('departement');
const departementNames = $<HTMLSpanElement>('departement-names');
const lock = $<HTMLInputElement>('lock');
const colorEnabled = $<HTMLInputElement>('color-enabled');
const color = $<HTMLInputElement>('color');
const scriptUrl = $<HTMLInputElement>('script-url');
const preview = $<HTMLElement>('apercu');
const htmlCode = $<HTMLTextAreaElement>('html-code');
const wpCode = $<HTMLTextAreaElement>('wp-code');
const status = $<HTMLParagraphElement>('copy-status');
const wpCss = $<HTMLParagraphElement>('wp-css');
const wpCssCode = $<HTMLElement>('wp-css-code');
const feedNote = $<HTMLSpanElement>('feed-note');

feed.value = DEFAULT_FEED;
scriptUrl.value = DEFAULT_SCRIPT;

/** Checkboxes for a list of codes with French labels. */
function checkboxes(containerId: string, name: string, items: { code: string; label: string }[]): void {
  const container = $<HTMLDivElement>(containerId);
  for (const { code, label } of items) {
    const lab = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.name = name;
    input.value = code;
    lab.append(input, ` ${label}`);
    container.append(lab);
  }
}
checkboxes('care-choices', 'care', CATEGORIES.map((c) => ({ code: c.code, label: c.short.fr })));
checkboxes('audience-choices', 'audience', AUDIENCES.codes.map((code) => ({ code, label: AUDIENCES.labels[code].fr })));

const checked = (name: string): string[] =>
  [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value);
const radio = (name: string): string => form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';

interface Settings {
  /** Attributes of <sos-annuaire>, in output order; empty values are left out. */
  attrs: [string, string][];
  lock: boolean;
  color: string | undefined;
}

function departementCodes(): { codes: string[]; unknown: string[] } {
  const codes = departement.value.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);
  return { codes, unknown: codes.filter((c) => !DEPARTEMENTS[c]) };
}

function read(): Settings {
  const { codes } = departementCodes();
  const attrs: [string, string][] = [
    ['src', feed.value.trim()],
    ['departement', codes.join(',')],
    ['care', checked('care').join(',')],
    ['audience', checked('audience').join(',')],
    ['variant', radio('variant') === 'complet' ? '' : radio('variant')],
    ['basemap', radio('variant') === 'liste' ? '' : radio('basemap')],
    ['theme', radio('theme')],
    ['lang', radio('lang') === 'fr' ? '' : radio('lang')],
  ];
  const hasPresets = attrs.some(([k, v]) => ['departement', 'care', 'audience'].includes(k) && v !== '');
  return {
    attrs: attrs.filter(([, v]) => v !== ''),
    lock: lock.checked && hasPresets,
    color: colorEnabled.checked ? color.value : undefined,
  };
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Shortcode values: no double quotes or brackets (they would end the shortcode). */
const escapeShortcode = (s: string): string => s.replace(/"/g, '&quot;').replace(/\[/g, '&#91;').replace(/\]/g, '&#93;');

function htmlSnippet(s: Settings): string {
  const attrs = s.attrs.map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join('') + (s.lock ? ' lock' : '');
  const lines = [`<script type="module" src="${escapeHtml(scriptUrl.value.trim() || DEFAULT_SCRIPT)}"></script>`];
  if (s.color) lines.push(`<style>sos-annuaire { --sos-color-primary: ${s.color}; }</style>`);
  lines.push(`<sos-annuaire${attrs}></sos-annuaire>`);
  return lines.join('\n');
}

function shortcode(s: Settings): string {
  const attrs = s.attrs.map(([k, v]) => ` ${k}="${escapeShortcode(v)}"`).join('') + (s.lock ? ' lock' : '');
  return `[annuaire_sos${attrs}]`;
}

/** WordPress: the colour goes into the theme's CSS, not into the shortcode. */
function wordpressCss(s: Settings): void {
  wpCss.hidden = !s.color;
  wpCssCode.textContent = s.color ? `sos-annuaire { --sos-color-primary: ${s.color}; }` : '';
}

/** A relative or non-https feed address works here, not on the partner's site. */
function feedWarning(): void {
  const urls = feed.value.trim().split(/\s+/).filter(Boolean);
  feedNote.textContent = urls.length && urls.every((u) => /^https:\/\//i.test(u))
    ? ''
    : 'Pour votre site, indiquez l\'adresse complète du flux (https://…), celle donnée par votre DSRC.';
}

/** Mirrors the settings on the live widget (attributes set or removed, colour as a custom property). */
function applyToPreview(s: Settings): void {
  const wanted = new Map(s.attrs);
  for (const name of ['src', 'departement', 'care', 'audience', 'variant', 'basemap', 'theme', 'lang']) {
    const value = wanted.get(name);
    if (name === 'lang') {
      preview.setAttribute('lang', value ?? 'fr');
    } else if (value === undefined) {
      preview.removeAttribute(name);
    } else if (preview.getAttribute(name) !== value) {
      preview.setAttribute(name, value);
    }
  }
  preview.toggleAttribute('lock', s.lock);
  if (s.color) preview.style.setProperty('--sos-color-primary', s.color);
  else preview.style.removeProperty('--sos-color-primary');
}

function describeDepartements(): void {
  const { codes, unknown } = departementCodes();
  if (!codes.length) departementNames.textContent = '';
  else if (unknown.length) departementNames.textContent = `Code inconnu : ${unknown.join(', ')}`;
  else departementNames.textContent = codes.map((c) => `${c} ${DEPARTEMENTS[c]}`).join(', ');
}

function update(): void {
  color.disabled = !colorEnabled.checked;
  describeDepartements();
  const s = read();
  applyToPreview(s);
  htmlCode.value = htmlSnippet(s);
  wpCode.value = shortcode(s);
  wordpressCss(s);
  feedWarning();
  status.textContent = '';
  status.classList.remove('error');
}

// Text fields update on `change` (the feed is reloaded once, not at every keystroke); the rest at once.
form.addEventListener('change', update);
form.addEventListener('input', (e) => {
  const t = e.target as HTMLElement;
  if (t !== feed && t !== departement) update();
});
form.addEventListener('submit', (e) => e.preventDefault());

async function copy(button: HTMLButtonElement): Promise<void> {
  const area = $<HTMLTextAreaElement>(button.dataset['target'] ?? '');
  try {
    if (!navigator.clipboard?.writeText) throw new Error('clipboard API unavailable');
    await navigator.clipboard.writeText(area.value);
    status.classList.remove('error');
    status.textContent = 'Copié !';
  } catch {
    // Fallback: select the text for Ctrl+C / ⌘+C.
    area.focus();
    area.select();
    status.classList.add('error');
    status.textContent = 'Copie automatique impossible : le texte est sélectionné, appuyez sur Ctrl+C (ou ⌘+C).';
  }
}
for (const id of ['copy-html', 'copy-wp']) {
  const button = $<HTMLButtonElement>(id);
  button.addEventListener('click', () => void copy(button));
}

update();
