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

/** Lets the store's batched change event and the elements' re-render happen. */
export async function settle(...els: { updateComplete: Promise<unknown> }[]): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
  await Promise.all(els.map((e) => e.updateComplete));
}
