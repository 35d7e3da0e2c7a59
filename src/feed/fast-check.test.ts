/**
 * The generated checks (generated/checks.ts, from the zod schema) must agree with zod: they may
 * only skip zod for records zod accepts unchanged.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { checkEnvelope, checkOffer, checkStructureShell } from './generated/checks.js';
import { EnvelopeSchema, OfferSchema, StructureShellSchema } from './schema.js';
import { feed, offer, structure } from '../../test/helpers/feeds.js';

/** Plausible values for a field: right and wrong types, codes, lists, edge strings. */
const fieldValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('', ' ', 'patient', 'ville', 'douleur', 'sophrologie', 'https://example.org', 'javascript:alert(1)', 'a@b.fr', '2026-02-30', '2026-03-12', '2026-11-20T08:00:00Z', '33000', '2A004', 'x'.repeat(300)),
  fc.array(fc.constantFrom('patient', 'proche-aidant', 'ville', 'domicile', 'adulte', 'inconnu', ''), { maxLength: 3 }),
  fc.record({ lat: fc.double(), lon: fc.double() }),
  fc.record({ phone: fc.string(), website: fc.constantFrom('https://a.fr', 'ftp://a.fr', 'http://localhost', ' https://b.fr/x ') }),
  // Links: the generated check has a pattern shortcut for plain http(s) URLs, it must agree with zod.
  fc.record({ website: fc.oneof(
    fc.constantFrom('https://Example.ORG/a?b#c', 'http://a-b.fr', 'https://-a.fr', 'https://a.f', 'https://a..fr', 'https://a.fr:8080/x',
      'https://user@a.fr', 'https://xn--caf-dma.fr', 'https://café.fr', 'https://a.fr/ x', 'https://a.fr\\x', 'javascript://a.fr', 'https://1.2.3.4', `https://${'a'.repeat(64)}.fr`),
    fc.webUrl(), fc.string().map((x) => `https://${x}`),
  ) }),
  fc.record({ id: fc.constantFrom('dsrc', 'Bad Id'), name: fc.string() }),
);

/** JSON with sorted keys: zod's output lists keys in schema order. */
const canonical = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));

/** Sound (never accepts what zod rejects) and complete (accepts all zod accepts unchanged). */
function agree(check: (v: unknown) => boolean, schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }, value: unknown): void {
  const fast = check(value);
  const slow = schema.safeParse(value);
  if (fast) expect(slow.success, `generated check accepted what zod rejects: ${JSON.stringify(value).slice(0, 300)}`).to.equal(true);
  if (slow.success && canonical(slow.data) === canonical(value)) expect(fast, `${canonical(value)}`).to.equal(true);
}

function mutations(base: Record<string, unknown>, keys: string[], check: (v: unknown) => boolean, schema: Parameters<typeof agree>[1]) {
  fc.assert(
    fc.property(fc.constantFrom(...keys), fieldValue, (key, value) => agree(check, schema, { ...base, [key]: value })),
    { numRuns: 1500 },
  );
}

describe('generated fast checks', () => {
  it('agree with zod on mutated offers', () => {
    const base = offer({ id: 'o1', subcares: ['sophrologie'], ages: ['adulte'] }) as Record<string, unknown>;
    mutations(base, Object.keys(OfferSchema.def.shape), checkOffer, OfferSchema);
  });

  it('agree with zod on mutated structures', () => {
    const base = structure({ id: 's1', contact: { website: 'https://example.org' } }) as Record<string, unknown>;
    mutations(base, Object.keys(StructureShellSchema.def.shape), checkStructureShell, StructureShellSchema);
    // Links alone, many of them: the check must accept exactly what zod accepts unchanged.
    fc.assert(fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string().map((x) => `http://${x}`)), (website) => {
      agree(checkStructureShell, StructureShellSchema, { ...base, contact: { website } });
    }), { numRuns: 3000 });
  });

  it('agree with zod on mutated envelopes', () => {
    const base = { ...feed([]) } as Record<string, unknown>;
    mutations(base, Object.keys(EnvelopeSchema.def.shape), checkEnvelope, EnvelopeSchema);
  });

  it('leave records with unknown fields to zod (which strips them)', () => {
    expect(checkOffer({ ...offer({ id: 'o' }), extra: 1 })).to.equal(false);
    expect(OfferSchema.safeParse({ ...offer({ id: 'o' }), extra: 1 }).success).to.equal(true);
  });
});
