import { expect } from '@open-wc/testing';
import { validateFeed } from '../feed/validate.js';
import { SearchIndex } from './search-index.js';
import { search } from './search.js';
import { emptyCriteria, type Criteria } from './criteria.js';
import { createTextSearch } from './text/index.js';
import { feed, offer, structure } from '../../test/helpers/feeds.js';

const BORDEAUX = { lat: 44.837, lon: -0.579 };
const doc = feed([
  structure({ id: 'sophro', name: 'Association Zen Océan', address: { postalCode: '33120', city: 'Arcachon', insee: '33009' }, location: { lat: 44.658, lon: -1.168 },
    offers: [offer({ id: 'z1', care: 'psychologie', subcares: ['sophrologie'], settings: ['ville'], cost: 'gratuit' })] }),
  structure({ id: 'chu', name: 'CHU de Bordeaux', kind: 'etablissement-sante', location: BORDEAUX,
    offers: [
      offer({ id: 'c1', care: 'douleur', subcares: ['consultation-douleur'], audiences: ['patient'], ages: ['adulte'] }),
      offer({ id: 'c2', care: 'psychologie', label: 'Art-thérapie en groupe', subcares: ['art-therapie'], audiences: ['patient', 'proche-aidant'] }),
    ] }),
  structure({ id: 'apa', name: 'Gym Après Cancer', address: { postalCode: '64100', city: 'Bayonne', insee: '64102' }, location: { lat: 43.49, lon: -1.475 },
    offers: [offer({ id: 'a1', care: 'activite-physique', subcares: ['marche-nordique'], settings: ['ville'] })] }),
  structure({ id: 'tel', name: 'Ligne Écoute Aidants', address: { postalCode: '87000', city: 'Limoges', insee: '87085' }, location: { lat: 45.83, lon: 1.26 },
    offers: [offer({ id: 't1', care: 'soutien-aidants', audiences: ['proche-aidant'], settings: ['distance'], cost: 'gratuit' })] }),
]);
const r = validateFeed(doc);
if (!r.ok) throw new Error(r.message);
const index = new SearchIndex(r.feed.structures);
const text = createTextSearch(index);

const run = (over: Partial<Omit<Criteria, 'filters'>> & { filters?: Partial<Criteria['filters']> } = {}) => {
  const base = emptyCriteria();
  const criteria = { ...base, ...over, filters: { ...base.filters, ...over.filters } };
  return search(index, criteria, { text: criteria.query ? text.match(criteria.query) : undefined });
};
const ids = (set: ReturnType<typeof run>) => set.groups.flatMap((g) => g.results.flatMap((x) => x.offers.map((o) => o.id)));

describe('search: free text', () => {
  it('finds an offer through its finer care only ("sophro" → sophrologie, not every psychological offer)', () => {
    expect(ids(run({ query: 'sophro' }))).to.deep.equal(['z1']);
  });
  it('understands synonyms ("psy" → psychological offers)', () => {
    expect(ids(run({ query: 'psy' })).sort()).to.deep.equal(['c2', 'z1']);
  });
  it('ignores accents and case ("THERAPIE" finds "thérapie" in a label first)', () => {
    expect(ids(run({ query: 'THERAPIE' }))[0]).to.equal('c2');
  });
  it('tolerates a typo from four letters on ("sofrologie"), once fuse.js has loaded', async () => {
    const fresh = createTextSearch(index);
    const before = fresh.match('sofrologie ');
    expect(before.understanding.wantsTypos).to.equal(true);
    expect(before.understanding.ignored).to.deep.equal(['sofrologie']);
    await text.loadTypos();
    expect(text.typoTolerant).to.equal(true);
    expect(ids(run({ query: 'sofrologie' }))).to.deep.equal(['z1']);
  });
  it('requires every word, across structure and offer ("bordeaux douleur")', () => {
    expect(ids(run({ query: 'bordeaux douleur' }))).to.deep.equal(['c1']);
  });
  it('matches the city and synonyms like "sport" and "aidant"', () => {
    expect(ids(run({ query: 'bayonne' }))).to.deep.equal(['a1']);
    expect(ids(run({ query: 'sport' }))).to.deep.equal(['a1']);
    // Carers' support first, then an offer merely open to relatives.
    expect(ids(run({ query: 'aidant' }))).to.deep.equal(['t1', 'c2']);
  });
});

