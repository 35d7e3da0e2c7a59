/**
 * Setup mistakes, told to the page's webmaster: a calm notice at the top of the element
 * (« Configuration de l'annuaire, à corriger par le responsable du site : … », announced politely,
 * in the element's language) and one French console message per mistake, starting with
 * `[sos-annuaire]`. A chunk loaded only when there is something to tell: mistakes in a
 * `<sos-annuaire>`'s attributes (found by setup-check.ts), a feed that failed on the network (CORS,
 * mixed content: found here), the widget's script loaded twice, `for="id"` naming no element.
 *
 * A classic `<script src="…/sos-annuaire.js">` (without `type="module"`) works: the loader tells it
 * in the console itself (src/cdn-loader/classic-advice.ts), the notice in the page.
 */
import { FILTER_NAMES, type FilterName } from '../search/filters.js';
import { fold } from '../util/fold.js';
import { editDistance } from '../util/edit-distance.js';
import { STORE_CHANGE, type DirectoryStore, type StoreChangeDetail } from '../state/directory-store.js';
import type { FeedLoadError } from '../feed/errors.js';
import { VARIANTS, codesOf, isCode, type SetupHost, type SetupProblem } from './setup-check.js';
import { README_CORS, setupStrings, type SetupStrings } from './setup-notice.strings.js';

/** One mistake: its notice line (in the element's language) and its French console message. */
interface Told {
  notice: (s: SetupStrings) => string;
  console: string;
  level: 'warn' | 'error';
  /** The directory cannot show anything: its layout (an endless « Chargement… ») is hidden. */
  blocking?: boolean;
}

interface HostState {
  attributes: Told[];
  network: Told[];
  box?: HTMLElement;
  /** Console messages already written for this element: each mistake is told once. */
  logged: Set<string>;
  /** The store whose next loads take back a network notice that no longer holds. */
  following?: DirectoryStore;
}

const states = new WeakMap<HTMLElement, HostState>();
const stateOf = (host: HTMLElement): HostState => {
  let s = states.get(host);
  if (!s) states.set(host, (s = { attributes: [], network: [], logged: new Set() }));
  return s;
};

/** `<sos-annuaire id="region">`: which element of the page a console message is about. */
const nameOf = (host: HTMLElement) => `<${host.localName}${host.id ? ` id="${host.id}"` : ''}>`;

/** A notice line for the console: without its code marks. */
const plain = (text: string) => text.replace(/`/g, '');

// ---- attributes -------------------------------------------------------------------------------

/**
 * What the integrator probably meant by an unknown code, as `attr="code"`: the same code in
 * another preset (`care="sophrologie"` → `subcare="sophrologie"`), a département written another way
 * (`1`, `2a`), or codes close to it (`care="kine"` → `subcare="kinesitherapie"`).
 */
export function hintsFor(filter: FilterName, code: string): string[] {
  if (filter === 'departement') {
    const d = /^\d$/.test(code) ? `0${code}` : code.toUpperCase();
    return d !== code && isCode(filter, d) ? [`departement="${d}"`] : [];
  }
  const v = fold(code).replace(/ /g, '-');
  const exact = FILTER_NAMES.filter((f) => f !== 'departement' && codesOf(f).includes(v) && !(f === filter && v === code));
  if (exact.length) return exact.map((f) => `${f}="${v}"`);
  if (v.length < 3) return [];
  // Close codes of this preset, and of the two care presets (what people's words usually mean).
  const near: { hint: string; score: number }[] = [];
  for (const f of new Set<FilterName>([filter, 'care', 'subcare'])) {
    for (const c of codesOf(f)) {
      const distance = c.startsWith(v) || (v.length > 4 && c.includes(v)) ? 0 : editDistance(v, c, 2);
      if (distance <= 2) near.push({ hint: `${f}="${c}"`, score: distance * 100 + c.length });
    }
  }
  return near.sort((a, b) => a.score - b.score).slice(0, 3).map((n) => n.hint);
}

/** Each mistake found by setup-check.ts, in words. */
function tell(host: HTMLElement, problem: SetupProblem): Told {
  const fr = setupStrings.fr;
  const told = (notice: Told['notice'], level: Told['level'] = 'warn', blocking = false, text = plain(notice(fr))): Told =>
    ({ notice, console: `[sos-annuaire] ${nameOf(host)} : ${text}`, level, blocking });
  switch (problem.kind) {
    case 'no-src':
      return told((s) => s.noSrc, 'error', true);
    case 'variant':
      return told((s) => s.variant(problem.value, VARIANTS));
    case 'theme':
      return told((s) => s.theme(problem.value));
    case 'lang':
      return told((s) => s.lang(problem.value));
    case 'lock':
      return told((s) => s.lock(problem.value, problem.unknown, FILTER_NAMES));
    case 'classic':
      // The console has the loader's own advice (src/cdn-loader/classic-advice.ts), once per page.
      return { notice: (s) => s.classic, console: '', level: 'warn' };
    case 'codes': {
      const { filter, value, unknown } = problem;
      const hints = unknown.length === 1 ? hintsFor(filter, unknown[0]!) : [];
      const known = codesOf(filter);
      // The notice lists at most 20 codes (the care categories, not the 80 finer cares); the console, all.
      const possible = (s: SetupStrings, all: boolean) => (filter === 'departement' ? s.departements : known.length > 20 && !all ? s.tooMany : known);
      return told((s) => s.codes(filter, value, unknown, possible(s, false), hints), 'warn', false, plain(fr.codes(filter, value, unknown, possible(fr, true), hints)));
    }
  }
}

/** Shows (or takes back) the notice of `<sos-annuaire>`'s attribute mistakes; tells new ones in the console. */
export function showSetup(host: SetupHost, problems: readonly SetupProblem[]): void {
  const state = stateOf(host);
  state.attributes = problems.map((p) => tell(host, p));
  show(host, state);
}

/** The widget's script loaded twice (a theme and a plugin): the first copy stays. */
export function definedTwice(tag: string): void {
  console.warn(`[sos-annuaire] <${tag}> est déjà défini : le script du widget est chargé deux fois sur cette page. La première version est conservée.`);
}

/** An element used alone without any data source (no `src`, `for`, `store` or enclosing annuaire). */
export function noSource(tag: string): void {
  console.error(`[sos-annuaire] <${tag}> : aucune source de données. Donnez-lui l'attribut src (l'adresse du flux publié par votre DSRC), ou for="id" d'un <sos-annuaire> de la page, ou placez-le dans un <sos-annuaire>.`);
}

