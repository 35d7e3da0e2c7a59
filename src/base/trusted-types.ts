/**
 * Trusted Types, for pages whose Content-Security-Policy has `require-trusted-types-for 'script'`:
 * the widget's own policy, « sos-annuaire », the only way a script URL of the widget reaches the
 * browser (the map's worker). It blesses nothing but the widget's own scripts. Lit has its own
 * policy, « lit-html »: the page's `trusted-types` directive must allow both names.
 *
 * Only the map chunk imports this module: none of it is in the page's initial JavaScript.
 */

export const POLICY_NAME = 'sos-annuaire';

/** Said once in the console when the page refuses the policy (the list works, the map does not). */
export const REFUSED_MESSAGE =
  `[sos-annuaire] Trusted Types : la politique « ${POLICY_NAME} » est refusée par la page. ` +
  `Ajoutez « ${POLICY_NAME} » (et « lit-html ») à la directive trusted-types de la politique de sécurité du contenu.`;

/** The part of the Trusted Types API used here (TypeScript's DOM library has none of it). */
interface ScriptURLPolicy {
  createScriptURL(url: string): object;
}
interface PolicyFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptURLPolicy;
}

/** The folder of the widget's chunks (this module is bundled into one of them). */
const ownFolder = new URL(import.meta.url.slice(0, import.meta.url.lastIndexOf('/') + 1));

/** The blob: URLs `moduleWorkerURL` made, each a module importing one of the widget's scripts. */
const ownBlobs = new Set<string>();
/** `moduleWorkerURL`'s answers, by script URL. */
const workerURLs = new Map<string, object>();

/**
 * True for one of the widget's own scripts: an http(s) URL on the origin of `folder` (by default the
 * widget's chunks), under that folder, without query or fragment, in canonical form (no `..`); or a
 * blob: URL made by `moduleWorkerURL`. Anything else is refused.
 */
export function isOwnScript(url: string, folder: URL = ownFolder): boolean {
  if (ownBlobs.has(url)) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    /^https?:$/.test(parsed.protocol) &&
    parsed.origin === folder.origin &&
    parsed.pathname.startsWith(folder.pathname) &&
    !parsed.search &&
    !parsed.hash &&
    parsed.href === url
  );
}

/** Created on first use: the policy; `null` when the browser has no Trusted Types; `false` when the page refuses it. */
let policy: ScriptURLPolicy | null | false | undefined;

function widgetPolicy(): ScriptURLPolicy | null | false {
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
    if (!factory) {
      policy = null;
    } else {
      try {
        policy = factory.createPolicy(POLICY_NAME, {
          createScriptURL(url) {
            if (!isOwnScript(url)) throw new TypeError(`[sos-annuaire] Trusted Types : ${url} n'est pas un script du widget.`);
            return url;
          },
        });
      } catch {
        // The name is not in the page's `trusted-types` directive (or the directive is 'none').
        console.error(REFUSED_MESSAGE);
        policy = false;
      }
    }
  }
  return policy;
}

/**
 * The URL from which `new Worker(url, { type: 'module' })` starts the widget's module script `url`
 * on this page, a TrustedScriptURL when the browser has Trusted Types:
 * - on the page's origin, `url` itself;
 * - on another origin (a CDN: a worker must come from the page's origin), a blob: module that
 *   imports it (as MapLibre does on its own), made here so that the policy knows it is the widget's.
 * Without Trusted Types, `url` as it is. `undefined` when the page refuses the policy (said once in
 * the console); throws when `url` is not one of the widget's scripts.
 */
export function moduleWorkerURL(url: string): object | string | undefined {
  const p = widgetPolicy();
  if (p === null) return url;
  if (p === false) return undefined;
  let trusted = workerURLs.get(url);
  if (!trusted) {
    if (!isOwnScript(url)) throw new TypeError(`[sos-annuaire] Trusted Types : ${url} n'est pas un script du widget.`);
    let target = url;
    if (new URL(url).origin !== location.origin) {
      // Never revoked: MapLibre starts its workers again from the same URL (after a context loss).
      target = URL.createObjectURL(new Blob([`import ${JSON.stringify(url)};`], { type: 'text/javascript' }));
      ownBlobs.add(target);
    }
    trusted = p.createScriptURL(target);
    workerURLs.set(url, trusted);
  }
  return trusted;
}