describe('search: context words only rank, and an offer listing no phase is given in every phase', () => {
  const ctxDoc = feed([
    structure({ id: 'psy-chimio', name: 'A Psy pendant les traitements', offers: [offer({ id: 'p1', care: 'psychologie', phases: ['traitement'] })] }),
    structure({ id: 'apa-toutes', name: 'B Sport santé', offers: [offer({ id: 'a1', care: 'activite-physique' })] }),
    structure({ id: 'apa-apres', name: 'C Sport après', offers: [offer({ id: 'a2', care: 'activite-physique', phases: ['apres-traitement'] })] }),
    structure({ id: 'apa-chimio', name: 'D Sport pendant', offers: [offer({ id: 'a3', care: 'activite-physique', phases: ['traitement'] })] }),
  ]);
  const v = validateFeed(ctxDoc);
  if (!v.ok) throw new Error(v.message);
  const ctxIndex = new SearchIndex(v.feed.structures);
  const ctxText = createTextSearch(ctxIndex);
  const resultsOf = (q: string, idx: SearchIndex = ctxIndex, txt: ReturnType<typeof createTextSearch> = ctxText) =>
    search(idx, { ...emptyCriteria(), query: q }, { text: txt.match(q) }).groups.flatMap((g) => g.results);
  const order = (q: string) => resultsOf(q).map((x) => x.structure.id);
  /** « id: offer via … « words » » for each result, on this feed or another. */
  const whys = (q: string, idx?: SearchIndex, txt?: ReturnType<typeof createTextSearch>) =>
    resultsOf(q, idx, txt).map((x) => x.why && `${x.structure.id}: ${x.why.offer.id} via ${x.why.via} « ${x.why.text} »`);

  it('« fatigue chimio »: adapted physical activity (fatigue\'s first meaning) named for the treatment phase, then given in every phase, before psychology during treatment; activity only after treatment comes last', () => {
    expect(order('fatigue chimio')).to.deep.equal(['apa-chimio', 'apa-toutes', 'psy-chimio', 'apa-apres']);
  });

  it('« chimio » alone is what was asked: the offers that name the treatment phase, no more (ties by name)', () => {
    expect(order('chimio')).to.deep.equal(['psy-chimio', 'apa-chimio']);
  });

  it('each result says why, also for a query of context words or of filters alone', () => {
    expect(whys('chimio')).to.deep.equal(['psy-chimio: p1 via care « chimio »', 'apa-chimio: a3 via care « chimio »']);
    expect(whys('fatigue chimio')[0]).to.equal('apa-chimio: a3 via care « fatigue »');
    expect(whys('gratuit', index, text)).to.have.members(['sophro: z1 via care « gratuit »', 'tel: t1 via care « gratuit »']);
  });
});

describe('search: filters and counts', () => {
  it('combines filters with AND across and OR within', () => {
    expect(ids(run({ filters: { care: ['psychologie', 'douleur'], cost: ['gratuit'] } }))).to.deep.equal(['z1']);
  });
  it('treats an offer without ages as open to all ages', () => {
    expect(ids(run({ filters: { age: ['aja'] } })).sort()).to.deep.equal(['a1', 'c2', 't1', 'z1']);
  });
  it('counts structures per option, ignoring the filter\'s own selection', () => {
    const set = run({ filters: { care: ['douleur'] } });
    expect(set.structureCount).to.equal(1);
    expect(set.offerCount).to.equal(1);
    expect(set.facets.care.get('psychologie')).to.equal(2);
    expect(set.facets.care.get('douleur')).to.equal(1);
    expect(set.facets.departement.get('33')).to.equal(1);
  });
});

describe('search: proximity', () => {
  it('sorts by distance and keeps remote offers in their own group', () => {
    const set = run({ near: { label: 'Bordeaux', point: BORDEAUX, radiusKm: 50, department: '33' } });
    const near = set.groups.find((g) => g.id === 'near')!.results;
    expect(near.map((x) => x.structure.id)).to.deep.equal(['chu']);
    expect(near[0]!.distanceKm).to.be.below(1);
    expect(set.groups.find((g) => g.id === 'remote')!.results.map((x) => x.structure.id)).to.deep.equal(['tel']);
  });
  it('explains an empty result: the wider radius and the nearest match', () => {
    const set = run({ query: 'sophrologie', near: { label: 'Bordeaux', point: BORDEAUX, radiusKm: 20 } });
    expect(set.structureCount).to.equal(0);
    expect(set.help!.nearest!.structure.id).to.equal('sophro');
    expect(set.help!.nearest!.distanceKm).to.be.within(50, 60);
    expect(set.help!.widerRadiusKm).to.equal(undefined); // 55 km is beyond the 50 km offered
    expect(set.help!.relax).to.deep.include({ constraint: 'near', structures: 1 });
  });
  it('says which filter excludes everything', () => {
    const set = run({ query: 'bayonne', filters: { care: ['douleur'] } });
    expect(set.structureCount).to.equal(0);
    expect(set.help!.relax).to.have.deep.members([{ constraint: 'care', structures: 1 }, { constraint: 'query', structures: 1 }]);
  });
});

