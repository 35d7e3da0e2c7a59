#!/usr/bin/env node
// Writes TEXTES.md: every string an integrator can override with the `strings` attribute
// (src/base/overrides.ts), per element, with its French and English defaults, read from the
// elements' strings tables (src/components/<tag>/<tag>.strings.ts, bundled with esbuild). For a
// computed text, what its `{0}`, `{1}`… are, from the parameter names in the source, and an example.
// `--check`: writes nothing and exits 1 when TEXTES.md is stale (run by the tests).
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'TEXTES.md');
const ORDER = ['sos-annuaire', 'sos-search-form', 'sos-results-list', 'sos-structure-card', 'sos-map'];

// The publisher's workbench is a page a DSRC hosts, not an element integrators embed: it has no
// `strings` attribute, so its texts are not listed.
const NOT_OVERRIDABLE = new Set(['sos-editeur']);

const tags = readdirSync(join(root, 'src/components'))
  .filter((tag) => !NOT_OVERRIDABLE.has(tag) && existsSync(join(root, `src/components/${tag}/${tag}.strings.ts`)))
  .sort((a, b) => (ORDER.includes(a) ? ORDER.indexOf(a) : 99) - (ORDER.includes(b) ? ORDER.indexOf(b) : 99) || (a < b ? -1 : 1));

const bundle = await build({
  stdin: {
    // An element whose English is a chunk of its own (<tag>.strings.en.ts): joined to its table here.
    contents: tags.map((tag, i) => existsSync(join(root, `src/components/${tag}/${tag}.strings.en.ts`))
      ? `import { strings as t${i} } from './src/components/${tag}/${tag}.strings.ts';\nimport { en as e${i} } from './src/components/${tag}/${tag}.strings.en.ts';\nexport const s${i} = { ...t${i}, en: e${i} };`
      : `export { strings as s${i} } from './src/components/${tag}/${tag}.strings.ts';`).join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true, write: false, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning',
});
const mod = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

/**
 * The parameters of each function-valued key, from the source (an interface member
 * `counts(structures: number, offers: number): string`, a property `nearHint: (town: string, …) =>`
 * or an arrow in the table `printLabel: (name: string) =>`): the first declaration of a key wins,
 * so an interface's names come before the short ones of its implementation (`(s, o) =>`).
 */
function sourceParams(tag) {
  const source = readFileSync(join(root, `src/components/${tag}/${tag}.strings.ts`), 'utf8');
  const params = new Map();
  for (const m of source.matchAll(/^\s*(\w+)\??(?:\(([^)]*)\)\s*:|:\s*\(([^)]*)\)\s*(?::[^=\n]+)?=>)/gm)) {
    if (params.has(m[1])) continue;
    const list = (m[2] ?? m[3]).split(',').map((p) => p.trim()).filter(Boolean);
    params.set(m[1], list.map((p) => {
      const [, name, type = ''] = /^(\w+)\??\s*(?::\s*([^=]+))?/.exec(p) ?? [, p];
      return { name, list: /\[\]|readonly/.test(type) };
    }));
  }
  return params;
}

/** What each parameter is, for integrators (by name; `key.param` for a name with another meaning there). */
const GLOSSARY = {
  structures: 'nombre de structures',
  offers: "nombre d'offres",
  'offersLine.offers': 'soins proposés (texte)',
  km: 'distance en km',
  place: 'lieu choisi (commune)',
  label: 'lieu choisi',
  n: 'nombre',
  'title.n': 'nombre de choix',
  'summary.n': 'nombre de structures sur la carte',
  places: 'nombre de points sur la carte',
  others: "nombre d'autres structures à cette adresse",
  shown: 'nombre de résultats affichés',
  total: 'nombre total de résultats',
  more: "nombre d'autres communes",
  name: 'nom de la structure ou de l’offre',
  names: 'noms (liste)',
  'communeList.names': 'communes (liste)',
  date: 'date (JJ/MM/AAAA)',
  d: 'date (JJ/MM/AAAA)',
  town: 'commune (exemple pris dans le flux)',
  postalCode: 'code postal (exemple pris dans le flux)',
  typed: 'texte saisi',
  words: 'mots non pris en compte (liste)',
  covered: 'régions couvertes par l’annuaire (liste)',
  placeRegion: 'région du lieu (peut être vide)',
  region: 'région',
  dep: 'département',
  kind: 'type d’erreur (`network`, `timeout`, `http`, `not-json`, `format`, `envelope`, `aborted`) : un texte fixe vaut pour toutes',
  status: 'code HTTP (peut être vide)',
  why: 'aucune valeur (un texte fixe seulement)',
  w: 'aucune valeur (un texte fixe seulement)',
  offer: 'nom de l’offre',
  line: 'horaires du jour',
  id: 'identifiant de la structure',
  key: 'clé de la structure (`éditeur:id`)',
  page: 'adresse de la page',
  phone: 'numéro de téléphone',
  email: 'adresse de courriel',
  service: 'service d’itinéraire (Google Maps…)',
  position: 'position dans la sélection',
  publishers: 'nom de l’éditeur de l’annuaire',
  action: 'action (« Appeler »…)',
  access: 'modalités d’accès (texte)',
  cost: 'coût (texte)',
};

