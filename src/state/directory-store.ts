/**
 * The state of one directory: its feeds, what the visitor asks, the results, the selection.
 * `<sos-annuaire>` owns one and shares it through @lit/context; a standalone element with its own
 * `src` owns its own. Plain TypeScript (no Lit) so it is testable and reusable outside elements.
 */
import { whenIdle } from '../base/scheduling.js';
import { loadFeeds, type LoadedFeed, type LoadOptions } from '../feed/load.js';
import type { FeedLoadError } from '../feed/errors.js';
import type { DirectoryStructure, Diagnostic } from '../feed/validate.js';
import { SearchIndex } from '../search/search-index.js';
import { search, type ResultSet } from '../search/search.js';
import { subcare } from '../feed/taxonomy.js';
import { mark } from '../feed/marks.js';
import { emptyCriteria, emptyFilters, FILTER_NAMES, type Criteria, type FilterName, type Filters, type Near } from '../search/criteria.js';

export type Status = 'idle' | 'loading' | 'ready' | 'error';
export type Change = 'status' | 'data' | 'criteria' | 'results' | 'selection' | 'open';

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
  /** UI language of the elements sharing this store. */
  lang: 'fr' | 'en' = 'fr';

  /** Integrator presets: where "Réinitialiser" goes back to. */
  private presets: Filters = emptyFilters();
  /** Filters the visitor cannot change (the integrator's `lock`). */
  readonly locked = new Set<FilterName>();
  private byKey = new Map<string, DirectoryStructure>();
  private pending = new Set<Change>();
  private flushQueued = false;
  private loadController: AbortController | undefined;
  private sources: readonly string[] = [];

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
    const { feeds, errors } = await loadFeeds(urls, { ...options, signal: controller.signal });
    if (controller.signal.aborted) return;
    this.setFeeds(feeds, errors.filter((e) => e.kind !== 'aborted'));
  }

  /** Installs already-loaded feeds (also used by tests and by pages that fetch feeds themselves). */
  setFeeds(feeds: LoadedFeed[], errors: FeedLoadError[] = []): void {
    this.feeds = feeds;
    this.errors = errors;
    this.structures = feeds.flatMap((f) => f.feed.structures);
    this.byKey = new Map(this.structures.map((s) => [s.key, s]));
    this.index = new SearchIndex(this.structures);
    mark('sos:indexed');
    this.status = feeds.length ? 'ready' : errors.length ? 'error' : 'ready';
    if (!this.byKey.has(this.selectedKey ?? '')) this.selectedKey = undefined;
    if (!this.byKey.has(this.openKey ?? '')) this.openKey = undefined;
    this.runSearch();
    mark('sos:searched');
    this.notify('status', 'data', 'results');
    // The text index waits for the first results to be on screen.
    const index = this.index;
    whenIdle(() => index.prepareText());
  }

  setQuery(query: string): void {
    if (query === this.criteria.query) return;
    this.criteria = { ...this.criteria, query };
    this.searchAndNotify();
    if (!this.index.typoTolerant && SearchIndex.wantsTypos(query)) {
      const index = this.index;
      void index.loadTypoTolerance().then((changed) => {
        // Search again with typo tolerance, unless the feed changed meanwhile.
        if (changed && index === this.index && SearchIndex.wantsTypos(this.criteria.query)) {
          this.runSearch();
          this.notify('results');
        }
      });
    }
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
    this.results = search(this.index, this.criteria);
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
