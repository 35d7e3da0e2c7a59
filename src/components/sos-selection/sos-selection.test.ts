import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './sos-selection.js';
import type { SosSelection } from './sos-selection.js';
import '../sos-structure-card/sos-structure-card.js';
import type { SosStructureCard } from '../sos-structure-card/sos-structure-card.js';
import { printer } from '../sos-structure-card/print.js';
import { feed, offer, structure } from '../../../test/helpers/feeds.js';
import { settle, storeWith } from '../../../test/helpers/store.js';
import { SHORTLIST_MAX } from '../../state/directory-store.js';
import { decodeQr } from '../../../test/helpers/qr.js';

const doc = feed([
  structure({ id: 'a', name: 'Alpha', contact: { phone: '05 56 00 00 01' }, offers: [offer({ id: 'a1', care: 'nutrition', label: 'Atelier cuisine', cost: 'gratuit', access: ['non-suivis'] })] }),
  structure({ id: 'b', name: 'Bêta', offers: [offer({ id: 'b1', care: 'psychologie' }), offer({ id: 'b2', care: 'douleur' })] }),
  structure({ id: 'c', name: 'Gamma <img src=x onerror=alert(1)>' }),
]);

const $ = <E extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<E>(sel);
const $$ = <E extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<E>(sel)];
const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function panel() {
  const store = storeWith(doc);
  store.shareLink = ({ open, shortlist }) => `https://partenaire.example/annuaire?${shortlist ? 'sos-voir=selection' : `sos-fiche=${open}`}`;
  store.addToShortlist('test-dsrc:b', 'b1');
  store.addToShortlist('test-dsrc:a');
  store.addToShortlist('test-dsrc:c');
  const el = await fixture<SosSelection>(html`<sos-selection .store=${store}></sos-selection>`);
  return { store, el };
}

