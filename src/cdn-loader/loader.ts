/**
 * The CDN entry, dist/cdn/sos-annuaire.js: a loader of a few hundred bytes that imports the widget's
 * main module (src/cdn.ts, built as chunks/sos-annuaire.main-<hash>.js). Built by
 * scripts/vite-cdn-loader.ts as a classic-compatible script: no `import`/`export` statement, no
 * `import.meta` (syntax errors outside a module), only `import()` expressions, which classic
 * scripts allow. So a tag with or without `type="module"` starts the widget; without, the console
 * says why `type="module"` is better (classic-advice.ts).
 *
 * `__SOS_VERSION__` (package.json's version), `__SOS_MAIN__`, `__SOS_ADVICE__` and `__SOS_PRELOAD__`
 * (paths relative to this file) are written in at build time. Every byte here counts in the
 * initial JavaScript.
 */
import { isLoaderAddress, pinnedAddress, scriptUrlFromStack } from './main-url.js';
import { markLoadedAsClassicScript } from '../util/classic-flag.js';

declare const __SOS_VERSION__: string;
declare const __SOS_MAIN__: string;
declare const __SOS_ADVICE__: string;
declare const __SOS_PRELOAD__: string[];

// Set only while a classic script runs: a module script finds null here.
const script = document.currentScript as HTMLScriptElement | null;

/**
 * This file's own address. A classic script has `document.currentScript`. A module script has
 * not, and `import.meta.url`, the module way, would be a syntax error in a classic script: the
 * stack of an Error created here names this file in Chromium, Firefox and Safari (a module is
 * fetched in CORS mode, so its address is not hidden). Last resort (an engine whose stacks carry
 * no address): the last `<script src>` ending in `/sos-annuaire.js`. Unknown: the paths stay
 * relative, which resolves against this script anyway (only the jsDelivr pinning is lost).
 */
const own =
  (script && script.src) ||
  scriptUrlFromStack(new Error().stack) ||
  [...document.scripts].map((s) => s.src).filter(isLoaderAddress).pop();

const at = (path: string): string => (own ? new URL(path, pinnedAddress(own, __SOS_VERSION__)).href : path);

void import(at(__SOS_MAIN__));
// The main module's static imports, fetched beside it rather than after it (one round trip less
// before the first results). An `href` is no Trusted Types sink; script-src applies, as to import().
for (const path of __SOS_PRELOAD__) {
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = at(path);
  document.head.append(link);
}
if (script) {
  // For the setup notice of the page's directories (src/base/setup-check.ts): told in the page too.
  markLoadedAsClassicScript();
  void import(at(__SOS_ADVICE__));
}
