// The card's practical details (FEED-SPEC 1.1): the week's hours, a closure, how to get in, languages,
// the acceslibre link, the area a home or remote offer serves; on a fixed Paris clock.
import { expect, fixture, html } from '@open-wc/testing';
import './sos-structure-card.js';
import type { SosStructureCard } from './sos-structure-card.js';
import { printer } from './print.js';
import { feed, offer, structure } from '../../../test/helpers/feeds.js';
import { storeWith } from '../../../test/helpers/store.js';
import { loadHoursModule } from '../../state/chunks.js';

/** Wednesday 2 December 2026, 10:00 in Paris (09:00 UTC). */
const WEDNESDAY = Date.UTC(2026, 11, 2, 9, 0);
/** Tuesday 22 December 2026, 10:00 in Paris: inside the closure below. */
const IN_CLOSURE = Date.UTC(2026, 11, 22, 9, 0);
const ACCESLIBRE = 'https://acceslibre.beta.gouv.fr/app/33-bordeaux/a/association/erp/maison-des-patients/';

const HOUSE = structure({
  id: 'maison',
  name: 'Maison des patients',
  verifiedAt: '2026-10-01',
  hours: 'Du lundi au vendredi, 9 h – 12 h 30 et 13 h 30 – 17 h.',
  openingHours: 'Mo-Fr 09:00-12:30,13:30-17:00; PH off',
  closure: { from: '2026-12-21', until: '2027-01-04', note: 'Fermeture annuelle' },
  languages: ['en', 'es'],
  accessibility: { wheelchair: true, acceslibre: ACCESLIBRE },
  contact: { phone: '05 56 00 00 00', email: 'accueil@maison.example' },
  offers: [
    offer({
      id: 'atelier', care: 'activite-physique', label: 'Atelier marche nordique', openingHours: 'We 14:00-17:00 "sur inscription"',
      howTo: ['telephone', 'rendez-vous-en-ligne', 'orientation-professionnel'], bookingUrl: 'https://rdv.example.org/maison',
    }),
    offer({ id: 'visites', care: 'soins-palliatifs', settings: ['domicile'], serviceArea: { departments: ['33', '40'], radiusKm: 30 } }),
    offer({ id: 'ecoute', care: 'psychologie', settings: ['distance'], howTo: ['courriel', 'sur-place'] }),
    offer({ id: 'domicile-defaut', care: 'nutrition', settings: ['domicile'] }),
  ],
});
const PLAIN = structure({ id: 'sans-horaires', name: 'Association sans horaires', hours: 'Le mardi, sur rendez-vous', offers: [offer({ id: 'p1', bookingUrl: 'https://rdv.example.org/p1' })] });
const UNREADABLE = structure({ id: 'illisible', name: 'Horaires illisibles', openingHours: 'lundi matin', offers: [offer({ id: 'i1' })] });

async function card(id: string, now = WEDNESDAY, lang = 'fr'): Promise<SosStructureCard> {
  const store = storeWith(feed([HOUSE, PLAIN, UNREADABLE]));
  store.now = () => now;
  const el = await fixture<SosStructureCard>(html`<sos-structure-card .store=${store} structure-id=${id} lang=${lang}></sos-structure-card>`);
  // The opening-hours chunk arrives after the first render; the card renders again with it.
  await loadHoursModule();
  await el.updateComplete;
  return el;
}

