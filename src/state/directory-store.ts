/**
 * The state of one directory: its feeds, what the visitor asks, the results, the selection.
 * `<sos-annuaire>` owns one and shares it through @lit/context; a standalone element with its own
 * `src` owns its own. Plain TypeScript (no Lit) so it is testable and reusable outside elements.
 */
import { whenIdle } from '../util/scheduling.js';
import { loadFeeds, type LoadedFeed, type LoadOptions } from '../feed/load.js';
import type { FeedLoadError } from '../feed/errors.js';
import type { DirectoryStructure, Diagnostic } from '../feed/validate.js';
import { SearchIndex } from '../search/search-index.js';
import { search, type ResultSet } from '../search/search.js';
import { subcare } from '../feed/taxonomy.js';
import { mark } from '../feed/marks.js';
import { DEFAULT_RADIUS_KM, emptyCriteria, emptyFilters, FILTER_NAMES, type Criteria, type FilterName, type Filters, type Near } from '../search/criteria.js';
import type { GeoPoint } from '../feed/schema.js';
// Types only: free text and the commune index are chunks loaded on demand.
import type { CommuneLookup, TextMatch, TextSearch } from '../search/text/index.js';
import type { Commune } from '../geo/communes.js';

import { loadCommunesModule, loadHoursModule, loadRegionsModule, loadTextModule, type CommunesModule, type HoursModule, type RegionsModule } from './chunks.js';

/** A commune named in the main search box: the form offers to search near it. */
export interface PlaceProposal {
  commune: Commune;
  /** "Trélissac (24750)". */
  label: string;
  /** The query without the place's words ("kiné Périgueux" → "kiné"). */
  rest: string;
  /** The words that named it, as typed. */
  typed: string;
}

export type Status = 'idle' | 'loading' | 'ready' | 'error';
export type Change = 'status' | 'data' | 'criteria' | 'results' | 'selection' | 'open' | 'lang' | 'shortlist';

/** One item of « Ma sélection »: a structure (its key), or one of its offers. */
export interface ShortlistItem {
  key: string;
  offer?: string;
}

/** « Ma sélection » holds at most this many items (one printed handout). */
export const SHORTLIST_MAX = 20;

export interface StoreChangeDetail {
  changes: ReadonlySet<Change>;
}

/** Fired on the store (not in the DOM) whenever something changed; elements re-render on it. */
export const STORE_CHANGE = 'sos-store-change';

export class DirectoryStore extends EventTarget {
  status: Status = 'idle';
  feeds: LoadedFeed[] = [];
  errors: FeedLoadError[] = [];
  structures: DirectoryStructure[] = [];
  index: SearchIndex = new SearchIndex([]);
  criteria: Criteria = emptyCriteria();
  results: ResultSet = search(this.index, this.criteria);
  /** Highlighted in the list and on the map. */
  selectedKey: string | undefined;
  /** Shown in the structure card. */
  openKey: string | undefined;
  /** UI language of the elements sharing this store (change it with setLang: they re-render). */
  lang: 'fr' | 'en' = 'fr';
  /**
   * The integrator's replacements for visible strings, per language (`<sos-annuaire strings>`):
   * key → text, read by every element sharing this store (see src/base/overrides.ts).
   */
  strings: Partial<Record<'fr' | 'en', Readonly<Record<string, string>>>> | undefined;
  /** A commune named in the query (« Trélissac », « 24000 »), offered as the place to search near. */
  placeInQuery: PlaceProposal | undefined;
  /**
   * « Ma sélection »: structures, or offers of a structure, a person puts aside to print or send
   * (in their order; at most SHORTLIST_MAX). Kept in the address with the rest of the view.
   */
  shortlist: readonly ShortlistItem[] = [];
  /** « Ma sélection » is shown (its panel open). */
  shortlistOpen = false;
  /**
   * A link to this directory's view, with a card open or « Ma sélection » shown, when the address
   * follows the view (set by url-state.ts); undefined otherwise (the page's address is shared).
   */
  shareLink: ((what: { open?: string; shortlist?: boolean; alone?: boolean }) => string) | undefined;
  /** The page's address to give people (`page-url`): else the page's own, without its query or fragment. */
  pageUrl: string | undefined;

