/**
 * The validators compile-checks.ts generates (generated/checks.ts, from the zod schema) must agree with zod: a
 * walker may only accept a record that zod accepts once cleaned (sanitize.ts), and must leave it
 * exactly as zod would return it; it must accept every record zod accepts.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { checkEnvelope, walkOffer, walkStructureShell, type WalkContext } from '../generated/checks.js';
import { EnvelopeSchema, OfferSchema, StructureShellSchema } from '../schema.js';
import { cleanField, sanitize } from '../sanitize.js';
import { feed, offer, structure } from '../../../test/helpers/feeds.js';

/** Service areas: lists of patterned codes (cleaned item by item, like sanitize.ts) and a bounded number. */
const serviceAreaValue = fc.record({
  departments: fc.oneof(fc.array(fc.constantFrom('33', ' 33', '33\t', '2A', '2a', '971', '977', '1', '330', '', 33), { maxLength: 3 }), fc.jsonValue()),
  communes: fc.array(fc.constantFrom('33063', ' 2A004 ', '2B033', '3306', '97411', '33 063', '\u202e33063'), { maxLength: 3 }),
  radiusKm: fc.oneof(fc.double(), fc.constantFrom(0, -3, 0.5, 30, 1000, 1000.5, '30')),
  extra: fc.string(),
}, { requiredKeys: [] });

/** Closures (a nested object with two dates and a capped note) and language codes (a list of one long pattern). */
const closureValue = fc.record({
  from: fc.constantFrom('2026-12-21', ' 2026-12-21', '2026-02-30', '21/12/2026', '', 20261221),
  until: fc.constantFrom('2027-01-02', '2027-01-02\n', '2026-12-01', 'bientôt'),
  note: fc.oneof(fc.constantFrom('Fermeture annuelle', '  Fermeture\u0007 annuelle ', '', ' '), fc.string(), fc.constant('x'.repeat(300))),
  extra: fc.string(),
}, { requiredKeys: [] });
const languagesValue = fc.array(fc.constantFrom('en', ' en', 'es\t', 'EN', 'xx', 'bh', 'zu', 'eng', '', 5, 'e n'), { maxLength: 4 });

/** Plausible values for a field: right and wrong types, codes, lists, edge strings, dirty text. */
const fieldValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('', ' ', 'patient', ' patient ', 'ville', 'douleur', 'douleur\t', 'sophrologie', 'https://example.org', ' https://example.org/a ', 'javascript:alert(1)',
    'a@b.fr', ' a@b.fr', '2026-02-30', '2026-03-12', '2026-03-12 ', '2026-11-20T08:00:00Z', '33000', ' 33000', '2A004', 's\u202e1', 'x'.repeat(300), 'Texte\u0007  sale ',
    `${'Long texte. '.repeat(400)}`),
  fc.array(fc.constantFrom('patient', 'proche-aidant', ' proche-aidant', 'ville', 'domicile\n', 'adulte', 'inconnu', '', ' '), { maxLength: 3 }),
  fc.record({ lat: fc.double(), lon: fc.double() }),
  fc.record({ lat: fc.double({ min: 42, max: 51 }), lon: fc.double({ min: -5, max: 8 }), alt: fc.integer() }, { requiredKeys: ['lat', 'lon'] }),
  fc.record({ line: fc.string(), postalCode: fc.constantFrom('33000', ' 33000 ', '3300'), city: fc.constantFrom('Bordeaux', ' Pau ', ''), insee: fc.constantFrom('33063', '2A004', 'x') }, { requiredKeys: ['postalCode', 'city'] }),
  fc.record({ phone: fc.string(), website: fc.constantFrom('https://a.fr', 'ftp://a.fr', 'http://localhost', ' https://b.fr/x ') }),
  // Links: the generated check has a pattern shortcut for plain http(s) URLs, it must agree with zod.
  fc.record({ website: fc.oneof(
    fc.constantFrom('https://Example.ORG/a?b#c', 'http://a-b.fr', 'https://-a.fr', 'https://a.f', 'https://a..fr', 'https://a.fr:8080/x',
      'https://user@a.fr', 'https://xn--caf-dma.fr', 'https://café.fr', 'https://a.fr/ x', 'https://a.fr\\x', 'javascript://a.fr', 'https://1.2.3.4', `https://${'a'.repeat(64)}.fr`),
    fc.webUrl(), fc.string().map((x) => `https://${x}`),
  ) }),
  fc.record({ wheelchair: fc.oneof(fc.boolean(), fc.string()), extra: fc.string() }, { requiredKeys: [] }),
  fc.record({ id: fc.constantFrom('dsrc', 'Bad Id'), name: fc.string() }),
  serviceAreaValue,
  closureValue,
  languagesValue,
  fc.array(fc.constantFrom('telephone', ' courriel', 'sur-place\n', 'sms', 'Par téléphone'), { maxLength: 3 }),
  fc.constantFrom('Mo-Fr 09:00-12:30,13:30-17:00; PH off', ' We 14:00-17:00 ', 'Mo-Fr\n09:00-17:00', 'x'.repeat(256)),
);

/** JSON with sorted keys: zod's output lists keys in schema order. */
const canonical = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));

/** A walk context that records what it is told, paths included. */
function recorder() {
  const reports: string[] = [];
  const ctx: WalkContext = {
    path: [],
    clean: (value, key) => cleanField(value, key, (max) => reports.push(`cut ${[...ctx.path, key].join('.')} ${max}`)),
    unknown: (object, key) => {
      reports.push(`unknown ${[...ctx.path, key].join('.')}`);
      delete object[key];
    },
  };
  return { ctx, reports };
}

type Schema = { safeParse(v: unknown): { success: boolean; data?: unknown } };

