// Checks a feed address as the widget will read it on the partner's site: through the widget's own
// loader and validator (src/feed), from this page's origin (so CORS is tested too), without the
// last-good-copy cache. A network failure is told apart: a server that answers a no-cors request
// is reachable but does not allow other sites to read the feed (CORS).
import { loadFeed } from '../../src/feed/load.js';
import { FeedLoadError, type FeedErrorKind } from '../../src/feed/errors.js';
import type { Diagnostic } from '../../src/feed/validate.js';

/** What the configurator learnt from one readable feed. */
export interface FeedSummary {
  url: string;
  publisher: string;
  generatedAt: string;
  structures: number;
  offers: number;
  droppedStructures: number;
  droppedOffers: number;
  /** Records dropped, first ones (French, with their JSON path). */
  errors: Diagnostic[];
  /** Structures per département code. */
  departements: Map<string, number>;
  /** Structures per care category code (a structure counts once per category it offers). */
  care: Map<string, number>;
  /** Things the webmaster should know although the feed reads (French sentences). */
  warnings: string[];
}

export type FeedCheck =
  | { ok: true; url: string; summary: FeedSummary }
  | {
      ok: false;
      url: string;
      /** `cors`: the server answers but sends no Access-Control-Allow-Origin; `address`: not an absolute http(s) URL. */
      kind: FeedErrorKind | 'cors' | 'address';
      /** The widget's own French message (what visitors would see). */
      message: string;
      /** What is wrong and what to do, for the webmaster. */
      detail: string;
    };

/** Feed addresses typed in the field (several, space-separated, for a CPTS on a regional border). */
export const splitUrls = (value: string): string[] => value.split(/\s+/).filter(Boolean);

/** An absolute http(s) URL, else why not (French). */
export function addressProblem(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `« ${url} » n'est pas une adresse complète : elle doit commencer par https://, par exemple https://www.exemple-dsrc.fr/annuaire-sos.json.`;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return `« ${url} » n'est pas une adresse web : elle doit commencer par https://.`;
  return undefined;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Resolves when the server answers at all (an opaque response), false when it cannot be reached. */
async function answersWithoutCors(url: string, signal: AbortSignal): Promise<boolean> {
  try {
    await fetch(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal });
    return true;
  } catch {
    return false;
  }
}

/**
 * On this page's own origin the browser applies no CORS: the header is read directly, so that a
 * feed published beside the configurator is not taken as readable from the partners' sites.
 */
async function sameOriginWithoutCors(url: string, signal: AbortSignal): Promise<boolean> {
  if (new URL(url).origin !== location.origin) return false;
  try {
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort(), { once: true });
    const response = await fetch(url, { cache: 'no-store', signal: controller.signal });
    controller.abort(); // the headers are all that is needed
    return !response.headers.get('access-control-allow-origin');
  } catch {
    return false;
  }
}

function summarise(url: string, parsed: Awaited<ReturnType<typeof loadFeed>>, noCors: boolean): FeedSummary {
  const departements = new Map<string, number>();
  const care = new Map<string, number>();
  for (const s of parsed.feed.structures) {
    departements.set(s.department, (departements.get(s.department) ?? 0) + 1);
    for (const code of new Set(s.offers.map((o) => o.care))) care.set(code, (care.get(code) ?? 0) + 1);
  }
  const warnings: string[] = [];
  const u = new URL(url);
  if (u.protocol === 'http:' && !LOOPBACK.has(u.hostname)) {
    warnings.push("Adresse en http:// : les sites en https:// (presque tous) ne pourront pas la lire. Demandez à votre DSRC l'adresse en https://.");
  }
  if (noCors) {
    warnings.push("Ce flux est sur le même site que ce configurateur et son serveur n'envoie pas l'en-tête « Access-Control-Allow-Origin: * » : les autres sites ne pourront pas le lire. Demandez à votre DSRC de l'ajouter.");
  }
  const { structures, offers } = parsed.counts;
  return {
    url,
    publisher: parsed.feed.publisher.name,
    generatedAt: parsed.feed.generatedAt,
    structures: parsed.feed.structures.length,
    offers: offers.valid,
    droppedStructures: structures.dropped,
    droppedOffers: offers.dropped,
    errors: parsed.diagnostics.filter((d) => d.severity === 'error').slice(0, 3),
    departements,
    care,
    warnings,
  };
}

/** Checks one address. Never throws (an abort gives kind `aborted`). */
export async function checkFeed(url: string, signal: AbortSignal): Promise<FeedCheck> {
  const problem = addressProblem(url);
  if (problem) return { ok: false, url, kind: 'address', message: "L'adresse du flux est incomplète.", detail: problem };
  try {
    const [parsed, noCors] = await Promise.all([
      loadFeed(url, { cache: null, signal, timeoutMs: 15000 }),
      sameOriginWithoutCors(url, signal),
    ]);
    if (!parsed.feed.structures.length) {
      const empty = new FeedLoadError('empty', url, '');
      return { ok: false, url, kind: 'empty', message: empty.message, detail: `${url} se lit, mais aucune de ses structures n'a pu être gardée. Vérifiez le flux avec son éditeur (outil sos-feed validate).` };
    }
    return { ok: true, url, summary: summarise(url, parsed, noCors) };
  } catch (e) {
    const err = e instanceof FeedLoadError ? e : new FeedLoadError('network', url, String(e));
    if (err.kind === 'network' && !signal.aborted) {
      if (await answersWithoutCors(url, signal)) {
        return {
          ok: false, url, kind: 'cors', message: err.message,
          detail: "Le serveur du flux répond, mais n'autorise pas les autres sites à lire le flux (CORS). Demandez à votre DSRC d'envoyer l'en-tête « Access-Control-Allow-Origin: * » avec ce fichier : sans lui, l'annuaire ne s'affichera sur aucun site partenaire (guide d'intégration, section « CORS : ce que doivent envoyer les serveurs »).",
        };
      }
      return {
        ok: false, url, kind: 'network', message: err.message,
        detail: `Aucune réponse de ${url} : adresse mal copiée, serveur arrêté ou réseau coupé. Ouvrez l'adresse dans un onglet pour vérifier.`,
      };
    }
    return { ok: false, url, kind: err.kind, message: err.message, detail: err.detail };
  }
}

/** Département and category counts of several feeds, added up. */
export function mergeCounts(summaries: FeedSummary[]): { departements: Map<string, number>; care: Map<string, number> } {
  const departements = new Map<string, number>();
  const care = new Map<string, number>();
  for (const s of summaries) {
    for (const [k, n] of s.departements) departements.set(k, (departements.get(k) ?? 0) + n);
    for (const [k, n] of s.care) care.set(k, (care.get(k) ?? 0) + n);
  }
  return { departements, care };
}