  /**
   * The address of the page for texts written for people (« Signaler une erreur », the print
   * footer, shared links): never the host page's query string or fragment (an intranet's
   * `?patient=…`), unless the integrator gave one.
   */
  get pageAddress(): string {
    return this.pageUrl || (typeof location === 'undefined' ? '' : location.origin + location.pathname);
  }

  /** Integrator presets: where "Réinitialiser" goes back to. */
  private presets: Filters = emptyFilters();
  /** Filters the visitor cannot change (the integrator's `lock`). */
  readonly locked = new Set<FilterName>();
  private byKey = new Map<string, DirectoryStructure>();
  private pending = new Set<Change>();
  private flushQueued = false;
  private loadController: AbortController | undefined;
  private sources: readonly string[] = [];
  /** The free-text side of `index`, once its chunk is loaded. */
  private text: TextSearch | undefined;
  private communes: (CommuneLookup & { module: CommunesModule }) | undefined;
  private regions: RegionsModule | undefined;
  /** The opening-hours chunk, once loaded: when a feed has machine-readable hours or a closure. */
  hours: HoursModule | undefined;
  /** Some structure or offer has `openingHours` or `closure` (the « Ouvert aujourd'hui » filter is offered). */
  usesHours = false;
  /**
   * What "now" is for opening hours and the freshness of records (« à vérifier », stale records
   * listed last): tests and integrators' previews set a fixed instant.
   */
  now: () => number = () => Date.now();
  /** The index whose unreadable hours were reported (once per feed). */
  private hoursReported: SearchIndex | undefined;
  /** Structures of `index` without coordinates have been placed at their commune's centre. */
  private approximated = false;

  get diagnostics(): { url: string; diagnostics: Diagnostic[] }[] {
    return this.feeds.map((f) => ({ url: f.url, diagnostics: f.diagnostics }));
  }

  /** The oldest stale copy in use, if a server failed and a cached copy is shown. */
  get stale(): LoadedFeed['stale'] & { generatedAt: string } | undefined {
    const f = this.feeds.find((x) => x.stale);
    return f?.stale ? { ...f.stale, generatedAt: f.feed.generatedAt } : undefined;
  }

  structure(key: string | undefined): DirectoryStructure | undefined {
    return key === undefined ? undefined : this.byKey.get(key);
  }

  /** Finds a structure by its feed id (what an integrator writes) or by its key. */
  structureById(id: string): DirectoryStructure | undefined {
    return this.byKey.get(id) ?? this.structures.find((s) => s.id === id);
  }

  /** Loads (or reloads) the feeds. Same sources twice is a no-op unless `force`. */
  async load(urls: readonly string[], options: LoadOptions & { force?: boolean } = {}): Promise<void> {
    if (!options.force && urls.join(' ') === this.sources.join(' ') && this.status !== 'idle') return;
    this.sources = [...urls];
    this.loadController?.abort();
    const controller = (this.loadController = new AbortController());
    this.status = 'loading';
    this.notify('status');
    // A slow server: its last good copy is shown meanwhile (marked), then replaced by the fresh feed.
    const copies = new Map<string, LoadedFeed>();
    const onCopy = (copy: LoadedFeed) => {
      if (controller.signal.aborted) return;
      copies.set(copy.url, copy);
      this.setFeeds([...copies.values()]);
    };
    const { feeds, errors } = await loadFeeds(urls, { onCopy, ...options, signal: controller.signal });
    if (controller.signal.aborted) return;
    this.setFeeds(feeds, errors.filter((e) => e.kind !== 'aborted'));
  }

  /** Installs already-loaded feeds (also used by tests and by pages that fetch feeds themselves). */
  setFeeds(feeds: LoadedFeed[], errors: FeedLoadError[] = []): void {
    this.feeds = feeds;
    this.errors = errors;
    this.structures = feeds.flatMap((f) => f.feed.structures);
    this.byKey = new Map(this.structures.map((s) => [s.key, s]));
    const regions = new Map(feeds.flatMap((f) => (f.feed.publisher.region ? [[f.feed.publisher.id, f.feed.publisher.region] as const] : [])));
    this.index = new SearchIndex(this.structures, { regions });
    this.text = undefined;
    this.approximated = false;
    this.usesHours = this.structures.some((s) => s.openingHours !== undefined || s.closure !== undefined || s.offers.some((o) => o.openingHours !== undefined));
    mark('sos:indexed');
    this.status = feeds.length ? 'ready' : errors.length ? 'error' : 'ready';
    if (!this.byKey.has(this.selectedKey ?? '')) this.selectedKey = undefined;
    if (!this.byKey.has(this.openKey ?? '')) this.openKey = undefined;
    this.runSearch();
    mark('sos:searched');
    this.notify('status', 'data', 'results');
    // Free text waits for the first results to be on screen.
    whenIdle(() => void this.prepareText());
    // Machine-readable hours: their chunk, after the first results (their lines follow).
    if (this.usesHours) whenIdle(() => void this.prepareHours());
  }