/** Sound (accepts only what zod accepts once cleaned, and returns zod's result) and complete. */
function agree(walk: (v: unknown, ctx: WalkContext) => boolean, schema: Schema, value: Record<string, unknown>, ignore: string[] = []): void {
  const slow = schema.safeParse(sanitize(value));
  const walked = structuredClone(value);
  const fast = walk(walked, recorder().ctx);
  const shown = JSON.stringify(value).slice(0, 300);
  if (fast) {
    expect(slow.success, `walker accepted what zod rejects: ${shown}`).to.equal(true);
    const strip = (v: unknown) => ({ ...(v as object), ...Object.fromEntries(ignore.map((k) => [k, undefined])) });
    expect(canonical(strip(walked)), `walker result differs from zod's: ${shown}`).to.equal(canonical(strip(slow.data)));
  }
  if (slow.success) expect(fast, `walker rejected what zod accepts: ${shown}`).to.equal(true);
}

function mutations(base: Record<string, unknown>, keys: string[], walk: Parameters<typeof agree>[0], schema: Schema, ignore?: string[]) {
  fc.assert(
    fc.property(fc.constantFrom(...keys, 'extra'), fieldValue, (key, value) => agree(walk, schema, { ...base, [key]: value }, ignore)),
    { numRuns: 1500 },
  );
}

describe('generated walkers', () => {
  it('agree with zod on mutated offers', () => {
    const base = offer({ id: 'o1', subcares: ['sophrologie'], ages: ['adulte'], contact: { phone: '05 56 00 00 00' }, serviceArea: { departments: ['33'] } }) as Record<string, unknown>;
    mutations(base, Object.keys(OfferSchema.def.shape), walkOffer, OfferSchema);
  });

  it('agree with zod on service areas', () => {
    const base = offer({ id: 'o1', settings: ['domicile'] }) as Record<string, unknown>;
    fc.assert(fc.property(fc.oneof(serviceAreaValue, fieldValue), (serviceArea) => agree(walkOffer, OfferSchema, { ...base, serviceArea })), { numRuns: 1500 });
  });

  it('agree with zod on closures and languages', () => {
    const base = structure({ id: 's1' }) as Record<string, unknown>;
    fc.assert(fc.property(fc.oneof(closureValue, fieldValue), languagesValue, (closure, languages) => {
      agree(walkStructureShell, StructureShellSchema, { ...base, closure }, ['offers']);
      agree(walkStructureShell, StructureShellSchema, { ...base, languages }, ['offers']);
    }), { numRuns: 1500 });
  });

  it('agree with zod on mutated structures', () => {
    const base = structure({ id: 's1', contact: { website: 'https://example.org' } }) as Record<string, unknown>;
    // The shell walker leaves offers to the caller (walked one by one): compared without them.
    mutations(base, Object.keys(StructureShellSchema.def.shape), walkStructureShell, StructureShellSchema, ['offers']);
    // Links alone, many of them: the walker must accept exactly what zod accepts.
    fc.assert(fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string().map((x) => `http://${x}`)), (website) => {
      agree(walkStructureShell, StructureShellSchema, { ...base, contact: { website } }, ['offers']);
    }), { numRuns: 3000 });
  });

  it('clean in place, report cuts and unknown fields with their path, and keep the record', () => {
    const { ctx, reports } = recorder();
    const record = structure({
      id: ' s1', name: 'Centre\u202e  Hélios\t', address: { postalCode: '33000 ', city: 'Bordeaux', floor: 2 } as never,
      description: 'x'.repeat(5000), accessibility: { wheelchair: true, ramp: 'oui' } as never,
    }) as Record<string, unknown>;
    record.extra = { nested: 'anything' };
    expect(walkStructureShell(record, ctx)).to.equal(true);
    expect(record.id).to.equal('s1');
    expect(record.name).to.equal('Centre Hélios');
    expect((record.address as Record<string, unknown>).postalCode).to.equal('33000');
    expect(record.description).to.have.length(4000);
    expect(record).not.to.have.property('extra');
    expect(record.address).not.to.have.property('floor');
    expect(record.accessibility).to.deep.equal({ wheelchair: true });
    expect(reports).to.have.members(['unknown address.floor', 'cut description 4000', 'unknown accessibility.ramp', 'unknown extra']);
    expect(ctx.path, 'the path stack is balanced').to.deep.equal([]);
  });

  it('clean codes in lists, and reject what no cleaning saves', () => {
    const good = offer({ id: 'o', audiences: [' patient', 'proche-aidant\n'] as never }) as Record<string, unknown>;
    expect(walkOffer(good, recorder().ctx)).to.equal(true);
    expect(good.audiences).to.deep.equal(['patient', 'proche-aidant']);
    expect(walkOffer(offer({ id: 'o', audiences: ['patients'] as never }), recorder().ctx)).to.equal(false);
    expect(walkOffer(offer({ id: 'o', care: 'homeopathie' as never }), recorder().ctx)).to.equal(false);
    const { id: _id, ...noId } = offer({ id: 'o' });
    expect(walkOffer(noId, recorder().ctx), 'a required field missing').to.equal(false);
  });

  it('agree with zod on mutated envelopes (the envelope check)', () => {
    const base = { ...feed([]) } as Record<string, unknown>;
    fc.assert(fc.property(fc.constantFrom(...Object.keys(EnvelopeSchema.def.shape)), fieldValue, (key, value) => {
      const v = { ...base, [key]: value };
      const slow = EnvelopeSchema.safeParse(v);
      if (checkEnvelope(v)) expect(slow.success, JSON.stringify(v).slice(0, 300)).to.equal(true);
      if (slow.success && canonical(slow.data) === canonical(v)) expect(checkEnvelope(v)).to.equal(true);
    }), { numRuns: 1500 });
  });
});
