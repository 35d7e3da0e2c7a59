/**
 * Reads what the data steward points the CLI at: a local file or an http(s) URL. Returns raw
 * bytes (the CSV importer detects the encoding itself) and, for URLs, the serving headers that
 * decide whether partner sites can read the feed at all (CORS, Content-Type).
 */
import { readFile } from 'node:fs/promises';

export type SourceErrorKind = 'not-found' | 'read' | 'http' | 'network' | 'timeout';

/** Why the source could not be read; `message` is French, for the data steward. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(readonly kind: SourceErrorKind, message: string, readonly status?: number) {
    super(message);
  }
}

export interface Source {
  /** The file path or URL, as given. */
  name: string;
  bytes: Uint8Array;
  /** Response headers (lower-case names) when fetched over HTTP. */
  headers?: Record<string, string>;
}

export const isUrl = (spec: string): boolean => /^https?:\/\//i.test(spec);

export async function readSource(spec: string, timeoutMs = 15_000): Promise<Source> {
  return isUrl(spec) ? fetchSource(spec, timeoutMs) : readFileSource(spec);
}

async function readFileSource(path: string): Promise<Source> {
  try {
    return { name: path, bytes: await readFile(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SourceError('not-found', `fichier introuvable : ${path}`);
    if (code === 'EISDIR') throw new SourceError('read', `${path} est un dossier, pas un fichier`);
    throw new SourceError('read', `lecture impossible de ${path} (${(e as Error).message})`);
  }
}

async function fetchSource(url: string, timeoutMs: number): Promise<Source> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // An Origin header, like a partner site's browser sends, so servers that answer CORS only
    // to cross-origin requests show their real behaviour.
    const response = await fetch(url, {
      signal: controller.signal,
      headers: { Accept: 'application/json', Origin: 'https://site-partenaire.example' },
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => { headers[name.toLowerCase()] = value; });
    if (!response.ok) {
      await response.body?.cancel();
      throw new SourceError('http',
        `${url} a répondu HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} : vérifiez l'adresse et que le fichier est bien publié`,
        response.status);
    }
    return { name: url, bytes: new Uint8Array(await response.arrayBuffer()), headers };
  } catch (e) {
    if (e instanceof SourceError) throw e;
    if (controller.signal.aborted) throw new SourceError('timeout', `pas de réponse complète de ${url} après ${Math.round(timeoutMs / 1000)} s`);
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code === 'ENOTFOUND' ? 'nom de domaine introuvable'
      : cause?.code === 'ECONNREFUSED' ? 'connexion refusée'
      : cause?.message ?? (e as Error).message;
    throw new SourceError('network', `impossible de joindre ${url} (${why})`);
  } finally {
    clearTimeout(timer);
  }
}

/** Serving problems that stop partner sites from reading a feed, as French warnings. */
export function servingWarnings(headers: Record<string, string>): string[] {
  const out: string[] = [];
  const cors = headers['access-control-allow-origin'];
  if (cors === undefined) {
    out.push("en-tête « Access-Control-Allow-Origin: * » absent : les navigateurs des sites partenaires ne pourront pas lire ce flux (voir data-schema/README.md, « Servir le flux »)");
  } else if (cors.trim() !== '*') {
    out.push(`en-tête « Access-Control-Allow-Origin: ${cors} » : seul ce site pourra lire le flux ; un annuaire public doit répondre « * »`);
  }
  const type = headers['content-type'] ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    out.push(`type de contenu « ${type || 'absent'} » : attendu « application/json; charset=utf-8 »`);
  }
  return out;
}

/** Strict UTF-8 decoding (BOM removed); undefined when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