describe('sos-selection', () => {
  it('lists the items in order, feed text as text', async () => {
    const { el } = await panel();
    expect(text($(el, 'h2'))).to.equal('Ma sélection (3)');
    expect($$(el, '.items .name').map(text)).to.deep.equal(['Bêta — Prise en charge psychologique', 'Alpha', 'Gamma <img src=x onerror=alert(1)>']);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('reorders and removes with named buttons, and says what it did', async () => {
    const { el, store } = await panel();
    $$<HTMLButtonElement>(el, 'button').find((b) => b.getAttribute('aria-label') === 'Descendre Bêta — Prise en charge psychologique')!.click();
    await settle(store, el);
    expect($$(el, '.items .name').map(text).slice(0, 2)).to.deep.equal(['Alpha', 'Bêta — Prise en charge psychologique']);
    expect(text($(el, '[role="status"]'))).to.equal('Bêta — Prise en charge psychologique : position 2.');
    $$<HTMLButtonElement>(el, 'button').find((b) => b.getAttribute('aria-label') === 'Retirer Alpha de la sélection')!.click();
    await settle(store, el);
    expect(store.shortlist).to.deep.equal([{ key: 'test-dsrc:b', offer: 'b1' }, { key: 'test-dsrc:c' }]);
    // The first item cannot go up.
    expect($$<HTMLButtonElement>(el, 'button').find((b) => b.getAttribute('aria-label') === 'Monter Bêta — Prise en charge psychologique')!.disabled).to.equal(true);
  });

  it('shares the selection as one link', async () => {
    const { el } = await panel();
    const share = $(el, 'sos-share')!;
    await (share as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const mail = share.shadowRoot!.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!;
    expect(decodeURIComponent(mail.href)).to.contain('https://partenaire.example/annuaire?sos-voir=selection');
    expect(decodeURIComponent(mail.href)).to.contain('Bêta — Prise en charge psychologique, Alpha');
  });

  it('prints a handout: publisher, date, each item with its details and a QR code of its card', async () => {
    const { el } = await panel();
    const original = printer.print;
    printer.print = () => undefined;
    try {
      const doc = (await el.print())!;
      const body = doc.body;
      expect(text(body.querySelector('h1'))).to.equal('Soins oncologiques de support : une sélection pour vous');
      expect(text(body.querySelector('.by'))).to.equal('Annuaire DSRC de test (fictif) — sélection imprimée le 22/11/2026');
      const items = [...body.querySelectorAll('li')];
      expect(items.map((li) => text(li.querySelector('h2')))).to.deep.equal(['Bêta', 'Alpha', 'Gamma <img src=x onerror=alert(1)>']);
      expect(body.querySelector('img')).to.equal(null);
      expect(text(items[1])).to.contain('Téléphone : 05 56 00 00 01');
      expect(text(items[1])).to.contain('Soins proposés : Atelier cuisine');
      // A whole structure: how to get into each offer and its cost, as for an offer item.
      expect(text(items[1].querySelector('.offer-detail'))).to.match(/^Atelier cuisine — Accès : .+ — Coût : Gratuit$/);
      expect(text(items[0])).to.contain('Prise en charge psychologique');
      expect(text(items[1])).to.contain('Vérifié le 01/10/2026');
      // Each QR code decodes to its card's link.
      for (const [i, key] of ['test-dsrc:b', 'test-dsrc:a', 'test-dsrc:c'].entries()) {
        const svg = items[i]!.querySelector('svg')!;
        expect(await decodeQr(svg)).to.equal(`https://partenaire.example/annuaire?sos-fiche=${key}`);
      }
    } finally {
      printer.print = original;
    }
  });

  it('the printed handout is accessible (headings, a list, each QR code named)', async () => {
    const { el, store } = await panel();
    const { handout } = await import('./handout.js');
    const { selectedItems } = await import('./items.js');
    const { strings } = await import('./sos-selection.strings.js');
    const content = handout(document, selectedItems(store, 'fr'), store, 'fr', strings.fr, (key) => `https://partenaire.example/?sos-fiche=${key}`, '2026-12-02');
    const host = await fixture<HTMLElement>(html`<main lang="fr"></main>`);
    host.append(content);
    expect(content.querySelectorAll('svg[role="img"][aria-label^="Code QR vers la fiche de "]')).to.have.length(3);
    await expect(host).to.be.accessible();
    void el;
  });

  it('the handout says « à vérifier » beside « Vérifié le » for records over 12 months old only', async () => {
    const store = storeWith(feed([
      structure({ id: 'recent', name: 'Récente', verifiedAt: '2026-10-01' }),
      structure({ id: 'overdue', name: 'À confirmer', verifiedAt: '2025-11-01' }),
      structure({ id: 'old', name: 'Ancienne', verifiedAt: '2025-06-15' }),
    ]));
    for (const id of ['recent', 'overdue', 'old']) store.addToShortlist(`test-dsrc:${id}`);
    const { handout } = await import('./handout.js');
    const { selectedItems } = await import('./items.js');
    const { strings } = await import('./sos-selection.strings.js');
    const lines = (lang: 'fr' | 'en') => [...handout(document, selectedItems(store, lang), store, lang, strings[lang], (key) => `https://partenaire.example/?sos-fiche=${key}`, '2026-12-02')
      .querySelectorAll('.verified')].map((p) => text(p));
    expect(lines('fr')).to.deep.equal(['Vérifié le 01/10/2026', 'Vérifié le 01/11/2025 — à vérifier', 'Vérifié le 15/06/2025 — à vérifier']);
    expect(lines('en')).to.deep.equal(['Verified on 01/10/2026', 'Verified on 01/11/2025 — needs checking', 'Verified on 15/06/2025 — needs checking']);
    // Printed from the store, on the store's day (22 November 2026 in tests).
    const original = printer.print;
    printer.print = () => undefined;
    try {
      const el = await fixture<SosSelection>(html`<sos-selection .store=${store}></sos-selection>`);
      const body = (await el.print())!.body;
      expect(text(body.querySelector('.by'))).to.equal('Annuaire DSRC de test (fictif) — sélection imprimée le 22/11/2026');
      expect([...body.querySelectorAll('.verified strong')].map((s) => s.textContent)).to.deep.equal(['à vérifier', 'à vérifier']);
    } finally {
      printer.print = original;
    }
  });

  it('the handout gives the hours, a closure not over yet and how to get in (the booking address written out)', async () => {
    // The store's day in tests: Sunday 22 November 2026.
    const store = storeWith(feed([
      structure({
        id: 'h', name: 'Horaires', openingHours: 'Mo-Fr 09:00-17:00; Sa 09:00-12:00', closure: { from: '2026-12-21', until: '2027-01-04', note: 'Fermeture annuelle' },
        offers: [offer({ id: 'h1', care: 'psychologie', howTo: ['telephone', 'rendez-vous-en-ligne'], bookingUrl: 'https://rdv.example/h1' })],
      }),
      structure({ id: 't', name: 'Texte libre', hours: 'Le mardi après-midi', offers: [offer({ id: 't1', care: 'nutrition', howTo: ['orientation-professionnel'], bookingUrl: 'javascript:alert(1)' })] }),
    ]));
    store.addToShortlist('test-dsrc:h', 'h1');
    store.addToShortlist('test-dsrc:t');
    const original = printer.print;
    printer.print = () => undefined;
    try {
      const el = await fixture<SosSelection>(html`<sos-selection .store=${store}></sos-selection>`);
      const items = [...(await el.print())!.body.querySelectorAll('li')].map((li) => [...li.querySelectorAll('p')].map((p) => text(p)));
      expect(items[0]).to.include('Fermé du 21 décembre au 4 janvier 2027 · Fermeture annuelle');
      expect(items[0]).to.include('Horaires : Lundi – Vendredi 9 h – 17 h ; Samedi 9 h – 12 h');
      expect(items[0]).to.include('Comment y accéder : Par téléphone, Prendre rendez-vous en ligne : https://rdv.example/h1');
      expect(items[1]).to.include('Horaires : Le mardi après-midi');
      // A whole structure: per offer; a link that is not http(s) is not printed.
      expect(items[1]).to.include('Prise en charge diététique et nutritionnelle — Comment y accéder : Sur orientation d’un professionnel');
      expect(items.flat().join(' ')).to.not.contain('javascript');
    } finally {
      printer.print = original;
    }
  });

  it('says so when empty', async () => {
    const store = storeWith(doc);
    const el = await fixture<SosSelection>(html`<sos-selection .store=${store}></sos-selection>`);
    expect(text($(el, '.empty'))).to.contain('Votre sélection est vide');
    await expect(el).to.be.accessible();
  });

  it('opens as a dialog with the store, closes with Escape, focus back', async () => {
    const { store } = await panel();
    const opener = await fixture<HTMLButtonElement>(html`<button>Ma sélection</button>`);
    const el = await fixture<SosSelection>(html`<sos-selection overlay .store=${store}></sos-selection>`);
    opener.focus();
    store.showShortlist(true);
    await settle(store, el);
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    await expect(el).to.be.accessible();
    const closed = oneEvent(dialog, 'close');
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    dialog.close();
    await closed;
    expect(store.shortlistOpen).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('is accessible with items', async () => {
    const { el } = await panel();
    await expect(el).to.be.accessible();
  });
});

describe('sos-structure-card: « Ma sélection » and « Partager »', () => {
  it('adds the structure or one offer, then offers to remove it; full at 20', async () => {
    const store = storeWith(doc);
    const card = await fixture<SosStructureCard>(html`<sos-structure-card .store=${store} structure-id="b"></sos-structure-card>`);
    const pick = $<HTMLButtonElement>(card, 'header .pick')!;
    expect(pick.getAttribute('aria-label')).to.equal('Ajouter à ma sélection : Bêta');
    pick.click();
    await settle(store, card);
    expect(store.shortlist).to.deep.equal([{ key: 'test-dsrc:b' }]);
    expect(text($(card, 'header .pick'))).to.equal('Retirer de ma sélection');
    $<HTMLButtonElement>(card, '[data-offer="b2"] .pick')!.click();
    await settle(store, card);
    expect(store.shortlist).to.deep.equal([{ key: 'test-dsrc:b' }, { key: 'test-dsrc:b', offer: 'b2' }]);
    store.setShortlist(Array.from({ length: SHORTLIST_MAX }, (_, i) => ({ key: `test-dsrc:x${i}` })));
    await settle(store, card);
    expect($<HTMLButtonElement>(card, '[data-offer="b1"] .pick')!.disabled).to.equal(true);
  });

  it('shares the card’s own link with its name, phone and address, by e-mail and SMS', async () => {
    const store = storeWith(doc);
    store.shareLink = ({ open }) => `https://partenaire.example/annuaire?sos-fiche=${open}`;
    const card = await fixture<SosStructureCard>(html`<sos-structure-card .store=${store} structure-id="a"></sos-structure-card>`);
    const share = $(card, '.share sos-share')!;
    await (share as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const mail = share.shadowRoot!.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!.href;
    const sms = share.shadowRoot!.querySelector<HTMLAnchorElement>('a[href^="sms:"]')!.href;
    expect(decodeURIComponent(mail)).to.equal('mailto:?subject=Alpha – soins de support&body=Alpha\nTéléphone : 05 56 00 00 01\n1 rue de la Paix, 33000 Bordeaux\n\nhttps://partenaire.example/annuaire?sos-fiche=test-dsrc:a');
    expect(decodeURIComponent(sms)).to.equal('sms:?&body=Alpha\nTéléphone : 05 56 00 00 01\n1 rue de la Paix, 33000 Bordeaux\nhttps://partenaire.example/annuaire?sos-fiche=test-dsrc:a');
  });

  it('« Copier le lien » copies, or shows the link selected in a field when the clipboard is refused', async () => {
    const store = storeWith(doc);
    store.shareLink = ({ open }) => `https://partenaire.example/annuaire?sos-fiche=${open}`;
    const card = await fixture<SosStructureCard>(html`<sos-structure-card .store=${store} structure-id="a"></sos-structure-card>`);
    const share = $(card, '.share sos-share')! as HTMLElement & { updateComplete: Promise<unknown> };
    await share.updateComplete;
    const clipboard = navigator.clipboard;
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void written.push(t) } });
    try {
      share.shadowRoot!.querySelector('button')!.click();
      await new Promise((r) => setTimeout(r, 0));
      await share.updateComplete;
      expect(written).to.deep.equal(['https://partenaire.example/annuaire?sos-fiche=test-dsrc:a']);
      expect(text(share.shadowRoot!.querySelector('[role="status"]'))).to.equal('Lien copié dans le presse-papiers.');
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => { throw new DOMException('denied', 'NotAllowedError'); } } });
      share.shadowRoot!.querySelector('button')!.click();
      await new Promise((r) => setTimeout(r, 0));
      await share.updateComplete;
      await share.updateComplete;
      const field = share.shadowRoot!.querySelector('input')!;
      expect(field.value).to.equal('https://partenaire.example/annuaire?sos-fiche=test-dsrc:a');
      expect(share.shadowRoot!.activeElement).to.equal(field);
      expect(field.selectionEnd! - field.selectionStart!).to.equal(field.value.length);
      await expect(share).to.be.accessible();
    } finally {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
    }
  });
});

