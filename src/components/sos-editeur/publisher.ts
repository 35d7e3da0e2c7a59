/**
 * Who publishes the feed (its envelope): the DSRC's id, name, region, site, contact and licence.
 * A spreadsheet does not hold them: they are typed once in « Publier » and remembered in this
 * browser (localStorage, on this computer only), or taken from the published feed when opened.
 */
export interface PublisherFields {
  id: string;
  name: string;
  region: string;
  url: string;
  email: string;
  license: string;
}

const KEY = 'sos-editeur:publisher';
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EMPTY: PublisherFields = { id: '', name: '', region: '', url: '', email: '', license: 'Licence Ouverte 2.0' };

export function loadPublisher(): PublisherFields {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<PublisherFields> | null;
    if (saved && typeof saved === 'object') {
      const out = { ...EMPTY };
      for (const k of Object.keys(EMPTY) as (keyof PublisherFields)[]) if (typeof saved[k] === 'string') out[k] = saved[k];
      return out;
    }
  } catch {
    // Storage refused (private browsing, a policy): the fields are typed again next time.
  }
  return { ...EMPTY };
}

export function savePublisher(fields: PublisherFields): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(fields));
  } catch {
    // See loadPublisher.
  }
}

/** The envelope's `publisher`, or undefined while the id or the name is missing or malformed. */
export function publisherEnvelope(f: PublisherFields): Record<string, unknown> | undefined {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(f.id) || !f.name.trim()) return undefined;
  return {
    id: f.id,
    name: f.name.trim(),
    ...(/^\d{2}$/.test(f.region) ? { region: f.region } : {}),
    ...(/^https?:\/\//.test(f.url) ? { url: f.url.trim() } : {}),
    ...(EMAIL.test(f.email.trim()) ? { contact: { email: f.email.trim() } } : {}),
    ...(f.license.trim() ? { license: f.license.trim() } : {}),
  };
}
