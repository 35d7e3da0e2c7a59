// « Ma sélection » and « Partager cette recherche » in the results list (issue 12).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './sos-results-list.js';
import type { SosResultsList } from './sos-results-list.js';
import { feed, offer, serve, structure } from '../../../test/helpers/feeds.js';
import { settle, storeWith } from '../../../test/helpers/store.js';

const doc = feed([
  structure({ id: 'a', name: 'Alpha', offers: [offer({ id: 'a1', care: 'nutrition' })] }),
  structure({ id: 'b', name: 'Bêta', offers: [offer({ id: 'b1', care: 'psychologie' })] }),
]);
const $$ = (el: SosResultsList, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('sos-results-list: « Ma sélection » and « Partager »', () => {
  it('adds a result to the selection (announced), then offers to remove it; the header opens the selection', async () => {
    const store = storeWith(doc);
    const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
    expect($$(el, '.tools button').map(text)).to.deep.equal(['Partager cette recherche']);
    const pick = $$(el, '.result .pick')[1]!;
    expect(pick.getAttribute('aria-label')).to.equal('Ajouter à ma sélection : Bêta');
    pick.click();
    await settle(store, el);
    expect(store.shortlist).to.deep.equal([{ key: 'test-dsrc:b' }]);
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal('Ajouté à votre sélection (1 sur 20).');
    expect(text($$(el, '.result .pick')[1])).to.equal('Retirer de ma sélection');
    const open = $$(el, '.tools button')[0]!;
    expect(text(open)).to.equal('Ma sélection (1)');
    open.click();
    expect(store.shortlistOpen).to.equal(true);
    $$(el, '.result .pick')[1]!.click();
    await settle(store, el);
    expect(store.shortlist).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('says so when the selection is full (20)', async () => {
    const store = storeWith(doc);
    store.setShortlist(Array.from({ length: 20 }, (_, i) => ({ key: `test-dsrc:x${i}` })));
    const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
    $$(el, '.result .pick')[0]!.click();
    await settle(store, el);
    expect(store.shortlist).to.have.length(20);
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal('Ma sélection est complète (20 au plus) : retirez-en un élément pour en ajouter un autre.');
  });

  it('« Partager cette recherche » shows the ways to share the search’s link', async () => {
    const store = storeWith(doc);
    store.shareLink = () => 'https://partenaire.example/annuaire?sos-q=psy';
    const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
    const button = $$(el, '.tools button').find((b) => text(b) === 'Partager cette recherche')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    await waitUntil(() => el.shadowRoot!.querySelector('sos-share')?.shadowRoot?.querySelector('a'), 'the share element');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const share = el.shadowRoot!.querySelector('sos-share')!;
    const mail = share.shadowRoot!.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!.href;
    expect(decodeURIComponent(mail)).to.equal('mailto:?subject=Soins de support : une recherche dans l’annuaire&body=2\u00a0structures, 2\u00a0offres\n\nhttps://partenaire.example/annuaire?sos-q=psy');
    await expect(el).to.be.accessible();
  });

  it('a list alone with its own feed has no selection to add to', async () => {
    const url = await serve(doc);
    const el = await fixture<SosResultsList>(html`<sos-results-list src=${url}></sos-results-list>`);
    await waitUntil(() => $$(el, '.result').length === 2, 'results');
    expect($$(el, '.pick')).to.deep.equal([]);
    expect($$(el, '.tools')).to.deep.equal([]);
  });
});
