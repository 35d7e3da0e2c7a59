/**
 * The `sos-feed/1` contract (FEED-SPEC.md) as code: the one source from which the TypeScript
 * types are inferred and `data-schema/sos-feed.schema.json` is generated.
 *
 * zod/mini keeps the validator in the widget's initial bundle small (≈6 kB gzip instead of ≈24).
 * The schemas are strict on purpose (they are what a publisher validates against); readers are
 * lenient around them: see validate.ts for what is dropped rather than rejected.
 */
import * as z from 'zod/mini';
import {
  ACCESS, AGES, AUDIENCES, CARE_CODES, COSTS, PATHWAYS, PHASES, REFERRALS, SETTINGS,
  STRUCTURE_KINDS, SUBCARE_CODES, type CareCode,
} from './taxonomy.js';
import { HOW_TO_CODES } from './how-to.js';
import { languagePattern } from './languages.js';

import { FORMAT, MAX_LENGTH } from './constants.js';

export { FORMAT, MAX_LENGTH };

const describe = <T extends z.ZodMiniType>(schema: T, description: string): T => {
  z.globalRegistry.add(schema, { description });
  return schema;
};

const text = (max: number = MAX_LENGTH.short) => z.string().check(z.minLength(1), z.maxLength(max));
const id = () => z.string().check(z.regex(/^[A-Za-z0-9._-]{1,64}$/));
const codes = <C extends string>(values: readonly C[]) => z.array(z.enum(values as [C, ...C[]]));
/** Only http(s) links ever reach a page: no javascript:, data: or relative URLs. */
const httpUrl = () => z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).check(z.maxLength(2048));

/** Département code: `"33"`, `"2A"`, `"971"` (a structure's `department`, a service area's `departments`). */
const departmentCode = () => z.string().check(z.regex(/^(?:[0-9]{2}|2A|2B|97[1-6])$/));
/** INSEE commune code (COG): 5 characters, `2A`/`2B` allowed. */
const inseeCode = () => z.string().check(z.regex(/^(?:[0-9]{2}|2A|2B)[0-9]{3}$/));

/**
 * Hours in OpenStreetMap `opening_hours` syntax (`Mo-Fr 09:00-12:30,13:30-17:00; PH off`), kept as
 * text: validation does not parse them (readers that cannot read them show `hours`). 255
 * characters, OpenStreetMap's own limit for a tag value; never cut (a cut expression means
 * something else), dropped when longer.
 */
const osmHours = (what: string) => describe(
  z.string().check(z.minLength(1), z.maxLength(255)),
  `${what}, au format OpenStreetMap opening_hours (ex. « Mo-Fr 09:00-12:30,13:30-17:00; PH off »), 255 caractères au plus`,
);

export const ContactSchema = z.object({
  phone: z.optional(describe(z.string().check(z.regex(/^[+0-9][0-9 .()-]{3,24}$/)), 'Téléphone')),
  email: z.optional(describe(z.email(), 'Adresse électronique')),
  website: z.optional(describe(httpUrl(), 'Site web (http ou https seulement)')),
  mssante: z.optional(describe(z.email(), 'Messagerie sécurisée de santé (pour les professionnels)')),
});

export const AddressSchema = z.object({
  line: z.optional(text()),
  postalCode: z.string().check(z.regex(/^[0-9]{5}$/)),
  city: text(),
  insee: z.optional(inseeCode()),
});

export const LocationSchema = z.object({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lon: z.number().check(z.gte(-180), z.lte(180)),
});

/**
 * Where an offer given at home (`domicile`) or remotely (`distance`) is available (FEED-SPEC 1.1).
 * Absent: the structure's own département for `domicile`, the publisher's region for `distance`.
 */
export const ServiceAreaSchema = z.object({
  departments: z.optional(describe(z.array(departmentCode()).check(z.minLength(1)), 'Départements desservis : codes "33", "2A", "971"…')),
  communes: z.optional(describe(z.array(inseeCode()).check(z.minLength(1)), 'Communes desservies : codes commune INSEE (5 caractères, 2A/2B admis)')),
  radiusKm: z.optional(describe(z.number().check(z.gt(0), z.lte(1000)), 'Rayon desservi autour de la structure, en kilomètres (plus de 0, 1000 au plus)')),
});

