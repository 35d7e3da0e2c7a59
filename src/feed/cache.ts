/**
 * The last good copy of each feed, kept in the browser (IndexedDB: a national feed is larger than
 * localStorage's ~5 MB). Used when the DSRC's server does not answer, so a partner page still
 * shows the directory, marked with the date of its data. Every failure here is silent: a cache.
 */

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

interface Meta {
  savedAt: string;
  fingerprint: string;
}

export const indexedDbCache: FeedCache = {
  async get(url) {
    try {
      const entry = await run<CachedFeed>('readonly', (s) => s.get(url));
      if (!entry) return undefined;
      // The date lives in the small record when only it was refreshed.
      const meta = await run<Meta>('readonly', (s) => s.get(META(url)));
      return meta && meta.fingerprint === fingerprint(entry.text) ? { ...entry, savedAt: meta.savedAt } : entry;
    } catch {
      return undefined; // private mode, blocked storage, quota: no cache, no error
    }
  },
  async put(url, entry) {
    try {
      const print = fingerprint(entry.text);
      const meta = await run<Meta>('readonly', (s) => s.get(META(url)));
      await run('readwrite', (s) => {
        if (meta?.fingerprint !== print) s.put(entry, url);
        s.put({ savedAt: entry.savedAt, fingerprint: print } satisfies Meta, META(url));
      });
    } catch {
      /* quota or blocked storage: keep going without a copy */
    }
  },
};

/** For tests and for pages that must not store anything. */
export function memoryCache(): FeedCache {
  const map = new Map<string, CachedFeed>();
  return {
    get: async (url) => map.get(url),
    put: async (url, entry) => void map.set(url, entry),
  };
}
