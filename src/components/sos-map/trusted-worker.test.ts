/**
 * The widget's Trusted Types policy (src/base/trusted-types.ts): it blesses the widget's own
 * scripts only. The test page has no CSP: the policy is created as on any page with Trusted Types.
 */
import { expect } from '@open-wc/testing';
import { isOwnScript, moduleWorkerURL } from '../../base/trusted-types.js';

const folder = new URL('https://cdn.example.fr/sos-annuaire/chunks/');

describe('Trusted Types: the widget\'s own scripts only', () => {
  it('accepts a script of the widget\'s folder, on its origin', () => {
    expect(isOwnScript('https://cdn.example.fr/sos-annuaire/chunks/maplibre-gl-worker.js', folder)).to.equal(true);
    expect(isOwnScript('https://cdn.example.fr/sos-annuaire/chunks/sub/x.js', folder)).to.equal(true);
  });

  it('refuses another origin, another folder, a way out of the folder, a query, other schemes', () => {
    for (const url of [
      'https://evil.example/sos-annuaire/chunks/maplibre-gl-worker.js',
      'http://cdn.example.fr/sos-annuaire/chunks/maplibre-gl-worker.js',
      'https://cdn.example.fr:8443/sos-annuaire/chunks/maplibre-gl-worker.js',
      'https://cdn.example.fr/sos-annuaire/maplibre-gl-worker.js',
      'https://cdn.example.fr/sos-annuaire/chunks/../../evil.js',
      'https://cdn.example.fr/sos-annuaire/chunks/%2e%2e/evil.js',
      'https://cdn.example.fr/sos-annuaire/chunks-evil/x.js',
      'https://cdn.example.fr/sos-annuaire/chunks/x.js?callback=evil',
      'https://cdn.example.fr/sos-annuaire/chunks/x.js#x',
      'data:text/javascript,evil()',
      'javascript:evil()',
      'blob:https://cdn.example.fr/0b7d2d1e-0000-4000-8000-000000000000',
      'chunks/maplibre-gl-worker.js',
      '',
    ]) {
      expect(isOwnScript(url, folder), url).to.equal(false);
    }
  });

  it('gives a trusted URL for a script beside this module, and refuses any other', () => {
    const own = new URL('./maplibre-gl-worker.js', new URL('../../base/trusted-types.ts', import.meta.url)).href;
    const trusted = moduleWorkerURL(own);
    const factory = (window as unknown as { trustedTypes?: { isScriptURL(v: unknown): boolean } }).trustedTypes;
    if (factory) {
      expect(factory.isScriptURL(trusted)).to.equal(true);
      expect(String(trusted)).to.equal(own); // same origin: no blob: wrapper
    } else {
      expect(trusted).to.equal(own);
    }
    expect(moduleWorkerURL(own)).to.equal(trusted);
    if (factory) expect(() => moduleWorkerURL('https://evil.example/worker.js')).to.throw(TypeError);
  });
});
