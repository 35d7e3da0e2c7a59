// Integrators override visible strings (issue 12): `strings` on <sos-annuaire> (shared with its
// elements) and on each element (its own, winning), per language, as text only.
import { expect, fixture, html, oneEvent, aTimeout, waitUntil } from '@open-wc/testing';
import '../../src/components/sos-annuaire/sos-annuaire.js';
import '../../src/components/sos-search-form/sos-search-form.js';
import '../../src/components/sos-results-list/sos-results-list.js';
import { loadCard } from '../../src/components/sos-structure-card/load-card.js';
import type { SosAnnuaire } from '../../src/components/sos-annuaire/sos-annuaire.js';
import { feed, offer, serve, structure } from '../helpers/feeds.js';

const doc = feed([
  structure({ id: 'chu', name: 'CHU de Bordeaux', kind: 'etablissement-sante', offers: [offer({ id: 'c1', care: 'douleur' }), offer({ id: 'c2', care: 'nutrition', cost: 'gratuit' })] }),
  structure({ id: 'apa', name: 'Bouger Landes', address: { postalCode: '40000', city: 'Mont-de-Marsan', insee: '40192' }, location: { lat: 43.89, lon: -0.5 },
    offers: [offer({ id: 'a1', care: 'activite-physique', settings: ['ville'] })] }),
]);

type Lit = HTMLElement & { updateComplete: Promise<unknown> };
const part = (el: Element, tag: string) => el.shadowRoot!.querySelector(tag) as Lit;
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const label = (form: Element) => form.shadowRoot!.querySelector('label.field-label')!.textContent!.trim();
const count = (list: Element) => list.shadowRoot!.querySelector('[part=count]')!.textContent!.trim();

/** Renders all of the annuaire's parts after a change. */
async function settled(el: SosAnnuaire): Promise<void> {
  await el.updateComplete;
  await aTimeout(0);
  await Promise.all(['sos-search-form', 'sos-results-list', 'sos-structure-card'].map((t) => part(el, t)?.updateComplete));
}

async function annuaire(strings?: string, lang = 'fr'): Promise<SosAnnuaire> {
  const url = await serve(doc);
  const el = await fixture<SosAnnuaire>(html`<sos-annuaire src=${url} variant="liste" lang=${lang} strings=${strings ?? ''}></sos-annuaire>`);
  if (el.store.status !== 'ready') await oneEvent(el, 'sos-loaded');
  await settled(el);
  return el;
}

/** Opens CHU's card in the annuaire and waits for it to show. */
async function openCard(el: SosAnnuaire): Promise<Lit> {
  await loadCard();
  el.store.open('test-dsrc:chu');
  const card = part(el, 'sos-structure-card');
  await waitUntil(() => card.shadowRoot?.querySelector('dialog')?.open, 'the card shows', { timeout: 5000 });
  await card.updateComplete;
  return card;
}

/** console.warn calls during `fn` (and until `until` holds). */
async function warnings(fn: () => Promise<unknown>, until?: (w: string[]) => boolean): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...a: unknown[]) => void seen.push(a.map(String).join(' '));
  try {
    await fn();
    if (until) await waitUntil(() => until(seen), `warnings: ${seen.join(' | ')}`, { timeout: 5000 });
  } finally {
    console.warn = original;
  }
  return seen;
}

