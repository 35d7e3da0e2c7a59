// Setup mistakes (issue 15, point 3): a calm notice for the webmaster in the element, one French
// console message per mistake. What an integrator sees: the notice's text, the console, the
// directory working again once the attribute is fixed.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import './sos-annuaire.js';
import type { SosAnnuaire } from './sos-annuaire.js';
import { setupProblems } from '../../base/setup-check.js';
import { hintsFor, networkCause } from '../../base/setup-notice.js';
import { DEPARTEMENTS } from '../../geo/departements.js';
import { define } from '../../base/define.js';
import '../sos-search-form/sos-search-form.js';
import { SUBCARE_CODES } from '../../feed/taxonomy.js';
import { feed, foreignOrigin, serve, structure } from '../../../test/helpers/feeds.js';

const doc = feed([structure({ id: 'chu', name: 'CHU de Bordeaux' })]);

/** The console messages of the widget written while the test runs (console.warn and console.error stubbed). */
let logged: { level: 'warn' | 'error'; text: string }[] = [];
const original = { warn: console.warn, error: console.error };
beforeEach(() => {
  logged = [];
  for (const level of ['warn', 'error'] as const) {
    console[level] = (...args: unknown[]) => {
      const text = args.map(String).join(' ');
      if (text.startsWith('[sos-annuaire]')) logged.push({ level, text });
      else original[level](...args);
    };
  }
});
afterEach(() => Object.assign(console, original));

const noticeOf = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLElement>('.setup-notice');
const noticeText = (el: HTMLElement) => noticeOf(el)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** Waits until the notice says `text` (the check runs when the page is idle, the text follows a moment later). */
const noticeSays = (el: HTMLElement, text: string) => waitUntil(() => noticeText(el).includes(text), `the notice never said « ${text} » (it says « ${noticeText(el)} »)`, { timeout: 5000 });
const idle = () => new Promise<void>((r) => requestIdleCallback(() => r(), { timeout: 1000 }));

