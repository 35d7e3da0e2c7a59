/**
 * A feed server that fails after a good answer (issue 17): the list shows the last good copy with
 * why, and the page is told (sos-error). The loader's side is in src/feed/hostile.test.ts.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { indexedDbCache } from '../../feed/cache.js';
import { feed, structure } from '../../../test/helpers/feeds.js';
import './sos-results-list.js';

async function setSwitch(name: string, status: number, body: string): Promise<string> {
  await fetch(`/__test__/switch/${name}`, { method: 'POST', body: JSON.stringify({ status, body }) });
  return `/__test__/switch/${name}`;
}

/** Waits until the copy of `url` is saved (it is written when the page is idle). */
async function saved(url: string): Promise<void> {
  for (let waited = 0; waited < 3000 && !(await indexedDbCache.get(url)); waited += 20) await new Promise((r) => setTimeout(r, 20));
}

describe('sos-results-list: the last good copy when the server fails', () => {
  it('the list shows the copy with why, and sos-error fires', async () => {
    const name = `told-${Math.random()}`;
    const url = await setSwitch(name, 200, JSON.stringify(feed([structure({ id: 'kept', name: 'Structure gardée' })])));
    const first = await fixture(html`<sos-results-list src=${url}></sos-results-list>`);
    await waitUntil(() => first.shadowRoot!.querySelector('.result'), 'first results');
    await saved(url);
    await setSwitch(name, 503, '<h1>503</h1>');
    const wrapper = await fixture(html`<div></div>`);
    const errorEvent = oneEvent(wrapper, 'sos-error');
    const list = document.createElement('sos-results-list');
    list.setAttribute('src', url);
    wrapper.append(list);
    const { detail } = await errorEvent;
    expect(detail.kind).to.equal('http');
    await waitUntil(() => list.shadowRoot!.querySelector('.notice.warning'), 'the notice');
    expect(list.shadowRoot!.querySelector('.notice.warning')!.textContent).to.match(/^Données du \d{2}\/\d{2}\/\d{4} : le serveur de l'annuaire a renvoyé une erreur \(HTTP 503\)\.$/);
    expect(list.shadowRoot!.querySelector('.result-button')!.textContent!.trim()).to.equal('Structure gardée');
    await expect(list).to.be.accessible();
  });
});