  /** Loads the free-text chunk and builds its index for the current feeds (idempotent). */
  async prepareText(): Promise<void> {
    const index = this.index;
    if (this.text?.index === index) return;
    // One build per index, in slices (see text-index.ts); a failed chunk load is tried again.
    if (this.textBuild?.index !== index) {
      const build = { index, done: this.buildText(index) };
      build.done.catch(() => {
        if (this.textBuild === build) this.textBuild = undefined;
      });
      this.textBuild = build;
    }
    await this.textBuild.done;
  }

  private textBuild: { index: SearchIndex; done: Promise<void> } | undefined;

  private async buildText(index: SearchIndex): Promise<void> {
    const { prepareTextSearch } = await loadTextModule();
    if (index !== this.index) return;
    mark('sos:text-start');
    const text = await prepareTextSearch(index);
    mark('sos:text-indexed');
    if (index === this.index) this.text = text;
  }

  /** Resolves when every chunk the last searches asked for has arrived and they have run again. */
  get settled(): Promise<void> {
    return this.inFlight ? new Promise((resolve) => this.settledWaiters.push(resolve)) : Promise.resolve();
  }
  private inFlight = 0;
  private settledWaiters: (() => void)[] = [];

  /** Runs the search again when `work` is done, if nothing changed meanwhile but what it brought. */
  private after(work: Promise<unknown>): void {
    const index = this.index;
    const criteria = this.criteria;
    this.inFlight++;
    work
      .then(() => {
        if (index !== this.index || criteria !== this.criteria) return;
        this.runSearch();
        this.notify('results');
      }, () => undefined)
      .finally(() => {
        if (--this.inFlight) return;
        const waiters = this.settledWaiters;
        this.settledWaiters = [];
        for (const w of waiters) w();
      });
  }

  /** Switches the language of every element sharing this store. */
  setLang(lang: 'fr' | 'en'): void {
    if (lang === this.lang) return;
    this.lang = lang;
    this.notify('lang');
  }

  /** Replaces the integrator's string overrides; the elements re-render (as for a language change). */
  setStrings(strings: DirectoryStore['strings']): void {
    if (strings === this.strings) return;
    this.strings = strings;
    this.notify('lang');
  }

  setQuery(query: string): void {
    if (query === this.criteria.query) return;
    this.criteria = { ...this.criteria, query };
    this.searchAndNotify();
  }

  /** Searches near the commune named in the query, and takes its words out of the query. */
  acceptPlace(radiusKm = this.criteria.near?.radiusKm ?? DEFAULT_RADIUS_KM): void {
    const place = this.placeInQuery;
    // A place is only recognised once the commune chunk is here.
    if (!place || !this.communes) return;
    this.criteria = { ...this.criteria, query: place.rest, near: this.communes.module.nearOf(place.commune, radiusKm, place.typed) };
    this.searchAndNotify();
  }

  setFilter(name: FilterName, values: readonly string[]): void {
    if (this.locked.has(name)) return;
    this.criteria = { ...this.criteria, filters: { ...this.criteria.filters, [name]: [...values] } };
    // The finer care depends on the category: drop finer cares whose category is no longer chosen.
    if (name === 'care') {
      this.criteria.filters.subcare = this.criteria.filters.subcare.filter((s) => values.includes(subcare(s)?.care ?? ''));
    }
    this.searchAndNotify();
  }

  setNear(near: Near | undefined): void {
    this.criteria = { ...this.criteria, near };
    this.searchAndNotify();
  }

  setRadius(radiusKm: number): void {
    if (!this.criteria.near) return;
    this.setNear({ ...this.criteria.near, radiusKm });
  }

