import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { validateFeed } from '../../feed/validate.js';
import type { LoadedFeed } from '../../feed/load.js';
import { DirectoryStore } from '../../state/directory-store.js';
import { feed, offer, structure } from '../../../test/helpers/feeds.js';
import './sos-search-form.js';
import '../sos-annuaire/sos-annuaire.js';
import type { SosSearchForm } from './sos-search-form.js';
import type { SosAnnuaire } from '../sos-annuaire/sos-annuaire.js';

const PESSAC = { lat: 44.792, lon: -0.676 };
const doc = feed([
  structure({ id: 'chu', name: 'CHU de Bordeaux', kind: 'etablissement-sante', location: { lat: 44.837, lon: -0.579 },
    offers: [
      offer({ id: 'c1', care: 'douleur', subcares: ['consultation-douleur'], ages: ['adulte'] }),
      offer({ id: 'c2', care: 'psychologie', subcares: ['sophrologie'], audiences: ['patient', 'proche-aidant'] }),
    ] }),
  structure({ id: 'zen', name: 'Association Zen Océan', address: { line: '2 allée des Pins', postalCode: '33120', city: 'Arcachon', insee: '33009' },
    location: { lat: 44.658, lon: -1.168 },
    offers: [offer({ id: 'z1', care: 'psychologie', subcares: ['sophrologie'], settings: ['ville'], cost: 'gratuit' })] }),
  structure({ id: 'apa', name: 'Gym Après Cancer', address: { line: '3 quai', postalCode: '64100', city: 'Bayonne', insee: '64102' },
    location: { lat: 43.49, lon: -1.475 },
    offers: [offer({ id: 'a1', care: 'activite-physique', subcares: ['marche-nordique'], settings: ['ville'] })] }),
  structure({ id: 'tel', name: 'Ligne Écoute Aidants', address: { line: '4 place', postalCode: '87000', city: 'Limoges', insee: '87085' },
    location: { lat: 45.83, lon: 1.26 },
    offers: [offer({ id: 't1', care: 'soutien-aidants', audiences: ['proche-aidant'], settings: ['distance'], cost: 'gratuit' })] }),
]);

function loaded(): LoadedFeed {
  const r = validateFeed(doc, { now: new Date('2026-11-22T12:00:00Z') });
  if (!r.ok) throw new Error(r.message);
  return { ...r, url: 'test' };
}

function newStore(): DirectoryStore {
  const store = new DirectoryStore();
  store.setFeeds([loaded()]);
  return store;
}

async function mount(store = newStore()): Promise<{ el: SosSearchForm; store: DirectoryStore }> {
  const el = await fixture<SosSearchForm>(html`<sos-search-form .store=${store}></sos-search-form>`);
  await settle(el);
  return { el, store };
}

/** Lets the store's batched change event and the re-render happen. */
async function settle(el: SosSearchForm): Promise<void> {
  await aTimeout(0);
  await el.updateComplete;
}

const root = (el: Element) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A control by its accessible name (label `for`, or `aria-labelledby`), as a user finds it. */
function control<T extends HTMLElement = HTMLInputElement>(el: Element, name: RegExp): T {
  const candidates = [...root(el).querySelectorAll<HTMLElement>('input, select, button')];
  const nameOf = (c: HTMLElement) => {
    const by = c.getAttribute('aria-labelledby');
    if (by) return by.split(' ').map((id) => text(root(el).getElementById(id))).join(' ');
    if (c.getAttribute('aria-label')) return c.getAttribute('aria-label')!;
    const labels = (c as HTMLInputElement).labels;
    return labels?.length ? [...labels].map(text).join(' ') : text(c);
  };
  const found = candidates.find((c) => name.test(nameOf(c)));
  if (!found) throw new Error(`no control named ${name}`);
  return found as T;
}

