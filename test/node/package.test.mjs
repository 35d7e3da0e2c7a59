// The npm package as a consumer sees it after `npm run build`: every export, type and bin exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

test('every "exports" target, "types", "main" and "bin" points at a built file', () => {
  const targets = [pkg.main, pkg.module, pkg.types, pkg.unpkg, ...Object.values(pkg.bin)];
  for (const value of Object.values(pkg.exports)) {
    if (typeof value === 'string') {
      if (!value.includes('*')) targets.push(value);
    } else targets.push(value.types, value.import);
  }
  const missing = targets.filter((t) => !existsSync(t));
  assert.deepEqual(missing, [], `run npm run build; missing: ${missing.join(', ')}`);
});

test('one export per element, each with its type declarations', () => {
  for (const tag of ['sos-annuaire', 'sos-search-form', 'sos-results-list', 'sos-structure-card', 'sos-map', 'sos-selection', 'sos-share']) {
    const entry = pkg.exports[`./${tag}.js`];
    assert.ok(entry, `exports has ./${tag}.js`);
    assert.match(readFileSync(entry.types, 'utf8'), new RegExp(`'${tag}'`), `${entry.types} declares <${tag}> in HTMLElementTagNameMap`);
  }
});

test('the npm modules keep dependencies external (one copy of lit on the consumer page)', () => {
  const code = readdirSync('dist/npm/chunks').map((f) => readFileSync(join('dist/npm/chunks', f), 'utf8')).join('\n');
  assert.match(code, /from ["']lit["']/);
  assert.match(code, /from ["']zod\/mini["']/);
  assert.doesNotMatch(code, /class ReactiveElement|createPolicy\(\s*["'`]lit-html/, 'lit is bundled into dist/npm');
  // The Trusted Types guard is a module of its own, imported before "lit" (src/base/lit-policy.ts).
  for (const f of readdirSync('dist/npm/chunks').filter((f) => f.startsWith('store-element-'))) {
    const imports = readFileSync(join('dist/npm/chunks', f), 'utf8').match(/^import .*$/gm) ?? [];
    assert.match(imports[0] ?? '', /lit-policy/, `${f} imports the guard first`);
  }
});

test('the CDN bundle has its stable entry and MapLibre worker', () => {
  assert.ok(existsSync('dist/cdn/sos-annuaire.js'));
  assert.ok(existsSync('dist/cdn/chunks/maplibre-gl-worker.js'));
});
