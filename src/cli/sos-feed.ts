/**
 * `sos-feed`: the DSRC data steward's tool. Checks a feed exactly as the widget reads it
 * (`validate`) and turns a spreadsheet export into a feed (`from-csv`). Messages in French.
 * Exit codes: 0 valid (warnings allowed), 1 some records/rows dropped, 2 unusable input.
 */
import '../feed/validate-detail.js'; // the CLI reports every issue: zod's detailed validator, registered up front
import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { csvToFeed } from './csv-to-feed.js';
import { readSource, SourceError } from './read-source.js';
import { formatItems, formatValidateReport, type ExitCode } from './report.js';
import { validateCommand } from './validate-command.js';

declare const __SOS_FEED_VERSION__: string;

const HELP = `sos-feed — outil des DSRC pour le flux de l'annuaire des soins oncologiques de support (sos-feed/1)

Utilisation :
  sos-feed validate <fichier-ou-url> [--json] [--now AAAA-MM-JJ] [--max N]
      Vérifie un flux comme le widget le lira : structures et offres gardées ou ignorées,
      erreurs et avertissements avec leur chemin JSON, puis un verdict.

  sos-feed from-csv <tableur.csv> --publisher-id <id> --publisher-name <nom> [options]
      Convertit un export de tableur (une ligne par offre) en flux JSON.
      Colonnes : voir data-schema/csv-columns.md. Séparateur « ; » ou « , », UTF-8 ou Windows-1252.
      Options : --region 75  --license "Licence Ouverte 2.0"  --contact-email adresse
                --contact-url url  --publisher-url url  --out flux.json (sinon sortie standard)
                --generated-at 2026-03-12T08:00:00Z (sinon maintenant)  --now AAAA-MM-JJ  --max N
      Le rapport s'affiche sur la sortie d'erreur ; le flux sur la sortie standard ou dans --out.

  sos-feed --help | help      cette aide
  sos-feed --version          version de l'outil

Options communes :
  --now AAAA-MM-JJ   date de référence pour l'alerte « vérifiée il y a plus de 12 mois »
  --max N            nombre de lignes affichées par type de remarque (10 par défaut)
  --json             (validate) rapport lisible par une machine

Codes de sortie :
  0  flux valide (avertissements possibles)
  1  des structures, offres ou lignes sont ignorées (le reste est utilisable)
  2  document inutilisable (pas du JSON, mauvais format, enveloppe invalide, fichier
     introuvable, erreur HTTP ou réseau, colonnes obligatoires absentes)
`;

class UsageError extends Error {}

const OPTIONS = {
  json: { type: 'boolean' },
  now: { type: 'string' },
  max: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  out: { type: 'string', short: 'o' },
  'publisher-id': { type: 'string' },
  'publisher-name': { type: 'string' },
  'publisher-url': { type: 'string' },
  region: { type: 'string' },
  license: { type: 'string' },
  'contact-email': { type: 'string' },
  'contact-url': { type: 'string' },
  'generated-at': { type: 'string' },
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const name = /'([^']+)'/.exec((e as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`option inconnue ${name}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`valeur manquante ou invalide pour l'option ${name.split(' ')[0]}`);
    throw new UsageError((e as Error).message);
  }
}

function parseNow(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--now attend une date AAAA-MM-JJ, reçu « ${value} »`);
  return date;
}

function parseMax(value: string | undefined): number {
  if (value === undefined) return 10;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max attend un nombre entier, reçu « ${value} »`);
  return n;
}

async function validate(positionals: string[], values: ReturnType<typeof parse>['values']): Promise<ExitCode> {
  const [target, ...rest] = positionals;
  if (!target) throw new UsageError('indiquez le fichier ou l’adresse du flux : sos-feed validate flux.json');
  if (rest.length) throw new UsageError(`argument en trop : ${rest.join(' ')}`);
  const report = await validateCommand(target, { now: parseNow(values.now) });
  const max = parseMax(values.max);
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatValidateReport(report, max)}\n`);
  return report.exitCode;
}

/** Seconds-precision RFC 3339, as people write it. */
const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

