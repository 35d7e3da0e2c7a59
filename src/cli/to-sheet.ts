/**
 * `sos-feed to-csv <flux> [--xlsx] [--out tableur.csv]`: a feed back to the working spreadsheet,
 * with the columns of from-csv (and the private ones, empty), one row per offer. A CSV for French
 * Excel (UTF-8 with BOM, `;`), or an .xlsx workbook; every cell through neutraliseFormula, so a
 * formula-looking text stays text. Records the widget would drop are written as they are, with
 * the report saying what to fix: reading the spreadsheet back reports them at their row.
 */
import { csvBytes, writeCsv } from '../publish/csv.js';
import { SHEET_COLUMNS } from '../publish/columns.js';
import { feedToTable } from '../publish/sheet.js';
import { writeXlsx } from '../publish/xlsx.js';
import { UsageError, outPath, parseDay, parseMax, parseMaxSize, positionals, type Values } from './args.js';
import { ioReason, outputProblem, writeOutputFile } from './files.js';
import { feedDocument, InputError, read } from './inputs.js';
import { debugTrace, OutputError, printLines, printText } from './output.js';
import { formatItems, fromProblems, plural, type ExitCode } from './report.js';

/** Columns written as numbers in a workbook. */
export const NUMERIC_COLUMNS = SHEET_COLUMNS.filter((c) => c.kind === 'number').map((c) => c.name);

export async function toSheet(args: string[], values: Values): Promise<ExitCode> {
  const [file] = positionals(args, ['le flux'], 'sos-feed to-csv annuaire.json --out tableur.csv');
  const max = parseMax(values.max);
  const maxBytes = parseMaxSize(values['max-size']);
  const now = parseDay(values.now, '--now');
  const out = outPath(values.out);
  if (values.xlsx && out === undefined) throw new UsageError('--xlsx écrit un classeur : indiquez le fichier avec --out, par ex. --out annuaire.xlsx');
  const lines = [`Flux : ${file}`];
  const unusable = async (message: string, trace: string[] = []): Promise<ExitCode> => {
    await printLines('stderr', [...lines, '', `Erreur : ${message}`, ...trace, '', 'Verdict : aucun tableur écrit.']);
    return 2;
  };
  if (out !== undefined) {
    const problem = await outputProblem(out, file, { what: 'le tableur', input: 'le flux lu', example: values.xlsx ? 'annuaire.xlsx' : 'annuaire.csv' });
    if (problem) return unusable(problem);
  }
  let loaded;
  try {
    loaded = feedDocument(await read(file, maxBytes), now);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return unusable(e.message, debugTrace(e));
  }
  const doc = loaded.doc as { structures: unknown[] };
  const table = feedToTable(doc);
  const structures = doc.structures.filter((s) => s !== null && typeof s === 'object' && !Array.isArray(s)).length;
  const skipped = doc.structures.length - structures;
  const errors = [...loaded.cuts, ...loaded.check.problems].filter((p) => p.severity === 'error');
  lines.push(`Tableur : ${plural(structures, 'structure')}, ${plural(table.rows.length, 'ligne')} (une par offre) → ${out ?? 'sortie standard'}${values.xlsx ? ' (classeur .xlsx)' : ' (CSV UTF-8, « ; »)'}`);
  if (skipped) lines.push(`${plural(skipped, 'structure')} qui n’${skipped > 1 ? 'étaient' : 'était'} pas un objet JSON : non écrite${skipped > 1 ? 's' : ''}`);
  if (errors.length) lines.push('Les structures et offres que le widget ignorerait sont écrites telles quelles : corrigez-les dans le tableur (from-csv les signalera à leur ligne).');
  lines.push(...formatItems(fromProblems([...loaded.cuts, ...loaded.check.problems]), max));

  try {
    if (values.xlsx) await writeOutputFile(out!, await writeXlsx(table, { numeric: NUMERIC_COLUMNS }));
    else {
      const csv = writeCsv(table.header, table.rows.map((r) => r.cells));
      if (out === undefined) await printText('stdout', `\uFEFF${csv}`);
      else await writeOutputFile(out, csvBytes(csv));
    }
  } catch (e) {
    const error = e instanceof OutputError ? e.error : e;
    lines.push('', `Erreur : impossible d’écrire le tableur ${out === undefined ? 'sur la sortie standard' : `dans ${out}`} : ${ioReason(error)}`, ...debugTrace(error));
    await printLines('stderr', [...lines, '', 'Verdict : tableur non écrit.']);
    return 2;
  }
  lines.push('', `Verdict : tableur écrit${errors.length ? `, avec ${plural(errors.length, 'erreur')} à corriger` : ''}.`);
  await printLines('stderr', lines);
  return errors.length ? 1 : 0;
}
