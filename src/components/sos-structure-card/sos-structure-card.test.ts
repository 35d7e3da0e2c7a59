import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './sos-structure-card.js';
import type { SosStructureCard } from './sos-structure-card.js';
import { deepActiveElement } from '../../base/focus.js';
import { printer } from './print.js';
import { directionsLinks } from './directions-links.js';
import { DirectoryStore } from '../../state/directory-store.js';
import { validateFeed, type DirectoryStructure } from '../../feed/validate.js';
import type { Feed } from '../../feed/schema.js';
import { feed, offer, serve, structure } from '../../../test/helpers/feeds.js';
import { TEST_NOW } from '../../../test/helpers/store.js';

/** Verified a month before the tests' day (TEST_NOW, 22 November 2026: the store's clock here). */
const RECENT = '2026-10-22';
const CHU = structure({
  id: 'chu-bordeaux',
  verifiedAt: RECENT,
  name: 'CHU de Bordeaux',
  kind: 'etablissement-sante',
  finess: '330781196',
  siret: '26330004700012',
  description: 'Centre hospitalier universitaire.\nService des soins de support, bâtiment B.',
  hours: 'Lundi au vendredi : 9 h – 17 h\nSamedi : 9 h – 12 h',
  accessibility: { wheelchair: true },
  contact: {
    phone: '05 56 79 56 79',
    email: 'sos@chu-bordeaux.example',
    website: 'https://www.chu-bordeaux.example/sos',
    mssante: 'soins-support@chu-bordeaux.mssante.fr',
  },
  offers: [
    offer({ id: 'chu-psy', care: 'psychologie', label: 'Séances de sophrologie', subcares: ['sophrologie'], cost: 'gratuit', costNote: 'sur inscription', schedule: 'Mardi 14 h\nJeudi 10 h', contact: { phone: '05 56 00 00 01' } }),
    offer({ id: 'chu-douleur', care: 'douleur', subcares: ['consultation-douleur'], ages: ['adulte'], phases: ['traitement'], access: ['non-suivis'], referral: 'orientation', cost: 'rembourse', pathways: ['parcours-global-apres-cancer'] }),
  ],
});
const OLD = structure({
  id: 'ancienne',
  name: 'Association Ancienne',
  verifiedAt: '2020-01-15',
  contact: { website: 'javascript:alert(1)', phone: '05 57 00 00 00' },
  offers: [offer({ id: 'old-1', care: 'image-de-soi', label: 'Atelier bien-être', nonConventional: true })],
});
/** Verified 13 months before the tests' day: « à vérifier ». (OLD: more than 14 months.) */
const OVERDUE = structure({ id: 'a-confirmer', name: 'Espace Bien-Être', verifiedAt: '2025-10-20' });
const NOWHERE = structure({ id: 'sans-gps', name: 'Ligne Écoute', location: undefined, address: { line: '2 place Gambetta', postalCode: '33000', city: 'Bordeaux' } });

const DOC = feed([CHU, OLD, OVERDUE, NOWHERE]);

function makeStore(doc: Feed = DOC): DirectoryStore {
  const r = validateFeed(doc, { now: new Date(TEST_NOW) });
  if (!r.ok) throw new Error(r.message);
  const store = new DirectoryStore();
  store.now = () => TEST_NOW;
  store.setFeeds([{ ...r, url: 'test' }]);
  return store;
}

