#!/usr/bin/env node
// Writes the README's element reference (between the "elements" markers) from custom-elements.json.
// `--check`: exits 1 when the README is stale (run by the tests).
import { readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- elements:start (généré par scripts/gen-element-docs.mjs, ne pas modifier à la main) -->';
const END = '<!-- elements:end -->';
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
// The analyzer lists modules in the order its file reads finish: sort them so the file is stable.
const sorted = { ...manifest, modules: [...manifest.modules].sort((a, b) => (a.path < b.path ? -1 : 1)) };
const sortedText = `${JSON.stringify(sorted, null, 2)}\n`;
if (!process.argv.includes('--check') && readFileSync('custom-elements.json', 'utf8') !== sortedText) writeFileSync('custom-elements.json', sortedText);
const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();

const order = ['sos-annuaire', 'sos-search-form', 'sos-results-list', 'sos-structure-card', 'sos-map'];
// From the sorted modules: `npm run docs` reads the analyzer's fresh (unsorted) output, the check
// the committed (sorted) file, and both must write the same README. Elements not in `order` keep
// the modules' (path) order, before those that are.
const elements = sorted.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName)
  .sort((a, b) => order.indexOf(a.tagName) - order.indexOf(b.tagName));

let out = `${START}\n`;
for (const el of elements) {
  out += `\n#### \`<${el.tagName}>\`\n\n${cell(el.summary ?? el.description)}\n`;
  const table = (title, head, rows) => {
    if (!rows.length) return;
    out += `\n${title}\n\n| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|\n`;
    for (const r of rows) out += `| ${r.map(cell).join(' | ')} |\n`;
  };
  table('Attributs', ['attribut', 'description'], (el.attributes ?? []).map((a) => [`\`${a.name}\``, a.description]));
  table('Événements', ['événement', 'description'], (el.events ?? []).filter((e) => e.name).map((e) => [`\`${e.name}\``, e.description]));
  table('Parties stylables (`::part`)', ['partie', 'description'], (el.cssParts ?? []).map((p) => [`\`${p.name}\``, p.description]));
  table('Propriétés CSS', ['propriété', 'description'], (el.cssProperties ?? []).map((p) => [`\`${p.name}\``, p.description]));
}
out += `\n${END}`;

const readme = readFileSync('README.md', 'utf8');
const from = readme.indexOf(START);
const to = readme.indexOf(END);
if (from < 0 || to < 0) {
  console.error('README.md has no elements markers');
  process.exit(1);
}
const next = readme.slice(0, from) + out + readme.slice(to + END.length);
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md element reference is stale: run `npm run build` (or `npm run docs`).');
    process.exit(1);
  }
  console.log('README element reference is up to date.');
} else {
  writeFileSync('README.md', next);
}
