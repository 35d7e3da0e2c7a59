/**
 * Lit creates its Trusted Types policy, « lit-html », while its module is evaluated. On a page whose
 * Content-Security-Policy refuses that name (`trusted-types 'none'`, a list without it, or a second
 * copy of Lit without `'allow-duplicates'`), that throws before any code of the widget runs: the
 * elements are never defined, the page logs a bare TypeError, and its webmaster is told nothing.
 *
 * This module must be evaluated before Lit (it is the first import of the modules that import
 * Lit first): it lets the refusal through as « no policy », says once in French which names to
 * allow, and the elements then show one line of text instead of rendering (Lit's templates could
 * not reach the DOM under that policy). The page's `trustedTypes` object is left as it was as soon
 * as Lit has asked, or at the end of this evaluation turn at the latest.
 */

/** Said once in the console when the page refuses Lit's policy. */
export const LIT_REFUSED_MESSAGE =
  '[sos-annuaire] Trusted Types : la politique « lit-html » est refusée par la page, l\'annuaire ne peut pas s\'afficher. ' +
  'Ajoutez « lit-html » et « sos-annuaire » à la directive trusted-types de la politique de sécurité du contenu ' +
  '(avec \'allow-duplicates\' si une autre application Lit de la page crée déjà « lit-html »).';

/** Shown in place of each element when Lit cannot render (French and English). */
const NOTICE = {
  fr: 'L\'annuaire ne peut pas s\'afficher sur cette page (politique de sécurité du site).',
  en: 'The directory cannot be shown on this page (the site\'s security policy).',
};

/** True when the page refused Lit's policy. */
export let litRefused = false;

interface PolicyFactory {
  createPolicy(name: string, rules: unknown): unknown;
}

const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
if (factory && !Object.prototype.hasOwnProperty.call(factory, 'createPolicy')) {
  const restore = () => delete (factory as Partial<PolicyFactory>).createPolicy;
  const create = factory.createPolicy;
  factory.createPolicy = function (name: string, rules: unknown): unknown {
    try {
      return create.call(this, name, rules);
    } catch (error) {
      if (name !== 'lit-html') throw error;
      litRefused = true;
      console.error(LIT_REFUSED_MESSAGE);
      return undefined; // Lit then runs without a policy; the elements do not render (below).
    } finally {
      if (name === 'lit-html') restore();
    }
  };
  queueMicrotask(restore);
}

/**
 * For an element's `shouldUpdate`: false (and one line of text in its shadow root, written as text,
 * no sink) when Lit cannot render on this page.
 */
export function canRender(element: HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment }): boolean {
  if (!litRefused) return true;
  if (!element.renderRoot.textContent) {
    const lang = (element.closest('[lang]')?.getAttribute('lang') ?? 'fr').startsWith('en') ? 'en' : 'fr';
    element.renderRoot.textContent = NOTICE[lang];
  }
  return false;
}
