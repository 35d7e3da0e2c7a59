/**
 * `sos-feed`: the DSRC data steward's tool. Checks a feed exactly as the widget reads it
 * (`validate`) and turns a spreadsheet export into a feed (`from-csv`). Messages in French.
 * Exit codes: 0 valid (warnings allowed), 1 some records/rows dropped, 2 unusable input or output.
 * Everything printed goes through output.ts (control and escape characters neutralised); no stack
 * trace reaches the user unless --debug.
 */
import '../feed/validate-detail.js'; // the CLI reports every issue: zod's detailed validator, registered up front
import { parseArgs } from 'node:util';
import { csvToFeed } from './csv-to-feed.js';
import { DEFAULT_MAX_SIZE, formatSize, ioReason, MAX_MAX_SIZE, outputProblem, parseSize, writeOutputFile } from './files.js';
import { debugTrace, neutralise, OutputError, printJson, printLines, setDebug } from './output.js';
import { readSource, SourceError } from './read-source.js';
import { formatItems, formatValidateReport, type ExitCode } from './report.js';
import { validateCommand } from './validate-command.js';

declare const __SOS_FEED_VERSION__: string;

const HELP = `sos-feed — outil des DSRC pour le flux de l'annuaire des soins oncologiques de support (sos-feed/1)

Utilisation :
  sos-feed validate <fichier-ou-url> [--json] [--now AAAA-MM-JJ] [--max N] [--max-size 200Mo]
      Vérifie un flux comme le widget le lira : structures et offres gardées ou ignorées,
      erreurs et avertissements avec leur chemin JSON, puis un verdict.

  sos-feed from-csv <tableur.csv> --publisher-id <id> --publisher-name <nom> [options]
      Convertit un export de tableur (une ligne par offre) en flux JSON.
      Colonnes : voir data-schema/csv-columns.md. Séparateur « ; » ou « , », UTF-8 ou Windows-1252.
      Options : --region 75  --license "Licence Ouverte 2.0"  --contact-email adresse
                --contact-url url  --publisher-url url
                --out flux.json (sinon sortie standard ; « --out - » : sortie standard)
                --generated-at 2026-03-12T08:00:00Z (sinon maintenant)  --now AAAA-MM-JJ  --max N
      Le rapport s'affiche sur la sortie d'erreur ; le flux sur la sortie standard ou dans --out.
      --out ne peut pas être le tableur lu. Le fichier --out est remplacé d'un coup, une fois
      le flux entièrement écrit : en cas d'échec (disque plein…), l'ancien fichier reste intact.
      Une cellule qui commence par = + - @ (hors nombres et numéros de téléphone) est signalée :
      gardée telle quelle comme texte, jamais calculée.

  sos-feed --help | help      cette aide
  sos-feed --version          version de l'outil

Options communes :
  --now AAAA-MM-JJ   date de référence pour l'alerte « vérifiée il y a plus de 12 mois »
  --max N            nombre de lignes affichées par type de remarque (10 par défaut)
  --max-size TAILLE  taille maximale du fichier lu ou du flux téléchargé : 200 Mo par défaut,
                     500 Mo au plus ; « 300 » ou « 300Mo » (en Mo comme l'attribut max-size du
                     widget ; unités o, ko, Mo, Go, MB accepté ; 1 Mo = 1 048 576 octets)
  --json             (validate) rapport lisible par une machine
  --debug            affiche aussi la trace technique d'une erreur (pour un signalement)

Les caractères de contrôle lus dans un flux, un tableur, un nom de fichier ou une réponse de
serveur sont affichés sous forme d'échappement (\u001b) : jamais interprétés par le terminal.

Codes de sortie :
  0  flux valide (avertissements possibles)
  1  des structures, offres, lignes ou valeurs sont ignorées (le reste est utilisable)
  2  document inutilisable ou écriture impossible : pas du JSON, mauvais format, enveloppe
     invalide, fichier introuvable ou trop volumineux (--max-size), erreur HTTP ou réseau,
     colonnes obligatoires absentes, option invalide, --out impossible à écrire (dossier
     absent, dossier à la place du fichier, disque plein, --out égal au tableur lu)
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
  'max-size': { type: 'string' },
  debug: { type: 'boolean' },
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

function parseMaxSize(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_SIZE;
  const n = parseSize(value);
  if (n === undefined || n < 1) throw new UsageError(`--max-size attend une taille comme 300 (en Mo), 50Mo ou 300MB, reçu « ${value} »`);
  if (n > MAX_MAX_SIZE) throw new UsageError(`--max-size ${value} : au plus ${formatSize(MAX_MAX_SIZE)} (l’outil lit tout le document en mémoire)`);
  return n;
}

async function validate(positionals: string[], values: ReturnType<typeof parse>['values']): Promise<ExitCode> {
  const [target, ...rest] = positionals;
  if (!target) throw new UsageError('indiquez le fichier ou l’adresse du flux : sos-feed validate flux.json');
  if (rest.length) throw new UsageError(`argument en trop : ${rest.join(' ')}`);
  const now = parseNow(values.now);
  const max = parseMax(values.max);
  const maxBytes = parseMaxSize(values['max-size']);
  const report = await validateCommand(target, { now, maxBytes });
  if (values.json) await printJson('stdout', JSON.stringify(report, null, 2));
  else await printLines('stdout', formatValidateReport(report, max));
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

  const maxBytes = parseMaxSize(values['max-size']);
  // `--out -` (or no --out): the feed goes to standard output.
  const out = values.out === '-' ? undefined : values.out;
  const report = [`Tableur : ${file}`];
  const unusable = async (message: string, trace: string[] = []): Promise<ExitCode> => {
    await printLines('stderr', [...report, '', `Erreur : ${message}`, ...trace, '', 'Verdict : tableur inutilisable, aucun flux produit.']);
    return 2;
  };
  // Before any work: a wrong --out would only be found after a long conversion.
  if (out !== undefined) {
    const problem = await outputProblem(out, file);
    if (problem) return unusable(problem);
  }

  let bytes: Uint8Array;
  try {
    bytes = (await readSource(file, { maxBytes })).bytes;
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    return unusable(e.message, debugTrace(e));
  }
  const result = csvToFeed(bytes, { publisher, generatedAt: values['generated-at'] ?? nowIso(), now });

  const lines = report;
  if (result.table) {
    const sep = result.table.delimiter === '\t' ? 'tabulation' : `« ${result.table.delimiter} »`;
    lines.push(`Lecture : ${result.table.encoding}, séparateur ${sep}, ${result.table.rows} lignes de données`);
  }
  if (result.feed) {
    const offers = result.feed.structures.reduce((n, s) => n + s.offers.length, 0);
    lines.push(`Flux produit : ${result.feed.structures.length} structures, ${offers} offres → ${out ?? 'sortie standard'}`);
  }
  if (result.fatal) lines.push('', `Erreur : ${result.fatal}`);
  lines.push(...formatItems(result.items, max));

  // The feed first (to --out or standard output): the verdict says whether it was written.
  let writeError: string[] | undefined;
  if (result.feed) {
    const json = JSON.stringify(result.feed, null, 2);
    try {
      if (out === undefined) await printJson('stdout', json);
      else await writeOutputFile(out, `${neutralise(json, true)}\n`);
    } catch (e) {
      const error = e instanceof OutputError ? e.error : e;
      const where = out === undefined ? 'sur la sortie standard' : `dans ${out}`;
      writeError = ['', `Erreur : impossible d’écrire le flux ${where} : ${ioReason(error)}${out === undefined ? '' : ' ; le fichier existant, s’il y en avait un, est inchangé'}`, ...debugTrace(error)];
    }
  }
  if (writeError) lines.push(...writeError);
  const warnings = result.items.filter((i) => i.severity === 'warning').length;
  const w = warnings ? `, avec ${warnings} avertissement${warnings > 1 ? 's' : ''}` : '';
  lines.push('', `Verdict : ${writeError ? `flux ${out === undefined ? 'incomplet ou absent sur la sortie standard' : 'non écrit'} (voir l’erreur ci-dessus).`
    : result.exitCode === 2 ? 'tableur inutilisable, aucun flux produit.'
    : result.exitCode === 1 ? `flux produit sans ${result.rows.rejected} ligne${result.rows.rejected > 1 ? 's' : ''} sur ${result.rows.total}${w} : corrigez les erreurs ci-dessus et relancez.`
    : `flux valide produit${w}.`}`);
  await printLines('stderr', lines);
  return writeError ? 2 : result.exitCode;
}

async function main(argv: string[]): Promise<ExitCode> {
  const { values, positionals } = parse(argv);
  const [command, ...args] = positionals;
  if (values.version) {
    await printLines('stdout', [`sos-feed ${__SOS_FEED_VERSION__} (format sos-feed/1)`]);
    return 0;
  }
  if (values.help || command === 'help' || command === undefined) {
    await printLines('stdout', HELP.replace(/\n$/, '').split('\n'));
    return command === undefined && !values.help ? 2 : 0;
  }
  if (command === 'validate') return validate(args, values);
  if (command === 'from-csv') return fromCsv(args, values);
  throw new UsageError(`commande inconnue « ${command} » (commandes : validate, from-csv, help)`);
}

/** The last resort: a French line (and the trace with --debug), exit code 2, never a raw stack trace. */
function fail(e: unknown): void {
  process.exitCode = 2;
  let lines: string[];
  if (e instanceof UsageError) lines = [`sos-feed : ${e.message}`, 'Aide : sos-feed --help'];
  else if (e instanceof OutputError) {
    // Standard error may be the stream that failed: then there is no one left to tell.
    lines = [`sos-feed : impossible d’écrire sur la ${e.stream === 'stdout' ? 'sortie standard' : 'sortie d’erreur'} : ${ioReason(e.error)}`, ...debugTrace(e.error)];
  } else {
    const what = e instanceof Error ? `${e.name} : ${e.message}` : String(e);
    const hint = e instanceof RangeError && /call stack/i.test(e.message) ? ' ; le document est sans doute trop imbriqué' : '';
    lines = [`sos-feed : erreur inattendue (${what})${hint}`, ...debugTrace(e)];
    if (!lines[1]) lines.push('Relancez avec --debug pour la trace technique, à joindre à un signalement.');
  }
  printLines('stderr', lines).catch(() => undefined);
}

const argv = process.argv.slice(2);
setDebug(argv.includes('--debug'));
// Errors outside the awaited path (a stream's late 'error' event) end the same way.
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
main(argv).then((code) => { process.exitCode = code; }, fail);