  /** Integrator presets (attributes on <sos-annuaire>); `lock` fixes them and hides their filters. */
  setPresets(presets: Partial<Filters>, lock: readonly FilterName[] = []): void {
    this.presets = { ...emptyFilters(), ...presets };
    this.locked.clear();
    for (const f of lock) this.locked.add(f);
    this.criteria = { ...this.criteria, filters: { ...this.presets } };
    this.searchAndNotify();
  }

  /** Whether an item (a structure, or one of its offers) is in « Ma sélection ». */
  inShortlist(key: string, offer?: string): boolean {
    return this.shortlist.some((i) => i.key === key && i.offer === offer);
  }

  /**
   * Adds to « Ma sélection » (false when it is full or the item already there); `move` reorders
   * (an index and a step), `remove` takes out, `setShortlist` replaces it all (a link, Back).
   */
  addToShortlist(key: string, offer?: string): boolean {
    if (this.shortlist.length >= SHORTLIST_MAX || this.inShortlist(key, offer)) return false;
    this.setShortlist([...this.shortlist, offer ? { key, offer } : { key }]);
    return true;
  }

  removeFromShortlist(key: string, offer?: string): void {
    this.setShortlist(this.shortlist.filter((i) => !(i.key === key && i.offer === offer)));
  }

  moveInShortlist(index: number, step: number): void {
    const list = [...this.shortlist];
    const to = index + step;
    if (!list[index] || to < 0 || to >= list.length) return;
    [list[index], list[to]] = [list[to]!, list[index]!];
    this.setShortlist(list);
  }

  /** Shows or hides « Ma sélection ». */
  showShortlist(open: boolean): void {
    if (open === this.shortlistOpen) return;
    this.shortlistOpen = open;
    this.notify('shortlist');
  }

  setShortlist(items: readonly ShortlistItem[]): void {
    this.shortlist = items.slice(0, SHORTLIST_MAX);
    this.notify('shortlist');
  }

  /** A whole view at once (a link, Back): one search; locked presets stay as they are. */
  setCriteria(criteria: Criteria): void {
    const filters = { ...emptyFilters(), ...criteria.filters };
    for (const f of this.locked) filters[f] = [...this.presets[f]];
    this.criteria = { ...criteria, filters };
    this.searchAndNotify();
  }

  /** Back to the integrator's presets: no text, no place, no visitor filter. */
  reset(): void {
    this.criteria = { query: '', filters: { ...this.presets } };
    this.searchAndNotify();
  }

  /** True when the visitor changed something a reset would undo. */
  get isModified(): boolean {
    const c = this.criteria;
    return !!c.query || !!c.near || FILTER_NAMES.some((f) => c.filters[f].join() !== this.presets[f].join());
  }

  select(key: string | undefined): void {
    if (key === this.selectedKey) return;
    this.selectedKey = key;
    this.notify('selection');
  }

  open(key: string): void {
    this.selectedKey = key;
    this.openKey = key;
    this.notify('selection', 'open');
  }

  close(): void {
    if (this.openKey === undefined) return;
    this.openKey = undefined;
    this.notify('open');
  }

  private runSearch(): void {
    const { query, near } = this.criteria;
    let text: TextMatch | undefined;
    if (/[\p{L}\p{N}]/u.test(query)) {
      // Until the text chunk is here (it is fetched when the page is idle), the query waits.
      if (this.text?.index === this.index) text = this.text.match(query, { communes: this.communes });
      else this.after(this.prepareText());
    }
    const u = text?.understanding;
    if (u?.mayNamePlace && !this.communes) this.after(this.loadCommunes());
    if (u?.wantsTypos && this.text) this.after(this.text.loadTypos());
    this.placeInQuery = u?.place && this.communes && u.place.commune.insee !== near?.insee
      ? {
          commune: u.place.commune,
          label: this.communes.module.communeLabel(u.place.commune, u.place.postalCode),
          rest: u.place.rest,
          typed: u.place.typed,
        }
      : undefined;
    const rankFrom: GeoPoint | undefined = !near && this.placeInQuery ? { lat: this.placeInQuery.commune.lat, lon: this.placeInQuery.commune.lon } : undefined;
    if ((near?.region || this.placeInQuery) && !this.regions) this.after(loadRegionsModule().then((m) => (this.regions = m)));
    // Distances are asked for: structures without coordinates get their commune's centre.
    if ((near || rankFrom) && !this.approximated && this.structures.some((s) => !s.location)) this.after(this.approximate());
    // « Ouvert aujourd'hui » on feeds without hours (a preset kept after the DSRC dropped them) is
    // ignored; with hours, it keeps nothing for the moment their chunk takes to arrive. Today's
    // open rows (computed once a day) are handed in whenever the chunk is here: ticked or not, the
    // filter's option shows how many structures it would keep.
    let criteria = this.criteria;
    const opening = criteria.filters.opening.length > 0;
    if (opening && !this.usesHours) criteria = { ...criteria, filters: { ...criteria.filters, opening: [] } };
    else if (opening && !this.hours) this.after(loadHoursModule().then((m) => (this.hours ??= m)));
    const openToday = this.usesHours && this.hours ? this.hours.openTodayRows(this.index, this.now()) : undefined;
    this.results = search(this.index, criteria, { text, rankFrom, openToday, now: this.now() });
  }

