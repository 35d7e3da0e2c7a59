/** A DirectoryStore holding given feed documents, without network. */
import { validateFeed } from '../../src/feed/validate.js';
import '../../src/feed/validate-detail.js'; // tests validate invalid documents synchronously
import { DirectoryStore } from '../../src/state/directory-store.js';
import type { LoadedFeed } from '../../src/feed/load.js';

export function loaded(doc: unknown, url = 'memory:feed'): LoadedFeed {
  const r = validateFeed(doc, { now: new Date('2026-11-22T12:00:00Z') });
  if (!r.ok) throw new Error(r.message);
  return { ...r, url };
}

export function storeWith(...docs: unknown[]): DirectoryStore {
  const store = new DirectoryStore();
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