async function fromCsv(positionals: string[], values: ReturnType<typeof parse>['values']): Promise<ExitCode> {
  const [file, ...rest] = positionals;
  if (!file) throw new UsageError('indiquez le fichier du tableur : sos-feed from-csv annuaire.csv --publisher-id … --publisher-name …');
  if (rest.length) throw new UsageError(`argument en trop : ${rest.join(' ')}`);
  const missing = ['publisher-id', 'publisher-name'].filter((o) => !values[o as 'publisher-id']);
  if (missing.length) throw new UsageError(`option${missing.length > 1 ? 's' : ''} obligatoire${missing.length > 1 ? 's' : ''} : ${missing.map((o) => `--${o}`).join(', ')}`);
  const now = parseNow(values.now);
  const max = parseMax(values.max);

  const publisher: Record<string, unknown> = { id: values['publisher-id'], name: values['publisher-name'] };
  if (values.region) publisher.region = values.region;
  if (values['publisher-url']) publisher.url = values['publisher-url'];
  if (values['contact-email'] || values['contact-url']) {
    publisher.contact = {
      ...(values['contact-email'] ? { email: values['contact-email'] } : {}),
      ...(values['contact-url'] ? { url: values['contact-url'] } : {}),
    };
  }
  if (values.license) publisher.license = values.license;

  let bytes: Uint8Array;
  try {
    bytes = (await readSource(file)).bytes;
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    process.stderr.write(`Tableur : ${file}\n\nErreur : ${e.message}\n\nVerdict : tableur inutilisable.\n`);
    return 2;
  }
  const result = csvToFeed(bytes, { publisher, generatedAt: values['generated-at'] ?? nowIso(), now });

  const lines = [`Tableur : ${file}`];
  if (result.table) {
    const sep = result.table.delimiter === '\t' ? 'tabulation' : `« ${result.table.delimiter} »`;
    lines.push(`Lecture : ${result.table.encoding}, séparateur ${sep}, ${result.table.rows} lignes de données`);
  }
  if (result.feed) {
    const offers = result.feed.structures.reduce((n, s) => n + s.offers.length, 0);
    lines.push(`Flux produit : ${result.feed.structures.length} structures, ${offers} offres → ${values.out ?? 'sortie standard'}`);
  }
  if (result.fatal) lines.push('', `Erreur : ${result.fatal}`);
  lines.push(...formatItems(result.items, max));
  const warnings = result.items.filter((i) => i.severity === 'warning').length;
  const w = warnings ? `, avec ${warnings} avertissement${warnings > 1 ? 's' : ''}` : '';
  lines.push('', `Verdict : ${result.exitCode === 2 ? 'tableur inutilisable, aucun flux produit.'
    : result.exitCode === 1 ? `flux produit sans ${result.rows.rejected} ligne${result.rows.rejected > 1 ? 's' : ''} sur ${result.rows.total}${w} : corrigez les erreurs ci-dessus et relancez.`
    : `flux valide produit${w}.`}`);

  if (result.feed) {
    const json = `${JSON.stringify(result.feed, null, 2)}\n`;
    if (values.out) await writeFile(values.out, json, 'utf8');
    else process.stdout.write(json);
  }
  process.stderr.write(`${lines.join('\n')}\n`);
  return result.exitCode;
}

async function main(argv: string[]): Promise<ExitCode> {
  const { values, positionals } = parse(argv);
  const [command, ...args] = positionals;
  if (values.version) {
    process.stdout.write(`sos-feed ${__SOS_FEED_VERSION__} (format sos-feed/1)\n`);
    return 0;
  }
  if (values.help || command === 'help' || command === undefined) {
    process.stdout.write(HELP);
    return command === undefined && !values.help ? 2 : 0;
  }
  if (command === 'validate') return validate(args, values);
  if (command === 'from-csv') return fromCsv(args, values);
  throw new UsageError(`commande inconnue « ${command} » (commandes : validate, from-csv, help)`);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`sos-feed : ${e.message}\nAide : sos-feed --help\n`);
    } else {
      process.stderr.write(`sos-feed : erreur inattendue : ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    }
    process.exitCode = 2;
  },
);
