/**
 * The `max-size` attribute (issue 17): an integrator lowers or raises the size limit of a feed, in
 * Mo once inflated. The feed served here has one 3 MB value (that structure is dropped alone) and
 * two ordinary structures.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './sos-annuaire.js';
import type { SosAnnuaire } from './sos-annuaire.js';

const HUGE = '/__test__/huge?mb=3';

const list = (el: SosAnnuaire) => el.shadowRoot!.querySelector('sos-results-list')!;

describe('sos-annuaire max-size', () => {
  it('a feed over max-size is refused while read: the visitor is told in French, the page gets sos-error', async () => {
    const el = await fixture<SosAnnuaire>(html`<div></div>`);
    const error = oneEvent(el, 'sos-error');
    el.innerHTML = `<sos-annuaire src="${HUGE}" max-size="2" variant="liste"></sos-annuaire>`;
    const { detail } = await error;
    expect(detail.kind).to.equal('too-large');
    expect(detail.detail).to.match(/dépasse 2 Mo/);
    const annuaire = el.querySelector('sos-annuaire') as SosAnnuaire;
    await (list(annuaire) as unknown as SosAnnuaire).updateComplete;
    expect(list(annuaire).shadowRoot!.querySelector('.notice.error p')!.textContent).to.equal("Le fichier de l'annuaire est trop gros pour être lu.");
    await expect(annuaire).to.be.accessible();
  });

  it('the same feed under the default limit (50 Mo) loads, the oversized record dropped alone', async () => {
    const el = await fixture<SosAnnuaire>(html`<sos-annuaire src=${HUGE} variant="liste"></sos-annuaire>`);
    const { detail } = await oneEvent(el, 'sos-loaded');
    expect(detail.structures).to.equal(2);
  });
});
