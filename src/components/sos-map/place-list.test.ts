/** The list of the structures at one place, on its own (no MapLibre): DOM, text only, keyboard. */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createPlaceList, initialFocus, type PlaceListOptions } from './place-list.js';
import { strings } from './sos-map.strings.js';

const HOSTILE = '<img src=x onerror=alert(1)>';
const structures = [
  { key: 'k:a', name: 'Association Alpha' },
  { key: 'k:b', name: `Centre ${HOSTILE}` },
  { key: 'k:c', name: 'Espace Gamma' },
];

function mount(over: Partial<PlaceListOptions> = {}) {
  const chosen: string[] = [];
  let closed = 0;
  const root = createPlaceList({
    title: strings.fr.placeTitle(structures.length),
    closeLabel: strings.fr.placeClose,
    structures,
    onChoose: (key) => chosen.push(key),
    onClose: () => closed++,
    ...over,
  });
  return { root, chosen, closed: () => closed };
}

async function inPage(root: HTMLElement): Promise<HTMLElement> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.append(root);
  return root;
}

const active = () => document.activeElement as HTMLElement | null;

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

describe('place list (structures at one address)', () => {
  it('is a dialog titled with the count, one button per structure in order, and a named close button', () => {
    const { root } = mount();
    expect(root.getAttribute('role')).to.equal('dialog');
    const title = root.querySelector('.sos-place-title')!;
    expect(root.getAttribute('aria-labelledby')).to.equal(title.id);
    expect(title.textContent).to.equal('3\u00a0structures à cette adresse');
    expect([...root.querySelectorAll('.sos-place-item')].map((b) => b.textContent)).to.deep.equal(structures.map((s) => s.name));
    expect([...root.querySelectorAll('.sos-place-item')].every((b) => b.tagName === 'BUTTON' && (b as HTMLButtonElement).type === 'button')).to.equal(true);
    expect(root.querySelector('.sos-place-close')!.getAttribute('aria-label')).to.equal('Fermer la liste');
    expect(strings.en.placeTitle(3)).to.equal('3\u00a0structures at this address');
  });

  it('shows a name holding markup as text: no element is created from it', async () => {
    const { root } = mount();
    await inPage(root);
    expect(root.querySelector('img')).to.equal(null);
    expect(root.querySelectorAll('.sos-place-item')[1]!.textContent).to.equal(`Centre ${HOSTILE}`);
  });

  it('marks the selected structure and focuses it first; otherwise the first name', () => {
    expect(initialFocus(mount({ currentKey: 'k:c' }).root)!.dataset.key).to.equal('k:c');
    expect(mount({ currentKey: 'k:c' }).root.querySelector('[aria-current="true"]')!.textContent).to.equal('Espace Gamma');
    expect(initialFocus(mount().root)!.dataset.key).to.equal('k:a');
    expect(mount().root.querySelector('[aria-current]')).to.equal(null);
  });

  it('a name chooses its structure; the close button closes', () => {
    const { root, chosen, closed } = mount();
    root.querySelectorAll<HTMLButtonElement>('.sos-place-item')[2]!.click();
    expect(chosen).to.deep.equal(['k:c']);
    root.querySelector<HTMLButtonElement>('.sos-place-close')!.click();
    expect(closed()).to.equal(1);
  });

  it('Tab and Shift+Tab go round its buttons, arrows move between names, Escape closes', async () => {
    const { root, closed } = mount();
    await inPage(root);
    const [close, a, b, c] = [...root.querySelectorAll<HTMLButtonElement>('button')];
    c!.focus();
    await sendKeys({ press: 'Tab' });
    expect(active()).to.equal(close);
    await sendKeys({ press: 'Tab' });
    expect(active()).to.equal(a);
    await shiftTab();
    expect(active()).to.equal(close);
    await shiftTab();
    expect(active()).to.equal(c);
    await sendKeys({ press: 'ArrowDown' });
    expect(active()).to.equal(a);
    await sendKeys({ press: 'ArrowDown' });
    expect(active()).to.equal(b);
    await sendKeys({ press: 'ArrowUp' });
    expect(active()).to.equal(a);
    await sendKeys({ press: 'End' });
    expect(active()).to.equal(c);
    await sendKeys({ press: 'Escape' });
    expect(closed()).to.equal(1);
  });

  it('does not let the keys it handles reach the page', async () => {
    const { root } = mount();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.append(root);
    const reached: string[] = [];
    host.addEventListener('keydown', (e) => reached.push(e.key));
    root.querySelector<HTMLButtonElement>('.sos-place-item')!.focus();
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'a' });
    expect(reached).to.deep.equal(['a']);
  });
});