describe('sos-annuaire: setup mistakes', () => {
  it('no src: a notice says what to add instead of an endless « Chargement », the console says it once; adding src fixes it', async () => {
    const el = await fixture<SosAnnuaire>(html`<sos-annuaire variant="liste"></sos-annuaire>`);
    await noticeSays(el, "Configuration de l'annuaire, à corriger par le responsable du site :");
    expect(noticeText(el)).to.contain("l'adresse du flux manque : ajoutez à <sos-annuaire> l'attribut src avec l'adresse du fichier publié par votre DSRC");
    expect(noticeOf(el)!.getAttribute('role')).to.equal('status');
    expect(noticeOf(el)!.querySelector('code')!.textContent).to.equal('<sos-annuaire>');
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part="layout"]')!.hidden, 'the endless loading is hidden').to.equal(true);
    expect(logged).to.have.length(1);
    expect(logged[0]!.level).to.equal('error');
    expect(logged[0]!.text).to.match(/^\[sos-annuaire\] <sos-annuaire> : l'adresse du flux manque : ajoutez à <sos-annuaire> l'attribut src/);
    await expect(el).to.be.accessible();

    const loaded = oneEvent(el, 'sos-loaded');
    el.src = await serve(doc);
    await loaded;
    await waitUntil(() => !noticeOf(el), 'the notice stays after src is set');
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part="layout"]')!.hidden).to.equal(false);
    expect(logged).to.have.length(1);
  });

  it('an empty or blank src is told the same way, with the id of the directory in the console', async () => {
    const el = await fixture<SosAnnuaire>(html`<sos-annuaire id="region" src="  " variant="liste"></sos-annuaire>`);
    await noticeSays(el, "l'adresse du flux manque");
    expect(logged.map((l) => l.text)).to.have.length(1);
    expect(logged[0]!.text).to.contain('[sos-annuaire] <sos-annuaire id="region"> : ');
  });

  it('a store filled by script needs no src: nothing is told', async () => {
    const url = await serve(doc);
    const el = await fixture<SosAnnuaire>(html`<sos-annuaire variant="liste"></sos-annuaire>`);
    await el.store.load([url]);
    await idle();
    await idle();
    expect(setupProblems(el)).to.deep.equal([]);
    expect(noticeOf(el)).to.equal(null);
    expect(logged).to.deep.equal([]);
  });

  it('an unknown variant, theme or lang: one line each with the possible values, a console warning each; fixing one takes its line back', async () => {
    const el = await fixture<SosAnnuaire>(html`<sos-annuaire src=${await serve(doc)} variant="grille" theme="sombre" lang="de" basemap="offline"></sos-annuaire>`);
    await noticeSays(el, 'lang="de" : langue inconnue, langues possibles : fr, en');
    const lines = [...noticeOf(el)!.querySelectorAll('li')].map((li) => li.textContent);
    expect(lines).to.deep.equal([
      'variant="grille" : valeur inconnue, valeurs possibles : complet, liste, carte.',
      "theme=\"sombre\" : valeur inconnue, valeur possible : dsfr (sans theme, l'apparence par défaut, utilisée en attendant).",
      'lang="de" : langue inconnue, langues possibles : fr, en (l\'annuaire est affiché en français).',
    ]);
    expect(logged.map((l) => l.level)).to.deep.equal(['warn', 'warn', 'warn']);
    expect(logged.map((l) => l.text)).to.deep.equal(lines.map((line) => `[sos-annuaire] <sos-annuaire> : ${line}`));
    await expect(el).to.be.accessible();

    el.setAttribute('variant', 'liste');
    await waitUntil(() => !noticeText(el).includes('variant='), 'the variant line stays once fixed');
    expect(noticeText(el)).to.contain('theme="sombre"');
    el.removeAttribute('theme');
    el.setAttribute('lang', 'fr-FR');
    await waitUntil(() => !noticeOf(el), 'the notice stays once everything is fixed');
    expect(logged).to.have.length(3);
  });

  it('care="kine": « code inconnu, codes possibles : … » with the likely code; the console says the same', async () => {
    const el = await fixture<SosAnnuaire>(html`<sos-annuaire src=${await serve(doc)} variant="liste" care="kine"></sos-annuaire>`);
    await noticeSays(el, 'care="kine" : code inconnu « kine », codes possibles : douleur, nutrition, psychologie, social, activite-physique');
    expect(noticeText(el)).to.contain('eri. Vouliez-vous dire subcare="kinesitherapie" ou subcare="kinesitherapie-douleur" ?');
    expect(logged).to.have.length(1);
    expect(logged[0]!.level).to.equal('warn');
    expect(logged[0]!.text).to.equal(`[sos-annuaire] <sos-annuaire> : ${noticeOf(el)!.querySelector('li')!.textContent}`);
    await expect(el).to.be.accessible();
  });

  it('finer cares: the notice sends to the console, which lists every code; several unknown codes, départements and lock are told too', async () => {
    const el = await fixture<SosAnnuaire>(html`<sos-annuaire src=${await serve(doc)} variant="liste"
      subcare="sofrologie" departement="33,1" audience="patients,aidants" lock="categorie"></sos-annuaire>`);
    await noticeSays(el, 'lock="categorie"');
    const lines = [...noticeOf(el)!.querySelectorAll('li')].map((li) => li.textContent);
    expect(lines).to.deep.equal([
      'subcare="sofrologie" : code inconnu « sofrologie », codes possibles : voir la liste complète dans la console du navigateur. Vouliez-vous dire subcare="sophrologie" ?',
      'departement="33,1" : code inconnu « 1 », codes possibles : les numéros de département (01 à 95, 2A, 2B, 971 à 976). Vouliez-vous dire departement="01" ?',
      'audience="patients,aidants" : codes inconnus « patients », « aidants », codes possibles : patient, proche-aidant, professionnel.',
      'lock="categorie" : filtre inconnu « categorie », filtres possibles : care, subcare, departement, audience, age, setting, phase, access, cost, pathway, opening, mssante.',
    ]);
    const subcare = logged.find((l) => l.text.includes('subcare="sofrologie"'))!.text;
    expect(subcare).to.contain(`codes possibles : ${SUBCARE_CODES.join(', ')}. Vouliez-vous dire subcare="sophrologie" ?`);
    expect(logged).to.have.length(4);
  });

  it('a code of another preset is named as such (care="sophrologie" is a subcare)', () => {
    expect(hintsFor('care', 'sophrologie')).to.deep.equal(['subcare="sophrologie"']);
    expect(hintsFor('care', 'Douleur')).to.deep.equal(['care="douleur"']);
    expect(hintsFor('departement', '2a')).to.deep.equal(['departement="2A"']);
    expect(hintsFor('care', 'zz')).to.deep.equal([]);
  });

  it('the département check knows the 101 départements and nothing else', () => {
    const host = (departement: string) => ({ src: 'x', store: { status: 'ready' }, getAttribute: () => null, departement }) as unknown as SosAnnuaire;
    for (const code of Object.keys(DEPARTEMENTS)) expect(setupProblems(host(code)), code).to.deep.equal([]);
    for (const code of ['20', '00', '96', '975', '977', '2C', '330', '3']) expect(setupProblems(host(code)), code).to.have.length(1);
  });

  it('in English with lang="en"', async () => {
    const el = await fixture<SosAnnuaire>(html`<sos-annuaire src=${await serve(doc)} lang="en" variant="grid" basemap="offline"></sos-annuaire>`);
    await noticeSays(el, "Directory setup, for the site's webmaster to fix:");
    expect(noticeText(el)).to.contain('variant="grid": unknown value, possible values: complet, liste, carte.');
    // The console speaks French, like the widget's other messages.
    expect(logged[0]!.text).to.equal('[sos-annuaire] <sos-annuaire> : variant="grid" : valeur inconnue, valeurs possibles : complet, liste, carte.');
  });

  it('all right: no notice, nothing in the console (presets, lock, theme, lang and variant all known)', async () => {
    const el = await fixture<SosAnnuaire>(html`<sos-annuaire src=${await serve(doc)} variant="liste" theme="dsfr" lang="en-GB"
      care="douleur,nutrition" subcare="sophrologie" departement="33,2A,971" audience="patient" cost="gratuit" opening="today" mssante="oui" lock="care,departement"></sos-annuaire>`);
    if (el.store.status !== 'ready') await oneEvent(el, 'sos-loaded');
    await idle();
    await idle();
    expect(setupProblems(el)).to.deep.equal([]);
    expect(noticeOf(el)).to.equal(null);
    expect(logged).to.deep.equal([]);
  });
});