/** The disclosure (<details>) of a filter group, opened like a user would. */
async function openGroup(el: SosSearchForm, summary: RegExp): Promise<HTMLDetailsElement> {
  const details = [...root(el).querySelectorAll('details')].find((d) => summary.test(text(d.querySelector('summary'))));
  if (!details) throw new Error(`no group ${summary}`);
  if (!details.open) {
    const toggled = oneEvent(details, 'toggle');
    details.querySelector('summary')!.click();
    await toggled;
  }
  await el.updateComplete;
  return details;
}

function checkbox(scope: Element, label: RegExp): HTMLInputElement {
  const option = [...scope.querySelectorAll('label.option')].find((l) => label.test(text(l)));
  if (!option) throw new Error(`no checkbox ${label}`);
  return option.querySelector('input')!;
}

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
}

function key(input: HTMLElement, k: string): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true });
  input.dispatchEvent(e);
  return e;
}

const structureIds = (store: DirectoryStore) => store.results.groups.flatMap((g) => g.results.map((r) => r.structure.id)).sort();

describe('sos-search-form: free text', () => {
  it('updates the query and the results on every input event', async () => {
    const { el, store } = await mount();
    const input = control(el, /Rechercher/);
    expect(input.type).to.equal('search');
    for (const partial of ['s', 'so', 'sop', 'soph', 'sophr', 'sophro']) {
      type(input, partial);
      expect(store.criteria.query).to.equal(partial); // synchronously: no debounce
    }
    await store.settled;
    expect(structureIds(store)).to.deep.equal(['chu', 'zen']);
  });

  it('does not navigate the page on submit (Enter or the button)', async () => {
    const { el, store } = await mount();
    const input = control(el, /Rechercher un soin/);
    input.value = 'douleur';
    const form = root(el).querySelector('form')!;
    setTimeout(() => control<HTMLButtonElement>(el, /^Rechercher$/).click());
    const submit = await oneEvent(form, 'submit');
    expect(submit.defaultPrevented).to.equal(true);
    expect(store.criteria.query).to.equal('douleur');
  });

  it('shows the store’s query (set elsewhere) in the field', async () => {
    const { el, store } = await mount();
    store.setQuery('yoga');
    await settle(el);
    expect(control(el, /Rechercher/).value).to.equal('yoga');
  });
});