describe('search: home and remote offers serve where their service area says (FEED-SPEC 1.1)', () => {
  const PERIGUEUX = { label: 'Périgueux (24000)', point: { lat: 45.184, lon: 0.721 }, radiusKm: 20, department: '24', insee: '24322', region: '75' };
  const home = (id: string, over: Omit<Parameters<typeof structure>[0], 'id'>, area?: object) => structure({
    ...over, id, name: `Service ${id} (fictif)`,
    offers: [offer({ id: `${id}-o`, care: 'soins-palliatifs', settings: ['domicile'], ...(area ? { serviceArea: area } : {}) })],
  });
  const areaDoc = feed([
    // 1 km from Périgueux.
    structure({ id: 'near', name: 'Maison sport-santé (fictive)', location: { lat: 45.19, lon: 0.73 }, address: { postalCode: '24000', city: 'Périgueux', insee: '24322' },
      offers: [offer({ id: 'near-o', care: 'activite-physique', settings: ['ville'] })] }),
    // Pau, 215 km: home care for its own département only.
    home('pau', { location: { lat: 43.3, lon: -0.37 }, address: { postalCode: '64000', city: 'Pau', insee: '64445' } }, { departments: ['64'] }),
    // Bergerac, 41 km: home care for Dordogne (default: its own département).
    home('bergerac', { location: { lat: 44.85, lon: 0.48 }, address: { postalCode: '24100', city: 'Bergerac', insee: '24037' } }),
    // 25 km away with a 30 km radius: covers Périgueux; 45 km away with 30 km: does not.
    home('r25', { location: { lat: 45.4, lon: 0.73 }, address: { postalCode: '24310', city: 'Brantôme en Périgord', insee: '24064' } }, { radiusKm: 30 }),
    home('r45', { location: { lat: 45.58, lon: 0.72 }, address: { postalCode: '24360', city: 'Piégut-Pluviers', insee: '24328' } }, { radiusKm: 30 }),
    // A phone line in Limoges: the publisher's region by default; one limited to Haute-Vienne.
    structure({ id: 'tel', name: 'Écoute régionale (fictive)', location: { lat: 45.83, lon: 1.26 }, address: { postalCode: '87000', city: 'Limoges', insee: '87085' },
      offers: [offer({ id: 'tel-o', care: 'soutien-aidants', settings: ['distance'] })] }),
    structure({ id: 'tel87', name: 'Écoute Haute-Vienne (fictive)', location: { lat: 45.83, lon: 1.26 }, address: { postalCode: '87000', city: 'Limoges', insee: '87085' },
      offers: [offer({ id: 'tel87-o', care: 'soutien-aidants', settings: ['distance'], serviceArea: { departments: ['87'] } })] }),
  ]);
  const v = validateFeed(areaDoc);
  if (!v.ok) throw new Error(v.message);
  const areaIndex = new SearchIndex(v.feed.structures, { regions: new Map([['test-dsrc', '75']]) });
  const near = (n: Partial<typeof PERIGUEUX> = {}) => search(areaIndex, { ...emptyCriteria(), near: { ...PERIGUEUX, ...n } });
  const groupIds = (set: ReturnType<typeof near>, id: string) => set.groups.find((g) => g.id === id)!.results.map((x) => x.structure.id);

  it('counts only the structures within the radius; home care from 215 km away is not "near"', () => {
    const set = near();
    expect(groupIds(set, 'near')).to.deep.equal(['near']);
    expect(set.structureCount).to.equal(1);
    expect(groupIds(set, 'remote').sort()).to.deep.equal(['bergerac', 'r25', 'tel']);
    expect(set.remoteCount).to.equal(3);
  });

  it('a home offer serves the départements and communes it lists, or a radius around it', () => {
    expect(groupIds(near({ department: '64', insee: '64445', point: { lat: 43.3, lon: -0.37 } }), 'near')).to.deep.equal(['pau']);
    expect(groupIds(near({ department: '33', insee: '33063', point: { lat: 44.84, lon: -0.58 } }), 'remote')).to.deep.equal(['tel']);
  });

  it('a remote offer without area serves the publisher’s region only', () => {
    const lyon = near({ department: '69', insee: '69123', region: '84', point: { lat: 45.76, lon: 4.83 } });
    expect(lyon.structureCount + lyon.remoteCount).to.equal(0);
  });
});

