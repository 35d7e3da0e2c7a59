// The generated data-schema files must match src/feed (one source of truth), and say what we expect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const load = (rel) => JSON.parse(readFileSync(join(root, rel), 'utf8'));

test('data-schema/*.json are up to date with src/feed (gen-schema --check)', () => {
  const r = spawnSync(process.execPath, ['scripts/gen-schema.mjs', '--check'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, `${r.stderr}\nRun: npm run schema`);
});

test('the JSON Schema has the 13 care codes and http(s)-only links', () => {
  const schema = load('data-schema/sos-feed.schema.json');
  assert.equal(schema.$id, 'urn:sos-annuaire:schema:sos-feed-1');
  assert.equal(schema.properties.format.const, 'sos-feed/1');
  const offer = schema.properties.structures.items.properties.offers.items;
  assert.equal(offer.properties.care.enum.length, 13);
  assert.deepEqual(offer.required.sort(), ['audiences', 'care', 'id', 'settings']);
  const website = new RegExp(schema.properties.structures.items.properties.contact.properties.website.pattern);
  assert.ok(website.test('https://www.exemple.fr/sos'));
  assert.ok(!website.test('javascript:alert(1)'));
  // Open objects: readers ignore unknown fields, so the schema must not forbid them.
  assert.ok(!JSON.stringify(schema).includes('"additionalProperties":false'));
});

test('taxonomy.json lists 13 categories with labels, subcares and every enumeration', () => {
  const t = load('data-schema/taxonomy.json');
  assert.equal(t.categories.length, 13);
  for (const c of t.categories) {
    assert.ok(c.label.fr && c.label.en && c.color && c.group && c.synonyms.length && c.subcares.length, c.code);
  }
  const sophro = t.categories.flatMap((c) => c.subcares).find((s) => s.code === 'sophrologie');
  assert.equal(sophro.nonConventional, true);
  assert.deepEqual(Object.keys(t.enumerations).sort(), ['access', 'ages', 'audiences', 'cost', 'howTo', 'kind', 'pathways', 'phases', 'referral', 'settings']);
  assert.deepEqual(t.enumerations.pathways.map((p) => p.code), ['parcours-global-apres-cancer', 'parcours-aja', 'parcours-oncogeriatrie', 'parcours-oncopediatrie']);
});

