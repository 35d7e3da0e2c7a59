/**
 * Fetches one or several DSRC feeds. A CPTS on a regional border embeds two DSRCs: feeds load in
 * parallel, one failing feed never hides the others, and structure keys are scoped by publisher.
 */
import { FeedLoadError } from './errors.js';
import type { FeedCache } from './cache.js';
import { parseFeed, type ParsedFeed } from './parse.js';
import { mark } from './marks.js';
import type { ValidateOptions } from './validate.js';
import { whenIdle } from '../util/scheduling.js';

/** Default limit of a feed once inflated (stream.ts enforces it while reading). */
const MAX_BYTES = 50 * 1024 * 1024;
/** Feeds up to this size on the wire are read in one go (while they inflate to 20 times that at most). */
const SMALL = 100_000;

export interface LoadOptions {
  /** Give up after this long (default 15 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Where the last good copy lives; `null` disables it. Defaults to IndexedDB. */
  cache?: FeedCache | null;
  now?: Date;
  /** A feed larger than this once inflated is refused (default 50 MB; attribute `max-size`). */
  maxBytes?: number;
  /** With a copy saved, a server slower than this shows the copy meanwhile (default 3 s). */
  slowMs?: number;
  /** Receives the last good copy when it is shown while the server is slow (the fresh feed follows). */
  onCopy?: (copy: LoadedFeed) => void;
}

export interface LoadedFeed extends ParsedFeed {
  url: string;
  /** Set when the server failed and the last good copy was used instead. */
  stale?: { savedAt: string; error: FeedLoadError };
}

export interface LoadResult {
  feeds: LoadedFeed[];
  /** Feeds that could not be shown at all (no copy in cache either). */
  errors: FeedLoadError[];
}

/** Fetches a feed and reads it as it arrives (stream.ts: within the size limit, linear, in small steps); errors become FeedLoadErrors. */
async function fetchFeed(url: string, timeoutMs: number, signal: AbortSignal | undefined, read: ValidateOptions, maxBytes: number): Promise<ParsedFeed> {
  // Fetched beside the feed (read as it arrives, stream.ts) unless the feed turns out small.
  let streamModule: Promise<typeof import('./stream.js')> | undefined;
  const streamer = () => (streamModule ??= import('./stream.js'));
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort);
  try {
    const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' }, credentials: 'omit' });
    if (!response.ok) {
      throw new FeedLoadError('http', url,
        `${url} a répondu HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}. Vérifiez que l'adresse du flux est juste et que le fichier est publié.`,
        response.status);
    }
    let body = response.body;
    // A small feed (a regional one, ≈ 40 kB on the wire) is read in one go, without stream.js,
    // unless it inflates past SMALL (a gzip bomb is small on the wire): then the bytes read so far
    // and the rest go to the streaming reader, which enforces the limit.
    const length = response.headers.get('content-length'); // absent when sent in chunks: read as it arrives
    if (body && length !== null && Number(length) <= SMALL) {
      const reader = body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      const decoder = new TextDecoder();
      let text = '';
      let bytes = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          mark('sos:fetched');
          return parseFeed(text + decoder.decode(), url, read);
        }
        chunks.push(value);
        text += decoder.decode(value, { stream: true });
        if ((bytes += value.byteLength) > SMALL * 20) break;
      }
      body = new ReadableStream<Uint8Array<ArrayBuffer>>({
        start: (c) => chunks.forEach((chunk) => c.enqueue(chunk)),
        pull: async (c) => {
          const { value, done } = await reader.read();
          if (done) c.close();
          else c.enqueue(value);
        },
      });
    } else if (body) void streamer().catch(() => undefined);
    // If stream.js cannot be loaded (a partial copy of the widget), the feed is read in one go.
    const stream = body ? await streamer().catch(() => undefined) : undefined;
    if (stream && body) {
      const streamed = await stream.readFeedStream(body, read, url, maxBytes);
      return streamed.parsed ?? (await parseFeed(streamed.text(), url, read));
    }
    const text = await response.text();
    mark('sos:fetched');
    return parseFeed(text, url, read);
  } catch (e) {
    if (e instanceof FeedLoadError) throw e;
    if (timedOut) throw new FeedLoadError('timeout', url, `Pas de réponse complète de ${url} après ${Math.round(timeoutMs / 1000)} s.`);
    if (signal?.aborted) throw new FeedLoadError('aborted', url, `Chargement de ${url} annulé.`);
    throw new FeedLoadError('network', url,
      `Impossible de lire ${url} (${(e as Error).message}) : réseau coupé, adresse introuvable, ou serveur du flux sans en-tête CORS « Access-Control-Allow-Origin: * ». Ouvrez l'adresse dans un onglet pour vérifier.`);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Loads one feed, with its last good copy (cache.ts) as the fallback: shown meanwhile when the
 * server is slow, instead when it fails or publishes nothing usable; else throws FeedLoadError.
 */
export async function loadFeed(url: string, options: LoadOptions = {}): Promise<LoadedFeed> {
  mark('sos:fetch-start');
  const read = { now: options.now };
  const fresh = fetchFeed(url, options.timeoutMs ?? 15000, options.signal, read, options.maxBytes ?? MAX_BYTES)
    .then((parsed): LoadedFeed => ({ ...parsed, url }));
  if (options.cache === null) return fresh;
  fresh.catch(() => undefined); // handled below, once the copies' code is here
  const copies = await import('./cache.js').catch(() => undefined);
  if (!copies) return fresh;
  // Saved when the page is idle: serialising and storing a national copy must not delay the first results.
  return copies.withCopy(url, fresh, { cache: options.cache ?? copies.indexedDbCache, read, slowMs: options.slowMs, onCopy: options.onCopy, later: whenIdle });
}

/** Loads several feeds in parallel. A publisher appearing twice is kept once. */
export async function loadFeeds(urls: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  const settled = await Promise.allSettled(urls.map((u) => loadFeed(u, options)));
  return combine(urls, settled);
}

/** The feeds loaded, each publisher once, and the errors. */
export function combine(urls: readonly string[], settled: PromiseSettledResult<LoadedFeed>[]): LoadResult {
  const feeds: LoadedFeed[] = [];
  const errors: FeedLoadError[] = [];
  const publishers = new Set<string>();
  for (const [i, r] of settled.entries()) {
    if (r.status === 'rejected') {
      errors.push(r.reason instanceof FeedLoadError ? r.reason : new FeedLoadError('network', urls[i]!, String(r.reason)));
    } else if (publishers.has(r.value.feed.publisher.id)) {
      errors.push(new FeedLoadError('envelope', r.value.url, `${r.value.url} : l'éditeur « ${r.value.feed.publisher.id} » est déjà chargé par un autre flux ; ce flux est ignoré.`));
    } else {
      publishers.add(r.value.feed.publisher.id);
      feeds.push(r.value);
    }
  }
  return { feeds, errors };
}
