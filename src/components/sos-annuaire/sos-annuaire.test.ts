import { expect, fixture, html, oneEvent, aTimeout, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement } from '../../base/focus.js';
import './sos-annuaire.js';
import type { SosAnnuaire } from './sos-annuaire.js';
import { feed, offer, serve, structure } from '../../../test/helpers/feeds.js';

const doc = feed([
  structure({ id: 'chu', name: 'CHU de Bordeaux', kind: 'etablissement-sante', offers: [offer({ id: 'c1', care: 'douleur' }), offer({ id: 'c2', care: 'nutrition', cost: 'gratuit' })] }),
  structure({ id: 'apa', name: 'Bouger Landes', address: { postalCode: '40000', city: 'Mont-de-Marsan', insee: '40192' }, location: { lat: 43.89, lon: -0.5 },
    offers: [offer({ id: 'a1', care: 'activite-physique', settings: ['ville'] })] }),
  structure({ id: 'psy', name: 'Écoute Pau', address: { postalCode: '64000', city: 'Pau', insee: '64445' }, location: { lat: 43.3, lon: -0.37 },
    offers: [offer({ id: 'p1', care: 'psychologie', audiences: ['proche-aidant'] })] }),
]);

const inner = <T extends Element>(el: SosAnnuaire, sel: string) => el.shadowRoot!.querySelector(sel) as T;
const names = (el: SosAnnuaire) =>
  [...inner<HTMLElement>(el, 'sos-results-list').shadowRoot!.querySelectorAll('.result-button')].map((b) => b.textContent!.trim());

async function loadedAnnuaire(template: (url: string) => ReturnType<typeof html>): Promise<SosAnnuaire> {
  const url = await serve(doc);
  const el = await fixture<SosAnnuaire>(template(url));
  if (el.store.status !== 'ready') await oneEvent(el, 'sos-loaded');
  await aTimeout(0);
  await inner<SosAnnuaire>(el, 'sos-results-list').updateComplete;
  return el;
}

// Each test opens on an address without sos- parameters: an earlier test's (a search, a card, Back)
// would be a link to apply, and the directory would open on that view instead of the test's.
beforeEach(() => {
  const params = new URLSearchParams(location.search);
  for (const key of [...params.keys()]) if (key.includes('sos-')) params.delete(key); // the runner's own stay
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
});

