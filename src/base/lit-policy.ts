/**
 * Lit creates its Trusted Types policy, « lit-html », while its module is evaluated. On a page whose
 * Content-Security-Policy refuses that name (`trusted-types 'none'`, a list without it, or a second
 * copy of Lit without `'allow-duplicates'`), that throws before any code of the widget runs: the
 * elements are never defined, the page logs a bare TypeError, and its webmaster is told nothing.
 *
 * This module must be evaluated before Lit (it is the first import of the modules that import
 * Lit first): it lets the refusal through as « no policy », and the elements then show one line of
 * text instead of rendering (Lit's templates could not reach the DOM under that policy); the texts
 * are a chunk of their own (lit-refused.ts), loaded only then. The page's `trustedTypes` object is
 * left as it was as soon as Lit has asked, or at the end of this evaluation turn at the latest.
 */

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
      void import('./lit-refused.js').then((m) => m.sayRefused());
      return undefined; // Lit then runs without a policy; the elements do not render (below).
    } finally {
      if (name === 'lit-html') restore();
    }
  };
  queueMicrotask(restore);
}

/**
 * For an element's `shouldUpdate`: false when Lit cannot render on this page (one line of text
 * is then written in its shadow root, as text: no sink).
 */
export function canRender(element: HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment }): boolean {
  if (litRefused) void import('./lit-refused.js').then((m) => m.showRefused(element));
  return !litRefused;
}
