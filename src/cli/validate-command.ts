/** `sos-feed validate`: read a feed (file or URL), run the widget's own parser on it, report. */
import { FeedLoadError } from '../feed/errors.js';
import { parseFeedText } from '../feed/parse.js';
import { validateFeed } from '../feed/validate.js';
import { cutDeepValues, cutMessage, cutPath } from './depth.js';
import { hoursDiagnostics } from './hours-check.js';
import { debugTrace, printLines } from './output.js';
import { decodeUtf8, readSource, servingWarnings, SourceError, type Source } from './read-source.js';
import { fromDiagnostics, keptCounts, verdictFor, type ReportItem, type ValidateReport } from './report.js';

export interface ValidateCommandOptions {
  now?: Date;
  timeoutMs?: number;
  /** Largest document read, in bytes (files and URL bodies). */
  maxBytes?: number;
}

/** Short French reasons for the verdict line; the full message is printed above it. */
const UNUSABLE: Record<string, string> = {
  'not-json': 'ce n’est pas du JSON',
  format: 'format non pris en charge',
  envelope: 'enveloppe invalide',
  'not-found': 'fichier introuvable',
  read: 'fichier illisible',
  http: 'erreur HTTP',
  network: 'serveur injoignable',
  timeout: 'délai dépassé',
  'too-large': 'fichier trop volumineux',
};

function unusable(source: string, kind: string, message: string, status?: number): ValidateReport {
  const reason = kind === 'http' && status ? `erreur HTTP ${status}` : UNUSABLE[kind] ?? kind;
  return { source, exitCode: 2, verdict: verdictFor(2, undefined, 0, reason), errors: [], warnings: [], fatal: { kind, message } };
}

/** Validates feed bytes already read; exported for tests and for from-csv's own check. */
export function validateBytes(src: Source, options: ValidateCommandOptions = {}): ValidateReport {
  const extra: ReportItem[] = [];
  let text = decodeUtf8(src.bytes);
  if (text === undefined) {
    try {
      // Browsers decode a feed as UTF-8 whatever it is: accents would show as "�".
      text = new TextDecoder('utf-8').decode(src.bytes);
    } catch {
      // Only past MAX_MAX_SIZE (a string longer than Node can hold), which --max-size refuses.
      return unusable(src.name, 'too-large', `${src.name} est trop gros pour être lu en mémoire`);
    }
    extra.push({ severity: 'warning', code: 'encoding', path: '', message: 'le fichier n’est pas en UTF-8 valide : les accents s’afficheront mal (« � ») ; enregistrez-le en UTF-8' });
  }
  if (src.headers) {
    for (const message of servingWarnings(src.headers)) extra.push({ severity: 'warning', code: 'serving', path: '', message });
  }
  const body = text.replace(/^\uFEFF/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    // The widget's own words for a document that is not JSON.
    try {
      parseFeedText(text, src.name);
    } catch (e) {
      if (e instanceof FeedLoadError) return withExtra(unusable(src.name, e.kind, e.detail), extra);
      throw e;
    }
  }
  // Values nested thousands of levels deep are cut here, before any recursive walk (see depth.ts).
  const { doc, cuts } = cutDeepValues(parsed);
  const cutItems: ReportItem[] = cuts.map((c) => ({ severity: c.level === 'field' ? 'warning' : 'error', code: 'too-deep', path: cutPath(c), message: cutMessage(c) }));
  const cutRecords = new Set(cuts.filter((c) => c.level !== 'field').map(cutPath));
  // Read before validation: the validator cleans the document in place.
  const hours = hoursDiagnostics(doc);
  // No cap on diagnostics: the CLI groups and caps them itself, and counts must be exact.
  const result = validateFeed(doc, { now: options.now, maxDiagnostics: Number.POSITIVE_INFINITY, inPlace: true });
  if (!result.ok) {
    const report = withExtra(unusable(src.name, result.kind, `${src.name} : ${result.message}`), [...extra, ...cutItems]);
    // The message names the first envelope problem; list them all so one run fixes them all.
    if (result.kind === 'envelope') report.errors.push(...fromDiagnostics(result.diagnostics).map((d) => ({ ...d, code: 'envelope' })));
    return report;
  }
  // A record cut for its depth was replaced by null: the validator's « un objet est attendu, reçu null » says less than the cut.
  const diagnostics = result.diagnostics.filter((d) => !(cutRecords.has(d.path) && (d.code === 'structure-dropped' || d.code === 'offer-dropped')));
  const items = [...extra, ...cutItems, ...fromDiagnostics([...diagnostics, ...hours])];
  const counts = keptCounts(result);
  // Valid JSON, yet nothing for partner sites to show: the widget treats it as a failure (it keeps
  // its last copy); a steward must not publish it believing it valid.
  const empty = counts.structures.valid === 0;
  if (empty) {
    items.push({ severity: 'warning', code: 'empty-feed', path: 'structures', message: counts.structures.total
      ? `aucune des ${counts.structures.total} structures n’est valide : publié, ce flux viderait l’annuaire de tous les sites partenaires`
      : 'aucune structure : publié, ce flux viderait l’annuaire de tous les sites partenaires (le widget garderait sa dernière copie)' });
  }
  const errors = items.filter((i) => i.severity === 'error');
  const warnings = items.filter((i) => i.severity === 'warning');
  const exitCode = empty || errors.length || counts.structures.dropped || counts.offers.dropped ? 1 : 0;
  const { id, name, region } = result.feed.publisher;
  return {
    source: src.name, exitCode, verdict: empty ? 'flux vide : aucune structure à afficher, à ne pas publier.' : verdictFor(exitCode, counts, warnings.length),
    publisher: { id, name, ...(region ? { region } : {}) }, generatedAt: result.feed.generatedAt,
    counts, errors, warnings,
  };
}

/** The report of an unusable document, with the problems found before it was judged. */
function withExtra(report: ValidateReport, items: ReportItem[]): ValidateReport {
  report.errors.push(...items.filter((i) => i.severity === 'error'));
  report.warnings.push(...items.filter((i) => i.severity === 'warning'));
  return report;
}

export async function validateCommand(spec: string, options: ValidateCommandOptions = {}): Promise<ValidateReport> {
  try {
    return validateBytes(await readSource(spec, { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes }), options);
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    const trace = debugTrace(e);
    if (trace.length) await printLines('stderr', trace);
    return unusable(spec, e.kind, e.message, e.status);
  }
}
