/**
 * Finds the store an element works on, and re-renders the element when the store changes.
 *
 * In order: a `store` set as a property; the element's own `src` (standalone: it owns a store);
 * `for="id"` (an annuaire elsewhere on the page, e.g. a search form in the site header); the
 * enclosing `<sos-annuaire>` through @lit/context.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import { storeContext } from '../state/context.js';
import { DirectoryStore, STORE_CHANGE, type Change, type StoreChangeDetail } from '../state/directory-store.js';
import { emit } from './events.js';

export interface StoreHost extends ReactiveControllerHost, HTMLElement {
  src?: string;
  for?: string;
  store?: DirectoryStore;
}

/**
 * The values of a list attribute (feed URLs in `src`, codes in a preset): separated by spaces or
 * commas (a comma inside a URL is written %2C). One rule for every element.
 */
export function splitList(value: string | null | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(Boolean);
}

export class StoreController implements ReactiveController {
  /**
   * Changes seen since the host last rendered (lets a host react to what changed only): read them
   * in `willUpdate` or `update`; they are cleared once the host has rendered.
   */
  readonly changes = new Set<Change>();
  private current: DirectoryStore | undefined;
  private fromContext: DirectoryStore | undefined;
  private linked: DirectoryStore | undefined;
  private owned: DirectoryStore | undefined;
  private seen: Pick<StoreHost, 'store' | 'src' | 'for'> = {};
  private unlinked = false;
  private checking = false;
  private readonly onChange = (e: Event) => {
    for (const c of (e as CustomEvent<StoreChangeDetail>).detail.changes) this.changes.add(c);
    if (this.current === this.owned) announce(this.host, this.current!, (e as CustomEvent<StoreChangeDetail>).detail.changes);
    this.host.requestUpdate();
  };

  constructor(private readonly host: StoreHost) {
    host.addController(this);
    new ContextConsumer(host, {
      context: storeContext,
      subscribe: true,
      callback: (store) => {
        this.fromContext = store;
        this.resolve();
      },
    });
  }

  /**
   * True when, once the page has loaded, the element still has no data source (no `store`, `src`,
   * `for` or enclosing annuaire): a setup mistake, told in the console; the element says so
   * instead of « Chargement… » forever.
   */
  get orphan(): boolean {
    return this.unlinked && !this.current;
  }

  get store(): DirectoryStore | undefined {
    return this.current;
  }

  /** Whether this element created the store (standalone use with `src`). */
  get owns(): boolean {
    return !!this.current && this.current === this.owned;
  }

  hostConnected(): void {
    this.resolve();
  }

  /** Follows changes of the host's `store`, `src` and `for` after it is connected. */
  hostUpdate(): void {
    const { store, src, for: target } = this.host;
    if (store !== this.seen.store || src !== this.seen.src || target !== this.seen.for) this.resolve();
  }

  hostUpdated(): void {
    this.changes.clear();
  }

  hostDisconnected(): void {
    this.current?.removeEventListener(STORE_CHANGE, this.onChange);
    this.current = undefined;
  }

  /** Call when `src`, `for` or `store` changed. */
  resolve(): void {
    const { host } = this;
    this.seen = { store: host.store, src: host.src, for: host.for };
    let next: DirectoryStore | undefined = host.store;
    if (!next && host.src) {
      this.owned ??= new DirectoryStore();
      void this.owned.load(splitList(host.src));
      next = this.owned;
    }
    if (!next && host.for) next = this.linkTo(host.for);
    next ??= this.fromContext;
    if (!next) this.checkSource();
    if (next === this.current) return;
    this.current?.removeEventListener(STORE_CHANGE, this.onChange);
    this.current = next;
    next?.addEventListener(STORE_CHANGE, this.onChange);
    this.changes.add('data');
    host.requestUpdate();
  }

