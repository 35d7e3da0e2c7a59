import { expect } from '@open-wc/testing';
import { validateFeed } from '../feed/validate.js';
import { SearchIndex } from './search-index.js';
import { search } from './search.js';
import { emptyCriteria, type Criteria } from './criteria.js';
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

const run = (over: Partial<Omit<Criteria, 'filters'>> & { filters?: Partial<Criteria['filters']> } = {}) => {
  const base = emptyCriteria();
  return search(index, { ...base, ...over, filters: { ...base.filters, ...over.filters } });
};
const ids = (set: ReturnType<typeof run>) => set.groups.flatMap((g) => g.results.flatMap((x) => x.offers.map((o) => o.id)));

describe('search: free text', () => {
  it('finds an offer through its finer care only ("sophro" → sophrologie)', () => {
    expect(ids(run({ query: 'sophro' }))).to.deep.equal(['z1']);
  });
  it('understands synonyms ("psy" → psychological offers, incl. support for relatives)', () => {
    expect(ids(run({ query: 'psy' })).sort()).to.deep.equal(['c2', 't1', 'z1']);
  });
  it('ignores accents and case ("THERAPIE" finds "thérapie")', () => {
    expect(ids(run({ query: 'THERAPIE' }))).to.deep.equal(['c2']);
  });
  it('tolerates a typo from four letters on ("sofrologie"), once fuse.js has loaded', async () => {
    const fresh = new SearchIndex(r.feed.structures);
    const before = search(fresh, { ...emptyCriteria(), query: 'sofrologie' });
    expect(before.structureCount).to.equal(fresh.typoTolerant ? 1 : 0);
    await index.loadTypoTolerance();
    expect(index.typoTolerant).to.equal(true);
    expect(ids(run({ query: 'sofrologie' }))).to.deep.equal(['z1']);
  });
  it('requires every word, across structure and offer ("bordeaux douleur")', () => {
    expect(ids(run({ query: 'bordeaux douleur' }))).to.deep.equal(['c1']);
  });
  it('matches the city and synonyms like "sport" and "aidant"', () => {
    expect(ids(run({ query: 'bayonne' }))).to.deep.equal(['a1']);
    expect(ids(run({ query: 'sport' }))).to.deep.equal(['a1']);
    expect(ids(run({ query: 'aidant' })).sort()).to.deep.equal(['t1']);
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
