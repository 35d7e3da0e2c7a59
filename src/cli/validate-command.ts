/** `sos-feed validate`: read a feed (file or URL), run the widget's own parser on it, report. */
import { FeedLoadError } from '../feed/errors.js';
import { parseFeedText } from '../feed/parse.js';
import { validateFeed, type Diagnostic } from '../feed/validate.js';
import { hoursDiagnostics } from './hours-check.js';
import { decodeUtf8, readSource, servingWarnings, SourceError, type Source } from './read-source.js';
import { fromDiagnostics, keptCounts, verdictFor, type ReportItem, type ValidateReport } from './report.js';

export interface ValidateCommandOptions {
  now?: Date;
  timeoutMs?: number;
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
    // Browsers decode a feed as UTF-8 whatever it is: accents would show as "�".
    text = new TextDecoder('utf-8').decode(src.bytes);
    extra.push({ severity: 'warning', code: 'encoding', path: '', message: 'le fichier n’est pas en UTF-8 valide : les accents s’afficheront mal (« � ») ; enregistrez-le en UTF-8' });
  }
  if (src.headers) {
    for (const message of servingWarnings(src.headers)) extra.push({ severity: 'warning', code: 'serving', path: '', message });
  }
  try {
    // No cap on diagnostics: the CLI groups and caps them itself, and counts must be exact.
    const result = parseFeedText(text, src.name, { now: options.now, maxDiagnostics: Number.POSITIVE_INFINITY });
    // parseFeedText cleaned the document in place: the hours are read from the text again.
    const hours = hoursDiagnostics(JSON.parse(text.replace(/^\uFEFF/, '')));
    const items = [...extra, ...fromDiagnostics([...result.diagnostics, ...hours])];
    const errors = items.filter((i) => i.severity === 'error');
    const warnings = items.filter((i) => i.severity === 'warning');
    const counts = keptCounts(result);
    const exitCode = errors.length || counts.structures.dropped || counts.offers.dropped ? 1 : 0;
    const { id, name, region } = result.feed.publisher;
    return {
      source: src.name, exitCode, verdict: verdictFor(exitCode, counts, warnings.length),
      publisher: { id, name, ...(region ? { region } : {}) }, generatedAt: result.feed.generatedAt,
      counts, errors, warnings,
    };
  } catch (e) {
    if (e instanceof FeedLoadError) {
      const report = unusable(src.name, e.kind, e.detail);
      report.warnings = extra;
      // The error names the first envelope problem; list them all so one run fixes them all.
      if (e.kind === 'envelope') report.errors = fromDiagnostics(envelopeDiagnostics(text)).map((d) => ({ ...d, code: 'envelope' }));
      return report;
    }
    throw e;
  }
}

function envelopeDiagnostics(text: string): Diagnostic[] {
  try {
    const result = validateFeed(JSON.parse(text.replace(/^\uFEFF/, '')));
    return result.diagnostics;
  } catch {
    return [];
  }
}

export async function validateCommand(spec: string, options: ValidateCommandOptions = {}): Promise<ValidateReport> {
  try {
    return validateBytes(await readSource(spec, options.timeoutMs), options);
  } catch (e) {
    if (e instanceof SourceError) return unusable(spec, e.kind, e.message, e.status);
    throw e;
  }
}