  /**
   * After the page has loaded (its scripts may still set `store`), an element of the page with no
   * source is told. Elements inside another element's shadow root (a card's « Partager ») are
   * given their store by it, possibly later: not checked.
   */
  private checkSource(): void {
    if (this.checking || this.host.src || this.host.for || !(this.host.getRootNode() instanceof Document)) return;
    this.checking = true;
    const check = () => {
      this.checking = false;
      if (this.current || !this.host.isConnected || this.host.src || this.host.for) return;
      this.unlinked = true;
      this.host.requestUpdate();
      void import('./setup-notice.js').then((m) => m.noSource(this.host.localName));
    };
    if (document.readyState === 'complete') setTimeout(check);
    else addEventListener('load', () => setTimeout(check), { once: true });
  }

  private linkTo(id: string): DirectoryStore | undefined {
    const root = this.host.getRootNode() as Document | ShadowRoot;
    const target = (root.getElementById?.(id) ?? document.getElementById(id)) as (HTMLElement & { store?: DirectoryStore }) | null;
    if (target?.store) return (this.linked = target.store);
    // The annuaire may be defined later (script order, or written after this element).
    const tag = target?.localName ?? 'sos-annuaire';
    void customElements.whenDefined(tag).then(() => requestAnimationFrame(() => this.resolve()));
    if (!target) void import('./setup-notice.js').then((m) => m.missingTarget(this.host.localName, id));
    return this.linked;
  }
}

/** Public events and console messages of a store, sent by the element that owns it. */
export function announce(host: HTMLElement, store: DirectoryStore, changes: ReadonlySet<Change>): void {
  if (changes.has('status') && store.status !== 'loading') {
    for (const e of store.errors) {
      console.error(`[sos-annuaire] ${e.message} ${e.detail}`);
      emit(host, 'sos-error', { kind: e.kind, url: e.url, message: e.message, detail: e.detail });
    }
    for (const f of store.feeds) {
      const dropped = f.counts.structures.dropped + f.counts.offers.dropped;
      if (dropped) console.warn(`[sos-annuaire] ${f.url} : ${f.counts.structures.dropped} structure(s) et ${f.counts.offers.dropped} offre(s) ignorée(s). Détail : ${f.diagnostics.filter((d) => d.severity === 'error').slice(0, 5).map((d) => `${d.path} : ${d.message}`).join(' ; ')}`);
      // Fields dropped from kept records (a `javascript:` link, an unknown code): the publisher should know too.
      const fields = f.diagnostics.filter((d) => d.code === 'field-dropped');
      if (fields.length) console.warn(`[sos-annuaire] ${f.url} : ${fields.length} champ(s) invalide(s) ignoré(s), enregistrements gardés. Détail : ${fields.slice(0, 5).map((d) => `${d.path} : ${d.message}`).join(' ; ')}`);
      // The last good copy is shown: the page is told, and why (no answer, an error, an unreadable or empty file).
      if (f.stale) {
        const e = f.stale.error;
        console.warn(`[sos-annuaire] ${e.detail} Copie enregistrée le ${f.stale.savedAt} utilisée.`);
        emit(host, 'sos-error', { kind: e.kind, url: e.url, message: e.message, detail: e.detail });
      }
    }
    // A feed that failed on the network: a chunk finds whether CORS (or mixed content) is why, and tells the webmaster.
    if (store.errors.length || store.stale) void import('./setup-notice.js').then((m) => m.explainFailures(host, store));
    if (store.status === 'ready') {
      emit(host, 'sos-loaded', {
        structures: store.structures.length,
        offers: store.index.rowCount,
        publishers: store.feeds.map((f) => f.feed.publisher.id),
        stale: !!store.stale,
      });
    }
  }
  if (changes.has('criteria')) {
    emit(host, 'sos-search', { criteria: store.criteria, structures: store.results.structureCount, offers: store.results.offerCount });
  }
  if (changes.has('selection')) {
    emit(host, 'sos-select', { key: store.selectedKey, structure: store.structure(store.selectedKey) });
  }
}
