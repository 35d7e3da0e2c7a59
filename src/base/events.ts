/** The public events of the elements (bubbling, composed: they cross shadow roots to the page). */
import type { Criteria } from '../search/criteria.js';
import type { DirectoryStructure } from '../feed/validate.js';
import type { FeedErrorKind } from '../feed/errors.js';

/** Which basemap a map shows: the IGN default, an integrator's style, or the bundled outline one. */
export type BasemapInUse = 'default' | 'custom' | 'offline';

export interface SosEventMap {
  /** Feeds loaded and indexed. */
  'sos-loaded': { structures: number; offers: number; publishers: string[]; stale: boolean };
  /** A feed could not be read (see `detail` for the technical reason). */
  'sos-error': { kind: FeedErrorKind; url: string; message: string; detail: string };
  /** The results changed after the visitor searched or filtered. */
  'sos-search': { criteria: Criteria; structures: number; offers: number };
  /** A structure was selected (list, map) or its card opened. */
  'sos-select': { key: string | undefined; structure: DirectoryStructure | undefined };
  /** A map has loaded, with its results on it. */
  'sos-map-ready': { basemap: BasemapInUse };
  /**
   * A card shown as a dialog was closed. `focusRestored` false: the element that opened it is gone
   * (the list re-rendered): put the focus on its new copy.
   */
  'sos-card-close': { key: string | undefined; focusRestored: boolean };
}

export function emit<K extends keyof SosEventMap>(target: EventTarget, name: K, detail: SosEventMap[K]): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

type SosEvents = { [K in keyof SosEventMap]: CustomEvent<SosEventMap[K]> };

declare global {
  // Every public event, typed for `addEventListener` on any element.
  interface HTMLElementEventMap extends SosEvents {}
}
