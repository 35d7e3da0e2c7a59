// The WordPress block's files as committed (no WordPress needed; test/e2e/wordpress.test.mjs runs
// the block in a real WordPress): its choices follow the referential, every block.json
// attribute reaches the server rendering, and the editor script is plain JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHOICES_PATH, choicesText } from '../../scripts/gen-wordpress-choices.mjs';

const dir = 'integrations/wordpress/sos-annuaire/block';
const blockJson = JSON.parse(readFileSync(join(dir, 'block.json'), 'utf8'));

test('block/choices.json is generated from data-schema/taxonomy.json (node scripts/gen-wordpress-choices.mjs)', () => {
  assert.equal(readFileSync(CHOICES_PATH, 'utf8'), choicesText(), 'stale: run node scripts/gen-wordpress-choices.mjs');
  const choices = JSON.parse(readFileSync(CHOICES_PATH, 'utf8'));
  const taxonomy = JSON.parse(readFileSync('data-schema/taxonomy.json', 'utf8'));
  assert.deepEqual(choices.care.map((c) => c.code), taxonomy.categories.map((c) => c.code));
  assert.ok(choices.care.find((c) => c.code === 'activite-physique').label.startsWith('Activité physique'));
});

test('every block.json attribute is passed on by register.php (a setting that does nothing would mislead)', () => {
  const php = readFileSync(join(dir, 'register.php'), 'utf8');
  const block = (name) => new RegExp(`const ${name} = array\\(([\\s\\S]*?)\\n\\);`).exec(php)?.[1] ?? '';
  const strings = [...block('SOS_ANNUAIRE_BLOCK_STRINGS').matchAll(/'(\w+)'/g)].map((m) => m[1]);
  const toggles = [...block('SOS_ANNUAIRE_BLOCK_TOGGLES').matchAll(/^\s*'(\w+)'\s*=>/gm)].map((m) => m[1]);
  assert.ok(strings.length > 10 && toggles.length === 2, `read ${strings} / ${toggles}`);
  const handled = new Set([...strings, ...toggles, 'lockPresets']);
  for (const [name, schema] of Object.entries(blockJson.attributes)) {
    assert.ok(handled.has(name), `${name} is handled by register.php`);
    assert.equal(schema.type, toggles.includes(name) || name === 'lockPresets' ? 'boolean' : 'string', `${name}'s type`);
  }
  assert.deepEqual([...handled].filter((n) => !(n in blockJson.attributes)), [], 'register.php reads no attribute block.json lacks');
  // `lock` is WordPress's own block-locking attribute: ours must not take that name.
  assert.ok(!('lock' in blockJson.attributes));
});

test('block.json: apiVersion 3, dynamic, editor script without a build step', () => {
  assert.equal(blockJson.apiVersion, 3);
  assert.equal(blockJson.name, 'sos-annuaire/annuaire');
  assert.equal(blockJson.editorScript, 'file:./index.js');
  assert.match(readFileSync(join(dir, 'index.js'), 'utf8'), /save: \(\) => null/, 'dynamic: nothing saved in the post but the comment');
  const asset = readFileSync(join(dir, 'index.asset.php'), 'utf8');
  const js = readFileSync(join(dir, 'index.js'), 'utf8');
  // Every wp.* package the script reads is a declared dependency (else it may load before them).
  const used = new Set([...js.matchAll(/\bwp\.(\w+)\b/g)].map((m) => `wp-${m[1].replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`));
  for (const dep of used) assert.match(asset, new RegExp(`'${dep}'`), `${dep} in index.asset.php`);
  assert.equal(spawnSync(process.execPath, ['--check', join(dir, 'index.js')]).status, 0, 'index.js parses as plain JavaScript');
  assert.doesNotMatch(js, /^\s*(import|export)\s/m, 'a classic script, not a module');
});

test('the plugin readme gives the README\'s self-hosted CSP (checked by the e2e tests), without unsafe-inline', () => {
  const readme = readFileSync('README.md', 'utf8');
  const pluginReadme = readFileSync('integrations/wordpress/sos-annuaire/readme.txt', 'utf8');
  const selfHosted = /Content-Security-Policy: default-src 'none'; (script-src 'self'; .*)$/m.exec(readme)?.[1];
  assert.ok(selfHosted, 'README shows the self-hosted policy');
  const expected = selfHosted.replace('https://www.exemple-dsrc.fr', '<serveur du flux>');
  const csp = /= Mon site a une politique de sécurité du contenu \(CSP\) =\n\n(.*)/.exec(pluginReadme)?.[1] ?? '';
  assert.ok(csp.includes(`\`${expected}\``), `readme.txt gives \`${expected}\`: ${csp}`);
  for (const policy of csp.match(/`[^`]*-src[^`]*`/g) ?? []) assert.doesNotMatch(policy, /unsafe/, policy);
});
