/**
 * How a person gets in (FEED-SPEC 1.1 offer `howTo`; data·inclusion `modes_mobilisation`). A module
 * of its own, not in taxonomy.ts: only the structure card (a lazy chunk), the detailed validator and
 * the CLI read it; in the shared taxonomy its labels would weigh on every page's initial JavaScript.
 */
import { enumeration, L } from './taxonomy.js';

export const HOW_TO_CODES = ['telephone', 'courriel', 'sur-place', 'rendez-vous-en-ligne', 'formulaire', 'orientation-professionnel'] as const;
export type HowToCode = (typeof HOW_TO_CODES)[number];

export const HOW_TO = /* @__PURE__ */ enumeration<HowToCode>({
  telephone: L('Par téléphone', 'By phone'),
  courriel: L('Par courriel', 'By e-mail'),
  'sur-place': L('Sur place, en se présentant à l’accueil', 'In person, at the reception desk'),
  'rendez-vous-en-ligne': L('Prendre rendez-vous en ligne', 'Book online'),
  formulaire: L('Par un formulaire en ligne', 'Through an online form'),
  'orientation-professionnel': L('Sur orientation d’un professionnel', 'On referral by a professional'),
});

