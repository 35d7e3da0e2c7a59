/**
 * `sos-feed from-csv <tableur.csv|.xlsx>`: the steward's spreadsheet → the published feed. Every
 * problem of every row in one run (with suggestions), structures unverified for over 14 months
 * left out unless kept (--keep), and never a feed where every structure was rejected, nor one
 * that lost more than half of them without --force.
 */
import { publicFeed } from '../publish/publish.js';
import { tableToFeed } from '../publish/sheet.js';
import { UsageError, nowIso, outPath, parseDay, parseMax, parseMaxSize, positionals, type Values } from './args.js';
import { ioReason, outputProblem, writeOutputFile } from './files.js';
import { hoursDiagnostics } from './hours-check.js';
import { describeSource, InputError, read, sheetTable } from './inputs.js';
import { debugTrace, neutralise, OutputError, printJson, printLines } from './output.js';
import { formatItems, fromProblems, plural, type ExitCode, type ReportItem } from './report.js';

export async function fromSheet(args: string[], values: Values): Promise<ExitCode> {
  const [file] = positionals(args, ['le fichier du tableur'], 'sos-feed from-csv annuaire.csv --publisher-id … --publisher-name …');
  const missing = ['publisher-id', 'publisher-name'].filter((o) => !values[o as 'publisher-id']);
  if (missing.length) throw new UsageError(`option${missing.length > 1 ? 's' : ''} obligatoire${missing.length > 1 ? 's' : ''} : ${missing.map((o) => `--${o}`).join(', ')}`);
  const now = parseDay(values.now, '--now');
  const max = parseMax(values.max);
  const maxBytes = parseMaxSize(values['max-size']);
  const keep = (values.keep ?? []).flatMap((k) => k.split(',')).map((k) => k.trim()).filter(Boolean);

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

  const out = outPath(values.out);
  const lines = [`Tableur : ${file}`];
  const unusable = async (message: string, trace: string[] = []): Promise<ExitCode> => {
    await printLines('stderr', [...lines, '', `Erreur : ${message}`, ...trace, '', 'Verdict : tableur inutilisable, aucun flux produit.']);
    return 2;
  };
  // Before any work: a wrong --out would only be found after a long conversion.
  if (out !== undefined) {
    const problem = await outputProblem(out, file);
    if (problem) return unusable(problem);
  }

  let sheet;
  try {
    sheet = await sheetTable(await read(file, maxBytes));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return unusable(e.message, debugTrace(e));
  }
  const result = tableToFeed(sheet.table, { publisher, generatedAt: values['generated-at'] ?? nowIso(), now, extraChecks: hoursDiagnostics });
  lines.push(`Lecture : ${describeSource(sheet.source)}, ${sheet.table.rows.length} lignes de données`);
  const aliases = result.headers.filter((h) => h.alias);
  if (aliases.length) lines.push(`Colonnes lues sous un autre nom : ${aliases.map((h) => `« ${h.header} » → ${h.column}`).join(', ')}`);
  if (!result.feed) {
    lines.push(...formatItems(fromProblems(result.problems), max));
    return unusable(result.fatal ?? 'tableur illisible');
  }

  const published = publicFeed(result.feed, { today: now, keep: keep.includes('all') ? 'all' : keep, compareWith: result.structures.total, force: values.force });
  const items: ReportItem[] = fromProblems(result.problems);
  for (const s of published.leftOut) {
    items.push({ severity: 'warning', code: 'left-out', path: `structure « ${s.id} »`, message: `${s.name} : vérifiée le ${s.verifiedAt}, il y a plus de 14 mois : retirée du flux publié jusqu’à sa confirmation (--keep ${s.id} pour la garder)` });
  }
  const unknownKeep = keep.filter((k) => k !== 'all' && !result.feed!.structures.some((s) => s.id === k));
  if (unknownKeep.length) items.push({ severity: 'warning', code: 'left-out', path: '--keep', message: `structure inconnue : ${unknownKeep.join(', ')}` });
  const feed = published.feed;
  const offers = feed.structures.reduce((n, s) => n + s.offers.length, 0);
  const kept = `${plural(feed.structures.length, 'structure')} sur ${result.structures.total}`;

  if (!published.guard.ok) {
    lines.push(...formatItems(items, max));
    const refusal = published.guard.reason === 'empty'
      ? `aucune structure n’a pu être gardée (${result.structures.total} dans le tableur) : un flux vide viderait l’annuaire de tous les sites partenaires. Corrigez les erreurs ci-dessus et relancez.`
      : `${kept} gardées : moins de la moitié. Le flux n’est pas écrit : il ferait disparaître les autres de tous les sites partenaires. Corrigez les erreurs ci-dessus, ou relancez avec --force pour l’écrire quand même.`;
    await printLines('stderr', [...lines, '', `Erreur : ${refusal}`, '', `Verdict : ${published.guard.reason === 'empty' ? 'aucune structure valide' : 'trop de structures perdues'}, aucun flux écrit.`]);
    return 2;
  }

  lines.push(`Flux produit : ${feed.structures.length} structures, ${offers} offres → ${out ?? 'sortie standard'}`);
  lines.push(...formatItems(items, max));

  // The feed first (to --out or standard output): the verdict says whether it was written.
  let writeError: string[] | undefined;
  const json = JSON.stringify(feed, null, 2);
  try {
    if (out === undefined) await printJson('stdout', json);
    else await writeOutputFile(out, `${neutralise(json, true)}\n`);
  } catch (e) {
    const error = e instanceof OutputError ? e.error : e;
    const whereTo = out === undefined ? 'sur la sortie standard' : `dans ${out}`;
    writeError = ['', `Erreur : impossible d’écrire le flux ${whereTo} : ${ioReason(error)}${out === undefined ? '' : ' ; le fichier existant, s’il y en avait un, est inchangé'}`, ...debugTrace(error)];
  }
  if (writeError) lines.push(...writeError);
  const warnings = items.filter((i) => i.severity === 'warning').length;
  const w = warnings ? `, avec ${plural(warnings, 'avertissement')}` : '';
  const lost = result.rows.rejected > 0 || feed.structures.length < result.structures.total;
  // Structures lost to errors, not those left out on purpose (verified more than 14 months ago).
  const broken = result.rows.rejected > 0 || feed.structures.length + published.leftOut.length < result.structures.total;
  const forced = values.force && feed.structures.length < result.structures.total / 2 ? ' (--force : moins de la moitié des structures)' : '';
  const old = plural(published.leftOut.length, 'structure');
  const [verified, them] = published.leftOut.length > 1 ? ['vérifiées', 'les'] : ['vérifiée', 'la'];
  lines.push('', `Verdict : ${writeError ? `flux ${out === undefined ? 'incomplet ou absent sur la sortie standard' : 'non écrit'} (voir l’erreur ci-dessus).`
    : broken ? `flux produit sans ${plural(result.rows.rejected, 'ligne')} sur ${result.rows.total} (${kept} gardées)${forced}${w} : corrigez les erreurs ci-dessus et relancez.`
    : lost ? `flux produit sans ${old} ${verified} il y a plus de 14 mois (${kept} gardées)${forced}${w} : relancez-${them} (sos-feed campaign), ou --keep pour ${them} garder.`
    : `flux valide produit${w}.`}`);
  await printLines('stderr', lines);
  return writeError ? 2 : lost ? 1 : 0;
}
