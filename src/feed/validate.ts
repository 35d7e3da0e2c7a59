/**
 * Reads a parsed `sos-feed/1` document and keeps everything valid in it.
 *
 * Fail small (FEED-SPEC.md): the document is rejected only when its envelope is unusable. A bad
 * structure or offer is dropped alone; a bad optional field (a `javascript:` website, an unknown
 * finer-care code, a malformed phone) is dropped alone and its record kept. Every drop and every
 * doubt becomes a diagnostic with its JSON path. Shared by the widget and the `sos-feed` CLI.
 */
import type { FeedStructure, Offer, Publisher } from './schema.js';
import { FORMAT } from './constants.js';
import { checkEnvelope, KNOWN_KEYS, walkOffer, walkStructureShell, type WalkContext } from './generated/checks.js';
import { formatPath, quote, type PathSegment } from './messages.js';
import { cleanField, sanitize } from './sanitize.js';
import { departmentFromInsee, departmentFromPostalCode, locationProblem } from './location.js';
import { subcare } from './taxonomy.js';
import { monthsBefore, OVERDUE_MONTHS, parisDate } from './months-old.js';

/**
 * Records are first cleaned and checked in one pass by walkers generated from the zod schema
 * (generated/checks.ts). Only a record that fails them needs zod, for its issues and the salvage
 * of its optional fields: that part (validate-detail.ts) is loaded on demand, so a valid feed
 * never downloads zod. Importing validate-detail.ts registers it.
 */
export interface ValidationDetail {
  /** The record without its bad optional fields, or undefined (errors reported) when a required one is bad. */
  salvage(level: 'structure' | 'offer', value: Record<string, unknown>, path: PathSegment[], report: Reporter, dropWord: string): Record<string, unknown> | undefined;
  /** The envelope's problems, as paths and French messages. */
  envelopeIssues(envelope: unknown): { path: PathSegment[]; message: string }[];
  /** The envelope parsed by zod (unknown keys stripped). */
  parseEnvelope(envelope: unknown): { publisher: Publisher; generatedAt: string } | undefined;
}

/** Thrown by validateFeed when a record needs the detailed validator and none is registered. */
export class DetailNeeded extends Error {
  constructor() {
    super('validate-detail.js is needed for this feed');
  }
}

let registeredDetail: ValidationDetail | undefined;

/** Registers the zod-backed part (validate-detail.ts does it when imported). */
export function useValidationDetail(detail: ValidationDetail): void {
  registeredDetail = detail;
}

export function hasValidationDetail(): boolean {
  return registeredDetail !== undefined;
}

export interface Reporter {
  add(severity: Severity, code: DiagnosticCode, path: readonly PathSegment[], message: string): void;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** `error`: a record was dropped. `warning`: kept, perhaps without one field. */
  severity: Severity;
  /** JSON path in the source document, e.g. `structures[12].offers[0].care`. */
  path: string;
  /** French, plain text. */
  message: string;
  /** Stable code for tools and tests. */
  code: DiagnosticCode;
}

export type DiagnosticCode =
  | 'envelope-invalid' | 'structure-dropped' | 'offer-dropped' | 'field-dropped' | 'unknown-field' | 'text-cut'
  | 'duplicate-id' | 'location-missing' | 'location-rejected' | 'department-mismatch'
  | 'stale' | 'subcare-category'
  /** An `openingHours` value the opening-hours reader cannot read: kept, shown as text (sos-feed only, see src/cli/hours-check.ts). */
  | 'hours-unreadable'
  /** Not a problem itself: says how many more diagnostics were left out (see maxDiagnostics). */
  | 'more';

/** A structure as the widget uses it: validated, cleaned, keyed, with its département known. */
export interface DirectoryStructure extends FeedStructure {
  /** Unique across feeds: `publisherId:id` (two DSRCs may both have a structure "chu"). */
  key: string;
  publisherId: string;
  department: string;
}

export interface ValidFeed {
  format: typeof FORMAT;
  publisher: Publisher;
  generatedAt: string;
  structures: DirectoryStructure[];
}

export interface Counts { total: number; valid: number; dropped: number }

export type ValidationResult =
  | { ok: true; feed: ValidFeed; diagnostics: Diagnostic[]; counts: { structures: Counts; offers: Counts } }
  | { ok: false; kind: 'format' | 'envelope'; message: string; diagnostics: Diagnostic[] };

