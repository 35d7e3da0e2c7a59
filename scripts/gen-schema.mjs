#!/usr/bin/env node
// Generates data-schema/sos-feed.schema.json (JSON Schema of the feed), data-schema/taxonomy.json and
// src/feed/generated/checks.ts (the widget's fast validators) from the same TypeScript the widget
// validates with (src/feed/schema.ts, src/feed/taxonomy.ts).
// `--check` writes nothing and exits 1 when the committed files are stale.
import { build } from 'esbuild';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

// One in-memory bundle that also re-exports zod's toJSONSchema: the schemas and the generator
// must share one zod instance (descriptions live in its global registry).
const bundle = await build({
  stdin: {
    contents: `export * from './src/feed/schema.ts';
export * as taxonomy from './src/feed/taxonomy.ts';
export { HOW_TO } from './src/feed/how-to.ts';
export * as lexicon from './src/feed/lexicon.ts';
export { generateChecks } from './src/feed/codegen/compile-checks.ts';
export { toJSONSchema } from 'zod/mini';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true, write: false, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning',
});
const code = bundle.outputFiles[0].text;
const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
const { FeedSchema, FORMAT, MAX_LENGTH, taxonomy: t, lexicon: lx, toJSONSchema, generateChecks } = mod;
const { OfferSchema, StructureShellSchema, EnvelopeSchema, StructureSchema } = mod;

// `io: 'input'`: describes what a publisher writes; objects stay open (no additionalProperties:
// false), because readers ignore unknown fields (forward compatibility, FEED-SPEC.md).
const generated = toJSONSchema(FeedSchema, { io: 'input', target: 'draft-2020-12' });
// toJSONSchema renders z.url({ protocol, hostname }) as a bare `format: uri`: restore the
// http(s)-only rule with a pattern, so editors reject `javascript:` links as readers do.
(function httpOnly(node) {
  if (!node || typeof node !== 'object') return;
  if (node.format === 'uri' && !node.pattern) node.pattern = '^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s]+\\.[^/?#\\s]+';
  for (const child of Object.values(node)) httpOnly(child);
})(generated);

const schema = {
  $schema: generated.$schema,
  $id: 'urn:sos-annuaire:schema:sos-feed-1',
  title: `Flux de l'annuaire régional des soins oncologiques de support (${FORMAT})`,
  description: "Document JSON publié par un DSRC et lu par les éléments web sos-annuaire. Généré depuis src/feed/schema.ts (npm run schema) : ne pas modifier à la main. Les lecteurs sont plus tolérants que ce schéma : voir data-schema/README.md (« Comportement des lecteurs »). Codes et libellés : data-schema/taxonomy.json.",
  ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
};

const enumeration = (e) => e.codes.map((code) => ({ code, label: e.labels[code] }));
const taxonomy = {
  $comment: 'Généré depuis src/feed/taxonomy.ts (npm run schema) : ne pas modifier à la main. Les codes sont le contrat du flux ; les libellés peuvent évoluer.',
  format: FORMAT,
  groups: Object.entries(t.CARE_GROUPS).map(([code, label]) => ({ code, label })),
  categories: t.CATEGORIES.map((c) => ({
    code: c.code,
    label: c.label,
    short: c.short,
    group: c.group,
    color: c.color,
    synonyms: lx.SYNONYMS[c.code] ?? [],
    subcares: c.subcares.map((s) => ({
      code: s.code,
      label: s.label,
      nonConventional: s.nonConventional === true,
      ...(lx.SYNONYMS[s.code] ? { synonyms: lx.SYNONYMS[s.code] } : {}),
    })),
  })),
  enumerations: {
    kind: enumeration(t.STRUCTURE_KINDS),
    audiences: enumeration(t.AUDIENCES),
    ages: enumeration(t.AGES),
    settings: enumeration(t.SETTINGS),
    phases: enumeration(t.PHASES),
    access: enumeration(t.ACCESS),
    referral: enumeration(t.REFERRALS),
    cost: enumeration(t.COSTS),
    pathways: enumeration(t.PATHWAYS),
    howTo: enumeration(mod.HOW_TO),
  },
  nonConventionalNotice: t.NON_CONVENTIONAL_NOTICE,
  maxLength: MAX_LENGTH,
  lexicon: {
    $comment: "Les mots des personnes qui cherchent (besoins, symptômes, situations, vocabulaire des professionnels) et ce qu'ils signifient : codes de la taxonomie avec un poids (3 : d'abord, 2 : aussi, 1 : parfois). role : need (ajoute des résultats), filter (restreint : « gratuit »), context (ne fait que classer : « chimio »). Source : src/feed/lexicon.ts ; version tableur : lexique.csv.",
    entries: lx.LEXICON.map((e) => ({ fr: e.fr, en: e.en, means: e.means, role: e.role ?? 'need' })),
    fillers: lx.FILLERS,
  },
};

/**
 * The lexicon as a spreadsheet a DSRC opens in Excel (UTF-8 with BOM, ";"): one row per entry,
 * the phrasings joined by " | ", the meanings as "code:poids".
 */
const cell = (v) => (/[";\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const lexiconCsv = `\ufeff${[
  ['mots_fr', 'mots_en', 'signifie', 'role'],
  ...lx.LEXICON.map((e) => [e.fr.join(' | '), e.en.join(' | '), Object.entries(e.means).map(([c, w]) => `${c}:${w}`).join(' | '), e.role ?? 'need']),
].map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;

// The widget's validators (a yes/no check of the envelope, cleaning walkers of records), generated from the same schemas (see src/feed/codegen/compile-checks.ts).
const keys = (o) => JSON.stringify(Object.keys(o.def.shape));
const checks = generateChecks(
  { checkEnvelope: EnvelopeSchema },
  { walkOffer: OfferSchema, walkStructureShell: StructureShellSchema },
  `
/** Field names per level, for the "unknown field" warning. */
export const KNOWN_KEYS = {
  structure: ${keys(StructureSchema)},
  offer: ${keys(OfferSchema)},
  address: ${keys(StructureSchema.def.shape.address)},
  contact: ${keys(OfferSchema.def.shape.contact.def.innerType)},
  location: ${keys(StructureSchema.def.shape.location.def.innerType)},
  accessibility: ${keys(StructureSchema.def.shape.accessibility.def.innerType)},
  serviceArea: ${keys(OfferSchema.def.shape.serviceArea.def.innerType)},
  closure: ${keys(StructureSchema.def.shape.closure.def.innerType)},
};
`,
);

const outputs = {
  'src/feed/generated/checks.ts': checks,
  'data-schema/sos-feed.schema.json': `${JSON.stringify(schema, null, 2)}\n`,
  'data-schema/taxonomy.json': `${JSON.stringify(taxonomy, null, 2)}\n`,
  'data-schema/lexique.csv': lexiconCsv,
};

let stale = 0;
for (const [rel, text] of Object.entries(outputs)) {
  const file = resolve(root, rel);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (check) {
    if (current !== text) {
      stale++;
      console.error(`${rel} : ${current === undefined ? 'absent' : 'périmé'} — lancez « npm run schema » et committez le résultat`);
    }
  } else if (current !== text) {
    writeFileSync(file, text);
    console.log(`écrit ${rel}`);
  } else {
    console.log(`à jour ${rel}`);
  }
}
if (check) {
  if (stale) process.exit(1);
  console.log('data-schema : fichiers générés à jour');
}
