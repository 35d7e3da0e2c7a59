import { expect } from '@open-wc/testing';
import { validateFeed, type ValidationResult } from './validate.js';
import { feed, offer, structure } from '../../test/helpers/feeds.js';

const now = new Date('2026-11-22T12:00:00Z');
type Ok = Extract<ValidationResult, { ok: true }>;
const valid = (doc: unknown): Ok => {
  const r = validateFeed(doc, { now });
  if (!r.ok) throw new Error(`expected a usable feed, got: ${r.message}`);
  return r;
};
const messages = (r: Ok) => r.diagnostics.map((d) => `${d.path} : ${d.message}`);

describe('validateFeed', () => {
  it('accepts a valid feed and scopes keys by publisher', () => {
    const r = valid(feed([structure({ id: 'a' }), structure({ id: 'b' })]));
    expect(r.feed.structures.map((s) => s.key)).to.deep.equal(['test-dsrc:a', 'test-dsrc:b']);
    expect(r.counts.structures).to.deep.equal({ total: 2, valid: 2, dropped: 0 });
    expect(r.diagnostics).to.deep.equal([]);
  });

  it('drops an offer with an unknown care code, keeps its valid sibling, and says where', () => {
    const s = structure({ id: 'a', offers: [offer({ id: 'o1' }), offer({ id: 'o2', care: 'homeopathie' as never })] });
    const r = valid(feed([structure({ id: 'z' }), s]));
    expect(r.feed.structures[1]!.offers.map((o) => o.id)).to.deep.equal(['o1']);
    expect(messages(r)).to.include('structures[1].offers[1].care : code inconnu "homeopathie" : offre ignorée');
    expect(r.counts.offers).to.deep.equal({ total: 3, valid: 2, dropped: 1 });
  });

  it('drops a structure whose offers are all invalid, keeping its neighbours', () => {
    const bad = structure({ id: 'bad', offers: [offer({ id: 'x', audiences: [] })] });
    const r = valid(feed([structure({ id: 'a' }), bad, structure({ id: 'c' })]));
    expect(r.feed.structures.map((s) => s.id)).to.deep.equal(['a', 'c']);
    expect(messages(r)).to.include('structures[1].offers[0].audiences : liste vide : au moins 1 élément attendu : offre ignorée');
    expect(messages(r)).to.include('structures[1].offers : aucune offre valide : structure ignorée');
  });

  it('drops a structure missing a required field with a French message', () => {
    const { name: _omit, ...noName } = structure({ id: 'n' });
    const r = valid(feed([noName, structure({ id: 'ok' })]));
    expect(r.feed.structures.map((s) => s.id)).to.deep.equal(['ok']);
    expect(messages(r)).to.include('structures[0].name : champ obligatoire manquant : structure ignorée');
  });

  it('drops a javascript: website but keeps the structure', () => {
    const r = valid(feed([structure({ id: 'a', contact: { website: 'javascript:alert(1)', phone: '05 56 00 00 00' } })]));
    const s = r.feed.structures[0]!;
    expect(s.contact).to.deep.equal({ phone: '05 56 00 00 00' });
    expect(messages(r)[0]).to.match(/^structures\[0\]\.contact\.website : lien refusé "javascript:alert\(1\)" : seules les adresses http/);
  });

  it('drops unknown codes from optional lists alone', () => {
    const r = valid(feed([structure({ id: 'a', offers: [offer({ id: 'o', ages: ['adulte', 'martien' as never], subcares: ['sophrologie'] })] })]));
    expect(r.feed.structures[0]!.offers[0]!.ages).to.deep.equal(['adulte']);
    expect(messages(r)).to.include('structures[0].offers[0].ages[1] : code inconnu "martien" (codes admis : enfant, aja, adulte, personne-agee) : champ ignoré');
  });

  it('keeps a valid service area as is, cleaning stray spaces in its codes', () => {
    const area = { departments: ['33', '2A', '971'], communes: ['33063', '2B033'], radiusKm: 42.5 };
    const r = valid(feed([structure({ id: 'a', offers: [offer({ id: 'o', settings: ['domicile'], serviceArea: area })] })]));
    expect(r.feed.structures[0]!.offers[0]!.serviceArea).to.deep.equal(area);
    expect(r.diagnostics).to.deep.equal([]);
    const dirty = valid(feed([structure({ id: 'a', offers: [offer({ id: 'o', settings: ['domicile'], serviceArea: { departments: [' 33', '24\t'] } })] })]));
    expect(dirty.feed.structures[0]!.offers[0]!.serviceArea).to.deep.equal({ departments: ['33', '24'] });
    expect(dirty.diagnostics).to.deep.equal([]);
  });

  it('drops a bad code of a service area alone, with its path, and keeps the offer', () => {
    const s = structure({ id: 'a', offers: [
      offer({ id: 'o1' }),
      offer({ id: 'o2', settings: ['domicile'], serviceArea: { departments: ['99x' as never, '33', '1'], communes: ['3306', '33063'] } }),
    ] });
    const r = valid(feed([structure({ id: 'z' }), structure({ id: 'y' }), structure({ id: 'x' }), s]));
    const kept = r.feed.structures[3]!.offers;
    expect(kept.map((o) => o.id)).to.deep.equal(['o1', 'o2']);
    expect(kept[1]!.serviceArea).to.deep.equal({ departments: ['33'], communes: ['33063'] });
    expect(messages(r)).to.deep.equal([
      'structures[3].offers[1].serviceArea.departments[0] : format invalide "99x" (code département : "33", "2A", "971"…) : champ ignoré',
      'structures[3].offers[1].serviceArea.departments[2] : format invalide "1" (code département : "33", "2A", "971"…) : champ ignoré',
      'structures[3].offers[1].serviceArea.communes[0] : format invalide "3306" (code commune INSEE à 5 caractères, 2A/2B admis) : champ ignoré',
    ]);
    expect(r.diagnostics.every((d) => d.severity === 'warning' && d.code === 'field-dropped')).to.equal(true);
    expect(r.counts.offers).to.deep.equal({ total: 5, valid: 5, dropped: 0 });
  });

  it('drops a bad radius, a service area that is not an object, or a list left empty, and keeps the offers', () => {
    const r = valid(feed([structure({ id: 'a', offers: [
      offer({ id: 'r', settings: ['domicile'], serviceArea: { departments: ['33'], radiusKm: -3 } }),
      offer({ id: 's', settings: ['distance'], serviceArea: 'toute la région' as never }),
      offer({ id: 'e', settings: ['domicile'], serviceArea: { departments: ['330'], radiusKm: 30 } as never }),
      offer({ id: 'b', settings: ['domicile'], serviceArea: { radiusKm: 1500, communes: [] } }),
    ] })]));
    const [radius, text, emptied, big] = r.feed.structures[0]!.offers;
    expect(radius!.serviceArea).to.deep.equal({ departments: ['33'] });
    expect(text).not.to.have.property('serviceArea');
    // Every code of a list bad: the list goes too, and the reader falls back to the default area.
    expect(emptied!.serviceArea).to.deep.equal({ radiusKm: 30 });
    expect(big!.serviceArea).to.deep.equal({});
    expect(messages(r)).to.deep.equal([
      'structures[0].offers[0].serviceArea.radiusKm : valeur trop petite "-3" (rayon en kilomètres : plus de 0, 1000 au plus) : champ ignoré',
      'structures[0].offers[1].serviceArea : un objet attendu, reçu un texte "toute la région" : champ ignoré',
      'structures[0].offers[2].serviceArea.departments[0] : format invalide "330" (code département : "33", "2A", "971"…) : champ ignoré',
      'structures[0].offers[2].serviceArea.departments : liste vide : au moins 1 élément attendu : champ ignoré',
      'structures[0].offers[3].serviceArea.communes : liste vide : au moins 1 élément attendu : champ ignoré',
      'structures[0].offers[3].serviceArea.radiusKm : valeur hors limites "1500" (rayon en kilomètres : plus de 0, 1000 au plus) : champ ignoré',
    ]);
    expect(r.counts.offers).to.deep.equal({ total: 4, valid: 4, dropped: 0 });
  });

  it('reports unknown fields of a service area, on the fast path and when the offer is salvaged', () => {
    const r = valid(feed([structure({ id: 'a', offers: [
      offer({ id: 'o1', settings: ['domicile'], serviceArea: { departments: ['33'], epci: ['200070766'] } as never }),
      offer({ id: 'o2', care: 'homeopathie' as never }),
      offer({ id: 'o3', audiences: ['patient', 'martien' as never], serviceArea: { regions: ['75'] } as never }),
    ] })]));
    const offers = r.feed.structures[0]!.offers;
    expect(offers.map((o) => o.serviceArea)).to.deep.equal([{ departments: ['33'] }, {}]);
    expect(messages(r)).to.include('structures[0].offers[0].serviceArea.epci : champ inconnu, ignoré');
    expect(messages(r)).to.include('structures[0].offers[2].serviceArea.regions : champ inconnu, ignoré');
  });

  it('keeps the 1.1 fields of a structure and an offer as they are (opening hours are not parsed here)', () => {
    const s = structure({
      id: 'a', hours: 'Du lundi au vendredi, 9 h – 12 h 30 et 13 h 30 – 17 h.', openingHours: 'Mo-Fr 09:00-12:30,13:30-17:00; PH off',
      closure: { from: '2026-12-21', until: '2027-01-02', note: 'Fermeture annuelle' }, languages: ['en', 'ar', 'br'],
      accessibility: { wheelchair: true, acceslibre: 'https://acceslibre.beta.gouv.fr/app/33-bordeaux/a/centre-de-sante/erp/centre-a/' },
      offers: [offer({ id: 'o', howTo: ['telephone', 'rendez-vous-en-ligne'], bookingUrl: 'https://example.org/rdv', openingHours: 'We 14:00-17:00' })],
    });
    const r = valid(feed([s, structure({ id: 'b', openingHours: 'Mo-Fr 25:00-99:00 n’importe quoi', closure: { from: '2026-10-15' } })]));
    expect(r.diagnostics).to.deep.equal([]);
    const [a, b] = r.feed.structures;
    for (const key of ['hours', 'openingHours', 'closure', 'languages', 'accessibility'] as const) expect(a![key], key).to.deep.equal(s[key]);
    expect(a!.offers[0]).to.deep.equal(s.offers[0]);
    // Unreadable OSM syntax is still text to the validator; an open-ended closure is "until further notice".
    expect(b!.openingHours).to.equal('Mo-Fr 25:00-99:00 n’importe quoi');
    expect(b!.closure).to.deep.equal({ from: '2026-10-15' });
  });

  it('drops a closure whose dates are not dates, or that ends before it starts, and keeps the structure whole', () => {
    const base = { hours: 'Lundi 9 h – 12 h', openingHours: 'Mo 09:00-12:00', languages: ['en'], accessibility: { wheelchair: true } };
    const r = valid(feed([
      structure({ id: 'a', ...base, closure: { from: '21/12/2026', until: '2027-01-02', note: 'Fermeture annuelle' } }),
      structure({ id: 'b', ...base, closure: { from: '2026-12-21', until: '2026-12-01' } }),
      structure({ id: 'c', ...base, closure: { until: '2027-01-02' } as never }),
      structure({ id: 'd', ...base, closure: 'fermé à Noël' as never }),
      structure({ id: 'e', ...base, closure: { from: '2026-02-30' } }),
      structure({ id: 'f', ...base, closure: { from: '2026-12-24', note: '', motif: 'travaux' } as never }),
    ]));
    expect(messages(r)).to.deep.equal([
      'structures[0].closure.from : date invalide "21/12/2026" (attendu AAAA-MM-JJ, par ex. 2026-03-12) : fermeture ignorée, la structure reste listée',
      'structures[1].closure.until : fin de fermeture "2026-12-01" antérieure à son début "2026-12-21" : fermeture ignorée, la structure reste listée',
      'structures[2].closure.from : champ obligatoire manquant : fermeture ignorée, la structure reste listée',
      'structures[3].closure : un objet attendu, reçu un texte "fermé à Noël" : fermeture ignorée, la structure reste listée',
      'structures[4].closure.from : date invalide "2026-02-30" (attendu AAAA-MM-JJ, par ex. 2026-03-12) : fermeture ignorée, la structure reste listée',
      'structures[5].closure.motif : champ inconnu, ignoré',
      'structures[5].closure.note : texte vide : champ ignoré',
    ]);
    expect(r.diagnostics.every((d) => d.severity === 'warning')).to.equal(true);
    expect(r.counts.structures).to.deep.equal({ total: 6, valid: 6, dropped: 0 });
    const kept = r.feed.structures;
    expect(kept.slice(0, 5).map((s) => s.closure)).to.deep.equal([undefined, undefined, undefined, undefined, undefined]);
    // A bad note alone goes alone: the dates stay.
    expect(kept[5]!.closure).to.deep.equal({ from: '2026-12-24' });
    for (const s of kept) {
      expect(s.offers.map((o) => o.id), s.id).to.deep.equal([`${s.id}-o1`]);
      for (const [key, value] of Object.entries(base)) expect(s[key as keyof typeof base], `${s.id}.${key}`).to.deep.equal(value);
    }
  });

  it('drops a link that is not http(s) from acceslibre and bookingUrl alone, keeping the rest of the record', () => {
    const r = valid(feed([
      structure({ id: 'a', accessibility: { wheelchair: true, acceslibre: 'javascript:alert(1)' }, offers: [
        offer({ id: 'o1', howTo: ['formulaire'], bookingUrl: 'ftp://example.org/inscription', openingHours: 'We 14:00-17:00' }),
        offer({ id: 'o2', bookingUrl: 'www.example.org/rdv' }),
      ] }),
      structure({ id: 'b', accessibility: { acceslibre: 'acceslibre.beta.gouv.fr/app/erp/x' } }),
    ]));
    expect(messages(r)).to.deep.equal([
      'structures[0].accessibility.acceslibre : lien refusé "javascript:alert(1)" : seules les adresses http:// et https:// sont admises : champ ignoré',
      'structures[0].offers[0].bookingUrl : lien refusé "ftp://example.org/inscription" : seules les adresses http:// et https:// sont admises : champ ignoré',
      'structures[0].offers[1].bookingUrl : lien refusé "www.example.org/rdv" : seules les adresses http:// et https:// sont admises : champ ignoré',
      'structures[1].accessibility.acceslibre : lien refusé "acceslibre.beta.gouv.fr/app/erp/x" : seules les adresses http:// et https:// sont admises : champ ignoré',
    ]);
    const [a, b] = r.feed.structures;
    expect(a!.accessibility).to.deep.equal({ wheelchair: true });
    expect(a!.offers[0]).to.deep.equal({ id: 'o1', care: 'psychologie', audiences: ['patient'], settings: ['etablissement'], openingHours: 'We 14:00-17:00', howTo: ['formulaire'] });
    expect(a!.offers[1]).to.deep.equal({ id: 'o2', care: 'psychologie', audiences: ['patient'], settings: ['etablissement'] });
    expect(b!.accessibility).to.deep.equal({});
    expect(r.counts.offers).to.deep.equal({ total: 3, valid: 3, dropped: 0 });
  });

  it('drops unknown howTo and language codes one by one, and bad opening hours alone', () => {
    const r = valid(feed([structure({
      id: 'a', languages: ['en', 'EN', 'xx', 'anglais', 5, ' es '] as never, openingHours: 'x'.repeat(300), hours: 'Sur rendez-vous',
      offers: [offer({ id: 'o', howTo: ['telephone', 'sms', ' courriel', 'Par téléphone'] as never, openingHours: '' })],
    })]));
    expect(messages(r)).to.deep.equal([
      'structures[0].openingHours : texte trop long (255 caractères au plus) : champ ignoré',
      'structures[0].languages[1] : code de langue inconnu "EN" (attendu un code ISO 639-1 : deux lettres minuscules, par ex. "en", "es", "ar") : champ ignoré',
      'structures[0].languages[2] : code de langue inconnu "xx" (attendu un code ISO 639-1 : deux lettres minuscules, par ex. "en", "es", "ar") : champ ignoré',
      'structures[0].languages[3] : code de langue inconnu "anglais" (attendu un code ISO 639-1 : deux lettres minuscules, par ex. "en", "es", "ar") : champ ignoré',
      'structures[0].languages[4] : un texte attendu, reçu un nombre "5" : champ ignoré',
      'structures[0].offers[0].openingHours : texte vide : champ ignoré',
      'structures[0].offers[0].howTo[1] : code inconnu "sms" (codes admis : telephone, courriel, sur-place, rendez-vous-en-ligne, formulaire, orientation-professionnel) : champ ignoré',
      'structures[0].offers[0].howTo[3] : code inconnu "Par téléphone" (codes admis : telephone, courriel, sur-place, rendez-vous-en-ligne, formulaire, orientation-professionnel) : champ ignoré',
    ]);
    const s = r.feed.structures[0]!;
    expect(s.languages).to.deep.equal(['en', 'es']);
    expect(s).not.to.have.property('openingHours');
    expect(s.hours).to.equal('Sur rendez-vous');
    expect(s.offers[0]!.howTo).to.deep.equal(['telephone', 'courriel']);
    expect(s.offers[0]).not.to.have.property('openingHours');
  });

  it('reports unknown fields and ignores them', () => {
    const r = valid(feed([{ ...structure({ id: 'a' }), futureField: 1 }]));
    expect(messages(r)).to.include('structures[0].futureField : champ inconnu, ignoré');
    expect(r.feed.structures[0]).not.to.have.property('futureField');
  });

  it('lists but does not map swapped or foreign coordinates', () => {
    const r = valid(feed([
      structure({ id: 'swapped', location: { lat: -0.579, lon: 44.837 } }),
      structure({ id: 'abroad', location: { lat: 40.71, lon: -74.0 } }),
      structure({ id: 'reunion', address: { postalCode: '97400', city: 'Saint-Denis', insee: '97411' }, location: { lat: -20.882, lon: 55.45 } }),
    ]));
    const [swapped, abroad, reunion] = r.feed.structures;
    expect(swapped!.location).to.equal(undefined);
    expect(abroad!.location).to.equal(undefined);
    expect(reunion!.location).to.deep.equal({ lat: -20.882, lon: 55.45 });
    expect(reunion!.department).to.equal('974');
    expect(messages(r).join('\n')).to.contain('structures[0].location : latitude et longitude inversées ?');
    expect(messages(r).join('\n')).to.contain('structures[1].location : coordonnées hors de France');
  });

  it('reports duplicate ids and keeps both structures under distinct keys', () => {
    const r = valid(feed([structure({ id: 'a' }), structure({ id: 'a', offers: [offer({ id: 'a2' })] })]));
    expect(r.feed.structures.map((s) => s.key)).to.deep.equal(['test-dsrc:a', 'test-dsrc:a~1']);
    expect(messages(r).join('\n')).to.contain('structures[1].id : identifiant "a" déjà utilisé par structures[0]');
  });

  it('points duplicate offer ids at their place in the source, even after a dropped offer', () => {
    const r = valid(feed([
      structure({ id: 'a', offers: [offer({ id: 'bad', care: 'homeopathie' as never }), offer({ id: 'dup' })] }),
      structure({ id: 'b', offers: [offer({ id: 'dup' })] }),
    ]));
    expect(messages(r)).to.include('structures[1].offers[0].id : identifiant d\'offre "dup" déjà utilisé (structures[0].offers[1])');
  });

  it('cleans untrusted text: control characters, bidi overrides, over-long text', () => {
    const r = valid(feed([structure({ id: 'a', name: '  CHU\u0000 de\u202E Test\n ', description: 'x'.repeat(5000) })]));
    const s = r.feed.structures[0]!;
    expect(s.name).to.equal('CHU de Test');
    expect(s.description!.length).to.equal(4000);
    expect(messages(r)).to.include('structures[0].description : texte coupé à 4000 caractères');
  });

  it('derives the département from the INSEE code or the postal code', () => {
    const r = valid(feed([
      structure({ id: 'a', address: { postalCode: '20000', city: 'Ajaccio' } }),
      structure({ id: 'b', address: { postalCode: '64100', city: 'Bayonne', insee: '64102' } }),
    ]));
    expect(r.feed.structures.map((s) => s.department)).to.deep.equal(['2A', '64']);
  });

  it('warns when a structure was verified more than 12 months ago', () => {
    const r = valid(feed([structure({ id: 'a', verifiedAt: '2025-05-02' })]));
    expect(messages(r)).to.include('structures[0].verifiedAt : informations vérifiées le 2025-05-02, il y a plus de 12 mois');
  });

  it('counts the 12 months in calendar months on the Paris day, like the widget and the tools (feed/freshness.ts)', () => {
    const stale = (now: Date, ...dates: string[]) => {
      const r = validateFeed(feed(dates.map((verifiedAt, i) => structure({ id: `s${i}`, verifiedAt }))), { now });
      return r.ok ? r.diagnostics.filter((d) => d.code === 'stale').map((d) => d.path) : [];
    };
    // 1 March 2028, after a 29 February: the anniversary is 366 days back and still not stale.
    expect(stale(new Date('2028-03-01T10:00:00Z'), '2027-03-01', '2027-02-28')).to.deep.equal(['structures[1].verifiedAt']);
    // 2 December 2026, 00:30 in Paris (23:30 UTC the day before): the Paris day counts.
    expect(stale(new Date('2026-12-01T23:30:00Z'), '2025-12-02', '2025-12-01')).to.deep.equal(['structures[1].verifiedAt']);
  });

  it('rejects a wrong format, a broken envelope, or a non-object with a reason', () => {
    const wrong = validateFeed({ ...feed([]), format: 'sos-feed/2' });
    expect(wrong).to.include({ ok: false, kind: 'format' });
    expect((wrong as { message: string }).message).to.equal('format "sos-feed/2" non pris en charge (attendu "sos-feed/1")');
    const broken = validateFeed({ format: 'sos-feed/1', publisher: { name: 'X' }, generatedAt: '2026-11-20T08:00:00Z', structures: [] });
    expect(broken).to.include({ ok: false, kind: 'envelope' });
    expect((broken as { message: string }).message).to.equal('enveloppe du flux invalide : publisher.id : champ obligatoire manquant');
    expect(validateFeed([1, 2])).to.include({ ok: false, kind: 'envelope' });
  });
});