describe('setup mistakes told in the console only', () => {
  it('the widget loaded twice: a warning, the first copy kept', async () => {
    const first = customElements.get('sos-annuaire');
    define('sos-annuaire', class extends HTMLElement {});
    await waitUntil(() => logged.length > 0, 'no warning');
    expect(logged).to.deep.equal([{ level: 'warn', text: '[sos-annuaire] <sos-annuaire> est déjà défini : le script du widget est chargé deux fois sur cette page. La première version est conservée.' }]);
    expect(customElements.get('sos-annuaire')).to.equal(first);
  });

  it('for="id" naming no element of the page', async () => {
    await fixture(html`<sos-search-form for="nulle-part"></sos-search-form>`);
    await waitUntil(() => logged.length > 0, 'no warning');
    expect(logged[0]).to.deep.equal({ level: 'warn', text: "[sos-annuaire] <sos-search-form for=\"nulle-part\"> : aucun élément avec l'id « nulle-part » dans la page." });
  });
});

describe('sos-annuaire: a feed the browser may not read (CORS)', () => {
  it('a feed on another origin without Access-Control-Allow-Origin: the notice and the console say which header to add, and where the README explains it', async () => {
    const url = `${foreignOrigin()}/nocors/test/fixtures/tiny-feed.json`;
    const el = await fixture<SosAnnuaire>(html`<sos-annuaire src=${url} variant="liste"></sos-annuaire>`);
    await noticeSays(el, 'Access-Control-Allow-Origin: *');
    expect(noticeText(el)).to.contain(
      `le serveur du flux ${url} n'autorise pas cette page à le lire : ajoutez l'en-tête Access-Control-Allow-Origin: * à ses réponses (le flux est public). Voir le README, section « CORS : ce que doivent envoyer les serveurs ».`,
    );
    const cors = logged.filter((l) => l.text.includes("n'autorise pas cette page"));
    expect(cors).to.have.length(1);
    expect(cors[0]!.level).to.equal('error');
    expect(cors[0]!.text).to.contain(`[sos-annuaire] ${url} : le serveur du flux n'autorise pas cette page (${location.origin}) à le lire.`);
    expect(cors[0]!.text).to.contain('ajoutez « Access-Control-Allow-Origin: * » à ses réponses');
    expect(cors[0]!.text).to.contain('README.md#cors--ce-que-doivent-envoyer-les-serveurs');
    // The visitor-facing banner of the list stays the calm « momentanément inaccessible ».
    expect(el.store.errors.map((e) => e.kind)).to.deep.equal(['network']);
    await expect(el).to.be.accessible();
    // Switched to English at run time, the notice follows (the console stays French, told once).
    el.setAttribute('lang', 'en');
    await noticeSays(el, 'does not allow this page to read it');
    expect(noticeText(el)).to.contain(`the feed server ${url} does not allow this page to read it`);
    expect(logged.filter((l) => l.text.includes("n'autorise pas cette page"))).to.have.length(1);
  });

  it('tells CORS from a server that cannot be reached, a same-origin failure, a feed that reads, and mixed content', async () => {
    const foreign = foreignOrigin();
    expect(await networkCause(`${foreign}/nocors/test/fixtures/tiny-feed.json`)).to.equal('cors');
    expect(await networkCause(`${foreign}/drop/test/fixtures/tiny-feed.json`)).to.equal(undefined);
    expect(await networkCause(`${foreign}/cors/test/fixtures/tiny-feed.json`)).to.equal(undefined);
    expect(await networkCause('/__test__/status/502')).to.equal(undefined);
    expect(await networkCause(`${foreign}/nocors/test/fixtures/tiny-feed.json`, location, false), 'offline').to.equal(undefined);
    const https = new URL('https://site.example/page');
    expect(await networkCause('http://dsrc.example/flux.json', https)).to.equal('mixed');
  });

  it('a server that cannot be reached is not called a CORS problem: no notice', async () => {
    const el = await fixture<SosAnnuaire>(html`<sos-annuaire src=${`${foreignOrigin()}/drop/feed.json`} variant="liste"></sos-annuaire>`);
    await waitUntil(() => el.store.status === 'error', 'the feed never failed', { timeout: 5000 });
    // The same diagnosis the element asked for, awaited here: then nothing was told.
    expect(await networkCause(el.store.errors[0]!.url)).to.equal(undefined);
    await idle();
    expect(noticeOf(el)).to.equal(null);
    expect(logged.filter((l) => l.text.includes("n'autorise pas"))).to.deep.equal([]);
  });
});
