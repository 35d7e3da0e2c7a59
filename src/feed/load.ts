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

export interface LoadOptions {
  /** Give up after this long (default 15 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Where the last good copy lives; `null` disables it. Defaults to IndexedDB. */
  cache?: FeedCache | null;
  now?: Date;
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

/**
 * Feeds larger than this (bytes on the wire) are read as they arrive (stream.ts, loaded then): a
 * national feed is 1.5 MB gzipped, a regional one ≈ 40 kB, read in one go without loading it.
 */
const STREAM_ABOVE = 100_000;

/** The last good copy in IndexedDB (cache.ts), loaded when first used: after the first results. */
const indexedDbCache: FeedCache = {
  get: async (url) => (await import('./cache.js')).indexedDbCache.get(url),
  put: async (url, entry) => (await import('./cache.js')).indexedDbCache.put(url, entry),
};

/** Fetches a feed and reads it (as it arrives when it is large); errors become FeedLoadErrors. */
async function fetchFeed(url: string, timeoutMs: number, signal: AbortSignal | undefined, read: ValidateOptions): Promise<{ parsed: ParsedFeed; text: () => string }> {
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
    const size = Number(response.headers.get('content-length') ?? Number.NaN); // unknown when sent in chunks
    // If stream.js cannot be loaded (a partial copy of the widget), the feed is read in one go.
    const stream = response.body && !(size <= STREAM_ABOVE) ? await import('./stream.js').catch(() => undefined) : undefined;
    if (stream && response.body) {
      const streamed = await stream.readFeedStream(response.body, read);
      return { parsed: streamed.parsed ?? (await parseFeed(streamed.text(), url, read)), text: streamed.text };
    }
    const text = await response.text();
    mark('sos:fetched');
    return { parsed: await parseFeed(text, url, read), text: () => text };
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

/** Loads one feed; on failure falls back to its last good copy, else throws FeedLoadError. */
export async function loadFeed(url: string, options: LoadOptions = {}): Promise<LoadedFeed> {
  const cache = options.cache === undefined ? indexedDbCache : options.cache;
  try {
    mark('sos:fetch-start');
    const { parsed, text } = await fetchFeed(url, options.timeoutMs ?? 15000, options.signal, { now: options.now });
    // Saved when the page is idle: joining and storing a 15 MB copy must not delay the first results.
    const savedAt = new Date().toISOString();
    if (cache) whenIdle(() => void cache.put(url, { text: text(), savedAt }));
    return { ...parsed, url };
  } catch (e) {
    const error = e instanceof FeedLoadError ? e : new FeedLoadError('network', url, String(e));
    if (error.kind === 'aborted' || !cache) throw error;
    const copy = await cache.get(url);
    if (!copy) throw error;
    try {
      return { ...(await parseFeed(copy.text, url, { now: options.now })), url, stale: { savedAt: copy.savedAt, error } };
    } catch {
      throw error;
    }
  }
}

/** Loads several feeds in parallel. A publisher appearing twice is kept once. */
export async function loadFeeds(urls: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  const settled = await Promise.allSettled(urls.map((u) => loadFeed(u, options)));
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
