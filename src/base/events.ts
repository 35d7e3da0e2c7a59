/** The public events of the elements (bubbling, composed: they cross shadow roots to the page). */
import type { Criteria } from '../search/criteria.js';
import type { DirectoryStructure } from '../feed/validate.js';
import type { FeedErrorKind } from '../feed/errors.js';

export interface SosEventMap {
  /** Feeds loaded and indexed. */
  'sos-loaded': { structures: number; offers: number; publishers: string[]; stale: boolean };
  /** A feed could not be read (see `detail` for the technical reason). */
  'sos-error': { kind: FeedErrorKind; url: string; message: string; detail: string };
  /** The results changed after the visitor searched or filtered. */
  'sos-search': { criteria: Criteria; structures: number; offers: number };
  /** A structure was selected (list, map) or its card opened. */
  'sos-select': { key: string | undefined; structure: DirectoryStructure | undefined };
}

export function emit<K extends keyof SosEventMap>(target: EventTarget, name: K, detail: SosEventMap[K]): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'sos-loaded': CustomEvent<SosEventMap['sos-loaded']>;
    'sos-error': CustomEvent<SosEventMap['sos-error']>;
    'sos-search': CustomEvent<SosEventMap['sos-search']>;
    'sos-select': CustomEvent<SosEventMap['sos-select']>;
  }
}
