import { expect, fixture, html, aTimeout } from '@open-wc/testing';
import './sos-results-list.js';
import type { SosResultsList } from './sos-results-list.js';
import { feed, offer, serve, structure } from '../../../test/helpers/feeds.js';
import { settle, storeWith } from '../../../test/helpers/store.js';

const doc = feed([
  structure({ id: 'chu', name: 'CHU de Bordeaux', kind: 'etablissement-sante',
    offers: [offer({ id: 'c1', care: 'douleur' }), offer({ id: 'c2', care: 'psychologie', subcares: ['sophrologie'], cost: 'gratuit' })] }),
  structure({ id: 'apa', name: 'Association Bouger Landes', address: { postalCode: '40000', city: 'Mont-de-Marsan', insee: '40192' }, location: { lat: 43.89, lon: -0.5 },
    offers: [offer({ id: 'a1', care: 'activite-physique', settings: ['ville'] })] }),
  structure({ id: 'tel', name: 'Écoute Aidants', address: { postalCode: '87000', city: 'Limoges', insee: '87085' }, location: undefined,
    offers: [offer({ id: 't1', care: 'soutien-aidants', settings: ['distance'] })] }),
]);

const $ = (el: SosResultsList, sel: string) => el.shadowRoot!.querySelector(sel);
const $$ = (el: SosResultsList, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)];
const names = (el: SosResultsList) => $$(el, '.result-button').map((b) => b.textContent!.trim());

describe('sos-results-list', () => {
  it('lists structures by name with kind, city, chips, "Gratuit" and the verification date', async () => {
    const store = storeWith(doc);
    const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
    expect(names(el)).to.deep.equal(['Association Bouger Landes', 'CHU de Bordeaux', 'Écoute Aidants']);
    expect($(el, '.count')!.textContent).to.equal('3\u00a0structures, 4\u00a0offres');
    const chu = $$(el, '.result')[1]!;
    expect([...chu.querySelectorAll('.chip')].map((c) => c.textContent)).to.deep.equal(['Douleur', 'Psychologie']);
    expect(chu.textContent).to.contain('Établissement de santé');
    expect(chu.textContent).to.contain('Bordeaux (33)');
    expect(chu.querySelector('.badge')!.textContent).to.equal('Gratuit');
    expect(chu.textContent).to.contain('Vérifié le 01/10/2026');
    expect($$(el, '.result')[2]!.textContent).to.contain('non placée sur la carte');
  });

  it('announces the count in one polite live region, after typing pauses', async () => {
    const store = storeWith(doc);
    const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
    const live = $$(el, '[aria-live]');
    expect(live).to.have.length(1);
    expect(live[0]!.getAttribute('aria-live')).to.equal('polite');
    expect($(el, '.results')!.hasAttribute('aria-live')).to.equal(false);
    store.setQuery('dou');
    store.setQuery('douleur');
    await settle(el);
    expect($(el, '.count')!.textContent).to.equal('1\u00a0structure, 1\u00a0offre');
    await aTimeout(600);
    expect(live[0]!.textContent).to.equal('1\u00a0structure, 1\u00a0offre');
  });

  it('opens the card with Enter and marks the selection with aria-current', async () => {
    const store = storeWith(doc);
    const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
    const button = $$(el, '.result-button')[1] as HTMLButtonElement;
    button.focus();
    // A native button turns Enter into a click: exercise that path.
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    button.click();
    await settle(el);
    expect(store.openKey).to.equal('test-dsrc:chu');
    expect($$(el, '.result')[1]!.getAttribute('aria-current')).to.equal('true');
    expect($$(el, '[aria-current]')).to.have.length(1);
  });

  it('groups by distance and keeps remote offers apart when searching near a place', async () => {
    const store = storeWith(doc);
    store.setNear({ label: 'Bordeaux', point: { lat: 44.84, lon: -0.58 }, radiusKm: 20, department: '33' });
    const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
    const titles = $$(el, '.group-title').map((h) => h.textContent);
    expect(titles).to.deep.equal(['À moins de 20\u00a0km de Bordeaux', 'À domicile ou à distance']);
    expect(names(el)).to.deep.equal(['CHU de Bordeaux', 'Écoute Aidants']);
    expect($(el, '.distance')!.textContent).to.match(/^à 0,\d\u00a0km$/);
  });

  it('explains an empty result and offers to widen the radius or reset', async () => {
    const store = storeWith(doc);
    store.setQuery('bouger');
    store.setNear({ label: 'Labouheyre', point: { lat: 44.21, lon: -0.92 }, radiusKm: 20 });
    const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
    expect($(el, '.count')!.textContent).to.equal('Aucune structure ne correspond à votre recherche.');
    expect($(el, '.help')!.textContent).to.contain('la distance');
    expect($(el, '.help')!.textContent).to.match(/La structure la plus proche qui propose ce soin est à 4\d\u00a0km/);
    const widen = $$(el, '.help button').find((b) => b.textContent!.startsWith('Élargir')) as HTMLButtonElement;
    expect(widen.textContent).to.equal('Élargir à 50\u00a0km');
    widen.click();
    await settle(el);
    expect(names(el)).to.deep.equal(['Association Bouger Landes']);
    await expect(el).to.be.accessible();
  });

  it('renders a page of results at a time for large result sets', async () => {
    const many = feed(Array.from({ length: 250 }, (_, i) => structure({ id: `s${String(i).padStart(3, '0')}`, name: `Structure ${String(i).padStart(3, '0')}` })));
    const store = storeWith(many);
    const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
    expect($$(el, '.result')).to.have.length(30);
    ($(el, '.more') as HTMLButtonElement).click();
    await settle(el);
    expect($$(el, '.result')).to.have.length(60);
    store.select('test-dsrc:s200');
    await settle(el);
    expect($$(el, '.result').length).to.be.at.least(201);
  });

  it('loads its own feed from src and says when it cannot', async () => {
    const url = await serve(doc);
    const ok = await fixture<SosResultsList>(html`<sos-results-list src=${url}></sos-results-list>`);
    await aTimeout(300);
    await ok.updateComplete;
    expect(names(ok)).to.have.length(3);
    const bad = await fixture<SosResultsList>(html`<sos-results-list src="/__test__/status/502"></sos-results-list>`);
    await aTimeout(300);
    await bad.updateComplete;
    expect($(bad, '.notice.error')!.textContent).to.contain("Le serveur de l'annuaire a renvoyé une erreur (HTTP 502).");
    expect($(bad, 'details')!.textContent).to.contain('/__test__/status/502 a répondu HTTP 502');
  });

  it('is accessible', async () => {
    const el = await fixture<SosResultsList>(html`<sos-results-list .store=${storeWith(doc)}></sos-results-list>`);
    await expect(el).to.be.accessible();
  });
});
