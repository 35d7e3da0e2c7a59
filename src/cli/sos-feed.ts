/**
 * `sos-feed`: the DSRC data steward's tool. Checks a feed exactly as the widget reads it
 * (`validate`), turns the working spreadsheet into a feed and back (`from-csv`, `to-csv`), and
 * helps keep it fresh (`diff`, `campaign`, `stats`). The work itself is the shared core in
 * src/publish (also used by the publisher's workbench); this is the file and terminal side.
 * Messages in French. Exit codes: 0 done, 1 something dropped or differing, 2 unusable input or
 * output. Everything printed goes through output.ts (control and escape characters neutralised);
 * no stack trace reaches the user unless --debug.
 */
import '../feed/validate-detail.js'; // the CLI reports every issue: zod's detailed validator, registered up front
import { checkOptions, parse, parseDay, parseMax, parseMaxSize, positionals, UsageError, type Values } from './args.js';
import { campaignCommand } from './campaign-command.js';
import { diffCommand } from './diff-command.js';
import { ioReason } from './files.js';
import { fromSheet } from './from-sheet.js';
import { debugTrace, OutputError, printJson, printLines, setDebug } from './output.js';
import { formatValidateReport, type ExitCode } from './report.js';
import { statsCommand } from './stats-command.js';
import { toSheet } from './to-sheet.js';
import { validateCommand } from './validate-command.js';

declare const __SOS_FEED_VERSION__: string;

const HELP = `sos-feed — outil des DSRC pour le flux de l'annuaire des soins oncologiques de support (sos-feed/1)

Utilisation :
  sos-feed validate <fichier-ou-url> [--json] [--now AAAA-MM-JJ] [--max N] [--max-size 200Mo]
      Vérifie un flux comme le widget le lira : structures et offres gardées ou ignorées,
      erreurs et avertissements avec leur chemin JSON, puis un verdict. Un flux sans aucune
      structure est signalé (code 1) : publié, il viderait l'annuaire des sites partenaires.

  sos-feed from-csv <tableur.csv|tableur.xlsx> --publisher-id <id> --publisher-name <nom> [options]
      Convertit le tableur de travail (une ligne par offre) en flux JSON : CSV (« ; » ou « , »,
      UTF-8 ou Windows-1252) ou classeur Excel .xlsx. Colonnes : data-schema/csv-columns.md ;
      les en-têtes usuels sont reconnus (« CP », « Ville », « Date de vérification »…).
      Toutes les erreurs de toutes les lignes en une fois, avec une suggestion quand une valeur
      est proche d'un code (« Comité de la Ligue » → comite-ligue ?).
      Options : --region 75  --license "Licence Ouverte 2.0"  --contact-email adresse
                --contact-url url  --publisher-url url
                --out flux.json (sinon sortie standard ; « --out - » : sortie standard)
                --generated-at 2026-03-12T08:00:00Z (sinon maintenant)  --now AAAA-MM-JJ  --max N
                --keep <id,…|all>  garder des structures vérifiées il y a plus de 14 mois
                                   (sinon retirées du flux publié, et signalées)
                --force            écrire le flux même s'il a perdu plus de la moitié des
                                   structures du tableur (jamais un flux sans aucune structure)
      Le rapport s'affiche sur la sortie d'erreur ; le flux sur la sortie standard ou dans --out.
      --out ne peut pas être le tableur lu. Le fichier --out est remplacé d'un coup, une fois
      le flux entièrement écrit : en cas d'échec (disque plein…), l'ancien fichier reste intact.
      Une cellule qui commence par = + - @ (hors nombres et numéros de téléphone) est signalée :
      gardée telle quelle comme texte, jamais calculée. Les colonnes privées (referent_nom,
      referent_email, referent_telephone, derniere_relance) ne vont jamais dans le flux.

  sos-feed to-csv <flux> [--xlsx] [--out tableur.csv]
      Le flux redevient le tableur de travail (colonnes de from-csv, une ligne par offre,
      colonnes privées vides) : CSV pour Excel (UTF-8 avec BOM, « ; ») ou, avec --xlsx, classeur
      Excel (--out obligatoire). Relu par from-csv, il redonne le même flux. Une cellule qui
      ressemble à une formule (=HYPERLINK(…)) est écrite précédée d'une apostrophe : du texte.

  sos-feed diff <ancien> <nouveau> [--json]
      Ce qui change entre deux versions (flux ou tableurs) : structures et offres ajoutées,
      retirées, modifiées champ par champ. Code 0 identiques, 1 différents.

  sos-feed campaign <flux-ou-tableur> [--today AAAA-MM-JJ] [--out publipostage.csv] [--xlsx]
      Vérification annuelle au jour dit (aujourd'hui par défaut) : structures à relancer
      (échéance dans les 30 jours), en retard (plus de 12 mois), à retirer (plus de 14 mois),
      avec leur référent (colonnes privées du tableur). --out écrit le publipostage : objet,
      message avec la fiche actuelle, lien mailto, par structure. --publisher-name signe les
      messages quand on part d'un tableur.

  sos-feed stats <flux-ou-tableur> [--out couverture.csv] [--zones zones-blanches.csv]
                 [--departements 33,40] [--rayon 20]
      Pour le rapport à l'ARS : structures et offres par département et catégorie, communes de
      la région à plus de 20 km de toute offre (« zones blanches ») ; qualité des fiches (ce qui
      manque, à compléter en priorité). La région est celle de l'éditeur du flux (--region de
      from-csv), sinon les départements des structures, sinon --departements.

  sos-feed --help | help      cette aide
  sos-feed --version          version de l'outil

Options communes :
  --now AAAA-MM-JJ   date de référence (fraîcheur des informations, 12 et 14 mois)
  --max N            nombre de lignes affichées par type de remarque (10 par défaut)
  --max-size TAILLE  taille maximale du fichier lu ou du flux téléchargé : 200 Mo par défaut,
                     500 Mo au plus ; « 300 » ou « 300Mo » (en Mo comme l'attribut max-size du
                     widget ; unités o, ko, Mo, Go, MB accepté ; 1 Mo = 1 048 576 octets)
  --json             (validate, diff) rapport lisible par une machine
  --debug            affiche aussi la trace technique d'une erreur (pour un signalement)

Les caractères de contrôle lus dans un flux, un tableur, un nom de fichier ou une réponse de
serveur sont affichés sous forme d'échappement (\u001b) : jamais interprétés par le terminal.

Codes de sortie :
  0  flux valide (avertissements possibles) ; commande faite ; diff : aucune différence
  1  des structures, offres, lignes ou valeurs sont ignorées (le reste est utilisable) ;
     flux vide (validate) ; diff : des différences
  2  document inutilisable ou écriture impossible : pas du JSON, mauvais format, enveloppe
     invalide, fichier introuvable ou trop volumineux (--max-size), erreur HTTP ou réseau,
     colonnes obligatoires absentes, option invalide, --out impossible à écrire (dossier
     absent, dossier à la place du fichier, disque plein, --out égal au fichier lu) ;
     from-csv : aucune structure valide, ou moins de la moitié sans --force (rien n'est écrit)
`;

