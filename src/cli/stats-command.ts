/**
 * `sos-feed stats <flux-ou-tableur> [--out couverture.csv] [--zones zones-blanches.csv]`: coverage
 * for the report to the ARS (département × category, structures and offers; per category the
 * communes of the region farther than 20 km from any offer) and the completeness of the records
 * (what to fix first). Exit code 0, 2 when the input cannot be read.
 */
import { loadCommunes, normalizeCommuneName, type CommuneIndex } from '../geo/communes.js';
import { coverage, coverageTable, whiteZonesTable } from '../publish/coverage.js';
import { csvBytes, writeCsv } from '../publish/csv.js';
import { quality } from '../publish/quality.js';
import type { FeedStructure, GeoPoint } from '../feed/schema.js';
import type { Table } from '../publish/table.js';
import { UsageError, outPath, parseDay, parseMax, parseMaxSize, positionals, type Values } from './args.js';
import { ioReason, outputProblem, writeOutputFile } from './files.js';
import { InputError, loadDirectory } from './inputs.js';
import { debugTrace, OutputError, printLines } from './output.js';
import { plural, type ExitCode } from './report.js';

/** The centre of a structure's commune: by INSEE code, else by postal code and name. */
function centreOf(index: CommuneIndex): (s: FeedStructure) => GeoPoint | undefined {
  return (s) => {
    if (s.address.insee) return index.byInsee.get(s.address.insee.toUpperCase());
    const entries = index.byCode.get(s.address.postalCode) ?? [];
    const name = normalizeCommuneName(s.address.city);
    const hit = entries.map((i) => index.entries[i]!).find((e) => e.key === name);
    return hit?.commune;
  };
}

export async function statsCommand(args: string[], values: Values): Promise<ExitCode> {
  const [file] = positionals(args, ['le flux ou le tableur'], 'sos-feed stats annuaire.json --out couverture.csv');
  const maxBytes = parseMaxSize(values['max-size']);
  const now = parseDay(values.now, '--now');
  const max = parseMax(values.max);
  const radiusKm = values.rayon === undefined ? 20 : Number(values.rayon.replace(',', '.'));
  if (!(radiusKm > 0 && radiusKm <= 200)) throw new UsageError(`--rayon attend une distance en km (plus de 0, 200 au plus), reçu « ${values.rayon} »`);
  const departments = values.departements?.split(/[,\s]+/).map((d) => d.trim().toUpperCase()).filter(Boolean).map((d) => (/^\d$/.test(d) ? `0${d}` : d));
  if (departments?.some((d) => !/^(?:\d{2}|2A|2B|97[1-6])$/.test(d))) throw new UsageError(`--departements attend des codes séparés par des virgules (33,40,2A), reçu « ${values.departements} »`);
  const outs = [[outPath(values.out), '--out', 'couverture.csv'], [outPath(values.zones), '--zones', 'zones-blanches.csv']] as const;
  const fail = async (message: string, trace: string[] = []): Promise<ExitCode> => {
    await printLines('stderr', [`Erreur : ${message}`, ...trace, '', 'Verdict : statistiques impossibles.']);
    return 2;
  };
  for (const [out, option, example] of outs) {
    if (out === undefined) continue;
    const problem = await outputProblem(out, file, { option, what: 'le tableau', input: 'le fichier lu', example });
    if (problem) return fail(problem);
  }
  if (values.out && values.zones && outPath(values.out) === outPath(values.zones)) return fail('--out et --zones désignent le même fichier');
  let dir;
  try {
    dir = await loadDirectory(file, { maxBytes, now });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return fail(e.message, debugTrace(e));
  }
  const index = await loadCommunes();
  const structures = dir.feed.structures;
  const region = dir.kind === 'feed' ? dir.feed.publisher.region : undefined;
  const c = coverage(structures, { communes: index.communes, departments, region, radiusKm });
  const q = quality(structures, { communeCentre: centreOf(index) });

  const lines = [`Annuaire : ${file}${dir.kind === 'sheet' ? ' (tableur)' : ''} : ${plural(structures.length, 'structure')}, ${plural(structures.reduce((n, s) => n + s.offers.length, 0), 'offre')}`];
  lines.push(`Départements : ${c.departments.join(', ') || '(aucun)'}${departments ? ' (--departements)' : region ? ` (région ${region} de l’éditeur)` : ' (ceux des structures)'}`);
  lines.push('', 'Couverture par catégorie : structures / offres ; communes à plus de ' + `${radiusKm} km d’une offre sur place ou à domicile`);
  const byCare = new Map<string, { structures: number; offers: number; white: number; communes: number; label: string }>();
  for (const cell of c.cells) {
    const x = byCare.get(cell.care) ?? { structures: 0, offers: 0, white: 0, communes: 0, label: cell.careLabel };
    x.structures += cell.structures;
    x.offers += cell.offers;
    x.white += cell.whiteCommunes;
    x.communes += cell.communes;
    byCare.set(cell.care, x);
  }
  for (const [care, x] of byCare) lines.push(`  ${x.label} [${care}] : ${x.structures} / ${x.offers} ; ${x.white} commune${x.white > 1 ? 's' : ''} sur ${x.communes} à plus de ${radiusKm} km`);
  lines.push('', `Qualité des fiches : ${q.overall}/100 en moyenne`);
  if (q.criteria.length) {
    lines.push('À compléter en priorité :');
    for (const k of q.criteria) lines.push(`  ${k.label} : ${plural(k.structures, 'structure')}`);
    const worst = q.structures.filter((s) => s.score < 100);
    lines.push('', `Fiches les moins complètes (${worst.length}) :`);
    for (const s of (max ? worst.slice(0, max) : worst)) lines.push(`  ${s.score}/100 ${s.name} [${s.id}] : manque ${s.missing.map((m) => m.label).join(' ; ')}`);
    if (max && worst.length > max) lines.push(`  … et ${worst.length - max} autres`);
  }
  const written: string[] = [];
  const tables: [string | undefined, Table, string][] = [[outPath(values.out), coverageTable(c), 'couverture'], [outPath(values.zones), whiteZonesTable(c), 'zones blanches']];
  for (const [out, table, what] of tables) {
    if (out === undefined) continue;
    try {
      await writeOutputFile(out, csvBytes(writeCsv(table.header, table.rows.map((r) => r.cells))));
      written.push(`${what} → ${out} (${plural(table.rows.length, 'ligne')})`);
    } catch (e) {
      const error = e instanceof OutputError ? e.error : e;
      await printLines('stdout', lines);
      return fail(`impossible d’écrire ${out} : ${ioReason(error)}`, debugTrace(error));
    }
  }
  if (written.length) lines.push('', `Tableaux écrits : ${written.join(' ; ')}`);
  await printLines('stdout', lines);
  return 0;
}