describe('sos-search-form: filters', () => {
  it('filters by category, with counts per option, and shows how many are active', async () => {
    const { el, store } = await mount();
    const group = await openGroup(el, /Soin de support/);
    expect(group.querySelectorAll('legend.group-legend')).to.have.length(3); // socle, complémentaires, autres
    const psy = checkbox(group, /Prise en charge psychologique/);
    expect(text(psy.closest('label'))).to.contain('(2 structures)');
    expect(text(checkbox(group, /Soins palliatifs/).closest('label'))).to.contain('(0 structure)');
    expect(checkbox(group, /Soins palliatifs/).disabled).to.equal(false);
    psy.click();
    await settle(el);
    expect(store.criteria.filters.care).to.deep.equal(['psychologie']);
    expect(structureIds(store)).to.deep.equal(['chu', 'zen']);
    expect(psy.checked).to.equal(true);
    // Other categories still count what they would give (a facet ignores its own selection).
    expect(text(checkbox(group, /activité physique adaptée/i).closest('label'))).to.contain('(1 structure)');
    expect(text(group.querySelector('summary'))).to.equal('Soin de support, 1 filtre actif');
  });

  it('offers finer cares only for the chosen categories, with an explanation before', async () => {
    const { el, store } = await mount();
    const more = await openGroup(el, /Plus de filtres/);
    const fine = await openGroup(el, /Soin précis/);
    expect(more.contains(fine)).to.equal(true);
    expect(fine.querySelectorAll('input[type=checkbox]')).to.have.length(0);
    expect(text(fine)).to.contain('Choisissez d’abord un soin de support');

    store.setFilter('care', ['psychologie']);
    await settle(el);
    expect(text(checkbox(fine, /Sophrologie/).closest('label'))).to.contain('Sophrologie (2 structures)');
    expect(() => checkbox(fine, /Marche nordique/)).to.throw();

    checkbox(await openGroup(el, /Soin de support/), /Activité physique adaptée/).click();
    await settle(el);
    expect(store.criteria.filters.care).to.deep.equal(['psychologie', 'activite-physique']);
    checkbox(fine, /Marche nordique/).click();
    await settle(el);
    expect(store.criteria.filters.subcare).to.deep.equal(['marche-nordique']);
    expect(structureIds(store)).to.deep.equal(['apa']);
    expect(text(more.querySelector('summary'))).to.contain('1 filtre actif');
  });

  it('lists the feed’s départements with their names, and the second-level filters', async () => {
    const { el, store } = await mount();
    const dept = await openGroup(el, /Département/);
    const labels = [...dept.querySelectorAll('label.option')].map((l) => text(l));
    expect(labels).to.deep.equal([
      '33 — Gironde (2 structures)', '64 — Pyrénées-Atlantiques (1 structure)', '87 — Haute-Vienne (1 structure)',
    ]);
    await openGroup(el, /Plus de filtres/);
    const access = await openGroup(el, /Modalités d’accès/);
    expect(text(access)).to.contain('Ouvert aux patients suivis ailleurs');
    const cost = await openGroup(el, /Coût/);
    checkbox(cost, /Gratuit/).click();
    await settle(el);
    expect(structureIds(store)).to.deep.equal(['tel', 'zen']);
    for (const name of [/Public/, /Âge/, /Lieu de prise en charge/, /Moment du parcours/, /Parcours spécifique/]) await openGroup(el, name);
  });

  it('hides locked filters', async () => {
    const store = newStore();
    store.setPresets({ care: ['psychologie'], departement: ['33'] }, ['care', 'departement']);
    const { el } = await mount(store);
    const summaries = [...root(el).querySelectorAll('summary')].map((s) => text(s));
    expect(summaries.some((s) => /Soin de support|Département/.test(s))).to.equal(false);
    expect(summaries.some((s) => /Public/.test(s))).to.equal(true);
    // The finer cares follow the locked category.
    await openGroup(el, /Plus de filtres/);
    const fine = await openGroup(el, /Soin précis/);
    expect(checkbox(fine, /Sophrologie/)).to.exist;
  });

  it('"Réinitialiser" is enabled only when something changed, and resets', async () => {
    const { el, store } = await mount();
    const reset = control<HTMLButtonElement>(el, /Réinitialiser/);
    expect(reset.disabled).to.equal(true);
    type(control(el, /Rechercher/), 'psy');
    store.setFilter('audience', ['patient']);
    await settle(el);
    expect(reset.disabled).to.equal(false);
    reset.click();
    await settle(el);
    expect(store.criteria.query).to.equal('');
    expect(store.criteria.filters.audience).to.deep.equal([]);
    expect(control(el, /Rechercher/).value).to.equal('');
    expect(reset.disabled).to.equal(true);
    expect(root(el).activeElement).to.equal(control(el, /Rechercher/));
  });

  it('is accessible in its default state, and with groups open', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
    await openGroup(el, /Soin de support/);
    await openGroup(el, /Plus de filtres/);
    await openGroup(el, /Soin précis/);
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const store = newStore();
    const el = await fixture<SosSearchForm>(html`<sos-search-form lang="en" .store=${store}></sos-search-form>`);
    await settle(el);
    expect(control(el, /Search for a type of care/)).to.exist;
    expect(control(el, /Near/)).to.exist;
    const group = await openGroup(el, /Supportive care/);
    expect(text(group)).to.contain('Psychological care (2 facilities)');
  });
});