describe('sos-annuaire', () => {
  it('loads its feed, announces it with sos-loaded, and shares one store with its parts', async () => {
    const url = await serve(doc);
    const el = await fixture<SosAnnuaire>(html`<sos-annuaire src=${url} variant="liste"></sos-annuaire>`);
    const { detail } = await oneEvent(el, 'sos-loaded');
    expect(detail).to.deep.include({ structures: 3, offers: 4, publishers: ['test-dsrc'], stale: false });
    await aTimeout(0);
    const list = inner<HTMLElement & { store?: unknown }>(el, 'sos-results-list');
    await (list as unknown as SosAnnuaire).updateComplete;
    expect(names(el)).to.deep.equal(['Bouger Landes', 'CHU de Bordeaux', 'Écoute Pau']);
    expect(el.getAttribute('lang')).to.equal('fr');
  });

  it('applies integrator presets; "lock" keeps them and hides their filters; reset goes back to them', async () => {
    const el = await loadedAnnuaire((url) => html`<sos-annuaire src=${url} variant="liste" care="douleur,nutrition" lock></sos-annuaire>`);
    expect(names(el)).to.deep.equal(['CHU de Bordeaux']);
    expect([...el.store.locked]).to.deep.equal(['care']);
    const form = inner<HTMLElement & { updateComplete: Promise<unknown> }>(el, 'sos-search-form');
    await form.updateComplete;
    expect(form.shadowRoot!.textContent).not.to.contain('Soin de support');
    el.store.setQuery('bordeaux');
    el.store.reset();
    expect(el.store.criteria.filters.care).to.deep.equal(['douleur', 'nutrition']);
  });

  it('lets a form elsewhere on the page drive it with for=', async () => {
    const url = await serve(doc);
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <sos-search-form for="annuaire-1"></sos-search-form>
      <sos-annuaire id="annuaire-1" src=${url} variant="liste"></sos-annuaire>
    </div>`);
    const el = wrap.querySelector('sos-annuaire')!;
    if (el.store.status !== 'ready') await oneEvent(el, 'sos-loaded');
    const form = wrap.querySelector('sos-search-form')!;
    await aTimeout(50);
    await form.updateComplete;
    const input = form.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
    input.value = 'écoute';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.store.settled;
    await aTimeout(0);
    await inner<SosAnnuaire>(el, 'sos-results-list').updateComplete;
    expect(names(el)).to.deep.equal(['Écoute Pau']);
  });

  it('fires sos-search and sos-select for the page to follow', async () => {
    const el = await loadedAnnuaire((url) => html`<sos-annuaire src=${url} variant="liste"></sos-annuaire>`);
    const searched = oneEvent(el, 'sos-search');
    el.store.setFilter('care', ['activite-physique']);
    expect((await searched).detail).to.deep.include({ structures: 1, offers: 1 });
    const selected = oneEvent(el, 'sos-select');
    el.store.select('test-dsrc:apa');
    expect((await selected).detail.structure.name).to.equal('Bouger Landes');
  });

  it('shows a Liste / Carte switch when it is narrow, and list and map side by side when wide', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 400px"></div>`);
    const url = await serve(doc);
    wrap.innerHTML = `<sos-annuaire src="${url}" basemap="offline"></sos-annuaire>`;
    const el = wrap.querySelector('sos-annuaire')!;
    await el.updateComplete;
    await aTimeout(50);
    const switchButtons = () => [...(el.shadowRoot!.querySelectorAll('.view-switch button') as NodeListOf<HTMLButtonElement>)];
    expect(switchButtons().map((b) => b.textContent)).to.deep.equal(['Liste', 'Carte']);
    expect(switchButtons()[0]!.getAttribute('aria-pressed')).to.equal('true');
    expect(inner<HTMLElement>(el, 'sos-map').hidden).to.equal(true);
    switchButtons()[1]!.click();
    await el.updateComplete;
    expect(inner<HTMLElement>(el, 'sos-map').hidden).to.equal(false);
    expect(inner<HTMLElement>(el, 'sos-results-list').hidden).to.equal(true);
    wrap.style.width = '1000px';
    await aTimeout(100);
    await el.updateComplete;
    expect(switchButtons()).to.have.length(0);
    expect(inner<HTMLElement>(el, 'sos-results-list').hidden).to.equal(false);
    expect(inner<HTMLElement>(el, 'sos-map').hidden).to.equal(false);
  });

  it('has no map with variant="liste"', async () => {
    const el = await loadedAnnuaire((url) => html`<sos-annuaire src=${url} variant="liste"></sos-annuaire>`);
    expect(inner(el, 'sos-map')).to.equal(null);
  });

  it('speaks English with lang="en"', async () => {
    const el = await loadedAnnuaire((url) => html`<sos-annuaire src=${url} variant="liste" lang="en"></sos-annuaire>`);
    const list = inner<HTMLElement>(el, 'sos-results-list');
    expect(list.shadowRoot!.querySelector('.count')!.textContent).to.equal('3\u00a0organisations, 4\u00a0services');
  });

  it('says clearly, in French, when the feed cannot be read', async () => {
    const el = await fixture<SosAnnuaire>(html`<sos-annuaire src="/__test__/html" variant="liste"></sos-annuaire>`);
    const { detail } = await oneEvent(el, 'sos-error');
    expect(detail.kind).to.equal('not-json');
    expect(detail.message).to.equal("Le fichier de l'annuaire est illisible.");
    await aTimeout(0);
    const list = inner<SosAnnuaire>(el, 'sos-results-list');
    await list.updateComplete;
    expect(list.shadowRoot!.querySelector('.notice.error')!.textContent).to.contain("Le fichier de l'annuaire est illisible.");
  });

  it('tells the integrator, in the console, about a dropped link and a dropped offer, and shows the valid rest', async () => {
    const bad = feed([
      structure({ id: 'a', name: 'Lien piégé', contact: { website: 'javascript:alert(1)' } }),
      structure({ id: 'b', name: 'Offre inconnue', offers: [offer({ id: 'b1', care: 'homeopathie' as never }), offer({ id: 'b2', care: 'douleur' })] }),
    ]);
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const el = await fixture<SosAnnuaire>(html`<sos-annuaire src=${await serve(bad)} variant="liste"></sos-annuaire>`);
      if (el.store.status !== 'ready') await oneEvent(el, 'sos-loaded');
      await aTimeout(0);
      await inner<SosAnnuaire>(el, 'sos-results-list').updateComplete;
      expect(names(el)).to.deep.equal(['Lien piégé', 'Offre inconnue']);
    } finally {
      console.warn = original;
    }
    expect(warnings.join('\n')).to.contain('structures[1].offers[0].care : code inconnu "homeopathie" : offre ignorée');
    expect(warnings.join('\n')).to.contain('structures[0].contact.website : lien refusé "javascript:alert(1)"');
  });

  it('stays quiet in the console about a feed whose only remarks are warnings, however many', async () => {
    // 1,100 structures without coordinates: 1,100 warnings, more than are kept (1,000 and a note).
    const many = feed(Array.from({ length: 1100 }, (_, i) => structure({ id: `s${i}`, name: `Structure ${i}`, location: undefined })));
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const el = await fixture<SosAnnuaire>(html`<sos-annuaire src=${await serve(many)} variant="liste"></sos-annuaire>`);
      if (el.store.status !== 'ready') await oneEvent(el, 'sos-loaded');
      expect(el.store.feeds[0]!.diagnostics.at(-1)!.message).to.equal('… et 100 autres remarques non affichées');
    } finally {
      console.warn = original;
    }
    expect(warnings.filter((w) => w.includes('[sos-annuaire]'))).to.deep.equal([]);
  });

  it('is accessible', async () => {
    const el = await loadedAnnuaire((url) => html`<sos-annuaire src=${url} variant="liste"></sos-annuaire>`);
    await expect(el).to.be.accessible();
  });
});