const $ = <E extends Element = HTMLElement>(el: SosStructureCard, sel: string) => el.shadowRoot!.querySelector<E>(sel);
const $$ = <E extends Element = HTMLElement>(el: SosStructureCard, sel: string) => [...el.shadowRoot!.querySelectorAll<E>(sel)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const offerEl = (el: SosStructureCard, id: string) => $(el, `[data-offer="${id}"]`);

describe('sos-structure-card: practical details (feed 1.1)', () => {
  it('shows today and the week in Paris time, today marked, public holidays closed', async () => {
    const el = await card('maison');
    const hours = $(el, '.contact .row-hours')!;
    expect(text(hours.querySelector('.today'))).to.equal('Ouvert aujourd’hui · 9 h – 12 h 30, 13 h 30 – 17 h');
    const rows = [...hours.querySelectorAll('table.week tr')].map((r) => text(r));
    expect(rows).to.deep.equal([
      'Lundi 9 h – 12 h 30, 13 h 30 – 17 h',
      'Mardi 9 h – 12 h 30, 13 h 30 – 17 h',
      'Mercredi (aujourd’hui) 9 h – 12 h 30, 13 h 30 – 17 h',
      'Jeudi 9 h – 12 h 30, 13 h 30 – 17 h',
      'Vendredi 9 h – 12 h 30, 13 h 30 – 17 h',
      'Samedi Fermé',
      'Dimanche Fermé',
    ]);
    expect(hours.querySelector('tr[aria-current="date"] th')!.textContent).to.contain('Mercredi');
    expect(text(hours.querySelector('caption'))).to.equal('Horaires de la semaine');
  });

  it('announces the coming closure above the details, with its note', async () => {
    const el = await card('maison');
    expect(text($(el, '.closure'))).to.equal('⚠ Fermé du 21 décembre au 4 janvier 2027 · Fermeture annuelle');
    // Before the contact details: the first thing a visitor reads after the name.
    const closure = $(el, '.closure')!;
    expect(closure.compareDocumentPosition($(el, '.contact')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
  });

  it('during the closure: closed today until its last day, and the week says why', async () => {
    const el = await card('maison', IN_CLOSURE);
    expect(text($(el, '.row-hours .today'))).to.equal('Fermé jusqu’au 4 janvier 2027');
    const rows = $$(el, '.contact table.week tr').map((r) => text(r));
    expect(rows[0]).to.equal('Lundi Fermé · Fermeture exceptionnelle');
    expect(rows[1]).to.equal('Mardi (aujourd’hui) Fermé · Fermeture exceptionnelle');
  });

  it('gives an offer its own hours: its open days and today, with the rule’s comment', async () => {
    const el = await card('maison');
    const hours = offerEl(el, 'atelier')!.querySelector('.row-hours')!;
    expect(text(hours.querySelector('.today'))).to.equal('Ouvert aujourd’hui · 14 h – 17 h');
    expect([...hours.querySelectorAll('tr')].map((r) => text(r))).to.deep.equal(['Mercredi (aujourd’hui) 14 h – 17 h · sur inscription']);
    // Offers without hours of their own do not repeat the structure's.
    expect(offerEl(el, 'visites')!.querySelector('.row-hours')).to.equal(null);
  });

  it('says how to get in: a call, the booking page, a referral, in the feed’s order', async () => {
    const el = await card('maison');
    const items = [...offerEl(el, 'atelier')!.querySelectorAll('.row-howto li')];
    expect(items.map((li) => text(li))).to.deep.equal([
      'Appeler le 05 56 00 00 00',
      'Prendre rendez-vous en ligne (nouvelle fenêtre)',
      'Sur orientation d’un professionnel',
    ]);
    expect(items[0]!.querySelector('a')!.getAttribute('href')).to.equal('tel:0556000000');
    const booking = items[1]!.querySelector('a')!;
    expect(booking.getAttribute('href')).to.equal('https://rdv.example.org/maison');
    expect(booking.target).to.equal('_blank');
    expect(booking.rel).to.contain('noopener');
    expect(items[2]!.querySelector('a')).to.equal(null);
    const ecoute = [...offerEl(el, 'ecoute')!.querySelectorAll('.row-howto li')].map((li) => text(li));
    expect(ecoute).to.deep.equal(['Écrire à accueil@maison.example', 'Sur place, en se présentant à l’accueil']);
  });

  it('links a booking page even without a howTo code for it', async () => {
    const el = await card('sans-horaires');
    const link = $<HTMLAnchorElement>(el, '[data-offer="p1"] .row-howto a')!;
    expect(text(link)).to.equal('Prendre rendez-vous en ligne (nouvelle fenêtre)');
    expect(link.getAttribute('href')).to.equal('https://rdv.example.org/p1');
    // No machine-readable hours: the free text, and no hours chunk needed for it.
    expect(text($(el, '.contact .row-hours dd'))).to.equal('Le mardi, sur rendez-vous');
    expect($(el, '.closure')).to.equal(null);
  });

  it('names the languages spoken and links the acceslibre page beside « Accès PMR »', async () => {
    const el = await card('maison');
    expect(text($(el, '.row-languages dt'))).to.equal('Langues parlées (en plus du français)');
    expect(text($(el, '.row-languages dd'))).to.equal('anglais et espagnol');
    const a11y = $(el, '.row-wheelchair dd')!;
    expect(text(a11y)).to.contain('Oui, accessible aux personnes à mobilité réduite');
    const link = a11y.querySelector<HTMLAnchorElement>('.acceslibre a')!;
    expect(link.getAttribute('href')).to.equal(ACCESLIBRE);
    expect(text(link)).to.equal('Détail de l’accessibilité sur acceslibre (nouvelle fenêtre)');
  });

  it('says where home and remote offers go: the declared area, else the defaults of the spec', async () => {
    const el = await card('maison');
    expect(text(offerEl(el, 'visites')!.querySelector('.row-area dd'))).to.equal('Gironde (33), Landes (40) ; dans un rayon de 30 km autour de la structure');
    expect(text(offerEl(el, 'domicile-defaut')!.querySelector('.row-area dd'))).to.equal('Dans le département de la structure : Gironde (33)');
    expect(text(offerEl(el, 'ecoute')!.querySelector('.row-area dd'))).to.equal('Toute la région Nouvelle-Aquitaine');
    expect(offerEl(el, 'atelier')!.querySelector('.row-area')).to.equal(null);
  });

  it('keeps hours it cannot read as the feed gave them', async () => {
    const el = await card('illisible');
    expect(text($(el, '.contact .row-hours dd'))).to.equal('lundi matin');
    expect($(el, '.contact table.week')).to.equal(null);
  });

  it('speaks English', async () => {
    const el = await card('maison', WEDNESDAY, 'en');
    expect(text($(el, '.row-hours .today'))).to.equal('Open today · 9 am – 12:30 pm, 1:30 pm – 5 pm');
    expect(text($(el, '.closure'))).to.equal('⚠ Closed from 21 December to 4 January 2027 · Fermeture annuelle');
    expect(text($(el, '.row-languages dt'))).to.equal('Languages spoken (besides French)');
    expect(text($(el, '.row-languages dd'))).to.equal('English and Spanish');
    expect(text(offerEl(el, 'atelier')!.querySelector('.row-howto dt'))).to.equal('How to get in');
    expect(text(offerEl(el, 'atelier')!.querySelector('.row-howto li'))).to.equal('Call 05 56 00 00 00');
    expect(text(offerEl(el, 'ecoute')!.querySelector('.row-area dd'))).to.equal('The whole Nouvelle-Aquitaine region');
  });

  it('prints the hours, the closure and how to get in', async () => {
    const el = await card('maison');
    const original = printer.print;
    printer.print = () => undefined;
    try {
      const doc = el.print()!;
      const body = doc.body.textContent!.replace(/\s+/g, ' ');
      expect(body).to.contain('Fermé du 21 décembre au 4 janvier 2027');
      expect(body).to.contain('Mercredi (aujourd’hui) 9 h – 12 h 30, 13 h 30 – 17 h');
      expect(body).to.contain('Appeler le 05 56 00 00 00');
      expect(body).to.contain('Sur orientation d’un professionnel');
      expect(doc.querySelector('.row-howto a[href="https://rdv.example.org/maison"]')).to.not.equal(null);
    } finally {
      printer.print = original;
    }
  });

  it('is accessible', async () => {
    const el = await card('maison');
    await expect(el).to.be.accessible();
  });
});