export const OfferSchema = z.object({
  id: id(),
  care: describe(z.enum(CARE_CODES as [CareCode, ...CareCode[]]), 'Catégorie de soin de support (13 codes)'),
  label: z.optional(text()),
  subcares: z.optional(codes(SUBCARE_CODES)),
  audiences: codes(AUDIENCES.codes).check(z.minLength(1)),
  ages: z.optional(codes(AGES.codes)),
  settings: codes(SETTINGS.codes).check(z.minLength(1)),
  serviceArea: z.optional(describe(ServiceAreaSchema, "Zone desservie par une offre à domicile ou à distance (départements, communes et/ou rayon) ; absente : le département de la structure pour « domicile », la région de l'éditeur pour « distance »")),
  phases: z.optional(codes(PHASES.codes)),
  access: z.optional(codes(ACCESS.codes)),
  referral: z.optional(z.enum(REFERRALS.codes)),
  cost: z.optional(z.enum(COSTS.codes)),
  costNote: z.optional(text()),
  pathways: z.optional(codes(PATHWAYS.codes)),
  nonConventional: z.optional(z.boolean()),
  description: z.optional(text(MAX_LENGTH.long)),
  schedule: z.optional(text(MAX_LENGTH.long)),
  openingHours: z.optional(osmHours("Horaires de l'offre (un atelier le mercredi…), s'ils diffèrent de ceux de la structure")),
  howTo: z.optional(describe(codes(HOW_TO_CODES), "Comment y accéder : telephone, courriel, sur-place, rendez-vous-en-ligne, formulaire, orientation-professionnel")),
  bookingUrl: z.optional(describe(httpUrl(), "Page de prise de rendez-vous ou d'inscription en ligne (http ou https seulement)")),
  contact: z.optional(ContactSchema),
});

/**
 * A temporary closure (holidays, works): `from` the first day closed, `until` the last one
 * (absent: until further notice). The structure stays listed; readers say « Fermé du … au … ».
 * (`until` before `from` is caught by validate.ts: the schema cannot compare two fields.)
 */
export const ClosureSchema = z.object({
  from: describe(z.iso.date(), 'Premier jour de fermeture (AAAA-MM-JJ)'),
  until: z.optional(describe(z.iso.date(), "Dernier jour de fermeture (AAAA-MM-JJ) ; absent : jusqu'à nouvel ordre")),
  note: z.optional(describe(text(), 'Précision affichée avec la fermeture, ex. « Fermeture annuelle »')),
});

export const StructureSchema = z.object({
  id: id(),
  name: text(),
  kind: z.enum(STRUCTURE_KINDS.codes),
  finess: z.optional(z.string().check(z.regex(/^[0-9][0-9AB][0-9]{7}$/))),
  siret: z.optional(z.string().check(z.regex(/^[0-9]{14}$/))),
  description: z.optional(text(MAX_LENGTH.long)),
  address: AddressSchema,
  department: z.optional(departmentCode()),
  location: z.optional(LocationSchema),
  contact: z.optional(ContactSchema),
  accessibility: z.optional(z.object({
    wheelchair: z.optional(z.boolean()),
    acceslibre: z.optional(describe(httpUrl(), 'Page du lieu sur acceslibre.beta.gouv.fr (registre national de l\'accessibilité), http ou https')),
  })),
  hours: z.optional(text(MAX_LENGTH.long)),
  openingHours: z.optional(osmHours("Horaires d'ouverture lisibles par les lecteurs (`hours` reste le texte affiché quand ils ne savent pas les lire)")),
  closure: z.optional(describe(ClosureSchema, "Fermeture temporaire (congés, travaux) : la structure reste listée, avec « Fermé du … au … »")),
  languages: z.optional(describe(
    z.array(z.string().check(z.regex(languagePattern()))),
    'Langues parlées en plus du français : codes ISO 639-1 à deux lettres minuscules (en, es, ar, pt, br…)',
  )),
  verifiedAt: z.iso.date(),
  offers: z.array(OfferSchema).check(z.minLength(1)),
});

export const PublisherSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.maxLength(MAX_LENGTH.code)),
  name: text(),
  region: z.optional(z.string().check(z.regex(/^[0-9]{2}$/))),
  url: z.optional(httpUrl()),
  contact: z.optional(z.object({ email: z.optional(z.email()), url: z.optional(httpUrl()) })),
  license: z.optional(text()),
});

/** The whole document, as a publisher must write it. */
export const FeedSchema = z.object({
  format: z.literal(FORMAT),
  publisher: PublisherSchema,
  generatedAt: z.iso.datetime({ offset: true }),
  structures: z.array(StructureSchema),
});

/**
 * A structure whose offers are validated one by one beforehand (one bad offer must not sink its
 * structure, and validating them twice would cost a third of the time).
 */
export const StructureShellSchema = z.extend(StructureSchema, { offers: z.array(z.unknown()).check(z.minLength(1)) });

/** The envelope alone: what a reader needs to accept the document at all. */
export const EnvelopeSchema = z.object({
  format: z.literal(FORMAT),
  publisher: PublisherSchema,
  generatedAt: z.iso.datetime({ offset: true }),
  structures: z.array(z.unknown()),
});

export type Contact = z.infer<typeof ContactSchema>;
export type Address = z.infer<typeof AddressSchema>;
export type GeoPoint = z.infer<typeof LocationSchema>;
export type ServiceArea = z.infer<typeof ServiceAreaSchema>;
export type Closure = z.infer<typeof ClosureSchema>;
export type Offer = z.infer<typeof OfferSchema>;
export type FeedStructure = z.infer<typeof StructureSchema>;
export type Publisher = z.infer<typeof PublisherSchema>;
export type Feed = z.infer<typeof FeedSchema>;