describe('sos-annuaire: keyboard only', () => {
  it('types a search, tabs to a result, opens its card with Enter, closes it with Escape, and gets focus back', async () => {
    const el = await loadedAnnuaire((url) => html`<sos-annuaire src=${url} variant="liste"></sos-annuaire>`);
    const form = inner<SosAnnuaire>(el, 'sos-search-form');
    const list = inner<SosAnnuaire>(el, 'sos-results-list');
    const input = form.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
    input.focus();
    await sendKeys({ type: 'écoute' });
    await el.store.settled;
    await aTimeout(0);
    await list.updateComplete;
    expect(names(el)).to.deep.equal(['Écoute Pau']);

    // Real Tab presses from the search field until the result's button has focus.
    const resultButton = () => list.shadowRoot!.querySelector<HTMLButtonElement>('.result-button')!;
    for (let i = 0; i < 40 && deepActiveElement() !== resultButton(); i++) await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(resultButton());

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.store.openKey === 'test-dsrc:psy', 'Enter opens the card');
    const card = inner<HTMLElement & { updateComplete: Promise<unknown> }>(el, 'sos-structure-card');
    await waitUntil(() => card.shadowRoot?.querySelector('dialog')?.open, 'the card shows as a dialog', { timeout: 5000 });
    expect(card.shadowRoot!.contains(deepActiveElement()), 'focus is inside the card').to.equal(true);

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => el.store.openKey === undefined, 'Escape closes the card');
    // Closing the card is a step back in the history (popstate, then a render): generous on a loaded machine.
    await waitUntil(() => deepActiveElement() === resultButton(), 'focus back on the result', { timeout: 10000 });
  });
});

describe('sos-annuaire: the address', () => {
  const until = (f: () => boolean) => waitUntil(f, 'the address', { timeout: 10000 }); // the URL state is a chunk loaded when the page is idle: slow on a loaded machine

  it('keeps the view in sos- parameters, and a card open is a step Back closes', async () => {
    const el = await loadedAnnuaire((url) => html`<sos-annuaire src=${url} variant="liste"></sos-annuaire>`);
    el.store.setFilter('care', ['psychologie']);
    await until(() => new URLSearchParams(location.search).get('sos-care') === 'psychologie');
    el.store.open('test-dsrc:psy');
    await until(() => new URLSearchParams(location.search).get('sos-fiche') === 'test-dsrc:psy');
    history.back();
    await until(() => el.store.openKey === undefined);
  });

  it('url-state="off" leaves the address alone', async () => {
    const before = location.search;
    const el = await loadedAnnuaire((url) => html`<sos-annuaire src=${url} variant="liste" url-state="off"></sos-annuaire>`);
    el.store.setFilter('care', ['psychologie']);
    el.store.open('test-dsrc:psy');
    await aTimeout(800);
    expect(location.search).to.equal(before);
  });
});

