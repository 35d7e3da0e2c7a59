/**
 * Fetches one or several DSRC feeds. A CPTS on a regional border embeds two DSRCs: feeds load in
 * parallel, one failing feed never hides the others, and structure keys are scoped by publisher.
 */
import { FeedLoadError } from './errors.js';
import { indexedDbCache, type FeedCache } from './cache.js';
import { parseFeed, type ParsedFeed } from './parse.js';
import { mark } from './marks.js';

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

async function fetchText(url: string, timeoutMs: number, signal?: AbortSignal): Promise<string> {
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
    return await response.text();
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
    const text = await fetchText(url, options.timeoutMs ?? 15000, options.signal);
    mark('sos:fetched');
    const parsed = await parseFeed(text, url, { now: options.now });
    // Saved after the page has what it needs: storing a 10 MB copy must not delay the first render.
    if (cache) setTimeout(() => void cache.put(url, { text, savedAt: new Date().toISOString() }), 0);
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
