/**
 * The view in the page's address (issue 12): what was searched, near where, with which filters,
 * which card is open, so that a link reopens the same view, reload keeps it and Back steps back
 * through it. A lazy chunk: `<sos-annuaire>` loads it at once when the address carries its
 * parameters, else when the page is idle.
 *
 * Parameters are `sos-…` (`<id>-sos-…` when the page holds several directories), readable and
 * stable: `sos-q` (text), `sos-commune` (INSEE code) and `sos-rayon` (km), one per filter named
 * as the filter (`sos-care=nutrition,psychologie`), `sos-fiche` (the open card). Everything read
 * is checked against what it may be (codes of the registry, an INSEE pattern, the radii offered,
 * a length); anything else is ignored. Nothing from the address is ever rendered as markup.
 *
 * History: opening a card is a step (Back closes it), and so is showing « Ma sélection »; so is
 * each change of filter, place or radius; typing replaces its own step until something else
 * changes or the search was left alone for a while (Back returns to the search before, not to
 * each letter). Back and Forward never change the items of « Ma sélection »: they are what the
 * visitor collected, not a view. A position from « Autour de moi » is not written: a shared link
 * must not carry where its sender stands.
 */
import { FILTERS, type FilterName } from '../search/filters.js';
import { CARE_CODES, SUBCARE_CODES } from '../feed/taxonomy.js';
import { emptyFilters, RADII_KM, type Criteria, type Filters } from '../search/criteria.js';
import { loadCommunesModule } from './chunks.js';
import { SHORTLIST_MAX, STORE_CHANGE, type DirectoryStore, type ShortlistItem, type StoreChangeDetail } from './directory-store.js';

/** What the address says, checked. */
export interface UrlView {
  query: string;
  filters: Partial<Filters>;
  /** A commune chosen in « Près de » and the radius around it. */
  place?: { insee: string; radiusKm: number };
  /** The open card: a structure's key (`publisher:id`). */
  open?: string;
  /** « Ma sélection »: `key` or `key/offer`, in order. */
  shortlist?: ShortlistItem[];
  /** « Ma sélection » shown (a shared selection opens on it). */
  showShortlist?: boolean;
}

const MAX_QUERY = 200;
const MAX_VALUES = 40;
const INSEE = /^(?:\d{5}|2[AB]\d{3})$/;
const DEPARTEMENT = /^(?:\d{2}|2[AB]|97\d)$/;
const KEY = /^[\w.-]{1,80}:[\w.~-]{1,120}$/;
const OFFER_ID = /^[\w.-]{1,64}$/;

/** The codes a filter accepts from an address (its registry codes; départements by pattern). */
function accepts(name: FilterName, code: string): boolean {
  const f = FILTERS.find((x) => x.name === name);
  if (!f) return false;
  if (f.kind === 'department') return DEPARTEMENT.test(code);
  if (f.kind === 'care') return (CARE_CODES as readonly string[]).includes(code);
  if (f.kind === 'subcare') return (SUBCARE_CODES as readonly string[]).includes(code);
  return 'codes' in f && (f.codes as readonly string[]).includes(code);
}

/** The parameters of one directory in an address (`prefix` is `sos-` or `<id>-sos-`). */
export function readUrl(search: string, prefix: string): UrlView {
  const params = new URLSearchParams(search);
  const get = (name: string) => params.get(prefix + name) ?? undefined;
  const view: UrlView = { query: (get('q') ?? '').slice(0, MAX_QUERY), filters: {} };
  for (const f of FILTERS) {
    const raw = get(f.name);
    if (raw === undefined) continue;
    const codes = [...new Set(raw.split(',').map((c) => c.trim()).filter((c) => accepts(f.name, c)))].slice(0, MAX_VALUES);
    if (codes.length) view.filters[f.name] = codes;
  }
  const insee = get('commune')?.toUpperCase();
  const radius = Number(get('rayon'));
  if (insee && INSEE.test(insee)) {
    view.place = { insee, radiusKm: (RADII_KM as readonly number[]).includes(radius) ? radius : 20 };
  }
  const open = get('fiche');
  if (open && KEY.test(open)) view.open = open;
  const shortlist = (get('selection') ?? '').split(',').flatMap((item): ShortlistItem[] => {
    const [key = '', offer, extra] = item.split('/');
    if (extra !== undefined || !KEY.test(key) || (offer !== undefined && !OFFER_ID.test(offer))) return [];
    return [offer ? { key, offer } : { key }];
  });
  if (shortlist.length) view.shortlist = shortlist.slice(0, SHORTLIST_MAX);
  if (get('voir') === 'selection') view.showShortlist = true;
  return view;
}