  /**
   * Looks for machine-readable hours in the feeds and, when there are some, loads their chunk and
   * searches again (their lines and the « Ouvert aujourd'hui » filter follow). Called when idle.
   */
  async prepareHours(): Promise<void> {
    const index = this.index;
    if (this.usesHours && this.hoursReported !== index) {
      this.hoursReported = index;
      this.after(loadHoursModule().then((m) => {
        this.hours ??= m;
        if (index !== this.index) return;
        const report = m.unreadableReport(this.structures);
        if (report) console.warn(report);
        this.notify('data'); // today's lines in the list and the card
      }));
    }
    await this.settled;
  }

  private async loadCommunes(): Promise<CommuneLookup & { module: CommunesModule }> {
    const m = await loadCommunesModule();
    const index = await m.loadCommunes();
    return (this.communes ??= { index, approximate: m.approximate, module: m });
  }

  /** Structures without coordinates, placed at their commune's centre for distances. */
  private async approximate(): Promise<void> {
    const index = this.index;
    const { communeByInsee, searchCommunes } = await loadCommunesModule();
    const communes = (await this.loadCommunes()).index;
    if (index !== this.index || this.approximated) return;
    const points = new Map<number, GeoPoint>();
    index.structures.forEach((s, i) => {
      if (s.location) return;
      const { insee, postalCode, city } = s.address;
      const c = (insee && communeByInsee(communes, insee)) || searchCommunes(communes, `${postalCode} ${city.replace(/\bcedex\b.*$/i, '')}`, 1)[0];
      if (c) points.set(i, { lat: c.lat, lon: c.lon });
    });
    index.setApproximateLocations(points);
    this.approximated = true;
  }

  /** The regions this directory covers, as its publishers declare them (`publisher.region`). */
  get coverageRegions(): string[] {
    return [...new Set(this.feeds.flatMap((f) => (f.feed.publisher.region ? [f.feed.publisher.region] : [])))];
  }

  /**
   * The place chosen is outside the regions the directory covers: their names, and the place's
   * region's, for the visitor to know where to look. Undefined inside, or while the region names
   * (a small chunk, fetched when a place is chosen) are not here yet.
   */
  get outsideRegion(): { place: string; placeRegion?: string; covered: string[] } | undefined {
    const covered = this.coverageRegions;
    if (!covered.length || !this.regions) return undefined;
    const { regionName, regionOfDepartement } = this.regions;
    // The place chosen in « Près de », else one typed in the search box (the results are ranked from it).
    const near = this.criteria.near;
    const typed = this.placeInQuery;
    const place = near ? { label: near.label, region: near.region } : typed ? { label: typed.label, region: regionOfDepartement(typed.commune.department) } : undefined;
    if (!place?.region || covered.includes(place.region)) return undefined;
    return { place: place.label, placeRegion: regionName(place.region), covered: covered.map((c) => regionName(c) ?? c) };
  }

  private searchAndNotify(): void {
    this.runSearch();
    this.notify('criteria', 'results');
  }

  /** Changes in one task are delivered together, once (a reset touches many fields). */
  private notify(...changes: Change[]): void {
    for (const c of changes) this.pending.add(c);
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      const detail: StoreChangeDetail = { changes: this.pending };
      this.pending = new Set();
      this.dispatchEvent(new CustomEvent<StoreChangeDetail>(STORE_CHANGE, { detail }));
    });
  }
}
