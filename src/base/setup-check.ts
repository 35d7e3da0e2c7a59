/**
 * Finds setup mistakes in a `<sos-annuaire>`'s attributes: no or empty `src`; an unknown `variant`,
 * `theme` or `lang`; an unknown code in a preset, or an unknown filter in `lock`; and the widget's
 * script tag without `type="module"` (it works; the loader says so in the console itself). A small chunk
 * loaded when the page is idle after the element's first render; it follows the element (its
 * attributes, and its store for what scripts set as properties) and loads the messages
 * (setup-notice.ts) only when there is a mistake to tell, or one to take back once fixed.
 */
import { FILTERS, FILTER_NAMES, type FilterName } from '../search/filters.js';
import { CARE_CODES, SUBCARE_CODES } from '../feed/taxonomy.js';
import { STORE_CHANGE, type DirectoryStore } from '../state/directory-store.js';
import { loadedAsClassicScript } from '../util/classic-flag.js';

/** What the check reads on `<sos-annuaire>` (its properties, its store, its shadow root). */
export type SetupHost = HTMLElement & {
  readonly renderRoot: HTMLElement | DocumentFragment;
  src?: string;
  variant?: string;
  theme?: string;
  lock?: string;
  readonly store: DirectoryStore;
} & Partial<Record<FilterName, string>>;

export type SetupProblem =
  | { kind: 'no-src' }
  | { kind: 'variant' | 'theme' | 'lang'; value: string }
  | { kind: 'codes'; filter: FilterName; value: string; unknown: string[] }
  | { kind: 'lock'; value: string; unknown: string[] }
  | { kind: 'classic' };

export const VARIANTS = ['complet', 'liste', 'carte'] as const;

/**
 * The 101 département codes (01–95 without 20, 2A, 2B, 971–974, 976), as the form and the
 * feed write them; a pattern rather than src/geo/departements.ts, a chunk of its own.
 */
const DEPARTEMENT = /^(0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-46])$/;

/**
 * A list attribute's values, as store-controller.ts splits them (not imported from there: that
 * module imports these chunks, and sharing it would split it off the initial bundle).
 */
export const splitList = (value: string | null | undefined): string[] => (value ?? '').split(/[\s,]+/).filter(Boolean);

/** The codes a preset attribute takes (départements: see `isCode`), from the taxonomy and the filters. */
export function codesOf(filter: FilterName): readonly string[] {
  if (filter === 'care') return CARE_CODES;
  if (filter === 'subcare') return SUBCARE_CODES;
  const def = FILTERS.find((f) => f.name === filter);
  return def && 'codes' in def ? def.codes : [];
}

export const isCode = (filter: FilterName, code: string): boolean =>
  filter === 'departement' ? DEPARTEMENT.test(code) : codesOf(filter).includes(code);

/** The mistakes in the element's attributes (and properties) now. */
export function setupProblems(host: SetupHost): SetupProblem[] {
  const problems: SetupProblem[] = [];
  // A store filled by script (setFeeds, load) needs no `src`.
  if (!splitList(host.src).length && host.store.status === 'idle') problems.push({ kind: 'no-src' });
  const { variant, theme } = host;
  if (variant && !(VARIANTS as readonly string[]).includes(variant)) problems.push({ kind: 'variant', value: variant });
  if (theme && theme !== 'dsfr') problems.push({ kind: 'theme', value: theme });
  const lang = host.getAttribute('lang');
  if (lang && !/^(fr|en)(-|$)/i.test(lang)) problems.push({ kind: 'lang', value: lang });
  for (const filter of FILTER_NAMES) {
    const value = host[filter];
    const unknown = splitList(value).filter((c) => !isCode(filter, c));
    if (value && unknown.length) problems.push({ kind: 'codes', filter, value, unknown });
  }
  const lock = host.lock;
  const unknown = splitList(lock).filter((f) => !(FILTER_NAMES as readonly string[]).includes(f) && f !== 'true' && f !== 'lock');
  if (lock && unknown.length) problems.push({ kind: 'lock', value: lock, unknown });
  if (loadedAsClassicScript()) problems.push({ kind: 'classic' });
  return problems;
}

/** Elements whose notice code has been told of mistakes (it then hears when they are fixed). */
const told = new WeakSet<HTMLElement>();
const followed = new WeakSet<HTMLElement>();

/**
 * Checks `<sos-annuaire>` now and whenever it changes (attributes; presets, `lock` or `src` set by
 * script, which reach its store); the messages' chunk is loaded only when there is something to say.
 */
export function checkSetup(host: SetupHost): void {
  // A page's own scripts may still set `src` or fill the store while it loads: checked once it has.
  if (document.readyState !== 'complete') {
    addEventListener('load', () => setTimeout(() => checkSetup(host)), { once: true });
    return;
  }
  if (!followed.has(host)) {
    followed.add(host);
    let queued = false;
    const again = () => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        checkSetup(host);
      });
    };
    new MutationObserver(again).observe(host, { attributes: true });
    host.store.addEventListener(STORE_CHANGE, again);
  }
  const problems = setupProblems(host);
  if (!problems.length && !told.has(host)) return;
  if (problems.length) told.add(host);
  void import('./setup-notice.js').then((m) => m.showSetup(host, problems));
}
