/**
 * The "Près de" autocomplete: an ARIA 1.2 editable combobox with list autocomplete and manual
 * selection (WAI-ARIA APG pattern). Rendered into the form's shadow root, because
 * `aria-controls` and `aria-activedescendant` cannot point across shadow roots.
 *
 * Keyboard: typing suggests communes (no option active); ArrowDown/ArrowUp open the list and move
 * the active option (wrapping); Alt+ArrowDown opens without moving; Enter accepts the active
 * option; Escape closes the list; Tab accepts the active
 * option, if any, and moves on. Options never take DOM focus (the input keeps it), so a click on an
 * option works without a blur in between.
 *
 * The commune index is a separate ~600 kB chunk: it is fetched on first focus or input only.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Commune, CommuneIndex } from '../../geo/communes.js';

/** The commune search code travels with its data, in chunks loaded on first use of "Près de". */
type CommunesModule = typeof import('../../geo/communes.js');
let communes: CommunesModule | undefined;
const searchCommunes: CommunesModule['searchCommunes'] = (...args) => communes!.searchCommunes(...args);
/** Used once the commune chunk is here (a commune was suggested or chosen). */
export const communeLabel: CommunesModule['communeLabel'] = (...args) => communes!.communeLabel(...args);
export const nearOf: CommunesModule['nearOf'] = (...args) => communes!.nearOf(...args);
import type { SearchFormStrings } from './sos-search-form.strings.js';

const MAX_OPTIONS = 8;
const MIN_CHARS = 2;

export interface CommuneChoice {
  /** "Pessac (33600)". */
  label: string;
  commune: Commune;
}

export interface ComboboxCallbacks {
  choose(choice: CommuneChoice): void;
  /** The visitor emptied the field or pressed the clear button. */
  clear(): void;
  /** A message for the form's live region ('' to clear it). */
  message(text: string): void;
}


