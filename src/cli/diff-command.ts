/**
 * `sos-feed diff <ancien> <nouveau>`: what changed between two versions of the directory (feeds or
 * spreadsheets): structures and offers added, removed, changed field by field, by id. Exit code 0
 * when they hold the same directory, 1 when they differ (like diff), 2 when one cannot be read.
 */
import { diffFeeds, diffLines, isEmptyDiff } from '../publish/diff.js';
import { parseDay, parseMax, parseMaxSize, positionals, type Values } from './args.js';
import { InputError, loadDirectory, type Directory } from './inputs.js';
import { debugTrace, printJson, printLines } from './output.js';
import type { ExitCode } from './report.js';

export async function diffCommand(args: string[], values: Values): Promise<ExitCode> {
  const [before, after] = positionals(args, ['l’ancien flux', 'le nouveau'], 'sos-feed diff publie.json nouveau.json');
  const maxBytes = parseMaxSize(values['max-size']);
  const now = parseDay(values.now, '--now');
  const max = parseMax(values.max);
  const sides: Directory[] = [];
  for (const spec of [before!, after!]) {
    try {
      sides.push(await loadDirectory(spec, { maxBytes, now }));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      await printLines('stderr', [`Erreur : ${e.message}`, ...debugTrace(e), '', 'Verdict : comparaison impossible.']);
      return 2;
    }
  }
  const [a, b] = sides as [Directory, Directory];
  // A spreadsheet has no publisher of its own: compare publishers only between two feeds.
  const d = diffFeeds(
    { structures: a.feed.structures, ...(a.kind === 'feed' && b.kind === 'feed' ? { publisher: a.feed.publisher } : {}) },
    { structures: b.feed.structures, ...(a.kind === 'feed' && b.kind === 'feed' ? { publisher: b.feed.publisher } : {}) },
  );
  if (values.json) {
    await printJson('stdout', JSON.stringify(d, null, 2));
    return isEmptyDiff(d) ? 0 : 1;
  }
  const dropped = sides.map((s) => s.problems.filter((p) => p.severity === 'error').length);
  const lines = [
    `Ancien : ${a.name}${a.kind === 'sheet' ? ' (tableur)' : ''}`,
    `Nouveau : ${b.name}${b.kind === 'sheet' ? ' (tableur)' : ''}`,
    ...(dropped.some(Boolean) ? [`Comparés tels que les lecteurs les gardent (${dropped[0]} et ${dropped[1]} erreurs écartées : sos-feed validate les détaille).`] : []),
    '',
    ...diffLines(d, max ? Math.max(max, 50) : 0),
    '',
    `Verdict : ${isEmptyDiff(d) ? 'aucune différence.' : 'différences à relire avant de publier.'}`,
  ];
  await printLines('stdout', lines);
  return isEmptyDiff(d) ? 0 : 1;
}
