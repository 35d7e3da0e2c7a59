// The CDN loader's pure helpers (src/cdn-loader/main-url.ts), bundled on the fly with esbuild:
// where the main module is fetched from (jsDelivr ranges pinned to the loader's exact version,
// every other address left alone), and how the loader finds its own address in a stack.
// The built loader itself: test/e2e/setup-errors.test.mjs (classic tag, jsDelivr pinning).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
let m;
before(async () => {
  const out = await build({
    entryPoints: [resolve(root, 'src/cdn-loader/main-url.ts')],
    bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'silent',
  });
  m = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
});

const MAIN = './chunks/sos-annuaire.main-Ab12_c.js';
const V = '0.3.1';

test('mainModuleUrl: a jsDelivr range (@0, @0.3, @latest, none) becomes the loader\'s exact version', () => {
  for (const range of ['@0', '@0.3', '@latest', '@^0.3.0', '']) {
    assert.equal(
      m.mainModuleUrl(`https://cdn.jsdelivr.net/npm/sos-annuaire${range}/dist/cdn/sos-annuaire.js`, V, MAIN),
      'https://cdn.jsdelivr.net/npm/sos-annuaire@0.3.1/dist/cdn/chunks/sos-annuaire.main-Ab12_c.js',
      `range « ${range} »`,
    );
  }
  // jsDelivr's other hosts, and its minified copy of the loader.
  assert.equal(m.mainModuleUrl('https://fastly.jsdelivr.net/npm/sos-annuaire@0/dist/cdn/sos-annuaire.min.js', V, MAIN),
    'https://fastly.jsdelivr.net/npm/sos-annuaire@0.3.1/dist/cdn/chunks/sos-annuaire.main-Ab12_c.js');
});

test('mainModuleUrl: the exact version stays as it is', () => {
  assert.equal(m.mainModuleUrl('https://cdn.jsdelivr.net/npm/sos-annuaire@0.3.1/dist/cdn/sos-annuaire.js', V, MAIN),
    'https://cdn.jsdelivr.net/npm/sos-annuaire@0.3.1/dist/cdn/chunks/sos-annuaire.main-Ab12_c.js');
});

test('mainModuleUrl: other addresses resolve the relative path, untouched (self-hosted, WordPress, unpkg, look-alike names)', () => {
  const cases = {
    'https://www.cpts.fr/sos-annuaire/sos-annuaire.js': 'https://www.cpts.fr/sos-annuaire/chunks/sos-annuaire.main-Ab12_c.js',
    'https://www.cpts.fr/wp-content/plugins/sos-annuaire/assets/sos-annuaire.js?ver=0.3.1': 'https://www.cpts.fr/wp-content/plugins/sos-annuaire/assets/chunks/sos-annuaire.main-Ab12_c.js',
    'https://unpkg.com/sos-annuaire@0/dist/cdn/sos-annuaire.js': 'https://unpkg.com/sos-annuaire@0/dist/cdn/chunks/sos-annuaire.main-Ab12_c.js',
    'https://cdn.jsdelivr.net/npm/sos-annuaire-fork@0/dist/cdn/sos-annuaire.js': 'https://cdn.jsdelivr.net/npm/sos-annuaire-fork@0/dist/cdn/chunks/sos-annuaire.main-Ab12_c.js',
    'https://cdn.jsdelivr.net/gh/dsrc/sos-annuaire@0/dist/cdn/sos-annuaire.js': 'https://cdn.jsdelivr.net/gh/dsrc/sos-annuaire@0/dist/cdn/chunks/sos-annuaire.main-Ab12_c.js',
    'http://127.0.0.1:8080/cdn/sos-annuaire.js': 'http://127.0.0.1:8080/cdn/chunks/sos-annuaire.main-Ab12_c.js',
  };
  for (const [loader, main] of Object.entries(cases)) assert.equal(m.mainModuleUrl(loader, V, MAIN), main, loader);
});

test('mainModuleUrl: the loader\'s query string and fragment are not carried to the main module (its name is hashed)', () => {
  assert.equal(m.mainModuleUrl('https://cdn.jsdelivr.net/npm/sos-annuaire@0/dist/cdn/sos-annuaire.js?v=2#x', V, MAIN),
    'https://cdn.jsdelivr.net/npm/sos-annuaire@0.3.1/dist/cdn/chunks/sos-annuaire.main-Ab12_c.js');
  // A query that looks like a jsDelivr path changes nothing: only the path is read.
  assert.equal(m.mainModuleUrl('https://www.cpts.fr/js/sos-annuaire.js?from=/npm/sos-annuaire@0/', V, MAIN),
    'https://www.cpts.fr/js/chunks/sos-annuaire.main-Ab12_c.js');
});

test('mainModuleUrl: an address URL() cannot read throws (the loader then imports the relative path)', () => {
  assert.throws(() => m.mainModuleUrl('pas une adresse', V, MAIN), TypeError);
});

test('scriptUrlFromStack: the script address in Chromium, Firefox and Safari stacks, with @ and a port in it', () => {
  const url = 'http://127.0.0.1:8080/npm/sos-annuaire@0/dist/cdn/sos-annuaire.js';
  const stacks = [
    `Error\n    at ${url}:1:812`, // Chromium, top-level module code
    `Error\n    at ownAddress (${url}:1:300)\n    at ${url}:1:812`, // Chromium, in a function
    `ownAddress@${url}:1:300\n@${url}:1:812\n`, // Firefox
    `ownAddress@${url}:1:300\nmodule code@${url}:1:812`, // Safari
  ];
  for (const stack of stacks) assert.equal(m.scriptUrlFromStack(stack), url, stack);
  assert.equal(m.scriptUrlFromStack('Error\n    at <anonymous>:1:1'), undefined);
  assert.equal(m.scriptUrlFromStack(undefined), undefined);
});

test('isLoaderAddress: a script\'s absolute src whose path ends with /sos-annuaire.js', () => {
  assert.ok(m.isLoaderAddress('https://cdn.jsdelivr.net/npm/sos-annuaire@0/dist/cdn/sos-annuaire.js'));
  assert.ok(m.isLoaderAddress('https://www.cpts.fr/a/sos-annuaire.js?ver=1'));
  assert.ok(!m.isLoaderAddress('https://www.cpts.fr/a/mon-sos-annuaire.js'));
  assert.ok(!m.isLoaderAddress('https://www.cpts.fr/a/app.js?x=/sos-annuaire.js'));
  assert.ok(!m.isLoaderAddress('https://www.cpts.fr/a/sos-annuaire.jsx'));
  assert.ok(!m.isLoaderAddress('')); // an inline <script>
});