describe('string overrides (strings attribute)', () => {
  // First in this file: the overrides code (loaded on demand) is not in the page yet.
  it('renders its first texts already replaced: no flash of the defaults while the overrides code loads', async () => {
    const form = document.createElement('sos-search-form') as Lit;
    form.setAttribute('strings', '{"fr":{"queryLabel":"Que cherchez-vous ?"}}');
    const labels: string[] = [];
    document.body.append(form);
    const seen = new MutationObserver(() => {
      const l = form.shadowRoot!.querySelector('label.field-label');
      if (l) labels.push(l.textContent!.trim());
    });
    seen.observe(form.shadowRoot!, { childList: true, subtree: true, characterData: true });
    try {
      await waitUntil(() => labels.length > 0, 'the form renders');
      await form.updateComplete;
      expect(labels[0]).to.equal('Que cherchez-vous ?');
      expect(label(form)).to.equal('Que cherchez-vous ?');
    } finally {
      seen.disconnect();
      form.remove();
    }
  });

  it('a string override shows: one key on <sos-annuaire> reaches the form, the list and the card', async () => {
    const el = await annuaire(JSON.stringify({
      fr: { queryLabel: 'Que cherchez-vous ?', noResult: 'Rien trouvé.', close: 'Refermer', viewSwitch: 'Vue' },
    }));
    const form = part(el, 'sos-search-form');
    const list = part(el, 'sos-results-list');
    expect(label(form)).to.equal('Que cherchez-vous ?');
    el.store.setQuery('zzzzqqqq');
    await el.store.settled;
    await settled(el);
    expect(count(list)).to.equal('Rien trouvé.');
    el.store.setQuery('');
    await el.store.settled;
    const card = await openCard(el);
    const close = [...card.shadowRoot!.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Fermer la fiche')!;
    expect(close.textContent!.trim()).to.equal('Refermer');
    // Untouched keys keep their defaults.
    expect(text(card)).to.contain('Coordonnées');
  });

  it('a computed text is a template: {0}, {1}… are its values (counts)', async () => {
    const el = await annuaire(JSON.stringify({ fr: { counts: '{0} lieux, {1} offres' } }));
    expect(count(part(el, 'sos-results-list'))).to.equal('2 lieux, 3 offres');
  });

  it('<tag>.<key> targets one element and wins over the plain key, whatever the order', async () => {
    const el = await annuaire(JSON.stringify({ fr: { 'sos-results-list.reset': 'Recommencer', reset: 'Effacer' } }));
    expect(text(part(el, 'sos-search-form'))).to.contain('Effacer').and.not.contain('Réinitialiser');
    el.store.setQuery('zzzzqqqq');
    await el.store.settled;
    await settled(el);
    const list = part(el, 'sos-results-list');
    expect(text(list)).to.contain('Recommencer').and.not.contain('Effacer').and.not.contain('Réinitialiser');
  });

  it("an element's own strings win over its directory's", async () => {
    const url = await serve(doc);
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <sos-search-form for="ann-own" strings='{"fr":{"queryLabel":"Ma question"}}'></sos-search-form>
      <sos-annuaire id="ann-own" src=${url} variant="liste" strings='{"fr":{"queryLabel":"Question partagée","submit":"Chercher"}}'></sos-annuaire>
    </div>`);
    const el = wrap.querySelector('sos-annuaire')!;
    if (el.store.status !== 'ready') await oneEvent(el, 'sos-loaded');
    const outside = wrap.querySelector('sos-search-form') as Lit;
    await waitUntil(() => label(outside) === 'Ma question', 'the own override shows');
    await settled(el);
    expect(label(part(el, 'sos-search-form'))).to.equal('Question partagée');
    // The directory's other keys still reach the linked form.
    expect(outside.shadowRoot!.querySelector('button[type=submit]')!.textContent!.trim()).to.equal('Chercher');
  });

  it('the English table is overridden independently of the French one', async () => {
    const el = await annuaire(JSON.stringify({ fr: { queryLabel: 'Question' }, en: { queryLabel: 'Your question', counts: '{0} places' } }), 'en');
    const form = part(el, 'sos-search-form');
    expect(label(form)).to.equal('Your question');
    expect(count(part(el, 'sos-results-list'))).to.equal('2 places');
    el.lang = 'fr';
    await settled(el);
    expect(label(form)).to.equal('Question');
    expect(count(part(el, 'sos-results-list'))).to.equal('2\u00a0structures, 3\u00a0offres');
  });

  it('an override is text, never HTML', async () => {
    const el = await annuaire(JSON.stringify({ fr: { queryLabel: '<img src=x onerror=alert(1)>', counts: '<b>{0}</b>' } }));
    const form = part(el, 'sos-search-form');
    const list = part(el, 'sos-results-list');
    expect(label(form)).to.equal('<img src=x onerror=alert(1)>');
    expect(count(list)).to.equal('<b>2</b>');
    expect(form.shadowRoot!.querySelector('img')).to.equal(null);
    expect(list.shadowRoot!.querySelector('b')).to.equal(null);
  });

  it('invalid JSON warns in French and changes nothing', async () => {
    let el!: SosAnnuaire;
    const seen = await warnings(async () => (el = await annuaire('{"fr": {"queryLabel": "x"')));
    expect(seen.some((w) => w.startsWith('[sos-annuaire] attribut strings : JSON invalide ('))).to.equal(true);
    expect(label(part(el, 'sos-search-form'))).to.equal('Rechercher un soin, une structure, une ville');
    expect(count(part(el, 'sos-results-list'))).to.equal('2\u00a0structures, 3\u00a0offres');
  });

  it('a change of the attribute at run time re-renders every element', async () => {
    const el = await annuaire(JSON.stringify({ fr: { queryLabel: 'Avant' } }));
    const form = part(el, 'sos-search-form');
    expect(label(form)).to.equal('Avant');
    el.setAttribute('strings', JSON.stringify({ fr: { queryLabel: 'Après', counts: '{0} résultats' } }));
    await settled(el);
    expect(label(form)).to.equal('Après');
    expect(count(part(el, 'sos-results-list'))).to.equal('2 résultats');
    el.removeAttribute('strings');
    await settled(el);
    expect(label(form)).to.equal('Rechercher un soin, une structure, une ville');
  });

  it('names the keys no element knows (a key of the card is known), once', async () => {
    const seen = await warnings(
      () => annuaire(JSON.stringify({ fr: { contx: 'x', close: 'Refermer' }, en: { 'sos-results-list.close': 'y' } })),
      (w) => w.some((m) => m.includes('« contx »')),
    );
    const unknown = seen.filter((w) => w.includes('clé inconnue'));
    expect(unknown).to.deep.equal([
      '[sos-annuaire] textes : clé inconnue « contx » ignorée (sos-annuaire)',
      '[sos-annuaire] textes : clé inconnue « sos-results-list.close » ignorée (sos-annuaire)',
    ]);
  });

  it("an element's own unknown keys are named by the element", async () => {
    const url = await serve(doc);
    const seen = await warnings(() => fixture(html`<sos-results-list src=${url} strings='{"fr":{"queryLabel":"x","counts":"{0}"}}'></sos-results-list>`));
    expect(seen.filter((w) => w.includes('clé inconnue'))).to.deep.equal(['[sos-annuaire] textes : clé inconnue « queryLabel » ignorée (sos-results-list)']);
  });

  it('is accessible with overrides', async () => {
    const el = await annuaire(JSON.stringify({ fr: { queryLabel: 'Que cherchez-vous ?', submit: 'Chercher', counts: '{0} lieux, {1} offres' } }));
    await expect(el).to.be.accessible();
  });
});

describe('localize (src/base/overrides.ts)', () => {
  let localize: (typeof import('../../src/base/overrides.js'))['localize'];
  before(async () => ({ localize } = await import('../../src/base/overrides.js')));
  const table = {
    fr: { a: 'A', n: (x: number, names: readonly string[], opt?: string) => `${x} ${names} ${opt}`, group: { one: 'un', 'Dot.Key': 'point' } },
    en: { a: 'A (en)', n: (x: number, _names: readonly string[] = []) => `${x}`, group: { one: 'one', 'Dot.Key': 'dot' } },
  };
  const host = document.createElement('sos-test');

  it('fills templates: numbers as the language writes them, lists joined, missing values empty', () => {
    const t = localize(host, table, 'fr', { fr: { n: '{0} | {1} | {2} | {3}' } });
    expect(t.n(12345.5, ['Pau', 'Dax'])).to.equal('12\u202f345,5 | Pau, Dax |  | ');
    expect(localize(host, table, 'fr', { fr: { n: '[{2}]' } }).n(1, [], { not: 'text' } as never)).to.equal('[]');
    const en = localize(host, table, 'en', { en: { n: '{0}' } });
    expect(en.n(12345.5, [])).to.equal('12,345.5');
  });

  it('reaches strings inside an object with a dot; ignores non-strings and unknown keys; memoises', () => {
    const shared = { fr: { 'group.one': 'premier', 'group.Dot.Key': 'clé', a: 3, zz: 'z' } } as never;
    const t = localize(host, table, 'fr', shared);
    expect(t.group).to.deep.equal({ one: 'premier', 'Dot.Key': 'clé' });
    expect(t.a).to.equal('A');
    expect(table.fr.group.one).to.equal('un');
    expect(localize(host, table, 'fr', shared)).to.equal(t);
    const en = localize(host, table, 'en', shared);
    expect(localize(host, table, 'en', shared)).to.equal(en);
    expect(en).not.to.equal(t);
  });

  it('own overrides win over shared ones; <tag>.<key> wins within each', () => {
    const t = localize(host, table, 'fr', { fr: { 'sos-test.a': 'tag partagé', a: 'partagé' } }, { fr: { a: 'à moi' } });
    expect(t.a).to.equal('à moi');
    expect(localize(host, table, 'fr', { fr: { 'sos-test.a': 'tag partagé', a: 'partagé' } }).a).to.equal('tag partagé');
    expect(localize(host, table, 'fr', undefined, { fr: { 'sos-test.a': 'tag', a: 'plain' } }).a).to.equal('tag');
  });
});
