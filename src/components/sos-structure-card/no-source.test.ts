/**
 * A card used alone with no data source (a `structure-id` but no `src`, `for`, `store` or enclosing
 * annuaire) is a setup mistake (issue 15): it says so in the page instead of showing nothing, and
 * the console says what to add.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SosStructureCard } from './sos-structure-card.js';
import './sos-structure-card.js';
import { captureConsole } from '../../../test/helpers/console.js';

describe('sos-structure-card without a data source', () => {
  const errors = captureConsole('error');

  it('says the directory is not set up (in its language), and the console names the attributes to add', async () => {
    const el = await fixture<SosStructureCard>(html`<sos-structure-card structure-id="finess-330000662"></sos-structure-card>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.status')?.textContent === 'L’annuaire n’est pas encore configuré sur cette page.', 'the notice');
    await waitUntil(() => errors.messages.length > 0, 'the console message');
    expect(errors.messages[0]).to.match(/^\[sos-annuaire\] <sos-structure-card> : aucune source de données\./);
    await expect(el).to.be.accessible();
    el.setAttribute('lang', 'en');
    await waitUntil(() => el.shadowRoot!.querySelector('.status')?.textContent === 'The directory is not set up on this page yet.', 'the English notice');
  });
});
