/**
 * What a page that refuses Lit's Trusted Types policy is told (see lit-policy.ts): a chunk of its
 * own, loaded only on such a page.
 */

/** Said once in the console. */
export const LIT_REFUSED_MESSAGE =
  '[sos-annuaire] Trusted Types : la politique « lit-html » est refusée par la page, l\'annuaire ne peut pas s\'afficher. ' +
  'Ajoutez « lit-html » et « sos-annuaire » à la directive trusted-types de la politique de sécurité du contenu ' +
  '(avec \'allow-duplicates\' si une autre application Lit de la page crée déjà « lit-html »).';

/** Shown in place of each element (French and English). */
const NOTICE = {
  fr: 'L\'annuaire ne peut pas s\'afficher sur cette page (politique de sécurité du site).',
  en: 'The directory cannot be shown on this page (the site\'s security policy).',
};

let said = false;

export function sayRefused(): void {
  if (said) return;
  said = true;
  console.error(LIT_REFUSED_MESSAGE);
}

/** Writes the notice, as text, in the element's shadow root (once). */
export function showRefused(element: HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment }): void {
  if (element.renderRoot.textContent) return;
  const lang = (element.closest('[lang]')?.getAttribute('lang') ?? 'fr').startsWith('en') ? 'en' : 'fr';
  element.renderRoot.textContent = NOTICE[lang];
}
