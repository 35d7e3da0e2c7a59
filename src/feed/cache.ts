/**
 * The last good copy of each feed, kept in the browser (IndexedDB: a national feed is larger than
 * localStorage's ~5 MB). Used when the DSRC's server does not answer, answers an error or an
 * unreadable or empty file, or is slow, so a partner page still shows the directory, marked with
 * the date of its data and what happened. Every storage failure here is silent: a cache.
 *
 * A lazy chunk: the loader (load.ts) fetches it when a feed is requested, beside the feed.
 */
import { FeedLoadError } from './errors.js';
import { parseFeed } from './parse.js';
import type { LoadedFeed } from './load.js';
import type { ValidFeed, ValidateOptions } from './validate.js';

export interface CachedFeed {
  text: string;
  /** ISO date-time the copy was fetched. */
  savedAt: string;
}

export interface FeedCache {
  get(url: string): Promise<CachedFeed | undefined>;
  /**
   * Keeps `entry` as the last good copy. When the copy already stored has the same fingerprint
   * (see `fingerprint`), only its date is refreshed: storing a national feed is a 60 ms task on the
   * page's main thread (serialising 15 MB of text), and most visits fetch a feed they have seen.
   */
  put(url: string, entry: CachedFeed): Promise<void>;
}

/**
 * Cheap identity of a feed text: its length and 64 characters sampled along it. A publisher's new
 * export changes its `generatedAt` near the start (sampled) and almost always its length.
 */
export function fingerprint(text: string): string {
  const n = text.length;
  let sample = '';
  for (let i = 0; i < 64; i++) sample += text.charAt(Math.floor((i * n) / 64));
  return `${n}:${text.slice(0, 512)}:${sample}`;
}

const DB = 'sos-annuaire';
const STORE = 'feeds';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('blocked'));
  });
}

function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  return open().then(
    (db) =>
      new Promise<T | undefined>((resolve) => {
        const tx = db.transaction(STORE, mode);
        const req = fn(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(req ? req.result : undefined);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          resolve(undefined);
        };
      }),
  );
}

const META = (url: string) => `meta:${url}`;
/** The list of the feeds kept, most recently used first. */
const INDEX = 'index';
/** Copies kept at most: a page rarely shows more than two feeds; a browser visits a few partner sites. */
export const MAX_COPIES = 4;
/** An IndexedDB that does not answer (a stuck upgrade, a broken profile) is given up after this. */
const READ_TIMEOUT_MS = 1500;

/** `p`, or undefined after `ms`. */
function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    p.then((v) => resolve(v), () => resolve(undefined)).finally(() => clearTimeout(timer));
  });
}

interface Meta {
  savedAt: string;
  fingerprint: string;
}

export const indexedDbCache: FeedCache = {
  get(url) {
    return within((async () => {
      const entry = await run<CachedFeed>('readonly', (s) => s.get(url));
      if (!entry) return undefined;
      // The date lives in the small record when only it was refreshed.
      const meta = await run<Meta>('readonly', (s) => s.get(META(url)));
      return meta && meta.fingerprint === fingerprint(entry.text) ? { ...entry, savedAt: meta.savedAt } : entry;
    })(), READ_TIMEOUT_MS); // private mode, blocked or stuck storage: no copy, no error
  },
  async put(url, entry) {
    try {
      const print = fingerprint(entry.text);
      const meta = await run<Meta>('readonly', (s) => s.get(META(url)));
      const index = (await run<string[]>('readonly', (s) => s.get(INDEX))) ?? [];
      const kept = [url, ...index.filter((u) => u !== url)];
      await run('readwrite', (s) => {
        if (meta?.fingerprint !== print) s.put(entry, url);
        s.put({ savedAt: entry.savedAt, fingerprint: print } satisfies Meta, META(url));
        // Least recently used first out.
        for (const old of kept.slice(MAX_COPIES)) {
          s.delete(old);
          s.delete(META(old));
        }
        s.put(kept.slice(0, MAX_COPIES), INDEX);
      });
    } catch {
      /* quota or blocked storage: keep going without a copy */
    }
  },
};

/**
 * The text of a copy: the feed as it was read (cleaned, invalid records and fields left out, texts
 * cut to their limits), not the bytes received: a padded 100 MB value is not stored.
 */
export function copyText(feed: ValidFeed): string {
  const structures = feed.structures.map(({ key: _key, publisherId: _publisher, ...s }) => s);
  return JSON.stringify({ format: feed.format, publisher: feed.publisher, generatedAt: feed.generatedAt, structures });
}

export interface CopyOptions {
  cache: FeedCache;
  read: ValidateOptions;
  /** With a copy saved, how long the server may take before the copy is shown meanwhile (3 s). */
  slowMs?: number;
  /** Called with the copy when it is shown meanwhile (the fresh feed replaces it later). */
  onCopy?: (copy: LoadedFeed) => void;
  /** Runs `save` when the page is idle. */
  later: (save: () => void) => void;
}

/**
 * The feed from `fresh`, with its last good copy as the fallback: shown meanwhile when the server
 * is slow, instead when it fails, answers an error or an unreadable file, or publishes a file
 * without any valid structure (which never replaces a copy that had some). The copy is marked
 * (`stale`: its date and what happened). A fresh feed with structures becomes the new copy.
 */
export async function withCopy(url: string, fresh: Promise<LoadedFeed>, options: CopyOptions): Promise<LoadedFeed> {
  const { cache, read } = options;
  const saved = cache.get(url);
  const copy = async (error: FeedLoadError): Promise<LoadedFeed | undefined> => {
    const entry = await saved;
    if (!entry) return undefined;
    try {
      const parsed = await parseFeed(entry.text, url, read);
      return parsed.feed.structures.length ? { ...parsed, url, stale: { savedAt: entry.savedAt, error } } : undefined;
    } catch {
      return undefined;
    }
  };
  let settled = false;
  const timer = options.onCopy && setTimeout(() => {
    void copy(new FeedLoadError('slow', url, `${url} n'a pas répondu après ${Math.round((options.slowMs ?? 3000) / 1000)} s : dernière copie affichée en attendant.`))
      .then((c) => c && !settled && options.onCopy!(c));
  }, options.slowMs ?? 3000);
  try {
    const feed = await fresh;
    if (!feed.feed.structures.length) {
      const fallback = await copy(new FeedLoadError('empty', url,
        `${url} ne contient aucune structure valide : la dernière copie qui en avait est gardée. Vérifiez le fichier publié (sos-feed validate).`));
      if (fallback) return fallback;
      return feed;
    }
    const savedAt = new Date().toISOString();
    options.later(() => void cache.put(url, { text: copyText(feed.feed), savedAt }));
    return feed;
  } catch (e) {
    const error = e instanceof FeedLoadError ? e : new FeedLoadError('network', url, String(e));
    if (error.kind === 'aborted') throw error;
    const fallback = await copy(error);
    if (fallback) return fallback;
    throw error;
  } finally {
    settled = true;
    if (timer) clearTimeout(timer);
  }
}

/** For tests and for pages that must not store anything. */
export function memoryCache(): FeedCache {
  const map = new Map<string, CachedFeed>();
  return {
    get: async (url) => map.get(url),
    put: async (url, entry) => void map.set(url, entry),
  };
}
