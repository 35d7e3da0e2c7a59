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