describe('sos-annuaire: theming', () => {
  it('theme="dsfr" reaches the elements inside, and a colour set by the integrator wins', async () => {
    const el = await loadedAnnuaire((url) => html`<sos-annuaire src=${url} variant="liste" theme="dsfr"></sos-annuaire>`);
    const form = inner<SosAnnuaire>(el, 'sos-search-form');
    await form.updateComplete;
    const submit = () => getComputedStyle(form.shadowRoot!.querySelector('button[type=submit]')!).backgroundColor;
    expect(submit()).to.equal('rgb(0, 0, 145)');
    el.style.setProperty('--sos-color-primary', '#8a1538');
    expect(submit()).to.equal('rgb(138, 21, 56)');
    await expect(el).to.be.accessible();
  });
});

describe('sos-annuaire: colour tokens', () => {
  it('an integrator reaches the light borders and the « Gratuit » badge, and theme="dsfr" sets them', async () => {
    const el = await loadedAnnuaire((url) => html`<sos-annuaire src=${url} variant="liste"></sos-annuaire>`);
    const list = inner<SosAnnuaire>(el, 'sos-results-list');
    const style = (sel: string) => getComputedStyle(list.shadowRoot!.querySelector(sel)!);
    expect(style('.result').borderTopColor).to.equal('rgb(201, 206, 214)');
    expect(style('.badge').backgroundColor).to.equal('rgb(227, 241, 230)');
    el.style.setProperty('--sos-color-border-subtle', '#8a1538');
    el.style.setProperty('--sos-color-success-bg', '#fff8d6');
    expect(style('.result').borderTopColor).to.equal('rgb(138, 21, 56)');
    expect(style('.badge').backgroundColor).to.equal('rgb(255, 248, 214)');
    el.removeAttribute('style');
    el.setAttribute('theme', 'dsfr');
    expect(style('.result').borderTopColor).to.equal('rgb(221, 221, 221)');
    expect(style('.badge').backgroundColor).to.equal('rgb(184, 254, 201)');
    expect(style('.badge').color).to.equal('rgb(24, 117, 60)');
    await expect(el).to.be.accessible();
  });
});

describe('sos-annuaire and the elements used alone: one reading of `src`', () => {
  it('reads the same two-feed `src` (comma, then spaces) the same way on <sos-annuaire> and on a list used alone', async () => {
    const other = feed([structure({ id: 'ligue', name: 'Ligue — comité de test (fictif)' })], {
      publisher: { id: 'autre-dsrc', name: 'Autre DSRC (fictif)', region: '76' },
    });
    const src = `${await serve(doc)},  ${await serve(other)}`;
    const el = await fixture<SosAnnuaire>(html`<sos-annuaire src=${src} variant="liste"></sos-annuaire>`);
    if (el.store.status !== 'ready') await oneEvent(el, 'sos-loaded');
    expect(el.store.feeds.map((f) => f.feed.publisher.id)).to.deep.equal(['test-dsrc', 'autre-dsrc']);
    const list = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<sos-results-list src=${src}></sos-results-list>`);
    const count = () => list.shadowRoot!.querySelector('.count')?.textContent;
    await waitUntil(() => count()?.startsWith('4'), 'the list loads both feeds', { timeout: 5000 });
    expect(count()).to.equal('4\u00a0structures, 5\u00a0offres');
  });

  it('switches every part to English when its lang changes at run time', async () => {
    const el = await loadedAnnuaire((url) => html`<sos-annuaire src=${url} variant="liste"></sos-annuaire>`);
    el.lang = 'en';
    await el.updateComplete;
    await aTimeout(0);
    const list = inner<HTMLElement & { updateComplete: Promise<unknown> }>(el, 'sos-results-list');
    const form = inner<HTMLElement & { updateComplete: Promise<unknown> }>(el, 'sos-search-form');
    await list.updateComplete;
    await form.updateComplete;
    expect(list.shadowRoot!.querySelector('.count')!.textContent).to.equal('3\u00a0organisations, 4\u00a0services');
    expect(form.shadowRoot!.querySelector('label[for$="-q"]')!.textContent).to.equal('Search for a type of care, a facility, a town');
  });
});
