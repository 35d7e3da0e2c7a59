/**
 * Reads what the data steward points the CLI at: a local file or an http(s) URL. Returns raw
 * bytes (the CSV importer detects the encoding itself) and, for URLs, the serving headers that
 * decide whether partner sites can read the feed at all (CORS, Content-Type).
 *
 * Never more than `maxBytes`: a file or a body is read in chunks and counted, and reading stops
 * as soon as the count passes the limit (`/dev/zero` or an endless HTTP body stop there, they do
 * not fill the memory). A regular file or a response that announces a larger size is refused
 * before anything is read.
 */
import { open } from 'node:fs/promises';
import { DEFAULT_MAX_SIZE, formatSize, ioReason, MAX_MAX_SIZE } from './files.js';

export type SourceErrorKind = 'not-found' | 'read' | 'http' | 'network' | 'timeout' | 'too-large';

/** Why the source could not be read; `message` is French, for the data steward. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(readonly kind: SourceErrorKind, message: string, readonly status?: number, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

export interface Source {
  /** The file path or URL, as given. */
  name: string;
  bytes: Uint8Array;
  /** Response headers (lower-case names) when fetched over HTTP. */
  headers?: Record<string, string>;
}

export interface ReadOptions {
  /** For URLs: the whole answer, body included. 15 s by default. */
  timeoutMs?: number;
  /** Largest accepted size in bytes (DEFAULT_MAX_SIZE by default). */
  maxBytes?: number;
}

export const isUrl = (spec: string): boolean => /^https?:\/\//i.test(spec);

export async function readSource(spec: string, options: ReadOptions = {}): Promise<Source> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_SIZE;
  return isUrl(spec) ? fetchSource(spec, options.timeoutMs ?? 15_000, maxBytes) : readFileSource(spec, maxBytes);
}

const hint = (size?: number): string => {
  if (size !== undefined && size > MAX_MAX_SIZE) return `l’outil ne lit pas plus de ${formatSize(MAX_MAX_SIZE)}, même avec --max-size`;
  const suggested = size === undefined ? MAX_MAX_SIZE : Math.min(MAX_MAX_SIZE, Math.ceil(size / (50 * 1024 * 1024)) * 50 * 1024 * 1024);
  return `l’option --max-size relève la limite, par ex. --max-size ${formatSize(suggested).replace(' ', '')}`;
};

const tooLarge = (name: string, size: number, max: number): SourceError =>
  new SourceError('too-large', `${name} fait ${formatSize(size)}, au-delà de la limite de ${formatSize(max)} : rien n’a été lu ; ${hint(size)}`);
const overflowed = (name: string, max: number): SourceError =>
  new SourceError('too-large', `${name} dépasse la limite de ${formatSize(max)} : lecture arrêtée à ${formatSize(max)} ; ${hint()}`);

/** Chunks read so far, counted; `add` says false once past the limit. */
class Counted {
  readonly chunks: Uint8Array[] = [];
  size = 0;
  constructor(private readonly max: number) {}
  add(chunk: Uint8Array): boolean {
    this.size += chunk.byteLength;
    if (this.size > this.max) return false;
    this.chunks.push(chunk);
    return true;
  }
  bytes(): Uint8Array {
    return Buffer.concat(this.chunks, this.size);
  }
}

async function readFileSource(path: string, maxBytes: number): Promise<Source> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw fileError(path, e);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new SourceError('read', `${path} est un dossier, pas un fichier`);
    // A regular file says its size: refused at once. Devices and pipes say 0: counted as read.
    if (info.isFile() && info.size > maxBytes) throw tooLarge(path, info.size, maxBytes);
    const counted = new Counted(maxBytes);
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      // Copied out: a pipe hands over a few kilobytes at a time, a 1 MB buffer for each would
      // multiply the memory used.
      if (!counted.add(Buffer.from(buffer.subarray(0, bytesRead)))) throw overflowed(path, maxBytes);
    }
    return { name: path, bytes: counted.bytes() };
  } catch (e) {
    throw e instanceof SourceError ? e : fileError(path, e);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function fileError(path: string, e: unknown): SourceError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new SourceError('not-found', `fichier introuvable : ${path}`, undefined, e);
  if (code === 'EISDIR') return new SourceError('read', `${path} est un dossier, pas un fichier`, undefined, e);
  return new SourceError('read', `lecture impossible de ${path} : ${ioReason(e)}`, undefined, e);
}

async function fetchSource(url: string, timeoutMs: number, maxBytes: number): Promise<Source> {
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
    // Content-Length counts the bytes sent (compressed, if they are): a hint to stop early. The
    // decoded body is counted below whatever the header says.
    const announced = Number(headers['content-length']);
    if (!headers['content-encoding'] && Number.isFinite(announced) && announced > maxBytes) {
      await response.body?.cancel();
      throw tooLarge(url, announced, maxBytes);
    }
    const counted = new Counted(maxBytes);
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!counted.add(value)) {
          controller.abort();
          await reader.cancel().catch(() => undefined);
          throw overflowed(url, maxBytes);
        }
      }
    }
    return { name: url, bytes: counted.bytes(), headers };
  } catch (e) {
    if (e instanceof SourceError) throw e;
    if (controller.signal.aborted) throw new SourceError('timeout', `pas de réponse complète de ${url} après ${Math.round(timeoutMs / 1000)} s`);
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code === 'ENOTFOUND' ? 'nom de domaine introuvable'
      : cause?.code === 'ECONNREFUSED' ? 'connexion refusée'
      : cause?.message ?? (e as Error).message;
    throw new SourceError('network', `impossible de joindre ${url} (${why})`, undefined, e);
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
