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
  put(url: string, entry: CachedFeed): Promise<void>;
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

export const indexedDbCache: FeedCache = {
  async get(url) {
    try {
      return (await run<CachedFeed>('readonly', (s) => s.get(url))) ?? undefined;
    } catch {
      return undefined; // private mode, blocked storage, quota: no cache, no error
    }
  },
  async put(url, entry) {
    try {
      await run('readwrite', (s) => {
        s.put(entry, url);
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