const $ = <E extends Element = HTMLElement>(el: SosStructureCard, sel: string) => el.shadowRoot!.querySelector<E>(sel);
const $$ = <E extends Element = HTMLElement>(el: SosStructureCard, sel: string) => [...el.shadowRoot!.querySelectorAll<E>(sel)];
const has = (el: SosStructureCard, sel: string): boolean => el.shadowRoot!.querySelector(sel) !== null;
const text = (el: SosStructureCard, sel: string) => $(el, sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function card(id: string, store = makeStore()): Promise<SosStructureCard> {
  return fixture<SosStructureCard>(html`<sos-structure-card .store=${store} structure-id=${id}></sos-structure-card>`);
}

describe('sos-structure-card: content', () => {
  it('shows the name as the heading, the kind, and the description with its line breaks', async () => {
    const el = await card('chu-bordeaux');
    expect(text(el, 'h2')).to.equal('CHU de Bordeaux');
    expect(text(el, '.kind')).to.equal('Établissement de santé');
    const description = $(el, '.card > .description')!;
    expect(description.textContent).to.contain('universitaire.\nService');
    expect(getComputedStyle(description).whiteSpace).to.equal('pre-line');
  });

  it('links the phone (tel:), the e-mail (mailto:) and the website (https, new window)', async () => {
    const el = await card('chu-bordeaux');
    expect($<HTMLAnchorElement>(el, '.contact .row-phone a')!.getAttribute('href')).to.equal('tel:0556795679');
    expect($<HTMLAnchorElement>(el, '.contact .row-email a')!.getAttribute('href')).to.equal('mailto:sos@chu-bordeaux.example');
    const web = $<HTMLAnchorElement>(el, '.contact .row-website a')!;
    expect(web.getAttribute('href')).to.equal('https://www.chu-bordeaux.example/sos');
    expect(web.target).to.equal('_blank');
    expect(web.rel).to.equal('noopener noreferrer');
    expect(web.querySelector('.visually-hidden')!.textContent).to.contain('(nouvelle fenêtre)');
  });

  it('never turns a javascript: website into a link (the validator drops it)', async () => {
    const r = validateFeed(DOC);
    expect(r.ok && r.diagnostics.some((d) => d.path === 'structures[1].contact.website' && d.code === 'field-dropped')).to.equal(true);
    const el = await card('ancienne');
    expect(text(el, 'h2')).to.equal('Association Ancienne');
    expect(has(el, '.contact .row-website')).to.equal(false);
    expect($$<HTMLAnchorElement>(el, 'a').map((a) => a.getAttribute('href')).filter((h) => /^javascript:/i.test(h ?? ''))).to.deep.equal([]);
    expect(el.shadowRoot!.textContent).not.to.contain('javascript:');
  });

  it('never turns a javascript: website into a link when the structure is set directly (safeHref)', async () => {
    const store = makeStore();
    const forged: DirectoryStructure = {
      ...store.structureById('chu-bordeaux')!,
      contact: { phone: 'javascript:alert(1)', email: 'javascript:alert(1)', website: 'javascript:alert(1)', mssante: 'x@y.fr' },
    };
    const el = await fixture<SosStructureCard>(html`<sos-structure-card .structure=${forged}></sos-structure-card>`);
    expect(text(el, 'h2')).to.equal('CHU de Bordeaux');
    const hrefs = $$<HTMLAnchorElement>(el, 'a').map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.length).to.be.greaterThan(0);
    expect(hrefs.filter((h) => !/^(https?:|tel:|mailto:)/.test(h))).to.deep.equal([]);
    expect(has(el, '.contact .row-website')).to.equal(false);
    expect(has(el, '.contact .row-email')).to.equal(false);
    // Shown as text (harmless), never as a link.
    expect(has(el, '.contact .row-phone a')).to.equal(false);
    expect(text(el, '.contact .row-phone dd')).to.equal('javascript:alert(1)');
  });

  it('marks the MSSanté address "pour les professionnels"', async () => {
    const el = await card('chu-bordeaux');
    expect(text(el, '.contact .row-mssante dt')).to.equal('Messagerie sécurisée de santé (pour les professionnels)');
    expect($<HTMLAnchorElement>(el, '.contact .row-mssante a')!.getAttribute('href')).to.equal('mailto:soins-support@chu-bordeaux.mssante.fr');
  });

  it('says whether there is wheelchair access in words, also when unknown', async () => {
    expect(text(await card('chu-bordeaux'), '.row-wheelchair dd')).to.equal('Oui, accessible aux personnes à mobilité réduite');
    expect(text(await card('ancienne'), '.row-wheelchair dd')).to.equal('Non renseigné');
  });

  it('shows the hours with their line breaks, and FINESS and SIRET for professionals', async () => {
    const el = await card('chu-bordeaux');
    const hours = $(el, '.row-hours dd')!;
    expect(hours.textContent).to.equal('Lundi au vendredi : 9 h – 17 h\nSamedi : 9 h – 12 h');
    expect(getComputedStyle(hours).whiteSpace).to.equal('pre-line');
    expect(text(el, '.row-finess dt')).to.equal('N° FINESS (pour les professionnels)');
    expect(text(el, '.row-finess dd')).to.equal('330781196');
    expect(text(el, '.row-siret dd')).to.equal('26330004700012');
  });

  it('offers directions to the street address when there is one, else to the coordinates, else to the town', async () => {
    const el = await card('chu-bordeaux');
    const links = $$<HTMLAnchorElement>(el, '.directions a');
    expect(links.map((a) => a.textContent!.replace(/\s*\(nouvelle fenêtre\)/, '').trim())).to.deep.equal(['OpenStreetMap', 'Google Maps', 'Apple Plans']);
    expect(links.every((a) => a.target === '_blank' && a.rel === 'noopener noreferrer')).to.equal(true);
    // CHU has "1 rue de la Paix": the door, not the point of the feed.
    expect(links[1]!.href).to.equal('https://www.google.com/maps/dir/?api=1&destination=1%20rue%20de%20la%20Paix%2C%2033000%20Bordeaux%2C%20France');
    expect(links[0]!.href).to.equal('https://www.openstreetmap.org/directions?to=1%20rue%20de%20la%20Paix%2C%2033000%20Bordeaux%2C%20France#map=17/44.837/-0.579');
    const byText = directionsLinks(NOWHERE.address);
    expect(byText[1]!.href).to.equal('https://www.google.com/maps/dir/?api=1&destination=2%20place%20Gambetta%2C%2033000%20Bordeaux%2C%20France');
    const el2 = await card('sans-gps');
    expect($$<HTMLAnchorElement>(el2, '.directions a').map((a) => a.href)).to.deep.equal(byText.map((l) => l.href));
    // No street: the coordinates; nothing but the town: the town.
    const noStreet = directionsLinks({ postalCode: '33000', city: 'Bordeaux' }, { lat: 44.837, lon: -0.579 });
    expect(noStreet[1]!.href).to.equal('https://www.google.com/maps/dir/?api=1&destination=44.837%2C-0.579');
    expect(directionsLinks({ postalCode: '33000', city: 'Bordeaux' })[2]!.href).to.equal('https://maps.apple.com/?daddr=33000%20Bordeaux%2C%20France');
  });

  it('shows first the offers the visitor searched for, marked « Correspond à votre recherche »', async () => {
    const store = makeStore();
    const el = await card('chu-bordeaux', store);
    // No search: the taxonomy's order (pain before psychology), nothing marked.
    expect($$(el, '.category > h3').map((h) => h.textContent)).to.deep.equal(['Prise en charge de la douleur', 'Prise en charge psychologique']);
    expect(has(el, '.match-tag')).to.equal(false);
    store.setQuery('sophrologie');
    await store.settled;
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect($$(el, '.category > h3').map((h) => h.textContent)).to.deep.equal(['Prise en charge psychologique', 'Prise en charge de la douleur']);
    expect($$(el, '.offer.match').map((o) => o.dataset.offer)).to.deep.equal(['chu-psy']);
    expect(text(el, '.offer.match .match-tag')).to.equal('Correspond à votre recherche');
    await expect(el).to.be.accessible();
  });

  it('groups offers by category in the taxonomy order, with the category colour', async () => {
    const el = await card('chu-bordeaux');
    expect($$(el, '.category > h3').map((h) => h.textContent)).to.deep.equal(['Prise en charge de la douleur', 'Prise en charge psychologique']);
    expect(getComputedStyle($(el, '.category')!).getPropertyValue('--cat-color').trim()).to.equal('#c0392b');
    expect($(el, '.category')!.hasAttribute('style')).to.equal(false); // a strict CSP refuses style attributes
    expect($$(el, '.offer h4').map((h) => h.textContent)).to.deep.equal(['Consultation douleur chronique', 'Séances de sophrologie']);
  });

  it('shows the non-conventional notice on a sophrologie offer, and not on a pain one', async () => {
    const el = await card('chu-bordeaux');
    expect(text(el, '[data-offer="chu-psy"] .notice')).to.contain('Un complément, jamais un remplacement des traitements.');
    expect(has(el, '[data-offer="chu-douleur"] .notice')).to.equal(false);
    // Flagged by the feed itself, without a non-conventional finer care.
    expect(text(await card('ancienne'), '[data-offer="old-1"] .notice')).to.contain('jamais un remplacement');
  });

  it('labels every detail of an offer, and says what an absent age or phase means', async () => {
    const el = await card('chu-bordeaux');
    const psy = '[data-offer="chu-psy"]';
    expect(text(el, `${psy} .row-ages dd`)).to.equal('Tous âges');
    expect(text(el, `${psy} .row-phases dd`)).to.equal('Toutes les phases');
    expect(text(el, `${psy} .row-cost .free`)).to.equal('Gratuit');
    expect(text(el, `${psy} .row-cost dd`)).to.equal('Gratuit – sur inscription');
    expect($(el, `${psy} .row-schedule dd`)!.textContent).to.equal('Mardi 14 h\nJeudi 10 h');
    expect($<HTMLAnchorElement>(el, `${psy} .row-offer-contact a`)!.getAttribute('href')).to.equal('tel:0556000001');
    const pain = '[data-offer="chu-douleur"]';
    expect(text(el, `${pain} .row-ages dd`)).to.equal('Adultes');
    expect(text(el, `${pain} .row-phases dd`)).to.equal('Pendant les traitements');
    expect(text(el, `${pain} .row-access dd`)).to.equal('Ouvert aux patients suivis ailleurs');
    expect(text(el, `${pain} .row-referral dd`)).to.equal('Sur orientation d’un professionnel');
    expect(text(el, `${pain} .row-cost dd`)).to.equal('Remboursé par l’Assurance maladie');
    expect(has(el, `${pain} .row-cost .free`)).to.equal(false);
    expect(text(el, `${pain} .row-pathways dd`)).to.equal('Parcours de soins global après le traitement d’un cancer');
    expect(text(el, `${pain} .row-audiences dd`)).to.equal('Patients');
    expect($$(el, 'dt').every((dt) => dt.parentElement!.parentElement!.localName === 'dl')).to.equal(true);
  });

  it('speaks English with lang="en"', async () => {
    const store = makeStore();
    const el = await fixture<SosStructureCard>(html`<sos-structure-card lang="en" .store=${store} structure-id="chu-bordeaux"></sos-structure-card>`);
    const [y, m, d] = RECENT.split('-');
    expect(text(el, '.verified')).to.equal(`Information verified on ${d}/${m}/${y}`);
    expect(text(el, '.kind')).to.equal('Health establishment');
    expect(text(el, '[data-offer="chu-psy"] .notice')).to.contain('A complement to treatment, never a replacement.');
  });
});

