import { expect } from '@open-wc/testing';
import type { StyleSpecification } from 'maplibre-gl';
import { countFont, offlineStyle } from './offline-style.js';

describe('offline style', () => {
  it('draws the département outlines from bundled data: no URL, no glyphs, no sprite', () => {
    const style = offlineStyle('Contours : test');
    expect(style.glyphs).to.equal(undefined);
    expect(style.sprite).to.equal(undefined);
    expect(style.layers.map((l) => l.type)).to.deep.equal(['background', 'fill', 'line']);
    const source = Object.values(style.sources)[0] as { type: string; data: GeoJSON.FeatureCollection; attribution: string };
    expect(source.type).to.equal('geojson');
    expect(source.attribution).to.equal('Contours : test');
    expect(source.data.features.length).to.be.greaterThan(95);
    expect(JSON.stringify(style)).to.not.match(/https?:/);
  });

  it('draws cluster counts only with a style that has glyphs, in one of its own fonts', () => {
    expect(countFont(offlineStyle(''))).to.equal(undefined);
    const layers = [
      { id: 'bg', type: 'background' },
      { id: 'label', type: 'symbol', source: 's', layout: { 'text-font': ['Source Sans Pro Regular'] } },
    ] as StyleSpecification['layers'];
    expect(countFont({ glyphs: 'https://example.invalid/{fontstack}/{range}.pbf', layers })).to.deep.equal(['Source Sans Pro Regular']);
    expect(countFont({ layers })).to.equal(undefined);
    const literal = [{ id: 'l', type: 'symbol', source: 's', layout: { 'text-font': ['literal', ['Noto Sans']] } }] as unknown as StyleSpecification['layers'];
    expect(countFont({ glyphs: 'x', layers: literal })).to.deep.equal(['Noto Sans']);
  });
});