async function validate(args: string[], values: Values): Promise<ExitCode> {
  const [target] = positionals(args, ['le fichier ou l’adresse du flux'], 'sos-feed validate flux.json');
  const now = parseDay(values.now, '--now');
  const max = parseMax(values.max);
  const maxBytes = parseMaxSize(values['max-size']);
  const report = await validateCommand(target!, { now, maxBytes });
  if (values.json) await printJson('stdout', JSON.stringify(report, null, 2));
  else await printLines('stdout', formatValidateReport(report, max));
  return report.exitCode;
}

const COMMANDS: Record<string, (args: string[], values: Values) => Promise<ExitCode>> = {
  validate,
  'from-csv': fromSheet,
  'to-csv': toSheet,
  diff: diffCommand,
  campaign: campaignCommand,
  stats: statsCommand,
};

async function main(argv: string[]): Promise<ExitCode> {
  const { values, positionals: words } = parse(argv);
  const [command, ...args] = words;
  if (values.version) {
    await printLines('stdout', [`sos-feed ${__SOS_FEED_VERSION__} (format sos-feed/1)`]);
    return 0;
  }
  if (values.help || command === 'help' || command === undefined) {
    await printLines('stdout', HELP.replace(/\n$/, '').split('\n'));
    return command === undefined && !values.help ? 2 : 0;
  }
  const run = COMMANDS[command];
  if (!run) throw new UsageError(`commande inconnue « ${command} » (commandes : ${Object.keys(COMMANDS).join(', ')}, help)`);
  checkOptions(command, values);
  return run(args, values);
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
