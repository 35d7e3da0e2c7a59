/** How far to trust a record: its verification date, and where to report an error in it. */
import type { Publisher } from '../../feed/schema.js';
import type { DirectoryStructure } from '../../feed/validate.js';
import { safeHref } from '../../feed/sanitize.js';
import type { DirectoryStore } from '../../state/directory-store.js';

/**
 * True when `verifiedAt` (YYYY-MM-DD) is more than 12 calendar months before `now`.
 * Structures must re-verify yearly (DOMAIN.md); an unparseable date counts as stale.
 */
export function isStale(verifiedAt: string, now: Date = new Date()): boolean {
  const [y, m, d] = verifiedAt.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return true;
  const limit = Date.UTC(y + 1, m - 1, d);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return today > limit;
}

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
