import { expect, fixture, html, aTimeout, waitUntil } from '@open-wc/testing';
import './sos-results-list.js';
import type { SosResultsList } from './sos-results-list.js';
import { feed, offer, serve, structure } from '../../../test/helpers/feeds.js';
import { settle, storeWith, TEST_NOW } from '../../../test/helpers/store.js';

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
    await settle(store, el);
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

  it('counts what is within the radius, and lists apart the remote offers that serve the place', async () => {
    const store = storeWith(doc);
    // Écoute Aidants (Limoges) works by phone, for its publisher's region (75) by default.
    store.setNear({ label: 'Bordeaux', point: { lat: 44.84, lon: -0.58 }, radiusKm: 20, department: '33', region: '75' });
    const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
    expect($(el, '.count')!.textContent).to.equal('1\u00a0structure, 2\u00a0offres à moins de 20\u00a0km de Bordeaux');
    const titles = $$(el, '.group-title').map((h) => h.textContent);
    expect(titles).to.deep.equal(['À moins de 20\u00a0km de Bordeaux', 'À domicile ou à distance, pour Bordeaux']);
    expect(names(el)).to.deep.equal(['CHU de Bordeaux', 'Écoute Aidants']);
    expect($(el, '.distance')!.textContent).to.match(/^à 0,\d\u00a0km$/);
    expect($$(el, '.result')[1]!.textContent).to.contain('à distance (téléphone, visio)');
    // Elsewhere (Lyon, region 84) the phone line of Nouvelle-Aquitaine is not offered.
    store.setNear({ label: 'Lyon (69001)', point: { lat: 45.76, lon: 4.83 }, radiusKm: 20, department: '69', region: '84' });
    await settle(store, el);
    expect($$(el, '.group .result')).to.have.length(0);
    expect($(el, '.count')!.textContent).to.equal('Aucune structure à moins de 20\u00a0km de Lyon (69001).');
  });

  it('explains an empty result and offers to widen the radius or reset', async () => {
    const store = storeWith(doc);
    store.setQuery('bouger');
    store.setNear({ label: 'Labouheyre', point: { lat: 44.21, lon: -0.92 }, radiusKm: 20 });
    await settle(store);
    const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
    expect($(el, '.count')!.textContent).to.equal('Aucune structure à moins de 20\u00a0km de Labouheyre.');
    expect($(el, '.help')!.textContent).to.contain('la distance');
    expect($(el, '.help')!.textContent).to.match(/La structure la plus proche qui propose ce soin est à 4\d\u00a0km/);
    const widen = $$(el, '.help button').find((b) => b.textContent!.startsWith('Élargir')) as HTMLButtonElement;
    expect(widen.textContent).to.equal('Élargir à 50\u00a0km');
    widen.click();
    await settle(el);
    expect(names(el)).to.deep.equal(['Association Bouger Landes']);
    await expect(el).to.be.accessible();
  });

  it('says in one line why each result is there, most relevant first, and labels offers reserved to the establishment’s patients', async () => {
    const d = feed([
      structure({ id: 'hop', name: 'Hôpital Aquitaine (fictif)', kind: 'etablissement-sante',
        offers: [offer({ id: 'h1', care: 'image-de-soi', access: ['suivis-etablissement'] })] }),
      structure({ id: 'wig', name: 'Atelier Image de soi (fictif)',
        offers: [offer({ id: 'w1', care: 'image-de-soi', subcares: ['prothese-capillaire'], label: 'Perruques et foulards', access: ['non-suivis'] })] }),
      structure({ id: 'ligue', name: 'Ligue — comité de test (fictif)', offers: [offer({ id: 'l1', care: 'social' })] }),
    ]);
    const store = storeWith(d);
    store.setQuery('chute de cheveux');
    await settle(store);
    const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
    expect(names(el)).to.deep.equal(['Atelier Image de soi (fictif)', 'Hôpital Aquitaine (fictif)']);
    expect($$(el, '.why').map((p) => p.textContent)).to.deep.equal([
      'Prothèse capillaire et foulards — pour « chute de cheveux »',
      'Image de soi — pour « chute de cheveux »',
    ]);
    expect($(el, '.sort')!.textContent).to.equal('Les plus pertinentes d’abord');
    const [first, second] = $$(el, '.result');
    expect(first!.querySelector('.reserved')).to.equal(null);
    expect(second!.querySelector('.reserved')!.textContent).to.equal('Réservé aux patients suivis dans l’établissement');
    await expect(el).to.be.accessible();

    store.setQuery('ligue');
    await settle(store, el);
    expect($(el, '.why')!.textContent).to.equal('« ligue » dans le nom');
    store.setQuery('ligue xyzzy');
    await settle(store, el);
    expect(names(el)).to.deep.equal(['Ligue — comité de test (fictif)']);
    expect($(el, '.ignored')!.textContent).to.equal('Non pris en compte : « xyzzy ».');
  });

  it('places a structure without coordinates at its commune’s centre (« position approximative »), and says when the place is outside the region', async () => {
    const d = feed([
      structure({ id: 'sans', name: 'Association sans coordonnées (fictive)', location: undefined,
        address: { line: '1 avenue de la République', postalCode: '33600', city: 'Pessac', insee: '33318' } }),
    ]);
    const store = storeWith(d);
    store.setNear({ label: 'Bordeaux (33000)', point: { lat: 44.857, lon: -0.574 }, radiusKm: 20, department: '33', insee: '33063', region: '75' });
    await settle(store);
    const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
    expect(names(el)).to.deep.equal(['Association sans coordonnées (fictive)']);
    const result = $(el, '.result')!;
    expect(result.querySelector('.distance')!.textContent).to.match(/^à \d+(,\d)?\u00a0km$/);
    expect(result.querySelector('.approximate')!.textContent).to.equal('(position approximative)');
    expect($(el, '.notice.warning')).to.equal(null);
    await expect(el).to.be.accessible();

    store.setNear({ label: 'Lyon (69001)', point: { lat: 45.767, lon: 4.834 }, radiusKm: 20, department: '69', insee: '69123', region: '84' });
    await settle(store, el);
    expect($(el, '.notice.warning')!.textContent).to.equal(
      'Cet annuaire couvre la région Nouvelle-Aquitaine ; Lyon (69001) est en Auvergne-Rhône-Alpes. Pour ce lieu, consultez aussi l’annuaire de sa région.');
    expect($(el, '.count')!.textContent).to.equal('Aucune structure à moins de 20\u00a0km de Lyon (69001).');
    await expect(el).to.be.accessible();
  });

  it('a place typed in the search box outside the region (results ranked from it) is said too, as one chosen in « Près de »', async () => {
    const store = storeWith(doc);
    const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
    store.setQuery('29200');
    // The text search, the commune index and the region names are chunks loaded on demand.
    await waitUntil(() => $(el, '.notice.warning')?.textContent?.includes('Brest'), 'the notice for Brest', { timeout: 15000 });
    expect($(el, '.notice.warning')!.textContent).to.equal(
      'Cet annuaire couvre la région Nouvelle-Aquitaine ; Brest (29200) est en Bretagne. Pour ce lieu, consultez aussi l’annuaire de sa région.');
    await expect(el).to.be.accessible();
    store.setQuery('33000');
    await waitUntil(() => !$(el, '.notice.warning'), 'no notice for a place of the region', { timeout: 15000 });
  });

  it('re-renders in the language set at run time, on the store or on the element', async () => {
    const store = storeWith(doc);
    const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
    expect($(el, '.count')!.textContent).to.equal('3\u00a0structures, 4\u00a0offres');
    store.setLang('en');
    await settle(el);
    expect($(el, '.count')!.textContent).to.equal('3\u00a0organisations, 4\u00a0services');
    expect($(el, '.sort')!.textContent).to.equal('Sorted by name');
    el.lang = 'fr';
    await settle(el);
    expect(el.getAttribute('lang')).to.equal('fr');
    expect($(el, '.count')!.textContent).to.equal('3\u00a0structures, 4\u00a0offres');
    // The live region says the count again, in the new language.
    await aTimeout(600);
    expect($(el, '[aria-live]')!.textContent).to.equal('3\u00a0structures, 4\u00a0offres');
    // The element's own language alone (its store stays in English), once the last announcement is made.
    store.setLang('fr');
    await settle(el);
    await aTimeout(600);
    el.lang = 'en';
    await settle(el);
    await aTimeout(600);
    expect($(el, '[aria-live]')!.textContent).to.equal('3\u00a0organisations, 4\u00a0services');
  });

  it('says why a feed cannot be shown, in the interface’s language, in the banner and the live region', async () => {
    const fr = await fixture<SosResultsList>(html`<sos-results-list src="/__test__/status/502"></sos-results-list>`);
    await waitUntil(() => $(fr, '.notice.error'), 'the error banner', { timeout: 5000 });
    expect($(fr, '.notice.error p')!.textContent).to.equal("Le serveur de l'annuaire a renvoyé une erreur (HTTP 502).");
    await waitUntil(() => $(fr, '[aria-live]')!.textContent, 'the announcement', { timeout: 3000 });
    expect($(fr, '[aria-live]')!.textContent).to.equal("Le serveur de l'annuaire a renvoyé une erreur (HTTP 502).");
    // Switched to English afterwards: the banner and the live region follow.
    fr.lang = 'en';
    await waitUntil(() => $(fr, '[aria-live]')!.textContent === 'The directory server returned an error (HTTP 502).', 'the announcement in English', { timeout: 3000 });
    expect($(fr, '.notice.error p')!.textContent).to.equal('The directory server returned an error (HTTP 502).');
    const en = await fixture<SosResultsList>(html`<sos-results-list lang="en" src="/__test__/status/502"></sos-results-list>`);
    await waitUntil(() => $(en, '.notice.error'), 'the error banner', { timeout: 5000 });
    expect($(en, '.notice.error p')!.textContent).to.equal('The directory server returned an error (HTTP 502).');
    expect($(en, '.notice.error summary')!.textContent).to.equal('Technical details (for the webmaster)');
    await expect(en).to.be.accessible();
  });

  it('does not move the page when its own result gets the focus (a tap must open it), only when the map selects one', async () => {
    const store = storeWith(doc);
    const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
    const scrolled: string[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this.getAttribute('data-key') ?? '');
    };
    try {
      ($$(el, '.result-button')[1] as HTMLButtonElement).focus();
      await settle(el);
      expect(store.selectedKey).to.equal('test-dsrc:chu');
      expect(scrolled).to.deep.equal([]);
      store.select('test-dsrc:tel'); // from the map
      await settle(el);
      expect(scrolled).to.deep.equal(['test-dsrc:tel']);
    } finally {
      Element.prototype.scrollIntoView = original;
    }
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

  describe('the MSSanté address, for professionals', () => {
    const mssDoc = feed([
      structure({ id: 'chu', name: 'A – CHU (fictif)', contact: { phone: '05 56 00 00 00', mssante: 'soins-support@chu.mssante.fr' } }),
      structure({ id: 'ligue', name: 'B – Comité (fictif)',
        offers: [offer({ id: 'l1', care: 'douleur', contact: { mssante: 'douleur@ligue.mssante.fr' } }), offer({ id: 'l2', care: 'nutrition' })] }),
      structure({ id: 'asso', name: 'C – Atelier Zèbre (fictif)', contact: { email: 'asso@example.org' } }),
      structure({ id: 'msp', name: 'D – MSP (fictive)', contact: { mssante: 'msp@msp.mssante.fr' },
        offers: [offer({ id: 'm1', care: 'douleur', contact: { mssante: 'douleur@msp.mssante.fr' } }), offer({ id: 'm2', care: 'nutrition' })] }),
    ]);
    const lines = (el: SosResultsList) => $$(el, '.result').map((r) => r.querySelector('.mssante')?.textContent ?? null);

    it('shows it as a mailto link on one line, and nothing for structures without', async () => {
      const store = storeWith(mssDoc);
      const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
      expect(lines(el)).to.deep.equal([
        'MSSanté (pour les professionnels) : soins-support@chu.mssante.fr',
        // No address of its own: its offer's.
        'MSSanté (pour les professionnels) : douleur@ligue.mssante.fr',
        null,
        'MSSanté (pour les professionnels) : msp@msp.mssante.fr',
      ]);
      const link = $$(el, '.result')[0]!.querySelector<HTMLAnchorElement>('.mssante a')!;
      expect(link.getAttribute('href')).to.equal('mailto:soins-support@chu.mssante.fr');
      expect(link.textContent).to.equal('soins-support@chu.mssante.fr');
      expect($$(el, '.result')[2]!.querySelector('a[href^="mailto:"]')).to.equal(null);
      // Small text, one line where it fits.
      const line = $$(el, '.result')[0]!.querySelector<HTMLElement>('.mssante')!;
      expect(parseFloat(getComputedStyle(line).fontSize)).to.be.below(parseFloat(getComputedStyle(el).fontSize));
      expect(line.getBoundingClientRect().height).to.be.below(parseFloat(getComputedStyle(line).lineHeight) * 1.5);
      await expect(el).to.be.accessible();
    });

    it('an offer picked out by the search shows its own address (it takes precedence for that offer)', async () => {
      const store = storeWith(mssDoc);
      store.setFilter('care', ['douleur']);
      const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
      expect(lines(el)).to.deep.equal([
        'MSSanté (pour les professionnels) : douleur@ligue.mssante.fr',
        'MSSanté (pour les professionnels) : douleur@msp.mssante.fr',
      ]);
      // The other offers: the MSP's own address; the Ligue's workshop has none.
      store.setFilter('care', ['nutrition']);
      await settle(store, el);
      expect(names(el)).to.deep.equal(['B – Comité (fictif)', 'D – MSP (fictive)']);
      expect(lines(el)).to.deep.equal([null, 'MSSanté (pour les professionnels) : msp@msp.mssante.fr']);
    });

    it('with the filter, lists exactly the structures that have one', async () => {
      const store = storeWith(mssDoc);
      store.setFilter('mssante', ['oui']);
      const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
      expect(names(el)).to.deep.equal(['A – CHU (fictif)', 'B – Comité (fictif)', 'D – MSP (fictive)']);
      expect(lines(el).every((l) => l?.startsWith('MSSanté (pour les professionnels) : '))).to.equal(true);
      // What excludes everything is named.
      store.setQuery('zebre');
      await settle(store, el);
      expect(store.results.structureCount).to.equal(0);
      expect([...el.shadowRoot!.querySelectorAll('.help li')].map((li) => li.textContent)).to.include('la messagerie sécurisée (sans lui : 1\u00a0structure)');
    });

    it('never makes a link of a value that is not an address: it stays text', async () => {
      const store = storeWith(mssDoc);
      // The validator drops such values; forged after validation, they must still be harmless.
      store.structures[0]!.contact = { mssante: 'javascript:alert(1)' };
      store.structures[2]!.contact = { mssante: '<img src=x onerror=alert(1)>' };
      const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
      expect(lines(el)[0]).to.equal('MSSanté (pour les professionnels) : javascript:alert(1)');
      expect(lines(el)[2]).to.equal('MSSanté (pour les professionnels) : <img src=x onerror=alert(1)>');
      expect($$(el, '.mssante img')).to.have.length(0);
      const hrefs = $$(el, '.mssante a').map((a) => a.getAttribute('href'));
      expect(hrefs).to.deep.equal(['mailto:douleur@ligue.mssante.fr', 'mailto:msp@msp.mssante.fr']);
    });

    it('speaks English', async () => {
      const store = storeWith(mssDoc);
      const el = await fixture<SosResultsList>(html`<sos-results-list lang="en" .store=${store}></sos-results-list>`);
      expect(lines(el)[0]).to.equal('MSSanté (for health professionals): soins-support@chu.mssante.fr');
      store.setFilter('mssante', ['oui']);
      store.setQuery('zebre');
      await settle(store, el);
      expect([...el.shadowRoot!.querySelectorAll('.help li')].map((li) => li.textContent)).to.include('secure messaging (without it: 1\u00a0organisation)');
      await expect(el).to.be.accessible();
    });
  });

  it('is accessible', async () => {
    const el = await fixture<SosResultsList>(html`<sos-results-list .store=${storeWith(doc)}></sos-results-list>`);
    await expect(el).to.be.accessible();
  });

  describe('freshness: « à vérifier » and records over 14 months listed last', () => {
    // Relative to the tests' day (TEST_NOW, 22 November 2026).
    const freshDoc = feed([
      structure({ id: 'old', name: 'Atelier Sophrologie du Bassin', verifiedAt: '2025-09-01', // more than 14 months
        offers: [offer({ id: 'o1', care: 'psychologie', label: 'Sophrologie', subcares: ['sophrologie'] })] }),
      structure({ id: 'overdue', name: 'Bien-être Gironde', verifiedAt: '2025-11-01', // 12 to 14 months
        offers: [offer({ id: 'v1', care: 'psychologie', subcares: ['sophrologie'] })] }),
      structure({ id: 'due', name: 'Centre Relaxation', verifiedAt: '2025-12-10', // its anniversary in 18 days: not yet
        offers: [offer({ id: 'd1', care: 'psychologie', subcares: ['sophrologie'] })] }),
      structure({ id: 'fresh', name: 'Douceur Océane', verifiedAt: '2026-10-01',
        offers: [offer({ id: 'f1', care: 'psychologie', subcares: ['sophrologie'] })] }),
    ]);
    const marks = (el: SosResultsList) => $$(el, '.result').map((r) => r.querySelector('.recheck')?.textContent ?? '');

    it('shows « à vérifier » beside « Vérifié le » only for records over 12 months, as visible text', async () => {
      const store = storeWith(freshDoc);
      expect(new Date(store.now()).toISOString()).to.equal(new Date(TEST_NOW).toISOString());
      const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
      expect(names(el)).to.deep.equal(['Bien-être Gironde', 'Centre Relaxation', 'Douceur Océane', 'Atelier Sophrologie du Bassin']);
      expect(marks(el)).to.deep.equal(['à vérifier', '', '', 'à vérifier']);
      const footer = $$(el, '.result')[0]!.querySelector('.footer')!;
      expect(footer.textContent!.replace(/\s+/g, ' ')).to.contain('Vérifié le 01/11/2025 à vérifier');
      const mark = footer.querySelector<HTMLElement>('.recheck')!;
      expect(mark.getBoundingClientRect().width).to.be.above(0);
      expect(getComputedStyle(mark).fontWeight).to.equal('700');
      await expect(el).to.be.accessible();
    });

    it('lists a record over 14 months last even when it is the most relevant, and still counts it', async () => {
      const store = storeWith(freshDoc);
      const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store}></sos-results-list>`);
      await store.prepareText();
      store.setQuery('sophrologie');
      await settle(store, el);
      expect($(el, '.sort')!.textContent).to.equal('Les plus pertinentes d’abord');
      expect(names(el).at(-1)).to.equal('Atelier Sophrologie du Bassin');
      expect($$(el, '.result').at(-1)!.querySelector('.recheck')!.textContent).to.equal('à vérifier');
      expect($(el, '.count')!.textContent).to.equal('4\u00a0structures, 4\u00a0offres');
      // A day when it was verified less than 14 months before: first, as the most relevant.
      store.now = () => Date.parse('2026-10-15T12:00:00Z');
      store.setQuery('sophrologie ');
      await settle(store, el);
      expect(names(el)[0]).to.equal('Atelier Sophrologie du Bassin');
      expect(marks(el)[0]).to.equal('à vérifier');
    });

    it('says it in English', async () => {
      const store = storeWith(freshDoc);
      const el = await fixture<SosResultsList>(html`<sos-results-list lang="en" .store=${store}></sos-results-list>`);
      await settle(el);
      expect(marks(el)).to.deep.equal(['needs checking', '', '', 'needs checking']);
      expect($$(el, '.result')[0]!.querySelector('.verified')!.textContent).to.equal('Checked on 01/11/2025');
      await expect(el).to.be.accessible();
    });
  });
});