describe('sos-search-form: « Avec messagerie sécurisée (MSSanté) », for professionals', () => {
  const mssDoc = feed([
    structure({ id: 'chu', name: 'CHU (fictif)', contact: { mssante: 'soins-support@chu.mssante.fr' } }),
    structure({ id: 'ligue', name: 'Comité (fictif)',
      offers: [offer({ id: 'l1', care: 'douleur', contact: { mssante: 'psy@ligue.mssante.fr' } }), offer({ id: 'l2', care: 'nutrition' })] }),
    structure({ id: 'asso', name: 'Association (fictive)', contact: { email: 'asso@example.org' } }),
  ]);
  function storeOf(d: unknown): DirectoryStore {
    const r = validateFeed(d, { now: new Date('2026-11-22T12:00:00Z') });
    if (!r.ok) throw new Error(r.message);
    const store = new DirectoryStore();
    store.setFeeds([{ ...r, url: 'test' }]);
    return store;
  }
  const summaries = (el: SosSearchForm) => [...root(el).querySelectorAll('summary')].map((s) => text(s));

  it('is offered when the feed has an MSSanté address, with its count, and keeps those structures', async () => {
    const { el, store } = await mount(storeOf(mssDoc));
    await openGroup(el, /Plus de filtres/);
    const group = await openGroup(el, /Pour les professionnels/);
    const option = checkbox(group, /Avec messagerie sécurisée \(MSSanté\)/);
    expect(text(option.closest('label'))).to.equal('Avec messagerie sécurisée (MSSanté) (2 structures)');
    option.click();
    await settle(el);
    expect(store.criteria.filters.mssante).to.deep.equal(['oui']);
    expect(structureIds(store)).to.deep.equal(['chu', 'ligue']);
    expect(text(group.querySelector('summary'))).to.equal('Pour les professionnels, 1 filtre actif');
    await expect(el).to.be.accessible();
  });

  it('is not offered when no structure or offer of the feed has one', async () => {
    const { el } = await mount();
    await openGroup(el, /Plus de filtres/);
    expect(summaries(el).some((s) => /professionnels/.test(s))).to.equal(false);
    // Other level-2 groups are there.
    expect(summaries(el).some((s) => /Parcours spécifique/.test(s))).to.equal(true);
  });

  it('stays offered (to be unchecked) when a preset selected it on a feed without any', async () => {
    const store = newStore();
    store.setPresets({ mssante: ['oui'] }, []);
    const { el } = await mount(store);
    await openGroup(el, /Plus de filtres/);
    const option = checkbox(await openGroup(el, /Pour les professionnels/), /MSSanté/);
    expect(option.checked).to.equal(true);
    expect(store.results.structureCount).to.equal(0);
    option.click();
    await settle(el);
    expect(store.results.structureCount).to.equal(4);
  });

  it('speaks English with lang="en"', async () => {
    const store = storeOf(mssDoc);
    const el = await fixture<SosSearchForm>(html`<sos-search-form lang="en" .store=${store}></sos-search-form>`);
    await settle(el);
    await openGroup(el, /More filters/);
    const group = await openGroup(el, /For health professionals/);
    expect(text(checkbox(group, /MSSanté/).closest('label'))).to.equal('With secure messaging (MSSanté) (2 facilities)');
  });
});