/**
 * `search` with this directory's parameters replaced by `view`'s (others' parameters, and the
 * host page's own, kept in place). Presets are not written: they are the page's, not the view's.
 */
export function writeUrl(search: string, prefix: string, view: UrlView, presets?: Partial<Filters>): string {
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) if (key.startsWith(prefix)) params.delete(key);
  const set = (name: string, value: string | undefined) => value && params.set(prefix + name, value);
  set('q', view.query.trim().slice(0, MAX_QUERY));
  if (view.place) {
    set('commune', view.place.insee);
    set('rayon', String(view.place.radiusKm));
  }
  for (const f of FILTERS) {
    const codes = view.filters[f.name] ?? [];
    if (codes.join() !== (presets?.[f.name] ?? []).join()) set(f.name, codes.join(',') || undefined);
  }
  set('fiche', view.open);
  set('selection', view.shortlist?.map((i) => (i.offer ? `${i.key}/${i.offer}` : i.key)).join(','));
  set('voir', view.showShortlist ? 'selection' : undefined);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The store's view as the address shows it. */
function viewOf(store: DirectoryStore): UrlView {
  const { query, filters, near } = store.criteria;
  return {
    query,
    filters,
    // Only a commune chosen by name: « Autour de moi » has no INSEE code and stays out of links.
    ...(near?.insee ? { place: { insee: near.insee, radiusKm: near.radiusKm } } : {}),
    ...(store.openKey ? { open: store.openKey } : {}),
    ...(store.shortlist.length ? { shortlist: [...store.shortlist] } : {}),
    ...(store.shortlistOpen ? { showShortlist: true } : {}),
  };
}

/** Our entries in the page's history (`history.state`), beside whatever the host keeps there. */
interface Entry {
  /** Which directory wrote the entry, and what kind of step it is. */
  sos?: { prefix: string; kind: 'card' | 'panel' | 'typing' | 'step' };
}

/** A query left alone this long is a search of its own: the next typing starts a new step. */
const TYPING_PAUSE_MS = 2500;
const RANK = { typing: 0, 'new-typing': 1, step: 2 } as const;

/**
 * Keeps one store and the address in step, both ways, until `stop()`. Returns the view read from
 * the address at start (already applied to the store; the card opens once the feeds are here).
 */
export class UrlSync {
  private applying = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last: Criteria;
  private lastOpen: string | undefined;
  private pendingOpen: string | undefined;
  /** A card opened from the list was written as a history step: closing it goes Back. */
  private cardStep = false;
  /** The integrator's presets: not written (they are the page's, not the visitor's). */
  private presets: Partial<Filters> | undefined;
  private stopped = false;
  /** When the query last changed: a search left alone for a while is a step of its own. */
  private typedAt = 0;
  /** « Ma sélection » was opened as a step: closing it goes Back. */
  private panelStep = false;
  private lastPanel: boolean;
  /** The criteria write waiting for the criteria to rest. */
  private pending: 'typing' | 'new-typing' | 'step' | undefined;

  constructor(
    private readonly store: DirectoryStore,
    private readonly prefix: string,
    private readonly win: Window = window,
  ) {
    this.last = store.criteria;
    this.lastOpen = store.openKey;
    this.lastPanel = store.shortlistOpen;
  }

  /** Reads the address into the store, then follows both. */
  async start(presets?: Partial<Filters>): Promise<void> {
    this.presets = presets;
    this.store.shareLink = (what) => this.link(what);
    this.store.addEventListener(STORE_CHANGE, this.onChange);
    this.win.addEventListener('popstate', this.onPop);
    // Only an address that speaks of this directory is applied: one started when the page is idle
    // must not undo what the visitor already typed.
    const search = this.win.location.search;
    if ([...new URLSearchParams(search).keys()].some((k) => k.startsWith(this.prefix))) await this.apply(readUrl(search, this.prefix));
    else this.catchUp(presets);
  }

  /**
   * What the visitor did before this module arrived (on a slow phone, a search typed while the
   * page was busy) is written as the steps it would have been: the entry the page opened on stays
   * the view before them, so Back returns to it instead of leaving the page.
   */
  private catchUp(presets: Partial<Filters> | undefined): void {
    const store = this.store;
    const opened: Criteria = { query: '', filters: { ...emptyFilters(), ...presets } };
    if (!sameCriteria(store.criteria, opened)) {
      const { open: _card, ...search } = viewOf(store);
      this.write(onlyQuery(store.criteria, opened) ? 'typing' : 'step', search);
    }
    this.write(store.openKey ? 'card' : 'keep'); // « Ma sélection » in place
  }

