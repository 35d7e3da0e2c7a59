/** The compiled check must agree with zod: it may only skip zod for records zod accepts. */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { compile } from './fast-check.js';
import { OfferSchema, StructureSchema } from './schema.js';
import { offer, structure } from '../../test/helpers/feeds.js';

const offerKeys = Object.keys(OfferSchema.def.shape);
const structureKeys = Object.keys(StructureSchema.def.shape);

/** Plausible values for a field: right and wrong types, codes, lists, edge strings. */
const fieldValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('', ' ', 'patient', 'ville', 'douleur', 'sophrologie', 'https://example.org', 'javascript:alert(1)', 'a@b.fr', '2026-02-30', '2026-03-12', '33000', '2A004', 'x'.repeat(300)),
  fc.array(fc.constantFrom('patient', 'proche-aidant', 'ville', 'domicile', 'adulte', 'inconnu', ''), { maxLength: 3 }),
  fc.record({ lat: fc.double(), lon: fc.double() }),
  fc.record({ phone: fc.string(), website: fc.constantFrom('https://a.fr', 'ftp://a.fr', 'http://localhost') }),
);

/** Sound (never accepts what zod rejects) and complete (accepts all zod accepts unchanged). */
function agree(schema: typeof OfferSchema | typeof StructureSchema, value: unknown): void {
  const fast = compile(schema)(value);
  const slow = schema.safeParse(value);
  if (fast) expect(slow.success, `fast check accepted what zod rejects: ${JSON.stringify(value).slice(0, 300)}`).to.equal(true);
  // When zod strips nothing (no unknown key anywhere), the fast check must accept too.
  if (slow.success && canonical(slow.data) === canonical(value)) expect(fast, `${canonical(value)} / zod: ${canonical(slow.data)}`).to.equal(true);
}

/** JSON with sorted keys: zod's output lists keys in schema order. */
const canonical = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));

describe('compiled fast check', () => {
  it('agrees with zod on mutated offers', () => {
    fc.assert(
      fc.property(fc.constantFrom(...offerKeys), fieldValue, (key, value) => {
        const o: Record<string, unknown> = { ...offer({ id: 'o1', subcares: ['sophrologie'], ages: ['adulte'] }), [key]: value };
        agree(OfferSchema, o);
      }),
      { numRuns: 1500 },
    );
  });

  it('agrees with zod on mutated structures', () => {
    fc.assert(
      fc.property(fc.constantFrom(...structureKeys), fieldValue, (key, value) => {
        const s: Record<string, unknown> = { ...structure({ id: 's1' }), [key]: value };
        agree(StructureSchema, s);
      }),
      { numRuns: 1500 },
    );
  });

  it('leaves records with unknown fields to zod (which strips them)', () => {
    expect(compile(OfferSchema)({ ...offer({ id: 'o' }), extra: 1 })).to.equal(false);
    expect(OfferSchema.safeParse({ ...offer({ id: 'o' }), extra: 1 }).success).to.equal(true);
  });
});