/** Sample values for the examples, by parameter name. */
const SAMPLES = {
  structures: 12, offers: 19, km: 20, n: 3, places: 2, others: 2, shown: 30, total: 45, more: 4, position: 2, status: 503,
  place: 'Périgueux (24000)', label: 'Périgueux (24000)', name: 'Maison des patients', date: '12/03/2026', d: '12/03/2026',
  town: 'Périgueux', postalCode: '24000', typed: 'Périgeux', words: ['pour', 'le'], covered: ['Nouvelle-Aquitaine'],
  placeRegion: 'Occitanie', region: 'Nouvelle-Aquitaine', dep: 'Dordogne (24)', kind: 'network', offer: 'Atelier cuisine',
  line: 'Ouvert aujourd’hui · 14 h – 17 h', id: 'ligue-24', key: 'dsrc-na:ligue-24', page: 'https://example.org/annuaire',
  phone: '05 53 00 00 00', email: 'contact@example.org', service: 'Google Maps', publishers: 'DSRC Nouvelle-Aquitaine',
  action: 'Appeler', access: 'sur rendez-vous', cost: 'gratuit', names: 'Maison des patients, Ligue 24', 'offersLine.offers': 'sophrologie, nutrition',
  'communeList.names': ['Périgueux', 'Boulazac'], why: { via: 'name', text: 'ligue' }, w: { via: 'name', text: 'ligue' },
};

const cell = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\|/g, '\\|').replace(/\n/g, '<br>').trim();

/** The rows of one table (one language pair): [key, fr, en] for every string, with dotted keys inside objects. */
function rows(fr, en, prefix = '') {
  const out = [];
  for (const key of new Set([...Object.keys(fr ?? {}), ...Object.keys(en ?? {})])) {
    const a = fr?.[key];
    const b = en?.[key];
    if ((a && typeof a === 'object') || (b && typeof b === 'object')) out.push(...rows(a, b, `${prefix}${key}.`));
    else out.push({ key: `${prefix}${key}`, short: key, fr: a, en: b });
  }
  return out;
}

function example(fn, key, params) {
  if (typeof fn !== 'function') return fn === undefined ? '—' : cell(fn);
  const args = params.map(({ name, list }) => {
    const v = SAMPLES[`${key}.${name}`] ?? SAMPLES[name] ?? `«${name}»`;
    return list && !Array.isArray(v) ? [v] : v;
  });
  try {
    return `_calculé_, p. ex. « ${cell(fn(...args))} »`;
  } catch {
    return '_calculé_';
  }
}

let md = `# Textes modifiables

<!-- Généré par scripts/gen-strings-doc.mjs (npm run docs) depuis les fichiers src/components/*/*.strings.ts : ne pas modifier à la main. -->

Chaque texte visible des éléments peut être remplacé par l'attribut \`strings\` (ou la propriété du même
nom), qui prend un objet JSON par langue : \`{ "fr": { "clé": "texte", … }, "en": { … } }\`.

- Placé sur \`<sos-annuaire>\`, il vaut pour tous les éléments de l'annuaire (y compris ceux reliés par
  \`for="id"\`) ; placé sur un élément, il ne vaut que pour lui et l'emporte sur celui de l'annuaire.
- Une clé simple (\`reset\`) change le texte de tous les éléments qui ont cette clé ;
  \`<élément>.<clé>\` (\`sos-results-list.reset\`) ne change que celui de cet élément, et l'emporte.
- Une clé avec un point (\`relax.query\`, \`maplibre.Map.Title\`) désigne un texte d'un groupe.
- Pour un texte **calculé**, le remplacement est un modèle : \`{0}\`, \`{1}\`… y sont remplacés par les
  valeurs indiquées dans la dernière colonne (nombres écrits à la française ou à l'anglaise, listes
  séparées par des virgules). Exemple : \`"counts": "{0} lieux, {1} offres"\`.
- Les textes sont affichés tels quels (jamais interprétés comme du HTML). Une clé inconnue ou une
  valeur qui n'est pas un texte est ignorée ; la console du navigateur nomme les clés inconnues.

Exemple : \`<sos-annuaire src="…" strings='{"fr":{"queryLabel":"Que cherchez-vous ?"},"en":{"queryLabel":"What are you looking for?"}}'></sos-annuaire>\`
`;

const owners = new Map();
for (const [i, tag] of tags.entries()) {
  const table = mod[`s${i}`];
  const params = sourceParams(tag);
  md += `\n## \`<${tag}>\`\n\n| clé | français (par défaut) | anglais (par défaut) | \`{0}\`, \`{1}\`… |\n|---|---|---|---|\n`;
  for (const r of rows(table.fr, table.en)) {
    owners.set(r.key, [...(owners.get(r.key) ?? []), tag]);
    const fn = typeof r.fr === 'function' || typeof r.en === 'function';
    const p = fn ? params.get(r.short) ?? [] : [];
    const values = p.map(({ name }, n) => `\`{${n}}\` ${cell(GLOSSARY[`${r.short}.${name}`] ?? GLOSSARY[name] ?? name)}`).join(' ; ');
    md += `| \`${r.key}\` | ${example(r.fr, r.short, p)} | ${example(r.en, r.short, p)} | ${values} |\n`;
  }
}

const shared = [...owners].filter(([, t]) => t.length > 1);
if (shared.length) {
  md += `\n## Clés présentes dans plusieurs éléments\n\nUne clé simple les change toutes ; \`<élément>.<clé>\` n'en change qu'une.\n\n| clé | éléments |\n|---|---|\n`;
  for (const [key, t] of shared.sort(([a], [b]) => (a < b ? -1 : 1))) md += `| \`${key}\` | ${t.map((x) => `\`<${x}>\``).join(', ')} |\n`;
}

if (process.argv.includes('--check')) {
  if (!existsSync(OUT) || readFileSync(OUT, 'utf8') !== md) {
    console.error('TEXTES.md is stale: run `npm run docs`.');
    process.exit(1);
  }
  console.log('TEXTES.md is up to date.');
} else {
  writeFileSync(OUT, md);
}
