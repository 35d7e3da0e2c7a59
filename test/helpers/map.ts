/** Test helpers for `<sos-map>`: a store with a demo-like feed, and a fake map view (no MapLibre). */
import { parseFeedText } from '../../src/feed/parse.js';
import { DirectoryStore } from '../../src/state/directory-store.js';
import { feed, structure } from './feeds.js';
import type { BasemapInUse, Bounds, FitOptions, MapResults, MapView, MapViewLoader, MapViewOptions, NearShapes, SelectOptions } from '../../src/components/sos-map/map-view-api.js';

export const PUBLISHER = 'test-dsrc';
export const keyOf = (id: string) => `${PUBLISHER}:${id}`;

/**
 * `mapped` structures spread over Gironde and Landes on a grid (names "Maison … n" for the
 * first half, "Centre … n" for the rest, so a text search keeps half), plus `unmapped`
 * structures without coordinates.
 */
export function demoStore(mapped = 150, unmapped = 3): DirectoryStore {
  const structures = [];
  for (let i = 0; i < mapped; i++) {
    structures.push(structure({
      id: `s${i}`,
      name: `${i < mapped / 2 ? 'Maison' : 'Centre'} de soins de support ${i}`,
      location: { lat: round6(43.7 + (i % 15) * 0.14), lon: round6(-1.3 + Math.floor(i / 15) * 0.16) },
    }));
  }
  for (let i = 0; i < unmapped; i++) {
    const s = structure({ id: `u${i}`, name: `Permanence sans adresse ${i}` }) as Record<string, unknown>;
    delete s.location;
    structures.push(s);
  }
  return storeOf(structures);
}

/** A store on a feed of these structures (see test/helpers/feeds.ts `structure()`). */
export function storeOf(structures: unknown[]): DirectoryStore {
  const store = new DirectoryStore();
  const parsed = parseFeedText(JSON.stringify(feed(structures)), 'test.json');
  store.setFeeds([{ ...parsed, url: 'test.json' }]);
  return store;
}

/** Where SHARED_NAMES all are (one building in Bordeaux); the fourth is in Mérignac. */
export const SHARED_POINT = { lat: 44.837, lon: -0.579 } as const;
export const ALONE_POINT = { lat: 44.843, lon: -0.645 } as const;
/** In name order (the results' order). The third is a hostile name: it must show as text. */
export const SHARED_NAMES = ['Association Alpha', 'Centre Beta', 'Espace <img src=x onerror=alert(1)>'] as const;
export const ALONE_NAME = 'Maison Delta';

/** Three structures at one point (ids a, b, c; names SHARED_NAMES) and one elsewhere (id d). */
export function sharedStore(): DirectoryStore {
  return storeOf([
    structure({ id: 'c', name: SHARED_NAMES[2], location: { ...SHARED_POINT } }),
    structure({ id: 'a', name: SHARED_NAMES[0], location: { ...SHARED_POINT } }),
    structure({ id: 'd', name: ALONE_NAME, location: { ...ALONE_POINT } }),
    structure({ id: 'b', name: SHARED_NAMES[1], location: { ...SHARED_POINT } }),
  ]);
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

type Call =
  | ['setResults', MapResults]
  | ['setSelected', string | undefined, SelectOptions]
  | ['setNear', NearShapes | undefined]
  | ['fitBounds', Bounds, FitOptions]
  | ['destroy'];

export class FakeMapView implements MapView {
  readonly calls: Call[] = [];
  readonly map = undefined;
  basemapInUse: BasemapInUse | undefined;
  readonly ready: Promise<BasemapInUse>;
  private resolveReady!: (b: BasemapInUse) => void;

  constructor(readonly container: HTMLElement, readonly options: MapViewOptions) {
    this.ready = new Promise((r) => (this.resolveReady = r));
  }

  load(basemap: BasemapInUse = 'offline'): void {
    this.basemapInUse = basemap;
    this.resolveReady(basemap);
  }

  setResults(results: MapResults): void {
    this.calls.push(['setResults', results]);
  }
  setSelected(key: string | undefined, options: SelectOptions): void {
    this.calls.push(['setSelected', key, options]);
  }
  setNear(shapes: NearShapes | undefined): void {
    this.calls.push(['setNear', shapes]);
  }
  fitBounds(bounds: Bounds, options: FitOptions): void {
    this.calls.push(['fitBounds', bounds, options]);
  }
  destroy(): void {
    this.calls.push(['destroy']);
  }

  /** The calls of one kind, oldest first. */
  of<M extends Call[0]>(method: M): Extract<Call, [M, ...unknown[]]>[] {
    return this.calls.filter((c): c is Extract<Call, [M, ...unknown[]]> => c[0] === method);
  }
  last<M extends Call[0]>(method: M): Extract<Call, [M, ...unknown[]]> | undefined {
    return this.of(method).at(-1);
  }
  clear(): void {
    this.calls.length = 0;
  }
}

/** A loader handing out fake views; `views` fills as the element creates them. */
export function fakeLoader(autoLoad: BasemapInUse | false = 'offline'): { loader: MapViewLoader; views: FakeMapView[] } {
  const views: FakeMapView[] = [];
  const loader: MapViewLoader = async () => ({
    mapCss: '.maplibregl-map { position: relative; }',
    createMapView(container, options) {
      const view = new FakeMapView(container, options);
      views.push(view);
      if (autoLoad) queueMicrotask(() => view.load(autoLoad));
      return view;
    },
  });
  return { loader, views };
}

export async function until(condition: () => unknown, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Real-map tests need a rendering page: in a background tab Chromium runs neither
 * requestAnimationFrame (MapLibre never fires `load`) nor IntersectionObserver. With
 * @web/test-runner-chrome and concurrency > 1, every page but one is a background tab unless the
 * launcher opens each page in its own window (`createPage: ({ context }) => context.newPage({ type: 'window' })`).
 */
export function requireVisiblePage(): void {
  if (document.visibilityState !== 'visible') {
    throw new Error('This test page is a background tab (document.visibilityState = "hidden"): Chromium runs neither '
      + 'requestAnimationFrame nor IntersectionObserver there, so the map cannot start. Launch each page in its own window: '
      + "chromeLauncher({ ..., createPage: ({ context }) => context.newPage({ type: 'window' }) }).");
  }
}