  /**
   * An absolute link to share: a card (`open`) in the current view (`alone`: the card only, a
   * short link for a QR code), or « Ma sélection » alone (`shortlist`: the items and the panel
   * open, not the search).
   */
  link(what: { open?: string; shortlist?: boolean; alone?: boolean }): string {
    const { location } = this.win; // the window's: tests give their own
    const store = this.store;
    const view: UrlView = what.shortlist
      ? { query: '', filters: {}, shortlist: [...store.shortlist], showShortlist: true }
      : what.alone
        ? { query: '', filters: {}, ...(what.open ? { open: what.open } : {}) }
        : { ...viewOf(store), showShortlist: false, ...(what.open ? { open: what.open } : {}) };
    // The page's address for people (store.pageAddress): the host's own parameters stay out,
    // unless the integrator's `page-url` has some.
    const base = new URL(store.pageAddress || `${location.origin}${location.pathname}`, location.href);
    return `${base.origin}${base.pathname}${writeUrl(base.search, this.prefix, view, what.shortlist ? undefined : this.presets)}`;
  }

  stop(): void {
    this.stopped = true;
    if (this.store.shareLink) this.store.shareLink = undefined;
    this.store.removeEventListener(STORE_CHANGE, this.onChange);
    this.win.removeEventListener('popstate', this.onPop);
    clearTimeout(this.timer);
  }

  /** Makes the store show `view` (a link, Back, Forward), without writing it back. */
  private async apply(view: UrlView): Promise<void> {
    const store = this.store;
    // A position from « Autour de moi » is not in the address: it stays while the visitor moves
    // through history (Back from a card must not forget it).
    let near = store.criteria.near && !store.criteria.near.insee ? store.criteria.near : undefined;
    if (view.place) {
      const current = store.criteria.near;
      if (current?.insee === view.place.insee) near = { ...current, radiusKm: view.place.radiusKm };
      else {
        try {
          const m = await loadCommunesModule();
          const commune = m.communeByInsee(await m.loadCommunes(), view.place.insee);
          if (commune) near = m.nearOf(commune, view.place.radiusKm);
        } catch {
          // The commune index did not load: the view opens without its place.
        }
      }
    }
    const filters = { ...emptyFilters(), ...this.presets, ...view.filters };
    const criteria: Criteria = { query: view.query, filters, ...(near ? { near } : {}) };
    this.applying = true;
    try {
      if (!sameCriteria(criteria, store.criteria)) store.setCriteria(criteria);
      const shortlist = view.shortlist ?? [];
      if (shortlistText(shortlist) !== shortlistText(store.shortlist)) store.setShortlist(shortlist);
      store.showShortlist(!!view.showShortlist);
      this.pendingOpen = view.open;
      this.openWhenReady();
      if (!view.open && store.openKey) store.close();
    } finally {
      this.last = store.criteria;
      this.lastOpen = view.open;
      this.lastPanel = store.shortlistOpen;
      // The store reports its changes in a microtask: they are ours, not the visitor's.
      queueMicrotask(() => (this.applying = false));
    }
  }

  /** The card of the address opens once its structure is known (the feeds may still be loading). */
  private openWhenReady(): void {
    const key = this.pendingOpen;
    if (!key) return;
    if (this.store.structure(key)) {
      this.pendingOpen = undefined;
      if (this.store.openKey !== key) this.store.open(key);
    } else if (this.store.status !== 'loading' && this.store.status !== 'idle') {
      this.pendingOpen = undefined; // not in these feeds: ignored
    }
  }

  private readonly onPop = (e: PopStateEvent): void => {
    const state = e.state as Entry | null;
    const ours = state?.sos?.prefix === this.prefix ? state.sos.kind : undefined;
    this.cardStep = ours === 'card';
    this.panelStep = ours === 'panel';
    // Back and Forward move through views; « Ma sélection » is what the visitor collected, not a
    // view: it stays as it is now, and the entry's address is brought up to date with it.
    const view = readUrl(this.win.location.search, this.prefix);
    const { shortlist: _older, ...rest } = view;
    void this.apply({ ...rest, ...(this.store.shortlist.length ? { shortlist: [...this.store.shortlist] } : {}) }).then(() => {
      if (this.stopped) return; // the directory left the page meanwhile: the address is no longer its own
      const now = writeUrl(this.win.location.search, this.prefix, { ...view, shortlist: [...this.store.shortlist] }, this.presets);
      if (now !== this.win.location.search) this.win.history.replaceState(this.win.history.state, '', `${this.win.location.pathname}${now}${this.win.location.hash}`);
    });
  };

