// Opening hours in the results and the « Ouvert aujourd'hui » filter (FEED-SPEC 1.1), on fixed
// instants in Paris time, whatever the zone of the visitor's clock.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/components/sos-results-list/sos-results-list.js';
import '../../src/components/sos-search-form/sos-search-form.js';
import type { SosResultsList } from '../../src/components/sos-results-list/sos-results-list.js';
import type { SosSearchForm } from '../../src/components/sos-search-form/sos-search-form.js';
import { feed, offer, structure } from '../helpers/feeds.js';
import { loaded, settle, storeWith } from '../helpers/store.js';
import { DirectoryStore } from '../../src/state/directory-store.js';

const WEEKDAYS = 'Mo-Fr 09:00-12:30,13:30-17:00; PH off';
const doc = feed([
  structure({ id: 'semaine', name: 'A – Semaine', openingHours: WEEKDAYS }),
  structure({ id: 'samedi', name: 'B – Samedi matin', openingHours: 'Mo-Sa 09:00-12:00; PH off' }),
  structure({
    id: 'atelier', name: 'C – Atelier du jeudi',
    offers: [offer({ id: 'cuisine', care: 'nutrition', label: 'Atelier cuisine', openingHours: 'Th 14:00-17:00' }), offer({ id: 'psy', care: 'psychologie' })],
  }),
  structure({ id: 'demain', name: 'D – Fermée demain', openingHours: 'Mo-Fr 09:00-17:00', closure: { from: '2026-12-04', until: '2026-12-06' } }),
  structure({ id: 'finit', name: 'E – Fermeture qui finit', openingHours: 'Mo-Fr 09:00-17:00', closure: { from: '2026-11-30', until: '2026-12-03' } }),
  structure({ id: 'texte', name: 'F – Texte seul', hours: 'Sur rendez-vous' }),
]);

/** An instant, written as Paris wall-clock time with its UTC offset. */
const at = (iso: string) => Date.parse(iso);
const THURSDAY = at('2026-12-03T10:00:00+01:00');
const SATURDAY = at('2026-12-05T10:00:00+01:00');

async function list(now: number, lang = 'fr', d = doc): Promise<{ el: SosResultsList; store: DirectoryStore }> {
  const store = storeWith(d);
  store.now = () => now;
  await store.prepareHours();
  const el = await fixture<SosResultsList>(html`<sos-results-list .store=${store} lang=${lang}></sos-results-list>`);
  await settle(store, el);
  return { el, store };
}

/** Each result's name and its hours line ('' without one). */
function lines(el: SosResultsList): [string, string][] {
  return [...el.shadowRoot!.querySelectorAll('.result')].map((r) => [
    r.querySelector('.result-button')!.textContent!.trim(),
    r.querySelector('.hours')?.textContent!.replace(/\s+/g, ' ').trim() ?? '',
  ]);
}

async function openToday(store: DirectoryStore, el: SosResultsList): Promise<string[]> {
  store.setFilter('opening', ['today']);
  await settle(store, el);
  return lines(el).map(([name]) => name);
}