export interface ValidateOptions {
  /** For the 12-month freshness warning; defaults to now. */
  now?: Date;
  /** Stop collecting diagnostics past this many (a broken 10,000-record feed stays readable). */
  maxDiagnostics?: number;
  /** The caller owns `doc` (it just parsed it): clean strings in place instead of copying. */
  inPlace?: boolean;
  /** The zod-backed part; defaults to the registered one. Without it, a bad record throws DetailNeeded. */
  detail?: ValidationDetail;
}

/** Stands for a structure that could not be copied (nested thousands deep). */
const TOO_DEEP = Symbol('too deep');

// Known keys per level, for the "unknown field" warning (readers ignore them: forward compatibility).
const KNOWN = { root: ['format', 'publisher', 'generatedAt', 'structures', '$schema'], ...KNOWN_KEYS };

/** How a diagnostic ends when a closure is dropped whole (validate-detail.ts and the date-order check). */
export const CLOSURE_DROPPED = 'fermeture ignorée, la structure reste listée';

export class Collector implements Reporter {
  readonly list: Diagnostic[] = [];
  truncated = 0;
  constructor(private readonly max: number) {}
  add(severity: Severity, code: DiagnosticCode, path: readonly PathSegment[], message: string): void {
    if (this.list.length >= this.max) {
      this.truncated++;
      return;
    }
    this.list.push({ severity, code, path: formatPath(path), message });
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The two warnings the walkers, the salvage path and the envelope all give, worded once. */
function reportUnknown(diags: Reporter, path: readonly PathSegment[]): void {
  diags.add('warning', 'unknown-field', path, 'champ inconnu, ignoré');
}
function reportCut(diags: Reporter, path: readonly PathSegment[], max: number): void {
  diags.add('warning', 'text-cut', path, `texte coupé à ${max} caractères`);
}

/** `path` is built only when there is something to report (10,000 structures: no garbage per record). */
function warnUnknownKeys(value: unknown, known: readonly string[], diags: Collector, ...path: PathSegment[]): void {
  if (!isObject(value)) return;
  for (const key in value) {
    if (Object.prototype.hasOwnProperty.call(value, key) && !known.includes(key)) reportUnknown(diags, [...path, key]);
  }
}

/**
 * The walkers' side of a record walk: paths are built only when something is reported (10,000
 * structures must not cost 48,000 path arrays), from the record's indices and the walk's stack.
 */
class RecordWalk implements WalkContext {
  readonly path: (string | number)[] = [];
  /** Source index of the structure, and of the offer (-1 while walking the structure itself). */
  structure = 0;
  offer = -1;
  constructor(private readonly diags: Collector) {}

  at(...rest: PathSegment[]): PathSegment[] {
    const base: PathSegment[] = this.offer < 0 ? ['structures', this.structure] : ['structures', this.structure, 'offers', this.offer];
    return [...base, ...this.path, ...rest];
  }

  clean(value: string, key: string): string {
    return cleanField(value, key, (max) => reportCut(this.diags, this.at(key), max));
  }

  unknown(object: Record<string, unknown>, key: string): void {
    reportUnknown(this.diags, this.at(key));
    delete object[key];
  }

  /** The record cleaned in place when the generated walker accepts it, else what the detailed validator salvages. */
  accept<T>(
    walk: (v: unknown, ctx: WalkContext) => boolean,
    level: 'structure' | 'offer',
    value: Record<string, unknown>,
    detail: ValidationDetail | undefined,
    dropWord: string,
  ): T | undefined {
    // The walkers keep `path` balanced (each pops what it pushed, whatever the outcome).
    if (walk(value, this)) return value as T;
    if (!detail) throw new DetailNeeded();
    // The walk stopped at the first bad value: finish cleaning, and report the unknown fields it
    // had not reached yet (those it reached are already reported and removed).
    const path = this.at();
    sanitize(value, (p, max) => reportCut(this.diags, [...path, ...p], max), true);
    const known = level === 'offer' ? KNOWN.offer : KNOWN.structure;
    warnUnknownKeys(value, known, this.diags, ...path);
    warnUnknownKeys(value.contact, KNOWN.contact, this.diags, ...path, 'contact');
    if (level === 'offer') warnUnknownKeys(value.serviceArea, KNOWN.serviceArea, this.diags, ...path, 'serviceArea');
    if (level === 'structure') {
      warnUnknownKeys(value.address, KNOWN.address, this.diags, ...path, 'address');
      warnUnknownKeys(value.location, KNOWN.location, this.diags, ...path, 'location');
      warnUnknownKeys(value.accessibility, KNOWN.accessibility, this.diags, ...path, 'accessibility');
      warnUnknownKeys(value.closure, KNOWN.closure, this.diags, ...path, 'closure');
    }
    return detail.salvage(level, value, path, this.diags, dropWord) as T | undefined;
  }
}

function checkSubcares(offer: Offer, structure: number, source: number, diags: Collector): void {
  const codes = offer.subcares;
  if (!codes) return;
  for (let k = 0; k < codes.length; k++) {
    const def = subcare(codes[k]!);
    if (def && def.care !== offer.care) {
      diags.add('warning', 'subcare-category', ['structures', structure, 'offers', source, 'subcares', k], `le soin « ${codes[k]} » relève de la catégorie « ${def.care} », pas « ${offer.care} » : les filtres ne le trouveront que sous sa catégorie`);
    }
  }
}

/** The envelope read and checked (`publisher`, `generatedAt`), or why the document is refused. */
export type EnvelopeResult =
  | { ok: true; publisher: Publisher; generatedAt: string }
  | Extract<ValidationResult, { ok: false }>;

/**
 * Checks a document's envelope (`structures` is only required to be a list). Its diagnostics
 * (texts cut, unknown root fields) go to `diags`. Throws DetailNeeded like validateFeed.
 */
export function checkFeedEnvelope(doc: unknown, diags: Collector, detail = registeredDetail): EnvelopeResult {
  if (!isObject(doc)) {
    return { ok: false, kind: 'envelope', message: `le document n'est pas un objet JSON (reçu ${Array.isArray(doc) ? 'une liste' : quote(doc)})`, diagnostics: [] };
  }
  if (doc.format !== FORMAT) {
    const message = doc.format === undefined
      ? `champ « format » absent : ce document n'est pas un flux ${FORMAT}`
      : `format ${quote(doc.format)} non pris en charge (attendu "${FORMAT}")`;
    return { ok: false, kind: 'format', message, diagnostics: [] };
  }
  // Only the envelope's own fields: unknown root fields are warned about below, not fatal.
  const envelope = sanitize(
    { format: doc.format, publisher: doc.publisher, generatedAt: doc.generatedAt, structures: [] },
    (p, max) => reportCut(diags, p, max),
  ) as { publisher: Publisher; generatedAt: string };
  let parsedEnvelope: { publisher: Publisher; generatedAt: string } | undefined = checkEnvelope(envelope) ? envelope : undefined;
  if (!parsedEnvelope) {
    if (!detail) throw new DetailNeeded();
    parsedEnvelope = detail.parseEnvelope(envelope);
  }
  if (!parsedEnvelope || !Array.isArray(doc.structures)) {
    for (const i of parsedEnvelope || !detail ? [] : detail.envelopeIssues(envelope)) diags.add('error', 'envelope-invalid', i.path, i.message);
    if (!Array.isArray(doc.structures)) diags.add('error', 'envelope-invalid', ['structures'], doc.structures === undefined ? 'champ obligatoire manquant' : `une liste est attendue, reçu ${quote(doc.structures)}`);
    const first = diags.list[0]!;
    return { ok: false, kind: 'envelope', message: `enveloppe du flux invalide : ${first.path} : ${first.message}`, diagnostics: diags.list };
  }
  warnUnknownKeys(doc, KNOWN.root, diags);
  return { ok: true, publisher: parsedEnvelope.publisher, generatedAt: parsedEnvelope.generatedAt };
}

/**
 * The structures of a feed, validated one at a time, in source order: validateFeed gives it the
 * list of a parsed document; the streaming loader (stream.ts) gives it each structure as soon as
 * its bytes have arrived, before the envelope may have (so keys are set by `finish`). Throws
 * DetailNeeded like validateFeed.
 */
export class RecordValidator {
  readonly diags: Collector;
  private readonly structures: DirectoryStructure[] = [];
  /** Source index of each kept structure whose id was already used (its key gets `~index`), else -1. */
  private readonly duplicateOf: number[] = [];
  private readonly counts = { structures: { total: 0, valid: 0, dropped: 0 }, offers: { total: 0, valid: 0, dropped: 0 } };
  private readonly seenStructures = new Map<string, number>();
  /** Offer id → where it was first seen: structure and offer index in the source, at that position of `owners`. */
  private readonly seenOffers = new Map<string, number>();
  private readonly owners: number[] = [];
  private readonly walk: RecordWalk;
  /** A `verifiedAt` before this day is over 12 calendar months old on the Paris day (the freshness rule, feed/freshness.ts). */
  private readonly staleBefore: string;
  private readonly detail: ValidationDetail | undefined;

  constructor(options: ValidateOptions = {}) {
    this.diags = new Collector(options.maxDiagnostics ?? 1000);
    this.walk = new RecordWalk(this.diags);
    this.staleBefore = monthsBefore(parisDate(options.now ?? new Date()), OVERDUE_MONTHS);
    this.detail = options.detail ?? registeredDetail;
  }

  /** Structure `i` of the source was too long to read (stream.ts): dropped, and said. */
  oversize(i: number, size: number): void {
    this.counts.structures.total++;
    this.counts.structures.dropped++;
    this.diags.add('error', 'structure-dropped', ['structures', i], `fiche de ${Math.round(size / 1000).toLocaleString('fr-FR')} ko, plus que les 2 000 ko admis : structure ignorée`);
  }

  /** Validates `raw`, structure `i` of the source, cleaning it in place (the caller owns it). */
  add(raw: unknown, i: number): void {
    const { diags, counts, walk, detail } = this;
    counts.structures.total++;
    if (raw === TOO_DEEP) {
      diags.add('error', 'structure-dropped', ['structures', i], 'structure imbriquée trop profondément pour être lue : structure ignorée');
      counts.structures.dropped++;
      return;
    }
    if (!isObject(raw)) {
      diags.add('error', 'structure-dropped', ['structures', i], `un objet est attendu, reçu ${quote(raw)} : structure ignorée`);
      counts.structures.dropped++;
      return;
    }
    walk.structure = i;
    const rawOffers = Array.isArray(raw.offers) ? (raw.offers as unknown[]) : undefined;
    counts.offers.total += rawOffers?.length ?? 0;
    // The structure's own fields first (diagnostics in document order); its offers are only
    // checked to be a non-empty list here, then walked one by one below.
    const s = walk.accept<FeedStructure>(walkStructureShell, 'structure', raw, detail, 'structure');
    if (!s) {
      counts.structures.dropped++;
      return;
    }
    // One bad offer never sinks its structure. The list of kept offers and their source indices
    // are made only once one is dropped: most feeds drop none, and these are 10,000 allocations.
    const shellOffers = s.offers as unknown[];
    let kept: Offer[] | undefined;
    let keptSource: number[] | undefined;
    for (let j = 0; j < shellOffers.length; j++) {
      const rawOffer = shellOffers[j];
      let offer: Offer | undefined;
      if (!isObject(rawOffer)) {
        diags.add('error', 'offer-dropped', ['structures', i, 'offers', j], `un objet est attendu, reçu ${quote(rawOffer)} : offre ignorée`);
      } else {
        walk.offer = j;
        offer = walk.accept<Offer>(walkOffer, 'offer', rawOffer, detail, 'offre');
      }
      if (offer) {
        checkSubcares(offer, i, j, diags);
        if (kept) {
          kept.push(offer);
          keptSource!.push(j);
        } else shellOffers[j] = offer; // the same object, or the salvaged copy of a bad one
      } else if (!kept) {
        kept = shellOffers.slice(0, j) as Offer[];
        keptSource = kept.map((_, k) => k);
      }
    }
    walk.offer = -1;
    const offers = kept ?? (shellOffers as Offer[]);
    if (offers.length === 0) {
      diags.add('error', 'structure-dropped', ['structures', i, 'offers'], 'aucune offre valide : structure ignorée');
      counts.structures.dropped++;
      return;
    }
    s.offers = offers;
    counts.offers.valid += offers.length;

    const { seenStructures, seenOffers, owners } = this;
    const previous = seenStructures.get(s.id);
    if (previous !== undefined) {
      diags.add('warning', 'duplicate-id', ['structures', i, 'id'], `identifiant ${quote(s.id)} déjà utilisé par structures[${previous}] : structure conservée, mais les liens vers elle sont instables`);
    } else seenStructures.set(s.id, i);
    this.duplicateOf.push(previous === undefined ? -1 : i);
    for (let k = 0; k < offers.length; k++) {
      const id = offers[k]!.id;
      const source = keptSource ? keptSource[k]! : k;
      const owner = seenOffers.get(id);
      if (owner !== undefined) diags.add('warning', 'duplicate-id', ['structures', i, 'offers', source, 'id'], `identifiant d'offre ${quote(id)} déjà utilisé (${formatPath(['structures', owners[owner]!, 'offers', owners[owner + 1]!])})`);
      else {
        seenOffers.set(id, owners.length);
        owners.push(i, source);
      }
    }

    const derived = s.address.insee ? departmentFromInsee(s.address.insee) : departmentFromPostalCode(s.address.postalCode);
    if (s.department && s.department !== derived) {
      diags.add('warning', 'department-mismatch', ['structures', i, 'department'], `département "${s.department}" différent de celui de l'adresse ("${derived}")`);
    }
    if (!s.location) {
      diags.add('warning', 'location-missing', ['structures', i], 'sans coordonnées : listée, mais absente de la carte et du tri par distance');
    } else {
      const problem = locationProblem(s.location);
      if (problem) {
        diags.add('warning', 'location-rejected', ['structures', i, 'location'], `${problem} : structure listée, mais pas placée sur la carte`);
        delete s.location;
      }
    }
    // The one rule of a closure the schema cannot say: it ends on or after the day it starts (ISO
    // dates compare as strings). Dropped whole, like a closure with a bad date; the structure stays.
    const closure = s.closure;
    if (closure?.until !== undefined && closure.until < closure.from) {
      diags.add('warning', 'field-dropped', ['structures', i, 'closure', 'until'], `fin de fermeture ${quote(closure.until)} antérieure à son début ${quote(closure.from)} : ${CLOSURE_DROPPED}`);
      delete s.closure;
    }
    if (s.verifiedAt < this.staleBefore) {
      diags.add('warning', 'stale', ['structures', i, 'verifiedAt'], `informations vérifiées le ${s.verifiedAt}, il y a plus de 12 mois`);
    }

    // Extended in place: `s` is this reader's own object (a copy, or the document the loader parsed).
    const structure = s as DirectoryStructure;
    structure.department = s.department ?? derived;
    this.structures.push(structure);
    counts.structures.valid++;
  }

  /** The kept structures, keyed by publisher (`publisherId:id`, `~index` for a reused id), and the counts. */
  finish(publisherId: string): { structures: DirectoryStructure[]; counts: { structures: Counts; offers: Counts } } {
    const { structures, duplicateOf, counts } = this;
    for (let k = 0; k < structures.length; k++) {
      const s = structures[k]!;
      s.key = duplicateOf[k]! < 0 ? `${publisherId}:${s.id}` : `${publisherId}:${s.id}~${duplicateOf[k]}`;
      s.publisherId = publisherId;
    }
    counts.offers.dropped = counts.offers.total - counts.offers.valid;
    return { structures, counts };
  }
}

/** Diagnostics of a whole document: the envelope's first, then the records' (capped), then a note on those left out. */
export function joinDiagnostics(envelope: Collector, records: Collector): Diagnostic[] {
  const list = [...envelope.list, ...records.list];
  if (records.truncated) {
    list.push({ severity: 'warning', code: 'more', path: '', message: `… et ${records.truncated} autres remarques non affichées` });
  }
  return list;
}

/**
 * Validates a parsed JSON document. Throws only DetailNeeded, when a record fails the generated
 * checks and no detailed validator is registered (load validate-detail.js and call again on a
 * freshly parsed document).
 */
export function validateFeed(doc: unknown, options: ValidateOptions = {}): ValidationResult {
  const envelopeDiags = new Collector(Number.POSITIVE_INFINITY);
  const envelope = checkFeedEnvelope(doc, envelopeDiags, options.detail ?? registeredDetail);
  if (!envelope.ok) return envelope;
  const records = new RecordValidator(options);
  // Records are cleaned and pruned in place: on a copy unless the caller handed its document over.
  const list = (doc as { structures: unknown[] }).structures;
  // A structure nested too deep to copy (structuredClone recurses) is not read: dropped, and said.
  const rawStructures = options.inPlace ? list : list.map((s: unknown) => {
    try {
      return structuredClone(s);
    } catch {
      return TOO_DEEP;
    }
  });
  for (let i = 0; i < rawStructures.length; i++) records.add(rawStructures[i], i);
  const { structures, counts } = records.finish(envelope.publisher.id);
  return {
    ok: true,
    feed: { format: FORMAT, publisher: envelope.publisher, generatedAt: envelope.generatedAt, structures },
    diagnostics: joinDiagnostics(envelopeDiags, records.diags),
    counts,
  };
}