describe('search: « Avec messagerie sécurisée (MSSanté) »', () => {
  const mssDoc = feed([
    // The structure's address: every offer of it can be reached.
    structure({ id: 'chu', name: 'CHU (fictif)', contact: { phone: '05 56 00 00 00', mssante: 'soins-support@chu.mssante.fr' },
      offers: [offer({ id: 'chu-1', care: 'douleur' }), offer({ id: 'chu-2', care: 'psychologie' })] }),
    // An offer's own address: that offer only.
    structure({ id: 'ligue', name: 'Comité (fictif)', contact: { email: 'contact@ligue.example' },
      offers: [offer({ id: 'ligue-1', care: 'psychologie', contact: { mssante: 'psy@ligue.mssante.fr' } }), offer({ id: 'ligue-2', care: 'douleur' })] }),
    // An offer's contact without MSSanté does not hide its structure's.
    structure({ id: 'msp', name: 'MSP (fictive)', contact: { mssante: 'msp@msp.mssante.fr' },
      offers: [offer({ id: 'msp-1', care: 'douleur', contact: { phone: '05 57 00 00 00' } })] }),
    structure({ id: 'asso', name: 'Atelier Zèbre (fictif)', contact: { email: 'asso@example.org' },
      offers: [offer({ id: 'asso-1', care: 'douleur', contact: { email: 'atelier@example.org' } })] }),
  ]);
  const v = validateFeed(mssDoc);
  if (!v.ok) throw new Error(v.message);
  const mssIndex = new SearchIndex(v.feed.structures);
  const mss = (filters: Partial<Criteria['filters']> = {}) => search(mssIndex, { ...emptyCriteria(), filters: { ...emptyCriteria().filters, ...filters } });
  const offerIds = (set: ReturnType<typeof mss>) => set.groups.flatMap((g) => g.results.flatMap((x) => x.offers.map((o) => o.id))).sort();

  it('builds its column once per index, from the structure\'s contact or the offer\'s own', () => {
    expect([...mssIndex.columns.mssante]).to.deep.equal([1, 1, 1, 0, 1, 0]);
    expect(mssIndex.columns).to.equal(mssIndex.columns);
  });

  it('keeps exactly the offers reachable by MSSanté, and counts their structures in its facet', () => {
    const set = mss({ mssante: ['oui'] });
    expect(set.groups[0]!.results.map((x) => x.structure.id).sort()).to.deep.equal(['chu', 'ligue', 'msp']);
    expect(offerIds(set)).to.deep.equal(['chu-1', 'chu-2', 'ligue-1', 'msp-1']);
    expect(set.facets.mssante.get('oui')).to.equal(3);
    // Without the filter, the count is what it would give.
    expect(mss().facets.mssante.get('oui')).to.equal(3);
    // With another filter: the facet follows it (« douleur »: the CHU and the MSP, not the Ligue's other offer).
    expect(mss({ care: ['douleur'] }).facets.mssante.get('oui')).to.equal(2);
    expect(offerIds(mss({ care: ['douleur'], mssante: ['oui'] }))).to.deep.equal(['chu-1', 'msp-1']);
  });

  it('says when it is what excludes everything', () => {
    const none = search(new SearchIndex(v.feed.structures.filter((s) => s.id === 'asso')), { ...emptyCriteria(), filters: { ...emptyCriteria().filters, mssante: ['oui'] } });
    expect(none.structureCount).to.equal(0);
    expect(none.facets.mssante.size).to.equal(0);
    expect(none.help!.relax).to.deep.equal([{ constraint: 'mssante', structures: 1 }]);
  });

  it('has a bit of its own, apart from the text\'s (relax help names each)', () => {
    const set = search(mssIndex, { ...emptyCriteria(), query: 'zebre', filters: { ...emptyCriteria().filters, mssante: ['oui'] } }, { text: createTextSearch(mssIndex).match('zebre') });
    expect(set.structureCount).to.equal(0);
    expect(set.help!.relax).to.deep.equal([{ constraint: 'query', structures: 3 }, { constraint: 'mssante', structures: 1 }]);
  });
});

