/**
 * The list of the structures at one place (a point of the map holding several), as plain DOM for
 * a MapLibre Popup. Built with createElement/textContent only: names come from the feed
 * (untrusted). No MapLibre here, so it is tested on its own.
 *
 * A small non-modal dialog: a title (« 3 structures à cette adresse »), a close button, one
 * button per structure. Tab and Shift+Tab go round its buttons, ↑/↓ (and Home/End) move between
 * the names, Escape or the close button call `onClose`; the view restores focus.
 */
import type { StructureProps } from './map-view-api.js';

export interface PlaceListOptions {
  title: string;
  closeLabel: string;
  /** The structures at the place, in result order. */
  structures: readonly StructureProps[];
  /** The selected structure, when it is one of them: marked `aria-current`, focused first. */
  currentKey?: string;
  onChoose(key: string): void;
  /** Escape, or the close button. */
  onClose(): void;
}

let seq = 0;

export function createPlaceList(options: PlaceListOptions): HTMLElement {
  const id = `sos-place-title-${++seq}`;
  const root = document.createElement('section');
  root.className = 'sos-place';
  root.setAttribute('role', 'dialog');
  root.setAttribute('aria-labelledby', id);

  const head = document.createElement('div');
  head.className = 'sos-place-head';
  const title = document.createElement('p');
  title.className = 'sos-place-title';
  title.id = id;
  title.textContent = options.title;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'sos-place-close';
  close.setAttribute('aria-label', options.closeLabel);
  const cross = document.createElement('span');
  cross.setAttribute('aria-hidden', 'true');
  cross.textContent = '×';
  close.append(cross);
  close.addEventListener('click', () => options.onClose());
  head.append(title, close);

  const list = document.createElement('ul');
  list.className = 'sos-place-list';
  for (const { key, name } of options.structures) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sos-place-item';
    button.dataset.key = key;
    button.textContent = name;
    if (key === options.currentKey) button.setAttribute('aria-current', 'true');
    button.addEventListener('click', () => options.onChoose(key));
    item.append(button);
    list.append(item);
  }
  root.append(head, list);
  root.addEventListener('keydown', (e) => onKeydown(root, e, options));
  return root;
}

/** Where focus goes when the list opens: the selected structure's button, else the first name. */
export function initialFocus(root: HTMLElement): HTMLButtonElement | null {
  return root.querySelector<HTMLButtonElement>('.sos-place-item[aria-current="true"]')
    ?? root.querySelector<HTMLButtonElement>('.sos-place-item');
}

function onKeydown(root: HTMLElement, e: KeyboardEvent, options: PlaceListOptions): void {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const active = (root.getRootNode() as Document | ShadowRoot).activeElement;
  if (e.key === 'Escape') {
    options.onClose();
  } else if (e.key === 'Tab') {
    // Round the dialog's buttons (close, then the names).
    const all = [...root.querySelectorAll<HTMLButtonElement>('button')];
    const i = all.indexOf(active as HTMLButtonElement);
    const next = e.shiftKey ? (i <= 0 ? all.length - 1 : i - 1) : (i === -1 || i === all.length - 1 ? 0 : i + 1);
    all[next]?.focus();
  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Home' || e.key === 'End') {
    const items = [...root.querySelectorAll<HTMLButtonElement>('.sos-place-item')];
    const i = items.indexOf(active as HTMLButtonElement);
    const last = items.length - 1;
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? last
      : e.key === 'ArrowDown' ? (i === -1 || i === last ? 0 : i + 1)
      : (i <= 0 ? last : i - 1);
    items[next]?.focus();
  } else {
    return;
  }
  e.preventDefault();
  e.stopPropagation();
}
