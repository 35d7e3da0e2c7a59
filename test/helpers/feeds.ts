/** Builders for small feeds and a way to serve any body from the local test server. */
import type { Feed, FeedStructure, Offer } from '../../src/feed/schema.js';
// Tests validate invalid documents synchronously: register the detailed validator up front.
import '../../src/feed/validate-detail.js';

// A directory keeps its view in the page's address (url-state.ts): each test starts from the
// address the page had, not from what the previous test's directory wrote there.
declare const afterEach: ((fn: () => void) => void) | undefined;
const START = location.href;
if (typeof afterEach === 'function') afterEach(() => history.replaceState(null, '', START));

export function offer(over: Partial<Offer> & { id: string }): Offer {
  return { care: 'psychologie', audiences: ['patient'], settings: ['etablissement'], ...over } as Offer;
}

export function structure(over: Partial<FeedStructure> & { id: string }): FeedStructure {
  return {
    name: `Structure ${over.id}`,
    kind: 'association',
    address: { line: '1 rue de la Paix', postalCode: '33000', city: 'Bordeaux', insee: '33063' },
    location: { lat: 44.837, lon: -0.579 },
    verifiedAt: '2026-10-01',
    offers: [offer({ id: `${over.id}-o1` })],
    ...over,
  } as FeedStructure;
}

export function feed(structures: unknown[], over: Partial<Feed> = {}): Feed {
  return {
    format: 'sos-feed/1',
    publisher: { id: 'test-dsrc', name: 'DSRC de test (fictif)', region: '75', contact: { email: 'erreurs@example.org' } },
    generatedAt: '2026-11-20T08:00:00Z',
    structures: structures as FeedStructure[],
    ...over,
  };
}

/** Stores `body` on the local test server and returns a same-origin URL that serves it. */
export async function serve(body: unknown, type = 'application/json'): Promise<string> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await fetch('/__test__/stash', { method: 'POST', body: text, headers: { 'content-type': type } });
  const { url } = (await res.json()) as { url: string };
  return url;
}

/** The second origin started by the WTR config (for CORS tests). */
export const foreignOrigin = (): string => (window as unknown as { __FOREIGN_ORIGIN__: string }).__FOREIGN_ORIGIN__;