describe('search: records not confirmed for more than 14 months go last (FEED-SPEC freshness rule)', () => {
  const NOW = Date.parse('2026-12-02T10:00:00Z');
  // Verified 15 months before NOW (to remove), 13 months (overdue: « à vérifier », not moved), recently.
  const staleDoc = feed([
    structure({ id: 'old-near', name: 'Aaa Sophrologie (ancienne fiche)', verifiedAt: '2025-09-01', location: { lat: 44.838, lon: -0.58 },
      offers: [offer({ id: 'on', care: 'psychologie', label: 'Sophrologie', subcares: ['sophrologie'] })] }),
    structure({ id: 'overdue', name: 'Bbb Relaxation', verifiedAt: '2025-11-01', location: { lat: 44.9, lon: -0.6 },
      offers: [offer({ id: 'ov', care: 'psychologie', subcares: ['sophrologie'] })] }),
    structure({ id: 'fresh-far', name: 'Ccc Bien-être', verifiedAt: '2026-10-01', location: { lat: 45.1, lon: -0.7 },
      offers: [offer({ id: 'ff', care: 'psychologie', subcares: ['sophrologie'] })] }),
    structure({ id: 'old-far', name: 'Ddd Ateliers', verifiedAt: '2024-05-10', location: { lat: 45.2, lon: -0.8 },
      offers: [offer({ id: 'of', care: 'psychologie', subcares: ['sophrologie'] })] }),
    structure({ id: 'fresh', name: 'Eee Écoute', verifiedAt: '2026-11-15', location: { lat: 44.95, lon: -0.65 },
      offers: [offer({ id: 'fr', care: 'psychologie', subcares: ['sophrologie'] })] }),
  ]);
  const v = validateFeed(staleDoc, { now: new Date(NOW) });
  if (!v.ok) throw new Error(v.message);
  const staleIndex = new SearchIndex(v.feed.structures);
  const staleText = createTextSearch(staleIndex);
  const order = (over: Partial<Criteria> = {}, now: number | null = NOW) => {
    const criteria = { ...emptyCriteria(), ...over };
    const set = search(staleIndex, criteria, { now: now ?? undefined, text: criteria.query ? staleText.match(criteria.query) : undefined });
    return { set, ids: set.groups.map((g) => g.results.map((x) => x.structure.id)) };
  };

  it('by name: the two over 14 months after the others, each part in name order', () => {
    expect(order().ids).to.deep.equal([['overdue', 'fresh-far', 'fresh', 'old-near', 'old-far']]);
    // Without today's date, freshness is not looked at.
    expect(order({}, null).ids).to.deep.equal([['old-near', 'overdue', 'fresh-far', 'old-far', 'fresh']]);
  });

  it('by relevance: the most relevant record still goes last when it is over 14 months old', () => {
    const { set, ids } = order({ query: 'sophrologie' });
    expect(set.order).to.equal('relevance');
    expect(ids[0]![ids[0]!.length - 2]).to.equal('old-near');
    expect(ids[0]!.slice(-2).sort()).to.deep.equal(['old-far', 'old-near']);
    expect(ids[0]!.slice(0, 3).sort()).to.deep.equal(['fresh', 'fresh-far', 'overdue']);
  });

  it('by distance: the nearest goes last when over 14 months old; the count still includes it', () => {
    const { set, ids } = order({ near: { label: 'Bordeaux', point: BORDEAUX, radiusKm: 100, department: '33' } });
    expect(set.order).to.equal('distance');
    expect(ids[0]).to.deep.equal(['overdue', 'fresh', 'fresh-far', 'old-near', 'old-far']);
    expect(set.structureCount).to.equal(5);
    expect(set.offerCount).to.equal(5);
    // Within the radius only: the stale one is still near, and counted, just listed last.
    const close = order({ near: { label: 'Bordeaux', point: BORDEAUX, radiusKm: 20, department: '33' } });
    expect(close.ids[0]).to.deep.equal(['overdue', 'fresh', 'old-near']);
    expect(close.set.structureCount).to.equal(3);
  });

  it('the day after the 14 months, not on their last day', () => {
    // old-near (2025-09-01) is 14 months old on 2026-11-01: still in its place; moved from 2026-11-02.
    expect(order({}, Date.parse('2026-11-01T10:00:00Z')).ids[0]![0]).to.equal('old-near');
    expect(order({}, Date.parse('2026-11-02T10:00:00Z')).ids[0]!.at(-2)).to.equal('old-near');
  });
});
