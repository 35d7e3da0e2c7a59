// The element reference in the README and custom-elements.json are generated from the elements'
// JSDoc: they must not drift from the code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('custom-elements.json is up to date with the elements (npm run docs)', () => {
  // The analyzer resolves `outdir` against the working directory: a scratch folder inside the project.
  const dir = 'node_modules/.cache/cem-check';
  mkdirSync(dir, { recursive: true });
  const config = join(mkdtempSync(join(tmpdir(), 'cem-')), 'cem.config.mjs');
  writeFileSync(config, `import base from '${join(process.cwd(), 'custom-elements-manifest.config.mjs')}';\nexport default { ...base, outdir: '${dir}', packagejson: false };\n`);
  const r = spawnSync('npx', ['cem', 'analyze', '--config', config, '--quiet'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  // Compared with modules in path order: the analyzer's own order varies from run to run.
  const normalized = (file) => {
    const m = JSON.parse(readFileSync(file, 'utf8'));
    return { ...m, modules: [...m.modules].sort((a, b) => (a.path < b.path ? -1 : 1)) };
  };
  assert.deepEqual(normalized(join(dir, 'custom-elements.json')), normalized('custom-elements.json'), 'custom-elements.json is stale: run `npm run docs`');
});

test('the README element reference matches custom-elements.json (npm run docs)', () => {
  const r = spawnSync('node', ['scripts/gen-element-docs.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('TEXTES.md lists every string an integrator can override, with its defaults (npm run docs)', () => {
  const r = spawnSync('node', ['scripts/gen-strings-doc.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('every element documents its tag, attributes or events, and CSS parts', () => {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
  assert.deepEqual(elements.map((e) => e.tagName).sort(), ['sos-annuaire', 'sos-map', 'sos-results-list', 'sos-search-form', 'sos-selection', 'sos-share', 'sos-structure-card']);
  for (const e of elements) {
    assert.ok(e.summary, `${e.tagName} has a @summary`);
    assert.ok((e.cssParts ?? []).length > 0, `${e.tagName} documents its ::part()s`);
  }
});

test('<sos-annuaire> documents a preset attribute for every filter of src/search/filters.ts', () => {
  const source = readFileSync('src/search/filters.ts', 'utf8');
  const filters = [...source.matchAll(/\{ name: '([a-z]+)'|mask\('([a-z]+)'/g)].map((m) => m[1] ?? m[2]);
  assert.ok(filters.length >= 10, `filters found: ${filters}`);
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const annuaire = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'sos-annuaire');
  const attributes = new Set((annuaire.attributes ?? []).map((a) => a.name));
  assert.deepEqual(filters.filter((f) => !attributes.has(f)), [], 'filters without an @attr line in sos-annuaire.ts');
});
