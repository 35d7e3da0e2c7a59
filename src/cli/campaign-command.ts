/**
 * `sos-feed campaign <flux-ou-tableur> [--today AAAA-MM-JJ] [--out publipostage.csv]`: the yearly
 * verification as of a day: structures due for their check, overdue, to remove, each with its
 * référent (the spreadsheet's private columns) and a reminder; --out writes the mail-merge table
 * (CSV for French Excel, or .xlsx with --xlsx). Exit code 0, 2 when the input cannot be read.
 */
import { campaign, mailMergeTable, STATUS_LABEL, type Reminder } from '../publish/campaign.js';
import { csvBytes, writeCsv } from '../publish/csv.js';
import { shortFrenchDate } from '../publish/dates.js';
import { writeXlsx } from '../publish/xlsx.js';
import { UsageError, outPath, parseDay, parseMaxSize, positionals, type Values } from './args.js';
import { ioReason, outputProblem, writeOutputFile } from './files.js';
import { InputError, loadDirectory } from './inputs.js';
import { debugTrace, OutputError, printLines } from './output.js';
import { plural, type ExitCode } from './report.js';

const line = (r: Reminder) => {
  const to = r.toSource === 'referent' ? `référent : ${r.referent?.name ? `${r.referent.name} <${r.to}>` : r.to}`
    : r.toSource === 'structure' ? `pas de référent : courriel de la structure ${r.to}` : 'aucune adresse : ni référent ni courriel';
  const when = r.status === 'due' ? `échéance le ${shortFrenchDate(r.dueOn ?? '')}` : r.status === 'overdue' ? `retrait le ${shortFrenchDate(r.removedOn ?? '')} sans réponse` : 'retirée du flux publié';
  const last = r.referent?.lastReminder ? ` ; dernière relance le ${shortFrenchDate(r.referent.lastReminder)}` : '';
  return `  ${r.name} [${r.id}] : vérifiée le ${shortFrenchDate(r.verifiedAt)}, ${when} ; ${to}${last}`;
};

export async function campaignCommand(args: string[], values: Values): Promise<ExitCode> {
  const [file] = positionals(args, ['le flux ou le tableur'], 'sos-feed campaign tableur.xlsx --today 2026-12-01 --out publipostage.csv');
  if (values.today && values.now && values.today !== values.now) throw new UsageError('--today et --now disent deux dates différentes : gardez-en une');
  const today = parseDay(values.today ?? values.now, values.today ? '--today' : '--now');
  const maxBytes = parseMaxSize(values['max-size']);
  const out = outPath(values.out);
  if (values.xlsx && out === undefined) throw new UsageError('--xlsx écrit un classeur : indiquez le fichier avec --out, par ex. --out publipostage.xlsx');
  const fail = async (message: string, trace: string[] = []): Promise<ExitCode> => {
    await printLines('stderr', [`Erreur : ${message}`, ...trace, '', 'Verdict : campagne impossible.']);
    return 2;
  };
  if (out !== undefined) {
    const problem = await outputProblem(out, file, { what: 'le publipostage', input: 'le fichier lu', example: 'publipostage.csv' });
    if (problem) return fail(problem);
  }
  let dir;
  try {
    dir = await loadDirectory(file, { maxBytes, now: today });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return fail(e.message, debugTrace(e));
  }
  const signer = values['publisher-name'] ?? (dir.kind === 'feed' ? dir.feed.publisher.name : undefined);
  const c = campaign(dir.feed.structures, { today, private: dir.private, ...(signer ? { publisher: { name: signer } } : {}) });
  const total = c.due.length + c.overdue.length + c.remove.length;
  const lines = [
    `Campagne de vérification annuelle au ${shortFrenchDate(c.today)} : ${file}${dir.kind === 'sheet' ? ' (tableur)' : ''}`,
    `${plural(dir.feed.structures.length, 'structure')} : ${c.ok} à jour, ${c.due.length} à relancer, ${c.overdue.length} en retard, ${c.remove.length} à retirer`,
  ];
  const errors = dir.problems.filter((p) => p.severity === 'error').length;
  if (errors) lines.push(`(${plural(errors, 'erreur')} dans le fichier : les structures écartées n’y sont pas ; from-csv ou validate les détaillent)`);
  for (const status of ['due', 'overdue', 'remove'] as const) {
    const list = c[status];
    if (!list.length) continue;
    lines.push('', `${STATUS_LABEL[status][0]!.toUpperCase()}${STATUS_LABEL[status].slice(1)} : ${list.length}`, ...list.map(line));
  }
  const noAddress = [...c.due, ...c.overdue, ...c.remove].filter((r) => r.toSource === 'none').length;
  if (noAddress) lines.push('', `${plural(noAddress, 'structure')} sans adresse de référent ni courriel : ajoutez-la dans la colonne referent_email du tableur.`);
  if (out !== undefined && total) {
    const table = mailMergeTable(c);
    try {
      await writeOutputFile(out, values.xlsx ? await writeXlsx(table, { sheet: 'Publipostage' }) : csvBytes(writeCsv(table.header, table.rows.map((r) => r.cells))));
      lines.push('', `Publipostage : ${plural(total, 'message')} → ${out} (objet, message, lien mailto par structure)`);
    } catch (e) {
      const error = e instanceof OutputError ? e.error : e;
      await printLines('stdout', lines);
      return fail(`impossible d’écrire ${out} : ${ioReason(error)}`, debugTrace(error));
    }
  } else if (out !== undefined) lines.push('', `Aucune relance à faire : ${out} n’est pas écrit.`);
  lines.push('', `Verdict : ${total ? `${plural(total, 'structure')} à relancer ou retirer.` : 'toutes les structures sont à jour.'}`);
  await printLines('stdout', lines);
  return 0;
}
