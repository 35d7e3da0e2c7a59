/**
 * A list used alone with no data source (no `src`, `for`, `store` or enclosing annuaire) is a setup
 * mistake (issue 15): it says so instead of « Chargement… » forever, and the console says what to add.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { DirectoryStore } from '../../state/directory-store.js';
import type { SosResultsList } from './sos-results-list.js';
import './sos-results-list.js';
import { captureConsole } from '../../../test/helpers/console.js';

describe('sos-results-list without a data source', () => {
  const errors = captureConsole('error');

  it('says the directory is not set up, and the console names the attributes to add', async () => {
    const el = await fixture<SosResultsList>(html`<sos-results-list></sos-results-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.notice')?.textContent === "L'annuaire n'est pas encore configuré sur cette page.", 'the notice');
    await waitUntil(() => errors.messages.length > 0, 'the console message');
    expect(errors.messages).to.have.length(1);
    expect(errors.messages[0]).to.match(/^\[sos-annuaire\] <sos-results-list> : aucune source de données\. Donnez-lui l'attribut src .* ou for="id" d'un <sos-annuaire>/);
    expect(el.shadowRoot!.querySelector('[aria-busy]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a store set by script right away is no mistake: nothing said, and a store set later takes the notice back', async () => {
    const quiet = await fixture<SosResultsList>(html`<sos-results-list .store=${new DirectoryStore()}></sos-results-list>`);
    const late = await fixture<SosResultsList>(html`<sos-results-list lang="en"></sos-results-list>`);
    await waitUntil(() => late.shadowRoot!.querySelector('.notice')?.textContent === 'The directory is not set up on this page yet.', 'the English notice');
    await waitUntil(() => errors.messages.length > 0, 'the console message (its chunk is loaded then)');
    expect(errors.messages).to.have.length(1); // the late one only
    expect(quiet.shadowRoot!.querySelector('.notice')!.textContent).to.equal("Chargement de l'annuaire…");
    late.store = new DirectoryStore();
    await late.updateComplete;
    expect(late.shadowRoot!.querySelector('.notice')!.textContent).to.equal('Loading the directory…');
  });
});
