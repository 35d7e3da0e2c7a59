/**
 * Property tests: whatever a feed holds, reading it never throws, and a valid structure is never
 * lost because a neighbour is broken.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { validateFeed } from './validate.js';
import { parseFeedText } from './parse.js';
import { FeedLoadError } from './errors.js';
import { feed, offer, structure } from '../../test/helpers/feeds.js';

const now = new Date('2026-11-22T12:00:00Z');

/** A valid structure with a few varied offers (ids made unique by the caller). */
const validStructure = (i: number) =>
  structure({
    id: `s${i}`,
    name: `Structure ${i}`,
    offers: [
      offer({ id: `s${i}-a`, care: 'douleur', subcares: ['hypnoanalgesie'] }),
      offer({ id: `s${i}-b`, care: 'activite-physique', audiences: ['patient', 'proche-aidant'], settings: ['ville', 'distance'], cost: 'gratuit' }),
    ],
  });

/** Ways to break a structure: replace, delete or garble a field, anywhere in it. */
const breakage = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), key: fc.constantFrom('id', 'name', 'kind', 'address', 'verifiedAt', 'offers', 'location', 'contact'), value: fc.jsonValue() }),
  fc.record({ kind: fc.constant('delete' as const), key: fc.constantFrom('id', 'name', 'kind', 'address', 'verifiedAt', 'offers') }),
  fc.record({ kind: fc.constant('offer' as const), key: fc.constantFrom('care', 'audiences', 'settings', 'id', 'subcares'), value: fc.jsonValue() }),
  fc.record({ kind: fc.constant('garbage' as const), value: fc.jsonValue() }),
);

describe('validateFeed under arbitrary input', () => {
  it('never throws on arbitrary JSON values, in or out of an envelope', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 5 }), (doc, structures) => {
        const a = validateFeed(doc, { now });
        const b = validateFeed({ ...feed([]), structures }, { now });
        expect(a.ok === true || a.ok === false).to.equal(true);
        expect(b.ok).to.equal(true);
      }),
      { numRuns: 300 },
    );
  });

  it('parseFeedText throws only FeedLoadError, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        try {
          parseFeedText(text, 'fuzz.json', { now });
        } catch (e) {
          expect(e).to.be.instanceOf(FeedLoadError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every untouched valid structure when neighbours are broken', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.tuple(fc.nat(), breakage), { maxLength: 10 }),
        (n, breaks) => {
          const structures: unknown[] = Array.from({ length: n }, (_, i) => validStructure(i));
          const broken = new Set<number>();
          for (const [at, b] of breaks) {
            if (b.kind === 'garbage') {
              structures.push(b.value);
              continue;
            }
            const i = at % n;
            broken.add(i);
            const s = structures[i] as Record<string, unknown>;
            if (b.kind === 'replace') s[b.key] = b.value;
            else if (b.kind === 'delete') delete s[b.key];
            else if (Array.isArray(s.offers) && s.offers[0] && typeof s.offers[0] === 'object') (s.offers[0] as Record<string, unknown>)[b.key] = b.value;
          }
          const r = validateFeed(feed(structures), { now });
          expect(r.ok).to.equal(true);
          if (!r.ok) return;
          const kept = new Map(r.feed.structures.map((s) => [s.id, s]));
          for (let i = 0; i < n; i++) {
            if (broken.has(i)) continue;
            const original = validStructure(i);
            const got = kept.get(original.id);
            expect(got, `structure s${i} was lost`).to.not.equal(undefined);
            expect(got!.offers).to.deep.equal(original.offers);
            expect(got!.name).to.equal(original.name);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
