// Texts written for people never carry the host page's query string or fragment (issue 17, part 4):
// on an intranet, `?patient=Dupont&ipp=987654` must not end up in a mail, a printout or a shared link.
import { expect, fixture, html } from '@open-wc/testing';
import './sos-structure-card.js';
import type { SosStructureCard } from './sos-structure-card.js';
import { printer } from './print.js';
import { feed, structure } from '../../../test/helpers/feeds.js';
import { settle, storeWith } from '../../../test/helpers/store.js';

const SECRET = /patient|Dupont|987654|dossier/;

describe('sos-structure-card: the page address given to people', () => {
  let start: string;
  beforeEach(() => {
    start = location.href;
    history.replaceState(null, '', `${location.pathname}?patient=Dupont&ipp=987654#dossier`);
  });
  afterEach(() => history.replaceState(null, '', start));

  async function texts(pageUrl?: string) {
    const store = storeWith(feed([structure({ id: 'a', name: 'Alpha' })]));
    store.pageUrl = pageUrl;
    const el = await fixture<SosStructureCard>(html`<sos-structure-card .store=${store} structure-id="a"></sos-structure-card>`);
    await settle(el);
    const report = decodeURIComponent(el.shadowRoot!.querySelector<HTMLAnchorElement>('.report-link')!.href);
    const share = el.shadowRoot!.querySelector('sos-share')! as HTMLElement & { updateComplete: Promise<unknown> };
    await share.updateComplete;
    const mail = decodeURIComponent(share.shadowRoot!.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!.href);
    const original = printer.print;
    printer.print = () => undefined;
    let footer = '';
    try {
      footer = el.print()!.querySelector('footer.printed')!.textContent!;
    } finally {
      printer.print = original;
    }
    return { report, mail, footer };
  }

  it('« Signaler une erreur », the print footer and « Partager » use the page without its query or fragment', async () => {
    const { report, mail, footer } = await texts();
    const page = `${location.origin}${location.pathname}`;
    for (const t of [report, mail, footer]) expect(t).to.not.match(SECRET);
    expect(report).to.contain(`Page : ${page}`);
    expect(footer).to.contain(`depuis ${page}`);
    expect(mail).to.contain(page);
  });

  it('page-url gives the address to use instead', async () => {
    const { report, footer } = await texts('https://www.cpts-exemple.fr/?page_id=12');
    expect(report).to.contain('Page : https://www.cpts-exemple.fr/?page_id=12');
    expect(footer).to.contain('depuis https://www.cpts-exemple.fr/?page_id=12');
    for (const t of [report, footer]) expect(t).to.not.match(SECRET);
  });
});