  private readonly onChange = (e: Event): void => {
    const { changes } = (e as CustomEvent<StoreChangeDetail>).detail;
    if (changes.has('status') || changes.has('data')) {
      this.applying = true;
      this.openWhenReady();
      queueMicrotask(() => (this.applying = false));
    }
    if (this.applying || !(changes.has('criteria') || changes.has('open') || changes.has('shortlist'))) return;
    const store = this.store;
    // Closing a card that was a step of its own: go Back to the entry before it (the address
    // and the Back button then agree).
    if (changes.has('open') && !store.openKey && this.lastOpen && this.cardStep) {
      this.cardStep = false;
      this.lastOpen = undefined;
      this.win.history.back();
      return;
    }
    // « Ma sélection » shown is a step (Back closes it, like a card); closed from its own button,
    // it goes Back to the entry before it. Its items changing stays in place.
    if (changes.has('shortlist') && store.shortlistOpen !== this.lastPanel) {
      this.lastPanel = store.shortlistOpen;
      if (!store.shortlistOpen && this.panelStep) {
        this.panelStep = false;
        // The items may have changed while it was open: the entry Back returns to gets them (onPop).
        this.win.history.back();
        return;
      }
      if (store.shortlistOpen) {
        clearTimeout(this.timer); // criteria still resting are written with it
        this.pending = undefined;
        this.write('panel');
        return;
      }
    }
    let kind: 'card' | 'typing' | 'new-typing' | 'step' | 'close' | undefined;
    if (changes.has('open') && store.openKey && store.openKey !== this.lastOpen) kind = 'card';
    else if (changes.has('open') && !store.openKey && this.lastOpen) kind = 'close';
    else if (!sameCriteria(store.criteria, this.last)) {
      // Typing goes on in its own step; a search left alone for a while (read, then cleared and
      // another typed) is one Back returns to.
      const typing = onlyQuery(store.criteria, this.last);
      const now = Date.now();
      kind = !typing ? 'step' : now - this.typedAt < TYPING_PAUSE_MS ? 'typing' : 'new-typing';
      if (typing) this.typedAt = now;
    }
    this.last = store.criteria;
    this.lastOpen = store.openKey;
    if (kind === 'card' || kind === 'close') {
      clearTimeout(this.timer); // criteria still resting are written with it
      this.pending = undefined;
      this.write(kind);
      return;
    }
    // « Ma sélection » changes the address in place: not a step of the search.
    if (!kind) {
      if (changes.has('shortlist')) this.write('keep');
      return;
    }
    // Criteria: written once they rest (a reset or a filter click changes several at once).
    clearTimeout(this.timer);
    // Changes that rest together are one write, as the weightiest of them (a step over typing).
    const step = RANK[kind] >= RANK[this.pending ?? 'typing'] ? kind : this.pending!;
    this.pending = step;
    this.timer = setTimeout(() => {
      this.pending = undefined;
      this.write(step);
    }, 250);
  };

  /**
   * `close`: a card opened by a link closes in place (replaced, not a new step); `keep`: the
   * address changes in place and the entry stays what it was (« Ma sélection »).
   */
  private write(kind: 'card' | 'panel' | 'typing' | 'new-typing' | 'step' | 'close' | 'keep', view: UrlView = viewOf(this.store)): void {
    const { history, location } = this.win;
    const search = writeUrl(location.search, this.prefix, view, this.presets);
    if (search === location.search) return;
    const url = `${location.pathname}${search}${location.hash}`;
    const current = (history.state ?? {}) as Entry;
    // Typing goes on in its own step; anything else is a new step Back returns from.
    if (kind === 'keep') {
      history.replaceState(history.state, '', url);
      return;
    }
    const replace = kind === 'close' || (kind === 'typing' && current.sos?.prefix === this.prefix && current.sos.kind === 'typing');
    const state: Entry = { ...(typeof history.state === 'object' ? history.state : {}), sos: { prefix: this.prefix, kind: kind === 'close' ? 'step' : kind === 'new-typing' ? 'typing' : kind } };
    if (replace) history.replaceState(state, '', url);
    else history.pushState(state, '', url);
    this.cardStep = kind === 'card';
    this.panelStep = kind === 'panel';
  }
}

function shortlistText(items: readonly ShortlistItem[]): string {
  return items.map((i) => `${i.key}/${i.offer ?? ''}`).join();
}

function sameCriteria(a: Criteria, b: Criteria): boolean {
  return a.query === b.query && a.near?.insee === b.near?.insee && a.near?.radiusKm === b.near?.radiusKm
    && !!a.near === !!b.near && FILTERS.every((f) => a.filters[f.name].join() === b.filters[f.name].join());
}

function onlyQuery(a: Criteria, b: Criteria): boolean {
  return a.query !== b.query && sameCriteria({ ...a, query: b.query }, b);
}