describe('sos-structure-card: trust', () => {
  it('shows the verification date, without a warning when recent', async () => {
    const el = await card('chu-bordeaux');
    const [y, m, d] = RECENT.split('-');
    expect(text(el, '.verified')).to.equal(`Informations vérifiées le ${d}/${m}/${y}`);
    expect(has(el, '.stale')).to.equal(false);
  });

  it('says at the top that a record verified more than a year ago is to be confirmed, its date still at the bottom', async () => {
    const el = await card('a-confirmer');
    const notice = $(el, '.stale')!;
    // Right under the name, before the description, the contact details and the offers.
    expect(notice.previousElementSibling!.localName).to.equal('header');
    expect(notice.compareDocumentPosition($(el, '.contact')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.above(0);
    expect(text(el, '.stale')).to.equal('⚠ À vérifier : informations vérifiées le 20/10/2025, il y a plus d’un an. Confirmez-les auprès de la structure avant de vous déplacer.');
    expect(notice.classList.contains('remove')).to.equal(false);
    expect(text(el, 'footer .verified')).to.equal('Informations vérifiées le 20/10/2025');
    await expect(el).to.be.accessible();
  });

  it('more firmly after 14 months without confirmation', async () => {
    const el = await card('ancienne');
    expect($(el, '.stale')!.previousElementSibling!.localName).to.equal('header');
    expect(text(el, '.stale')).to.equal('⚠ À vérifier : informations vérifiées le 15/01/2020, il y a plus de 14 mois, et pas confirmées depuis. Elles ont pu changer : appelez la structure avant de vous déplacer.');
    expect($(el, '.stale')!.classList.contains('remove')).to.equal(true);
    const overdue = getComputedStyle($(await card('a-confirmer'), '.stale')!);
    const expired = getComputedStyle($(el, '.stale')!);
    expect(parseFloat(expired.borderTopWidth)).to.be.above(parseFloat(overdue.borderTopWidth));
    expect(expired.backgroundColor).to.not.equal(overdue.backgroundColor);
    expect(text(el, 'footer .verified')).to.equal('Informations vérifiées le 15/01/2020');
    await expect(el).to.be.accessible();
  });

  it('follows the store\'s clock: the same record is fine a year earlier', async () => {
    const store = makeStore();
    store.now = () => Date.parse('2026-10-01T12:00:00Z');
    const el = await card('a-confirmer', store);
    expect(has(el, '.stale')).to.equal(false);
  });

  it('says both in English', async () => {
    const store = makeStore();
    const overdue = await fixture<SosStructureCard>(html`<sos-structure-card lang="en" .store=${store} structure-id="a-confirmer"></sos-structure-card>`);
    expect(text(overdue, '.stale')).to.equal('⚠ Needs checking: information verified on 20/10/2025, more than a year ago. Confirm it with the structure before you go.');
    const expired = await fixture<SosStructureCard>(html`<sos-structure-card lang="en" .store=${store} structure-id="ancienne"></sos-structure-card>`);
    expect(text(expired, '.stale')).to.equal('⚠ Needs checking: information verified on 15/01/2020, more than 14 months ago, and not confirmed since. It may have changed: call the structure before you go.');
    await expect(expired).to.be.accessible();
  });

  it('"Signaler une erreur" writes to the publisher with the structure id and name prefilled', async () => {
    const el = await card('chu-bordeaux');
    const a = $<HTMLAnchorElement>(el, '.report-link')!;
    expect(a.textContent!.trim()).to.equal('Signaler une erreur');
    const href = a.getAttribute('href')!;
    expect(href.startsWith('mailto:erreurs@example.org?subject=')).to.equal(true);
    expect(href).not.to.contain(' ');
    const params = new URLSearchParams(href.slice(href.indexOf('?') + 1));
    expect(params.get('subject')).to.equal('Erreur dans l’annuaire SOS : CHU de Bordeaux (chu-bordeaux)');
    expect(params.get('body')).to.contain('Identifiant : chu-bordeaux (test-dsrc:chu-bordeaux)');
    expect(text(el, '.source')).to.equal('Source : DSRC de test (fictif)');
  });

  it('falls back to the publisher\'s contact page, and shows no link without a contact', async () => {
    const withUrl = feed([CHU], { publisher: { id: 'p', name: 'P', contact: { url: 'https://dsrc.example/contact' } } });
    const a = $<HTMLAnchorElement>(await card('chu-bordeaux', makeStore(withUrl)), '.report-link')!;
    expect(a.getAttribute('href')).to.equal('https://dsrc.example/contact');
    expect(a.target).to.equal('_blank');
    const none = feed([CHU], { publisher: { id: 'p', name: 'P' } });
    const el = await card('chu-bordeaux', makeStore(none));
    expect(text(el, 'h2')).to.equal('CHU de Bordeaux');
    expect(has(el, '.report-link')).to.equal(false);
  });
});

describe('sos-structure-card: overlay', () => {
  async function overlayFixture(store: DirectoryStore) {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <button id="opener" type="button">Voir la fiche</button>
      <sos-structure-card overlay .store=${store}></sos-structure-card>
    </div>`);
    return { opener: wrap.querySelector<HTMLButtonElement>('#opener')!, el: wrap.querySelector('sos-structure-card')! };
  }

  it('is closed and empty while nothing is open', async () => {
    const { el } = await overlayFixture(makeStore());
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(false);
    expect(has(el, 'h2')).to.equal(false);
  });

  it('opens as a labelled modal dialog with focus inside; Escape closes it and focus returns to the opener', async () => {
    const store = makeStore();
    const { opener, el } = await overlayFixture(store);
    opener.focus();
    store.open('test-dsrc:chu-bordeaux');
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await waitUntil(() => dialog.open, 'the dialog opens');
    expect(dialog.matches(':modal')).to.equal(true);
    expect(el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).to.equal('CHU de Bordeaux');
    expect(deepActiveElement() === $(el, 'h2')).to.equal(true);

    const closed = oneEvent(el, 'sos-card-close');
    await sendKeys({ press: 'Escape' });
    const event = await closed;
    expect(event.detail).to.deep.equal({ key: 'test-dsrc:chu-bordeaux', focusRestored: true });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(dialog.open).to.equal(false);
    expect(store.openKey).to.equal(undefined);
    expect(document.activeElement === opener).to.equal(true);
  });

  it('"Fermer" closes it; when the opener is gone, the event says focus was not restored', async () => {
    const store = makeStore();
    const { opener, el } = await overlayFixture(store);
    opener.focus();
    store.open('test-dsrc:ancienne');
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await waitUntil(() => dialog.open, 'the dialog opens');
    opener.remove();
    const closeButton = $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === 'Fermer')!;
    expect(closeButton.getAttribute('part')).to.equal('button');
    const closed = oneEvent(el, 'sos-card-close');
    closeButton.click();
    const event = await closed;
    expect(event.detail).to.deep.equal({ key: 'test-dsrc:ancienne', focusRestored: false });
    expect(store.openKey).to.equal(undefined);
  });

  it('returns focus to an opener inside another shadow root (a list item in <sos-annuaire>)', async () => {
    const store = makeStore();
    const wrap = await fixture<HTMLDivElement>(html`<div><div id="list-host"></div><sos-structure-card overlay .store=${store}></sos-structure-card></div>`);
    const root = wrap.querySelector('#list-host')!.attachShadow({ mode: 'open' });
    const item = document.createElement('button');
    item.textContent = 'CHU de Bordeaux';
    root.append(item);
    item.focus();
    const el = wrap.querySelector('sos-structure-card')!;
    store.open('test-dsrc:chu-bordeaux');
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')!.open, 'the dialog opens');
    expect(deepActiveElement() === $(el, 'h2')).to.equal(true);
    const closed = oneEvent(el, 'sos-card-close');
    await sendKeys({ press: 'Escape' });
    expect((await closed).detail.focusRestored).to.equal(true);
    expect(deepActiveElement() === item).to.equal(true);
  });

  it('closes when the store closes it, and follows the store to another structure', async () => {
    const store = makeStore();
    const { el } = await overlayFixture(store);
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    store.open('test-dsrc:chu-bordeaux');
    await waitUntil(() => dialog.open, 'the dialog opens');
    store.open('test-dsrc:ancienne');
    await waitUntil(() => text(el, 'h2') === 'Association Ancienne', 'the card follows');
    expect(dialog.open).to.equal(true);
    const closed = oneEvent(el, 'sos-card-close');
    store.close();
    expect((await closed).detail.key).to.equal('test-dsrc:ancienne');
    expect(dialog.open).to.equal(false);
  });

  it('is accessible when open', async () => {
    const store = makeStore();
    const { el } = await overlayFixture(store);
    store.open('test-dsrc:chu-bordeaux');
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')!.open, 'the dialog opens');
    await expect(el).to.be.accessible();
  });
});

describe('sos-structure-card: standalone and linked', () => {
  it('loads its own feed with src and shows the structure named by structure-id', async () => {
    const url = await serve(DOC);
    const el = await fixture<SosStructureCard>(html`<sos-structure-card src=${url} structure-id="chu-bordeaux"></sos-structure-card>`);
    await waitUntil(() => $(el, 'h2'), 'the card renders once the feed is loaded', { timeout: 5000 });
    expect(text(el, 'h2')).to.equal('CHU de Bordeaux');
    expect(has(el, 'dialog')).to.equal(false);
    expect($$(el, 'button').map((b) => b.textContent!.trim())).to.deep.equal(['Imprimer']);
  });

  it('says so when the structure-id is not in the feed', async () => {
    const url = await serve(DOC);
    const el = await fixture<SosStructureCard>(html`<sos-structure-card src=${url} structure-id="inconnue"></sos-structure-card>`);
    await waitUntil(() => text(el, '.status').includes('introuvable'), 'not-found message', { timeout: 5000 });
    expect(text(el, '.status')).to.equal('La structure « inconnue » est introuvable dans l’annuaire.');
  });

  it('reads the store of the element named by for=', async () => {
    const store = makeStore();
    const host = document.createElement('div');
    host.id = 'annuaire-lie';
    (host as HTMLDivElement & { store: DirectoryStore }).store = store;
    document.body.append(host);
    try {
      const el = await fixture<SosStructureCard>(html`<sos-structure-card for="annuaire-lie" structure-id="sans-gps"></sos-structure-card>`);
      expect(text(el, 'h2')).to.equal('Ligne Écoute');
    } finally {
      host.remove();
    }
  });

  it('is accessible inline', async () => {
    const el = await card('chu-bordeaux');
    await expect(el).to.be.accessible();
  });
});

describe('sos-structure-card: print', () => {
  const realPrint = printer.print;
  afterEach(() => {
    printer.print = realPrint;
  });

  it('prints a plain copy of the card: the name and the details, no buttons, no directions', async () => {
    const printed: Window[] = [];
    printer.print = (win) => printed.push(win);
    const el = await card('chu-bordeaux');
    const buttons = $$(el, 'button').length;
    $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === 'Imprimer')!.click();
    expect(printed).to.have.length(1);
    const doc = printed[0]!.document;
    expect(doc.title).to.equal('CHU de Bordeaux – fiche soins de support');
    expect(doc.documentElement.lang).to.equal('fr');
    expect(doc.querySelector('h2')!.textContent).to.equal('CHU de Bordeaux');
    expect(doc.body.textContent).to.contain('Un complément, jamais un remplacement des traitements.');
    expect(doc.body.textContent).to.contain('05 56 79 56 79');
    expect(doc.querySelectorAll('button')).to.have.length(0);
    expect(doc.querySelector('.directions') === null).to.equal(true);
    expect(doc.querySelector('.report-link') === null).to.equal(true);
    expect([...doc.adoptedStyleSheets[0]!.cssRules].map((r) => r.cssText).join('\n')).to.contain('@page');
    expect(doc.querySelector('footer.printed')!.textContent).to.match(/^Fiche imprimée le 22\/11\/2026 depuis http/); // the store's day
    // The card on the page is untouched.
    expect($$(el, 'button')).to.have.length(buttons);

    const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === printed[0]);
    expect(frame !== undefined).to.equal(true);
    printed[0]!.dispatchEvent(new Event('afterprint'));
    await waitUntil(() => !frame!.isConnected, 'the print frame is removed after printing');
  });

  it('copies feed text as text, never as markup', async () => {
    const printed: Window[] = [];
    printer.print = (win) => printed.push(win);
    const evil = structure({ id: 'evil', name: '<img src=x onerror="window.__pwned=1">Centre' });
    const el = await card('evil', makeStore(feed([evil])));
    expect(has(el, 'h2 img')).to.equal(false);
    el.print();
    const doc = printed[0]!.document;
    expect(doc.querySelector('img') === null).to.equal(true);
    expect(doc.querySelector('h2')!.textContent).to.equal('<img src=x onerror="window.__pwned=1">Centre');
    printed[0]!.dispatchEvent(new Event('afterprint'));
  });
});
