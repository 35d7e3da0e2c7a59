/**
 * What the four elements bound to a directory share (form, list, map, card): where their data
 * comes from (`store`, their own `src`, `for="id"`, or the enclosing `<sos-annuaire>`), their
 * language, and typed public events. Like Shoelace's `ShoelaceElement` or the extended component
 * library's `BaseComponent`: a thin layer, no behaviour of its own beyond that.
 */
// First: it must be evaluated before Lit (see the module).
import { canRender } from './lit-policy.js';
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { DirectoryStore } from '../state/directory-store.js';
import { toLang, type Lang } from '../i18n/format.js';
import { StoreController } from './store-controller.js';
import { emit, type SosEventMap } from './events.js';
import type { Overrides } from './overrides.js';

/** The overrides code (src/base/overrides.ts), once loaded with the first overrides of the page. */
export let overrides: typeof import('./overrides.js') | undefined;
let loading: Promise<unknown> | undefined;

/**
 * Calls `update` now, or, when there are overrides (`wanted`) and their code is not loaded yet, once
 * it is: an element with overrides renders its first texts already replaced (no flash of defaults).
 * If the code cannot be loaded, the element renders its own texts.
 */
export function afterOverrides<R>(wanted: unknown, update: () => R): R | Promise<R> {
  return wanted && !overrides ? (loading ??= import('./overrides.js').then((m) => (overrides = m))).then(update, update) : update();
}

/** The `strings` attribute's parser: JSON (what is not an object overrides nothing); invalid JSON warns. */
export function stringsAttribute(value: string | null): Overrides | undefined {
  try {
    return value ? JSON.parse(value) : undefined;
  } catch (e) {
    console.warn(`[sos-annuaire] attribut strings : JSON invalide (${(e as Error).message})`);
  }
}

export abstract class StoreElement<Strings = unknown> extends LitElement {
  /** URL du ou des flux quand l'élément est utilisé seul (plusieurs adresses séparées par des espaces ou des virgules). */
  @property() src?: string;
  /** Identifiant d'un `<sos-annuaire>` placé ailleurs dans la page, dont l'élément suit les données. */
  @property() for?: string;
  /** A store set by script (overrides `src`, `for` and the enclosing directory). */
  @property({ attribute: false }) store?: DirectoryStore;
  /**
   * Langue de l'élément : `fr` ou `en` ; sans cet attribut (ou vide), celle de l'annuaire, sinon
   * `fr`. Changer l'attribut ou la propriété redessine l'élément dans la langue choisie.
   */
  // No default: an element without `lang` must not get an empty `lang=""` attribute (that would
  // tell screen readers its language is unknown). Reflected: a value set by script is also the
  // element's language for assistive technologies.
  @property({ reflect: true }) override lang!: string;
  /**
   * Textes de remplacement de l'élément, par langue : un objet JSON
   * `{ "fr": { "clé": "texte" }, "en": { … } }` (clés : TEXTES.md ; `{0}`, `{1}`… : les valeurs
   * insérées). Ils l'emportent sur ceux de l'annuaire. Propriété : le même objet.
   */
  @property({ converter: stringsAttribute }) strings?: Overrides;

  protected readonly data = new StoreController(this);

  /**
   * The element's strings (its `<tag>.strings.ts`): French, and English unless it is a chunk of its
   * own (`english` loads it: the form and the list, whose English would weigh on every French page).
   */
  protected abstract readonly table: { readonly fr: Strings; en?: Strings };
  /** Loads `table.en` when it is a chunk. */
  protected readonly english?: () => Promise<unknown>;

  /** Its strings in the language it speaks now, with the integrator's (its own, then its directory's: see overrides.ts). */
  protected get t(): Strings {
    const table = this.table;
    return overrides?.localize(this, table, this.uiLang, this.data.store?.strings, this.strings) ?? table[this.uiLang] ?? table.fr;
  }

  /**
   * The first render in a language waits for what it needs: the English strings when they are a
   * chunk, the overrides' code when there are overrides (no flash of French or of the defaults).
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const english = this.uiLang === 'en' && !this.table.en ? this.english?.().catch(() => undefined) : undefined;
    const update = () => afterOverrides(this.strings || this.data.store?.strings, () => super.scheduleUpdate());
    return english ? english.then(update) : update();
  }

  /** Nothing is rendered on a page that refuses Lit's Trusted Types policy (one line of text instead). */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    return canRender(this) && super.shouldUpdate(changed);
  }

  /** The language the element speaks now: its own `lang`, else its directory's, else French. */
  protected get uiLang(): Lang {
    // The property, not the attribute: during a render the new value is not reflected yet.
    return this.lang ? toLang(this.lang) : this.data.store?.lang ?? 'fr';
  }

  /** Fires one of the public events (bubbling and composed: it reaches the page). */
  protected emit<K extends keyof SosEventMap>(name: K, detail: SosEventMap[K]): void {
    emit(this, name, detail);
  }
}
