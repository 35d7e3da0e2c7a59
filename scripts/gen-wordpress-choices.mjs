#!/usr/bin/env node
// Writes the WordPress block's preset choices (codes and French labels of the national
// referential) from data-schema/taxonomy.json into
// integrations/wordpress/sos-annuaire/block/choices.json, so the block's editor script needs
// no build step. `--check` exits 1 when the committed file is stale (test/node/wordpress-block.test.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CHOICES_PATH = join(root, 'integrations/wordpress/sos-annuaire/block/choices.json');

/** The choices file's text, from the taxonomy. */
export function choicesText() {
  const taxonomy = JSON.parse(readFileSync(join(root, 'data-schema/taxonomy.json'), 'utf8'));
  const e = taxonomy.enumerations;
  const list = (items) => items.map(({ code, label }) => ({ code, label: label.fr }));
  const choices = {
    $comment: 'Généré depuis data-schema/taxonomy.json par scripts/gen-wordpress-choices.mjs : ne pas modifier à la main.',
    care: taxonomy.categories.map(({ code, label, subcares }) => ({
      code,
      label: label.fr,
      subcare: subcares.map((s) => ({ code: s.code, label: s.nonConventional ? `${s.label.fr} (pratique non conventionnelle)` : s.label.fr })),
    })),
    audience: list(e.audiences),
    age: list(e.ages),
    setting: list(e.settings),
    phase: list(e.phases),
    access: list(e.access),
    cost: list(e.cost),
    pathway: list(e.pathways),
  };
  return `${JSON.stringify(choices, null, '\t')}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = choicesText();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(CHOICES_PATH, 'utf8');
    } catch {}
    if (current !== text) {
      console.error(`${CHOICES_PATH} is stale: run node scripts/gen-wordpress-choices.mjs`);
      process.exit(1);
    }
  } else {
    writeFileSync(CHOICES_PATH, text);
    console.log(`✓ ${CHOICES_PATH}`);
  }
}
