/**
 * How far to trust a record: who published it, and where to report an error in it. How fresh it
 * is: the shared rule in feed/freshness.ts.
 */
import type { Publisher } from '../../feed/schema.js';
import type { DirectoryStructure } from '../../feed/validate.js';
import { safeHref } from '../../feed/sanitize.js';
import type { DirectoryStore } from '../../state/directory-store.js';

/** The publisher of a structure, from the store's feeds (a page may embed several DSRCs). */
export function publisherOf(structure: DirectoryStructure, store: DirectoryStore | undefined): Publisher | undefined {
  return store?.feeds.find((f) => f.feed.publisher.id === structure.publisherId)?.feed.publisher;
}

export interface ReportLink {
  href: string;
  /** `mailto`: prefilled message; `web`: the publisher's contact page. */
  kind: 'mailto' | 'web';
}

/**
 * "Signaler une erreur": a mailto to the publisher's contact address, subject and body prefilled
 * (encoded), else a link to its contact page, else nothing.
 */
export function reportLink(
  publisher: Publisher | undefined,
  subject: string,
  body: string,
): ReportLink | undefined {
  const contact = publisher?.contact;
  const mailto = safeHref(contact?.email, 'mailto');
  if (mailto) return { kind: 'mailto', href: `${mailto}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}` };
  const web = safeHref(contact?.url, 'web');
  return web ? { kind: 'web', href: web } : undefined;
}
