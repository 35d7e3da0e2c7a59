#!/usr/bin/env node
// The publisher's workbench as the WordPress plugin ships it: dist/editeur without its widget/
// folder (a copy of dist/cdn for the « Aperçu » step), its page's <meta name="sos-widget"> pointed
// at the plugin's own copy of the same build instead (assets/sos-annuaire.js, beside editeur/):
// the zip carries the widget once. Used by scripts/package-wordpress.mjs and test/e2e/wp-setup.sh.
//   node scripts/wordpress-editeur.mjs <dist/editeur> <plugin>/editeur
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The plugin's widget loader, relative to editeur/index.html. */
export const PLUGIN_WIDGET = '../assets/sos-annuaire.js';
const META = /<meta name="sos-widget" content="[^"]*"\s*\/?>/g;

/** Copies the built workbench `from` into `to` (an existing or new folder) for the plugin. */
export function copyEditeurForPlugin(from, to) {
  const html = readFileSync(join(from, 'index.html'), 'utf8');
  const metas = html.match(META) ?? [];
  // Without it the preview would look for editeur/widget/, which is not shipped.
  if (metas.length !== 1) throw new Error(`${join(from, 'index.html')} has ${metas.length} <meta name="sos-widget"> tags, not one: the preview could not find the plugin's widget.`);
  const widget = resolve(from, 'widget');
  cpSync(from, to, { recursive: true, filter: (src) => resolve(src) !== widget });
  writeFileSync(join(to, 'index.html'), html.replace(META, `<meta name="sos-widget" content="${PLUGIN_WIDGET}" />`));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [from, to] = process.argv.slice(2);
  if (!from || !to) {
    console.error('usage: node scripts/wordpress-editeur.mjs <dist/editeur> <plugin>/editeur');
    process.exit(2);
  }
  try {
    copyEditeurForPlugin(from, to);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