export class CommuneCombobox implements ReactiveController {
  /** What the input shows. */
  text = '';
  options: Commune[] = [];
  expanded = false;
  active = -1;
  loading = false;
  index: CommuneIndex | undefined;
  private loadFailed = false;
  private optionsFor = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly idPrefix: string,
    private readonly callbacks: ComboboxCallbacks,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.expanded && this.active >= 0) {
      const option = this.host.shadowRoot?.getElementById(this.optionId(this.active));
      option?.scrollIntoView?.({ block: 'nearest' });
    }
  }

  get listboxId(): string {
    return `${this.idPrefix}-listbox`;
  }

  get inputId(): string {
    return `${this.idPrefix}-input`;
  }

  private optionId(i: number): string {
    return `${this.idPrefix}-option-${i}`;
  }

  /** Shows `text` without searching (the store's place changed elsewhere: reset, geolocation). */
  setText(text: string): void {
    this.text = text;
    this.close();
  }

  /** Starts fetching the commune index (idempotent); resolves when it is there. */
  async ensureLoaded(): Promise<CommuneIndex | undefined> {
    if (this.index) return this.index;
    this.loading = true;
    this.host.requestUpdate();
    try {
      communes ??= await import('../../geo/communes.js');
      this.index = await communes.loadCommunes();
      this.loadFailed = false;
    } catch {
      if (!this.loadFailed) this.callbacks.message(this.strings.communesFailed);
      this.loadFailed = true;
    }
    this.loading = false;
    this.host.requestUpdate();
    return this.index;
  }

  /** Set by the form before each render. */
  strings!: SearchFormStrings;

  private close(): void {
    this.expanded = false;
    this.active = -1;
  }

  private async suggest(): Promise<void> {
    const typed = this.text;
    if (typed.trim().length < MIN_CHARS) {
      this.options = [];
      this.optionsFor = typed;
      this.close();
      this.host.requestUpdate();
      return;
    }
    if (!this.index) {
      this.callbacks.message(this.strings.loadingCommunes);
      await this.ensureLoaded();
      if (!this.index || this.text !== typed) return; // failed (message shown), or typing went on
      this.callbacks.message('');
    }
    this.options = searchCommunes(this.index, typed, MAX_OPTIONS);
    this.optionsFor = typed;
    this.active = -1;
    this.expanded = this.options.length > 0 && this.focused;
    this.callbacks.message(this.options.length ? '' : this.strings.noCommune(typed.trim()));
    this.host.requestUpdate();
  }

  private get focused(): boolean {
    return this.host.shadowRoot?.activeElement?.id === this.inputId;
  }

  private choose(i: number): void {
    const commune = this.options[i];
    if (!commune) return;
    const label = communeLabel(commune, this.optionsFor);
    this.text = label;
    this.close();
    this.host.requestUpdate();
    this.callbacks.choose({ label, commune });
  }

  /** The form was submitted with typed text that is not a chosen place: take the best match. */
  async resolveTyped(currentLabel: string | undefined): Promise<void> {
    const typed = this.text.trim();
    if (!typed || typed === currentLabel) return;
    const index = await this.ensureLoaded();
    if (!index || this.text.trim() !== typed) return;
    const [best] = searchCommunes(index, typed, 1);
    if (!best) {
      this.callbacks.message(this.strings.noCommune(typed));
      return;
    }
    this.options = [best];
    this.optionsFor = typed;
    this.choose(0);
  }

  private readonly onFocus = () => {
    void this.ensureLoaded();
  };

  private readonly onInput = (e: InputEvent) => {
    this.text = (e.target as HTMLInputElement).value;
    if (!this.text.trim()) {
      this.options = [];
      this.close();
      this.callbacks.message('');
      this.callbacks.clear();
      this.host.requestUpdate();
      return;
    }
    void this.suggest();
  };

  private readonly onKeydown = (e: KeyboardEvent) => {
    const n = this.options.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'Down':
        if (!n) return;
        e.preventDefault();
        if (!this.expanded) {
          this.expanded = true;
          this.active = e.altKey ? -1 : 0;
        } else if (!e.altKey) {
          this.active = (this.active + 1) % n;
        }
        break;
      case 'ArrowUp':
      case 'Up':
        if (!n) return;
        e.preventDefault();
        if (!this.expanded) {
          this.expanded = true;
          this.active = n - 1;
        } else {
          this.active = this.active <= 0 ? n - 1 : this.active - 1;
        }
        break;
      case 'Enter':
        if (this.expanded && this.active >= 0) {
          e.preventDefault(); // accept the option; do not submit the form
          this.choose(this.active);
        }
        return;
      case 'Escape':
      case 'Esc':
        if (this.expanded) {
          e.preventDefault();
          e.stopPropagation(); // an enclosing dialog must not close too
          this.close();
          break;
        }
        return;
      case 'Tab':
        if (this.expanded && this.active >= 0) this.choose(this.active);
        else this.close();
        return; // focus moves on as usual
      default:
        return;
    }
    this.host.requestUpdate();
  };

  private readonly onBlur = () => {
    if (!this.expanded) return;
    this.close();
    this.host.requestUpdate();
  };

  /** The input, the clear button and the listbox; `label` is the id of the visible label. */
  render(labelId: string, hintId: string, showClear: boolean): TemplateResult {
    const t = this.strings;
    const activeId = this.expanded && this.active >= 0 ? this.optionId(this.active) : undefined;
    return html`<div class="combobox">
      <div class="combobox-field">
        <input id=${this.inputId} part="near-input" type="text" role="combobox"
          aria-labelledby=${labelId} aria-describedby=${hintId}
          aria-autocomplete="list" aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls=${this.listboxId}
          aria-activedescendant=${activeId ?? nothing}
          autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="search"
          .value=${live(this.text)}
          @focus=${this.onFocus} @input=${this.onInput} @keydown=${this.onKeydown} @blur=${this.onBlur} />
        ${showClear
          ? html`<button type="button" part="button" class="clear" aria-label=${t.clearNear} title=${t.clearNear}
              @click=${this.onClear}><span aria-hidden="true">×</span></button>`
          : nothing}
      </div>
      <ul id=${this.listboxId} role="listbox" part="listbox" class="listbox" aria-label=${t.communes} ?hidden=${!this.expanded}>
        ${this.options.map((c, i) => html`<li id=${this.optionId(i)} role="option" class="option-commune"
            aria-selected=${i === this.active ? 'true' : 'false'}
            @mousedown=${(e: MouseEvent) => e.preventDefault()} @click=${() => this.choose(i)}>${communeLabel(c, this.optionsFor)}</li>`)}
      </ul>
    </div>`;
  }

  private readonly onClear = () => {
    this.text = '';
    this.options = [];
    this.close();
    this.callbacks.message('');
    this.callbacks.clear();
    this.host.requestUpdate();
    (this.host.shadowRoot?.getElementById(this.inputId) as HTMLInputElement | null)?.focus();
  };
}