describe('opening hours in the results', () => {
  it('loads nothing for hours when the feed has none', async () => {
    const store = storeWith(feed([structure({ id: 'x', hours: 'Lundi 9 h – 12 h' })]));
    await store.prepareHours();
    expect(store.usesHours).to.equal(false);
    expect(store.hours).to.equal(undefined);
    expect(performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/src/hours/'))).to.deep.equal([]);
    // A preset « Ouvert aujourd'hui » on such a feed is ignored rather than emptying the list.
    store.setFilter('opening', ['today']);
    await settle(store);
    expect(store.results.structureCount).to.equal(1);
  });

  it('on a Thursday morning: open today with the hours, the closure ending today, free text otherwise', async () => {
    const { el } = await list(THURSDAY);
    expect(lines(el)).to.deep.equal([
      ['A – Semaine', 'Ouvert aujourd’hui · 9 h – 12 h 30, 13 h 30 – 17 h'],
      ['B – Samedi matin', 'Ouvert aujourd’hui · 9 h – 12 h'],
      ['C – Atelier du jeudi', ''],
      ['D – Fermée demain', 'Ouvert aujourd’hui · 9 h – 17 h'],
      ['E – Fermeture qui finit', 'Fermé jusqu’au 3 décembre'],
      ['F – Texte seul', 'Sur rendez-vous'],
    ]);
    const a = el.shadowRoot!.querySelector('.result .hours')!;
    expect(a.classList.contains('open')).to.equal(true);
  });

  it('« Ouvert aujourd’hui » keeps what opens today, an offer open only in the afternoon included', async () => {
    const { el, store } = await list(THURSDAY);
    expect(await openToday(store, el)).to.deep.equal(['A – Semaine', 'B – Samedi matin', 'C – Atelier du jeudi', 'D – Fermée demain']);
    // The workshop's own hours, named, since the filter picked that offer out.
    expect(lines(el)[2]).to.deep.equal(['C – Atelier du jeudi', 'Atelier cuisine : Ouvert aujourd’hui · 14 h – 17 h']);
    expect(el.shadowRoot!.querySelector('.count')!.textContent).to.equal('4\u00a0structures, 4\u00a0offres');
  });

  it('a preset « Ouvert aujourd’hui » set before the feed arrives applies to it', async () => {
    const store = new DirectoryStore();
    store.now = () => SATURDAY;
    store.setFilter('opening', ['today']);
    store.setFeeds([loaded(doc)]);
    await store.prepareHours();
    expect(store.results.groups.flatMap((g) => g.results.map((r) => r.structure.id))).to.deep.equal(['samedi']);
  });

  it('on a Saturday: closed on weekdays-only, closed by a closure that began the day before', async () => {
    const { el, store } = await list(SATURDAY);
    expect(lines(el).slice(0, 5)).to.deep.equal([
      ['A – Semaine', 'Fermé aujourd’hui'],
      ['B – Samedi matin', 'Ouvert aujourd’hui · 9 h – 12 h'],
      ['C – Atelier du jeudi', ''],
      ['D – Fermée demain', 'Fermé jusqu’au 6 décembre'],
      ['E – Fermeture qui finit', 'Fermé aujourd’hui'],
    ]);
    expect(await openToday(store, el)).to.deep.equal(['B – Samedi matin']);
  });

  for (const [day, instant] of [['1 May', '2026-05-01T10:00:00+02:00'], ['Ascension Thursday', '2027-05-06T10:00:00+02:00']] as const) {
    it(`on a public holiday (${day}): « PH off » closes`, async () => {
      const { el, store } = await list(at(instant));
      expect(lines(el)[0]).to.deep.equal(['A – Semaine', 'Fermé aujourd’hui (jour férié)']);
      expect(await openToday(store, el)).to.not.include('A – Semaine');
    });
  }

  describe('a visitor whose clock is in another time zone', () => {
    afterEach(() => executeServerCommand('emulate-timezone', { timezone: undefined }));
    // Saturday 00:30 in Paris: still Friday afternoon in Los Angeles, Saturday afternoon in Kiritimati.
    const instant = at('2026-12-05T00:30:00+01:00');
    for (const [timezone, localDay] of [['America/Los_Angeles', 5], ['Pacific/Kiritimati', 6], ['Asia/Tokyo', 6]] as const) {
      it(`${timezone}: the same answer as in Paris`, async () => {
        await executeServerCommand('emulate-timezone', { timezone });
        expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal(timezone);
        expect(new Date(instant).getDay(), 'the local weekday').to.equal(localDay);
        const { el, store } = await list(instant);
        expect(lines(el)[0]).to.deep.equal(['A – Semaine', 'Fermé aujourd’hui']);
        expect(lines(el)[1]).to.deep.equal(['B – Samedi matin', 'Ouvert aujourd’hui · 9 h – 12 h']);
        expect(await openToday(store, el)).to.deep.equal(['B – Samedi matin']);
      });
    }
  });

  it('speaks English', async () => {
    const { el } = await list(THURSDAY, 'en');
    expect(lines(el)[0]).to.deep.equal(['A – Semaine', 'Open today · 9 am – 12:30 pm, 1:30 pm – 5 pm']);
    expect(lines(el)[4]).to.deep.equal(['E – Fermeture qui finit', 'Closed until 3 December']);
  });

  it('tells the integrator, in French and by id, which values it cannot read; shows them as text', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const bad = feed([structure({ id: 'lu', name: 'Horaires en français', openingHours: 'lundi 9h-12h' })]);
      const { el } = await list(THURSDAY, 'fr', bad);
      expect(lines(el)).to.deep.equal([['Horaires en français', '']]);
      expect(warnings.join('\n')).to.contain('structure « lu ».openingHours : horaires illisibles "lundi 9h-12h" : mot inconnu');
    } finally {
      console.warn = original;
    }
  });

  it('is accessible with its hours lines', async () => {
    const { el } = await list(THURSDAY);
    await expect(el).to.be.accessible();
  });
});

/** Opens a filter disclosure as a visitor would (a click on its summary); undefined when absent. */
async function openDisclosure(form: SosSearchForm, name: string): Promise<HTMLDetailsElement | undefined> {
  const details = form.shadowRoot!.querySelector<HTMLDetailsElement>(`details[data-filter="${name}"]`) ?? undefined;
  if (details && !details.open) {
    const toggled = oneEvent(details, 'toggle');
    details.querySelector('summary')!.click();
    await toggled;
    await form.updateComplete;
  }
  return details;
}

describe('« Ouvert aujourd’hui » in the form', () => {
  it('is offered when the feed has hours, and filters the results', async () => {
    const store = storeWith(doc);
    store.now = () => SATURDAY;
    await store.prepareHours();
    const form = await fixture<SosSearchForm>(html`<sos-search-form .store=${store}></sos-search-form>`);
    await openDisclosure(form, 'all'); // on a narrow screen, all the filters fold into one
    await openDisclosure(form, 'more');
    const group = await openDisclosure(form, 'opening');
    expect(group!.querySelector('summary')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Ouverture');
    const label = [...group!.querySelectorAll('label.option')].find((l) => /Ouvert aujourd’hui/.test(l.textContent!))!;
    // Its count before it is ticked: how many structures it would keep (a « 0 » would tell a
    // visitor not to bother).
    expect(label.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Ouvert aujourd’hui (1 structure)');
    label.querySelector('input')!.click();
    await settle(store, form);
    expect(store.criteria.filters.opening).to.deep.equal(['today']);
    expect(store.results.groups[0]!.results.map((r) => r.structure.id)).to.deep.equal(['samedi']);
    await expect(form).to.be.accessible();
  });

  it('is not offered when the feed has no hours', async () => {
    const store = storeWith(feed([structure({ id: 'x' })]));
    const form = await fixture<SosSearchForm>(html`<sos-search-form .store=${store}></sos-search-form>`);
    await openDisclosure(form, 'all');
    expect(await openDisclosure(form, 'more'), 'the other filters').to.not.equal(undefined);
    expect(form.shadowRoot!.querySelector('details[data-filter="opening"]')).to.equal(null);
  });
});
