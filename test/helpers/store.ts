/** A DirectoryStore holding given feed documents, without network. */
import { validateFeed } from '../../src/feed/validate.js';
import '../../src/feed/validate-detail.js'; // tests validate invalid documents synchronously
import { DirectoryStore } from '../../src/state/directory-store.js';
import type { LoadedFeed } from '../../src/feed/load.js';

/**
 * "Now" for tests: the validator's and the store's clock (opening hours, « à vérifier », records
 * over 14 months listed last), so that no test changes with the day it runs.
 */
export const TEST_NOW = Date.parse('2026-11-22T12:00:00Z');

export function loaded(doc: unknown, url = 'memory:feed'): LoadedFeed {
  const r = validateFeed(doc, { now: new Date(TEST_NOW) });
  if (!r.ok) throw new Error(r.message);
  return { ...r, url };
}

export function storeWith(...docs: unknown[]): DirectoryStore {
  const store = new DirectoryStore();
  store.now = () => TEST_NOW;
  store.setFeeds(docs.map((d, i) => loaded(d, `memory:feed-${i}`)));
  return store;
}

/**
 * Lets the store's batched change event and the elements' re-render happen; given stores, first
 * waits for the chunks their searches asked for (free text, typo tolerance, communes).
 */
export async function settle(...items: ({ updateComplete: Promise<unknown> } | DirectoryStore)[]): Promise<void> {
  await Promise.all(items.map((i) => (i instanceof DirectoryStore ? i.settled : undefined)));
  await new Promise((r) => setTimeout(r, 0));
  await Promise.all(items.map((i) => (i instanceof DirectoryStore ? undefined : i.updateComplete)));
}
