/**
 * The French report a data steward reads after `sos-feed validate` or `from-csv`: what was read,
 * what readers will drop (errors), what they keep with a doubt (warnings), grouped by kind and
 * capped so a 10,000-record feed still fits on a screen, then a one-line verdict.
 */
import type { Counts, Diagnostic, ValidationResult } from '../feed/validate.js';
import { where, type Problem } from '../publish/problems.js';

export type ExitCode = 0 | 1 | 2;

export interface ReportItem {
  severity: 'error' | 'warning';
  /** Grouping key: a validator DiagnosticCode or a CLI-specific one (`serving`, `encoding`, CSV codes). */
  code: string;
  /** Where: a JSON path (`structures[3].offers[0].care`) or a CSV cell (`ligne 14, colonne « soin »`). */
  path: string;
  message: string;
}

export interface ValidateReport {
  source: string;
  exitCode: ExitCode;
  verdict: string;
  publisher?: { id: string; name: string; region?: string };
  generatedAt?: string;
  counts?: { structures: Counts; offers: Counts };
  errors: ReportItem[];
  warnings: ReportItem[];
  /** Set when the document is unusable (exit code 2). */
  fatal?: { kind: string; message: string };
}

/** Headings per kind, in display order. Unknown kinds come last under their code. */
const KIND_LABELS: Record<string, string> = {
  envelope: 'Enveloppe du flux (tout le document est refusé)',
  'structure-dropped': 'Structures ignorées',
  'offer-dropped': 'Offres ignorées',
  'row-rejected': 'Lignes ignorées',
  'empty-feed': 'Flux vide',
  'too-deep': 'Valeurs trop imbriquées (retirées avant la vérification)',
  'missing-id': 'Identifiants manquants',
  serving: 'Publication du fichier (serveur)',
  encoding: 'Encodage',
  'field-dropped': 'Champs ignorés (valeur invalide)',
  'value-ignored': 'Valeurs ignorées (la ligne est gardée)',
  'unknown-field': 'Champs inconnus (ignorés par les lecteurs)',
  'unknown-column': 'Colonnes inconnues (ignorées)',
  'value-fixed': 'Valeurs corrigées (à reporter dans le tableur)',
  'phone-lost-zero': 'Téléphones sans leur zéro initial',
  'duplicate-structure': 'Structures en double ?',
  'left-out': 'Structures retirées du flux publié (vérifiées il y a plus de 14 mois)',
  'private-invalid': 'Colonnes privées (référent, relance : hors du flux)',
  formula: 'Formules de tableur neutralisées (gardées comme texte)',
  'structure-mismatch': 'Structures décrites différemment selon les lignes',
  'text-cut': 'Textes trop longs (coupés)',
  'duplicate-id': 'Identifiants en double',
  'location-rejected': 'Coordonnées refusées (structure hors de la carte)',
  'location-missing': 'Structures sans coordonnées (absentes de la carte)',
  'department-mismatch': 'Départements incohérents avec l’adresse',
  stale: 'Informations vérifiées il y a plus de 12 mois',
  'subcare-category': 'Soins précis rangés sous une autre catégorie',
  'hours-unreadable': 'Horaires illisibles (gardés comme texte)',
  more: 'Autres remarques (non détaillées)',
};

/** Problems found by the shared core (src/publish), as report items: where (row and column, or path), then what. */
export function fromProblems(problems: readonly Problem[]): ReportItem[] {
  return problems.map((p) => ({ severity: p.severity, code: p.code, path: where(p), message: p.message }));
}

export function fromDiagnostics(diags: readonly Diagnostic[]): ReportItem[] {
  return diags.map((d) => ({ severity: d.severity, code: d.code, path: d.path, message: d.message }));
}

/** Offers of structures dropped after their offers passed are not in the feed: count what readers keep. */
export function keptCounts(result: Extract<ValidationResult, { ok: true }>): { structures: Counts; offers: Counts } {
  const valid = result.feed.structures.reduce((n, s) => n + s.offers.length, 0);
  const total = result.counts.offers.total;
  return { structures: result.counts.structures, offers: { total, valid, dropped: total - valid } };
}

/** French agreement: 0 and 1 take the singular. */
export const plural = (n: number, one: string, many: string = `${one}s`): string => `${n} ${n <= 1 ? one : many}`;

export function verdictFor(exitCode: ExitCode, counts: { structures: Counts; offers: Counts } | undefined, warnings: number, fatal?: string): string {
  if (exitCode === 2) return `flux inutilisable (${fatal ?? 'document illisible'}).`;
  const w = warnings ? `, avec ${plural(warnings, 'avertissement')}` : '';
  if (exitCode === 0) return `flux valide${w}.`;
  const s = counts?.structures.dropped ?? 0;
  const o = counts?.offers.dropped ?? 0;
  return `flux utilisable mais incomplet : les lecteurs ignoreront ${plural(s, 'structure')} et ${plural(o, 'offre')}${w}. Corrigez les erreurs ci-dessus.`;
}

function group(items: readonly ReportItem[]): [string, ReportItem[]][] {
  const byKind = new Map<string, ReportItem[]>();
  for (const item of items) {
    const list = byKind.get(item.code);
    if (list) list.push(item);
    else byKind.set(item.code, [item]);
  }
  const order = Object.keys(KIND_LABELS);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...byKind].sort((a, b) => rank(a[0]) - rank(b[0]));
}

/** Errors and warnings as indented French text, `limit` lines per kind at most. */
export function formatItems(items: readonly ReportItem[], limit: number): string[] {
  const lines: string[] = [];
  const errors = items.filter((i) => i.severity === 'error');
  const warnings = items.filter((i) => i.severity === 'warning');
  for (const [title, list] of [['Erreurs', errors], ['Avertissements', warnings]] as const) {
    if (!list.length) continue;
    lines.push('', `${title} (${list.length})${title === 'Erreurs' ? ' : enregistrements ignorés par les lecteurs' : ' : enregistrements gardés'}`);
    for (const [kind, kindItems] of group(list)) {
      lines.push(`  ${KIND_LABELS[kind] ?? kind} (${kindItems.length})`);
      for (const item of kindItems.slice(0, limit)) lines.push(`    ${item.path ? `${item.path} : ` : ''}${item.message}`);
      if (kindItems.length > limit) lines.push(`    … et ${kindItems.length - limit} autres`);
    }
  }
  return lines;
}

/** The report as lines (printed through output.ts, which neutralises each one). */
export function formatValidateReport(r: ValidateReport, limit: number): string[] {
  const lines = [`Flux : ${r.source}`];
  if (r.publisher) lines.push(`Éditeur : ${r.publisher.name} (${r.publisher.id}${r.publisher.region ? `, région ${r.publisher.region}` : ''})`);
  if (r.generatedAt) lines.push(`Généré le : ${r.generatedAt}`);
  if (r.counts) {
    const { structures: s, offers: o } = r.counts;
    lines.push(`Structures : ${plural(s.valid, 'valide')}, ${plural(s.dropped, 'ignorée')} (${s.total} au total)`);
    lines.push(`Offres : ${plural(o.valid, 'valide')}, ${plural(o.dropped, 'ignorée')} (${o.total} au total)`);
  }
  if (r.fatal) lines.push('', `Erreur : ${r.fatal.message}`);
  lines.push(...formatItems([...r.errors, ...r.warnings], limit));
  lines.push('', `Verdict : ${r.verdict}`);
  return lines;
}