describe('sos-search-form: near a commune', () => {
  async function suggest(el: SosSearchForm, typed: string): Promise<HTMLInputElement> {
    const input = control(el, /Près de/);
    input.focus();
    type(input, typed);
    await waitUntil(() => root(el).querySelectorAll('[role=option]').length > 0, 'no commune suggested', { timeout: 8000 });
    await el.updateComplete;
    return input;
  }

  it('is an ARIA combobox: "pess", ArrowDown, Enter picks Pessac within 20 km', async () => {
    const { el, store } = await mount();
    const input = await suggest(el, 'pess');
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    const listbox = root(el).getElementById(input.getAttribute('aria-controls')!)!;
    expect(listbox.getAttribute('role')).to.equal('listbox');
    expect(listbox.hidden).to.equal(false);
    expect(text(listbox.querySelector('[role=option]'))).to.equal('Pessac (33600)');
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);

    key(input, 'ArrowDown');
    await el.updateComplete;
    const active = root(el).getElementById(input.getAttribute('aria-activedescendant')!)!;
    expect(text(active)).to.equal('Pessac (33600)');
    expect(active.getAttribute('aria-selected')).to.equal('true');

    const enter = key(input, 'Enter');
    await settle(el);
    expect(enter.defaultPrevented).to.equal(true); // accepted the option, did not submit
    const near = store.criteria.near!;
    expect(near.label).to.equal('Pessac (33600)');
    expect(near.radiusKm).to.equal(20);
    expect(near.department).to.equal('33');
    expect(near.point.lat).to.be.closeTo(PESSAC.lat, 0.05);
    expect(near.point.lon).to.be.closeTo(PESSAC.lon, 0.05);
    expect(input.value).to.equal('Pessac (33600)');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(listbox.hidden).to.equal(true);
    // Bordeaux (9 km) is near, Arcachon (42 km) is not.
    expect(store.results.groups.find((g) => g.id === 'near')!.results.map((r) => r.structure.id)).to.include('chu');
  });

  it('ArrowUp wraps to the last option; Escape closes the list and keeps the text', async () => {
    const { el, store } = await mount();
    const input = await suggest(el, 'pess');
    const options = root(el).querySelectorAll('[role=option]');
    key(input, 'ArrowDown');
    key(input, 'ArrowUp');
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(options[options.length - 1]!.id);
    const esc = key(input, 'Escape');
    await el.updateComplete;
    expect(esc.defaultPrevented).to.equal(true);
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(input.value).to.equal('pess');
    expect(store.criteria.near).to.equal(undefined);
  });

  it('Tab accepts the active option and lets focus move on', async () => {
    const { el, store } = await mount();
    const input = await suggest(el, 'pess');
    key(input, 'ArrowDown');
    key(input, 'ArrowDown');
    await el.updateComplete;
    const second = text(root(el).getElementById(input.getAttribute('aria-activedescendant')!));
    const tab = key(input, 'Tab');
    await settle(el);
    expect(tab.defaultPrevented).to.equal(false);
    expect(store.criteria.near?.label).to.equal(second);
    expect(input.getAttribute('aria-expanded')).to.equal('false');
  });

  it('is accessible with the list open and an option active', async () => {
    const { el } = await mount();
    const input = await suggest(el, 'pess');
    key(input, 'ArrowDown');
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('picks a commune with the mouse; a postal code shows that postal code', async () => {
    const { el, store } = await mount();
    await suggest(el, '33600');
    const option = [...root(el).querySelectorAll<HTMLElement>('[role=option]')].find((o) => /Pessac/.test(text(o)))!;
    expect(text(option)).to.equal('Pessac (33600)');
    option.click();
    await settle(el);
    expect(store.criteria.near?.label).to.equal('Pessac (33600)');
  });

  it('changes the radius, and the × button removes the place', async () => {
    const { el, store } = await mount();
    const radius = control<HTMLSelectElement>(el, /rayon/);
    expect([...radius.options].map((o) => o.value)).to.deep.equal(['5', '10', '20', '50']);
    expect(radius.value).to.equal('20');
    const input = await suggest(el, 'pessac');
    key(input, 'ArrowDown');
    key(input, 'Enter');
    await settle(el);
    radius.value = '10';
    radius.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(el);
    expect(store.criteria.near?.radiusKm).to.equal(10);
    control<HTMLButtonElement>(el, /Effacer la commune/).click();
    await settle(el);
    expect(store.criteria.near).to.equal(undefined);
    expect(input.value).to.equal('');
    expect(root(el).activeElement).to.equal(input);
  });

  it('takes the best match when the form is submitted with a typed commune', async () => {
    const { el, store } = await mount();
    const input = control(el, /Près de/);
    input.focus();
    type(input, 'Pessac');
    root(el).querySelector('form')!.requestSubmit();
    await waitUntil(() => store.criteria.near, 'no place chosen', { timeout: 8000 });
    expect(store.criteria.near!.label).to.equal('Pessac (33600)');
  });
});

describe('sos-search-form: a place typed in the search box', () => {
  it('offers to search near the commune or postal code typed in the main box, with one button', async () => {
    const { el, store } = await mount();
    const input = control(el, /Rechercher un soin/);
    input.focus();
    type(input, 'psy arcachon');
    await store.settled;
    await settle(el);
    expect(store.placeInQuery?.label).to.equal('Arcachon (33120)');
    const propose = control<HTMLButtonElement>(el, /Rechercher à moins de 20 km de Arcachon \(33120\)/);
    expect(text(root(el).querySelector('[role=status]'))).to.equal('Arcachon (33120) est une commune : le bouton suivant limite la recherche à ses environs.');
    await expect(el).to.be.accessible();
    propose.click();
    await settle(el);
    expect(store.criteria.near?.label).to.equal('Arcachon (33120)');
    expect(store.criteria.near?.insee).to.equal('33009');
    expect(store.criteria.near?.region).to.equal('75');
    expect(store.criteria.query).to.equal('psy');
    expect(root(el).activeElement).to.equal(input);
    expect(root(el).querySelector('.propose')).to.equal(null);
    expect(control(el, /Près de/).value).to.equal('Arcachon (33120)');
  });

  it('takes a postal code for its commune, not for digits in records', async () => {
    const { el, store } = await mount();
    type(control(el, /Rechercher un soin/), '33600');
    await store.settled;
    await settle(el);
    expect(store.placeInQuery?.label).to.equal('Pessac (33600)');
    // Nothing is filtered out: every structure, by distance from Pessac.
    expect(store.results.structureCount).to.equal(4);
    expect(store.results.order).to.equal('distance');
    expect(store.results.groups[0]!.results[0]!.structure.id).to.equal('chu');
  });

  it('gives an example under « Près de » from the feed’s own towns', async () => {
    const { el } = await mount();
    expect(text(root(el).querySelector('.near .hint'))).to.equal('Par exemple : Arcachon ou 64100');
  });

  it('forgives a typo in « Près de » (« perigeux »)', async () => {
    const { el } = await mount();
    const input = control(el, /Près de/);
    input.focus();
    type(input, 'perigeux');
    await waitUntil(() => root(el).querySelectorAll('[role=option]').length > 0, 'no commune suggested', { timeout: 8000 });
    await el.updateComplete;
    expect(text(root(el).querySelector('[role=option]'))).to.equal('Périgueux (24000)');
  });
});

describe('sos-search-form: around me', () => {
  type Success = (p: GeolocationPosition) => void;
  type Failure = (e: GeolocationPositionError) => void;
  let calls = 0;
  const stub = (impl: (ok: Success, ko: Failure) => void) => {
    calls = 0;
    Object.defineProperty(navigator.geolocation, 'getCurrentPosition', {
      configurable: true, writable: true,
      value: (ok: Success, ko: Failure) => {
        calls++;
        impl(ok, ko);
      },
    });
  };
  afterEach(() => {
    // The own property shadows the prototype's method: deleting it restores the browser's.
    delete (navigator.geolocation as unknown as Record<string, unknown>).getCurrentPosition;
  });

  it('asks for the position only on click, then searches around it', async () => {
    stub((ok) => setTimeout(() => ok({ coords: { latitude: PESSAC.lat, longitude: PESSAC.lon, accuracy: 30 }, timestamp: Date.now() } as GeolocationPosition), 20));
    const { el, store } = await mount();
    expect(calls).to.equal(0);
    const button = control<HTMLButtonElement>(el, /Autour de moi/);
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true'); // busy at once, while its code loads
    expect(text(button)).to.contain('Localisation en cours');
    await waitUntil(() => calls === 1, 'the position is asked for', { interval: 1 });
    await waitUntil(() => store.criteria.near, 'no position used');
    expect(store.criteria.near!.label).to.equal('votre position');
    expect(store.criteria.near!.point).to.deep.equal(PESSAC);
    expect(store.criteria.near!.radiusKm).to.equal(20);
    await settle(el);
    expect(button.getAttribute('aria-disabled')).to.equal('false');
    expect(control(el, /Près de/).value).to.equal('votre position');
    // The département, from the nearest commune, keeps home-care offers of the département listed.
    await waitUntil(() => store.criteria.near?.department === '33', 'no département for the position', { timeout: 8000 });
  });

  it('explains a refusal in the form’s polite live region', async () => {
    stub((_ok, ko) => setTimeout(() => ko({ code: 1, message: 'User denied Geolocation', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError)));
    const { el, store } = await mount();
    control<HTMLButtonElement>(el, /Autour de moi/).click();
    const status = root(el).querySelector('[role=status]')!;
    await waitUntil(() => /refusée/.test(text(status)), 'no refusal message');
    expect(text(status)).to.equal('La localisation a été refusée. Saisissez plutôt une commune ou un code postal.');
    expect(store.criteria.near).to.equal(undefined);
    expect(root(el).querySelectorAll('[role=status], [aria-live]')).to.have.length(1);
  });

  it('explains a timeout', async () => {
    stub((_ok, ko) => setTimeout(() => ko({ code: 3, message: 'Timeout expired', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError)));
    const { el } = await mount();
    control<HTMLButtonElement>(el, /Autour de moi/).click();
    const status = root(el).querySelector('[role=status]')!;
    await waitUntil(() => /trop de temps/.test(text(status)), 'no timeout message');
  });
});

describe('sos-search-form: where its store comes from', () => {
  it('drives the <sos-annuaire> named by for=, like the form inside it', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <sos-search-form for="annuaire-for-test"></sos-search-form>
      <sos-annuaire id="annuaire-for-test"></sos-annuaire>
    </div>`);
    const annuaire = wrapper.querySelector<SosAnnuaire>('sos-annuaire')!;
    const linked = wrapper.querySelector<SosSearchForm>('sos-search-form')!;
    annuaire.store.setFeeds([loaded()]);
    await waitUntil(() => linked.shadowRoot?.querySelector('form'), 'linked form not rendered');
    await settle(linked);
    type(control(linked, /Rechercher/), 'sophro');
    expect(annuaire.store.criteria.query).to.equal('sophro');
    const inner = annuaire.shadowRoot!.querySelector<SosSearchForm>('sos-search-form')!;
    await settle(inner);
    expect(control(inner, /Rechercher/).value).to.equal('sophro');
  });
});

describe('sos-search-form: narrow', () => {
  it('folds every filter into one "Filtres" disclosure on a phone-sized form, with the active count', async () => {
    const store = newStore();
    store.setFilter('care', ['douleur']);
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 360px"><sos-search-form .store=${store}></sos-search-form></div>`);
    const el = wrap.querySelector('sos-search-form') as SosSearchForm;
    await el.updateComplete;
    const outer = el.shadowRoot!.querySelector<HTMLDetailsElement>('.filters > details[data-filter="all"]');
    expect(outer, 'one outer disclosure').to.not.equal(null);
    expect(outer!.open).to.equal(false);
    const summary = outer!.querySelector('summary')!;
    expect(summary.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^Filtres/);
    expect(summary.querySelector('.badge')?.textContent).to.contain('1 filtre actif');
    // Closed, the panel holds nothing to count; opened, it shows the groups.
    expect(outer!.querySelector('details[data-filter="care"]')).to.equal(null);
    const toggled = oneEvent(outer!, 'toggle');
    summary.click();
    await toggled;
    await el.updateComplete;
    expect(outer!.open).to.equal(true);
    expect(outer!.querySelector('details[data-filter="care"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the filter groups directly when wide', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 900px"><sos-search-form .store=${newStore()}></sos-search-form></div>`);
    const el = wrap.querySelector('sos-search-form') as SosSearchForm;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('details[data-filter="all"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.first-level details[data-filter="care"]')).to.not.equal(null);
  });
});
