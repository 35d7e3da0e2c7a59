import { expect } from '@open-wc/testing';
import { communeByInsee, loadCommunes, normalizeCommuneName, searchCommunes, type CommuneIndex } from './communes.js';

describe('commune index', () => {
  let index: CommuneIndex;
  before(async () => {
    index = await loadCommunes();
  });

  it('loads ~35,000 communes, including overseas ones, once', async () => {
    expect(index.communes.length).to.be.greaterThan(34000);
    expect(await loadCommunes()).to.equal(index);
    expect(communeByInsee(index, '97411')?.department).to.equal('974');
    expect(communeByInsee(index, '2A004')?.name).to.equal('Ajaccio');
  });

  it('decodes known communes: code, name, postal codes, centroid within 0.01°, population within 10 %', () => {
    const known = [
      { insee: '33063', name: 'Bordeaux', postalCodes: ['33000', '33100', '33200', '33300', '33800'], lat: 44.857, lon: -0.574, population: 267991 },
      { insee: '2A004', name: 'Ajaccio', postalCodes: ['20000', '20090', '20167'], lat: 41.935, lon: 8.701, population: 76320 },
      { insee: '2B033', name: 'Bastia', postalCodes: ['20200', '20600'], lat: 42.686, lon: 9.425, population: 46867 },
      { insee: '97411', name: 'Saint-Denis', postalCodes: ['97400', '97417', '97490'], lat: -20.933, lon: 55.447, population: 155634 },
      { insee: '97611', name: 'Mamoudzou', postalCodes: ['97600', '97605'], lat: -12.79, lon: 45.193, population: 71437 },
      { insee: '64483', name: 'Saint-Jean-de-Luz', postalCodes: ['64500'], lat: 43.395, lon: -1.631, population: 14857 },
    ];
    for (const k of known) {
      const c = communeByInsee(index, k.insee);
      expect(c, k.insee).to.not.equal(undefined);
      expect(c!.name, k.insee).to.equal(k.name);
      expect(c!.postalCodes, k.insee).to.deep.equal(k.postalCodes);
      expect(c!.lat, k.insee).to.be.closeTo(k.lat, 0.01);
      expect(c!.lon, k.insee).to.be.closeTo(k.lon, 0.01);
      expect(c!.population, k.insee).to.be.closeTo(k.population, k.population / 10);
    }
    const paris = communeByInsee(index, '75056')!;
    expect(paris.name).to.equal('Paris');
    expect(paris.department).to.equal('75');
    expect(paris.postalCodes).to.have.length(21);
    expect(paris.postalCodes).to.include.members(['75001', '75020', '75116']);
    expect(paris.lat).to.be.closeTo(48.86, 0.01);
    expect(paris.lon).to.be.closeTo(2.341, 0.01);
    // In INSEE order, every code once.
    const codes = index.communes.map((c) => c.insee);
    expect(codes.every((code, i) => i === 0 || codes[i - 1]! < code)).to.equal(true);
  });

  it('finds Bordeaux first for "bordeaux"', () => {
    const [first] = searchCommunes(index, 'bordeaux');
    expect(first?.insee).to.equal('33063');
    expect(first?.postalCodes).to.include('33000');
    expect(first?.department).to.equal('33');
  });

  it('finds Bordeaux by its postal code', () => {
    expect(searchCommunes(index, '33000')[0]?.insee).to.equal('33063');
  });

  it('tolerates "st", "saint", hyphens and case', () => {
    for (const q of ['st jean de luz', 'saint-jean-de-luz', 'SAINT JEAN DE LUZ', 'St-Jean-de-Luz']) {
      expect(searchCommunes(index, q)[0]?.insee, q).to.equal('64483');
    }
  });

  it('matches a word inside the name, after the names that start with the query', () => {
    const results = searchCommunes(index, 'jean-de-luz');
    expect(results.map((c) => c.insee)).to.include('64483');
    const prefixed = searchCommunes(index, 'bordeaux', 20);
    const firstInside = prefixed.findIndex((c) => !c.name.toLowerCase().startsWith('bordeaux'));
    const lastPrefix = prefixed.map((c) => c.name.toLowerCase().startsWith('bordeaux')).lastIndexOf(true);
    if (firstInside !== -1) expect(lastPrefix).to.be.lessThan(firstInside);
  });

  it('finds Pessac', () => {
    expect(searchCommunes(index, 'pessac').map((c) => c.name)).to.include('Pessac');
  });

  it("ignores accents and apostrophes: \"ile d'yeu\" finds L'Île-d'Yeu", () => {
    expect(searchCommunes(index, "ile d'yeu").map((c) => c.insee)).to.include('85113');
  });

  it('finds Saint-Denis (La Réunion) by INSEE code', () => {
    const [first] = searchCommunes(index, '97411');
    expect(first?.name).to.equal('Saint-Denis');
    expect(first?.department).to.equal('974');
  });

  it('ranks more populous communes first among equal matches', () => {
    const results = searchCommunes(index, 'saint-', 8);
    for (let i = 1; i < results.length; i++) expect(results[i - 1]!.population).to.be.at.least(results[i]!.population);
  });

  it('keeps "st" open while typing (Strasbourg as well as Saint-…)', () => {
    expect(searchCommunes(index, 'st', 20).map((c) => c.name)).to.include('Strasbourg');
  });

  it('forgives a typo or two when nothing matches as typed ("perigeux", "bordaux", "angouleme" typed "angoulemme")', () => {
    expect(searchCommunes(index, 'perigeux')[0]?.name).to.equal('Périgueux');
    expect(searchCommunes(index, 'bordaux')[0]?.name).to.equal('Bordeaux');
    expect(searchCommunes(index, 'angoulemme')[0]?.name).to.equal('Angoulême');
    // Being typed: the beginning of the name, one typo in it.
    expect(searchCommunes(index, 'perige').map((c) => c.name)).to.include('Périgueux');
    // A name found as typed gets no approximate company.
    const pessac = searchCommunes(index, 'pessac');
    expect(pessac.length).to.be.greaterThan(0);
    expect(pessac.every((c) => normalizeCommuneName(c.name).includes('pessac'))).to.equal(true);
    expect(searchCommunes(index, 'xqzwv')).to.deep.equal([]);
  });

  it('returns nothing for an empty query, and honours the limit', () => {
    expect(searchCommunes(index, '')).to.deep.equal([]);
    expect(searchCommunes(index, '   ')).to.deep.equal([]);
    expect(searchCommunes(index, 'saint', 3)).to.have.length(3);
  });

  it('answers in under 2 ms per call on average', () => {
    const queries = ['b', 'bo', 'bor', 'saint', 'st jean', 'la', 'le', 'pessac', '33', '330', '97411', 'ile d', 'mont de', 'z'];
    const rounds = 10;
    const start = performance.now();
    for (let i = 0; i < rounds; i++) for (const q of queries) searchCommunes(index, q);
    const perCall = (performance.now() - start) / (rounds * queries.length);
    expect(perCall).to.be.lessThan(2);
  });
});
