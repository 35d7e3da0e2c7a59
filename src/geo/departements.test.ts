import { expect } from '@open-wc/testing';
import { DEPARTEMENTS } from './departements.js';
import { REGIONS, REGION_OF_DEPARTEMENT, departementsOfRegion, regionName, regionOfDepartement } from './regions.js';

describe('régions (src/geo/departements.ts and regions.ts, generated)', () => {
  it('names regions and finds the region of a département', () => {
    expect(regionName('75')).to.equal('Nouvelle-Aquitaine');
    expect(regionOfDepartement('33')).to.equal('75');
    expect(regionOfDepartement('2A')).to.equal('94');
    expect(regionOfDepartement('971')).to.equal('01');
    expect(departementsOfRegion('75')).to.deep.equal(['16', '17', '19', '23', '24', '33', '40', '47', '64', '79', '86', '87']);
  });

  it('answers undefined (or nothing) for unknown codes, inherited property names included', () => {
    for (const code of ['99', '20', '975', '', 'constructor', 'toString', '__proto__']) {
      expect(regionName(code), code).to.equal(undefined);
      expect(regionOfDepartement(code), code).to.equal(undefined);
      expect(departementsOfRegion(code), code).to.deep.equal([]);
    }
  });

  it('puts every département in exactly one of the 18 regions', () => {
    expect(Object.keys(REGIONS)).to.have.length(18);
    expect(Object.keys(REGION_OF_DEPARTEMENT).sort()).to.deep.equal(Object.keys(DEPARTEMENTS).sort());
    for (const region of Object.values(REGION_OF_DEPARTEMENT)) expect(REGIONS).to.have.property(region);
  });
});