/** `for="id"` names no element of the page (yet: a directory written later is linked when it comes). */
export function missingTarget(tag: string, id: string): void {
  console.warn(`[sos-annuaire] <${tag} for="${id}"> : aucun élément avec l'id « ${id} » dans la page.`);
}

// ---- feeds that failed on the network ---------------------------------------------------------

/** Whether a resource answers at all in this fetch mode (headers only: the body is cancelled). */
async function answers(url: string, mode: RequestMode): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10_000);
  try {
    await fetch(url, { mode, credentials: 'omit', cache: 'no-store', signal: controller.signal });
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/**
 * Why a feed failed on the network, when a setup mistake is likely. A browser never tells a page
 * that CORS refused a response: fetch rejects with the same TypeError as for an unreachable server
 * (load.ts can only list both). So: a feed on another origin, while online, that fails again in
 * CORS mode but answers a `no-cors` request (an opaque response: the server answered, the page may
 * not read it) is refused by CORS; an `http:` feed on an `https:` page is mixed content. Anything
 * else (offline, a server down or unknown, the page's connect-src) is left to the loader's message.
 */
export async function networkCause(url: string, page: Pick<URL, 'href' | 'origin' | 'protocol'> = location, online = navigator.onLine): Promise<'cors' | 'mixed' | undefined> {
  let target: URL;
  try {
    target = new URL(url, page.href);
  } catch {
    return undefined;
  }
  if (target.origin === page.origin || !online) return undefined;
  // Browsers let an https: page read http://localhost (a developer's machine): not mixed content.
  if (page.protocol === 'https:' && target.protocol === 'http:' && !/^(localhost|127\.0\.0\.1|\[::1\])$/.test(target.hostname)) return 'mixed';
  if (await answers(target.href, 'cors')) return undefined; // it reads now: the failure has passed
  return (await answers(target.href, 'no-cors')) ? 'cors' : undefined;
}

/** Diagnoses made, per failure (a store keeps its errors until its next load, and announces them once per change). */
const causes = new WeakMap<FeedLoadError, Promise<'cors' | 'mixed' | undefined>>();

const networkFailures = (store: DirectoryStore) =>
  [...store.errors, ...store.feeds.flatMap((f) => (f.stale ? [f.stale.error] : []))].filter((e) => e.kind === 'network');

/**
 * Called when a store's feeds failed (errors, or a last good copy shown instead): for those that
 * failed on the network, finds whether CORS or mixed content is why, and tells the webmaster
 * (notice on `host`, console). The notice goes when the store loads again without that failure.
 */
export async function explainFailures(host: HTMLElement, store: DirectoryStore): Promise<void> {
  const failures = networkFailures(store);
  const state = stateOf(host);
  const told: Told[] = [];
  for (const e of failures) {
    let cause = causes.get(e);
    if (!cause) causes.set(e, (cause = networkCause(e.url)));
    const found = await cause;
    if (found === 'cors') {
      told.push({
        notice: (s) => s.cors(e.url),
        console: `[sos-annuaire] ${e.url} : le serveur du flux n'autorise pas cette page (${location.origin}) à le lire. Il répond, mais sans l'en-tête CORS qui permet aux autres sites de lire le flux : ajoutez « Access-Control-Allow-Origin: * » à ses réponses (le flux est public ; exemples pour Apache, nginx et WordPress : data-schema/README.md, « Servir le flux »). Vérifiez aussi, en ouvrant l'adresse dans un onglet, que c'est bien le fichier du flux. Voir le README du projet, section ${README_CORS} (README.md#cors--ce-que-doivent-envoyer-les-serveurs).`,
        level: 'error',
      });
    } else if (found === 'mixed') {
      told.push({ notice: (s) => s.mixed(e.url), console: `[sos-annuaire] ${nameOf(host)} : ${plain(setupStrings.fr.mixed(e.url))}`, level: 'error' });
    }
  }
  // The store may have loaded again while the server was asked: only failures it still has are told.
  const now = new Set(networkFailures(store));
  state.network = failures.some((e) => now.has(e)) ? told : [];
  if (state.following !== store) {
    state.following = store;
    store.addEventListener(STORE_CHANGE, (e) => {
      if (state.network.length && store.status !== 'loading' && !networkFailures(store).length) {
        state.network = [];
        show(host, state);
      } else if (state.network.length && (e as CustomEvent<StoreChangeDetail>).detail.changes.has('lang')) {
        show(host, state); // in the language the directory now speaks
      }
    });
  }
  show(host, state);
}

// ---- the notice -------------------------------------------------------------------------------

const sheet = (() => {
  try {
    const s = new CSSStyleSheet();
    s.replaceSync(`
      .setup-notice {
        margin: 0 0 calc(var(--_space, 8px) * 2);
        padding: var(--_space, 8px) calc(var(--_space, 8px) * 1.5);
        border: 1px solid var(--_border, #858585);
        border-radius: var(--_radius, 6px);
        background: var(--_surface-alt, #f3f5f8);
        color: var(--_text, #1e1e1e);
        font-size: 0.9375em;
      }
      .setup-notice p { margin: 0; font-weight: 600; }
      .setup-notice ul { margin: 0.25em 0 0; padding-inline-start: 1.25em; }
      .setup-notice code { font-family: ui-monospace, 'Cascadia Mono', Menlo, Consolas, monospace; font-size: 0.9375em; overflow-wrap: anywhere; }
    `);
    return s;
  } catch {
    return undefined; // no constructable stylesheets: the notice is shown without its box
  }
})();

/** Text with `code` marks, as text nodes and <code> elements (never HTML: values come from the page's attributes and feeds). */
function fill(parent: HTMLElement, text: string): void {
  text.split('`').forEach((part, i) => {
    if (!part) return;
    if (i % 2) parent.appendChild(document.createElement('code')).textContent = part;
    else parent.append(part);
  });
}

function show(host: HTMLElement, state: HostState): void {
  const told = [...state.attributes, ...state.network];
  for (const t of told) {
    if (!t.console || state.logged.has(t.console)) continue;
    state.logged.add(t.console);
    console[t.level](t.console);
  }
  const root = (host as Partial<SetupHost>).renderRoot ?? host.shadowRoot;
  if (!root) return;
  const layout = root.querySelector<HTMLElement>('[part="layout"]');
  if (layout) layout.hidden = told.some((t) => t.blocking);
  if (!told.length) {
    state.box?.remove();
    state.box = undefined;
    return;
  }
  // The element's language, else its store's (a standalone element's own store speaks French).
  const lang = host.getAttribute('lang') || (host as Partial<SetupHost>).store?.lang || 'fr';
  const s = setupStrings[lang.toLowerCase().startsWith('en') ? 'en' : 'fr'];
  const lines = told.map((t) => t.notice(s));
  const text = JSON.stringify(lines);
  if (state.box?.isConnected && state.box.dataset.text === text) return;
  if (sheet && root instanceof ShadowRoot && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  let box = state.box;
  if (!box?.isConnected) {
    // An empty live region first, its text a moment later: screen readers announce a change, not a new region.
    box = state.box = document.createElement('div');
    box.className = 'setup-notice';
    box.setAttribute('role', 'status');
    root.prepend(box);
  }
  box.dataset.text = text;
  const target = box;
  setTimeout(() => {
    if (target.dataset.text !== text) return;
    const title = document.createElement('p');
    title.textContent = s.title;
    const list = document.createElement('ul');
    for (const line of lines) fill(list.appendChild(document.createElement('li')), line);
    target.replaceChildren(title, list);
  }, 100);
}
