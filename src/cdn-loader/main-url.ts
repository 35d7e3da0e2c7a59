/**
 * Pure helpers of the CDN loader (loader.ts): where the loader itself was loaded from, and where
 * the widget's main module is. No DOM here (test/node/cdn-loader.test.mjs runs them in Node).
 * Every byte of the loader counts in the widget's initial JavaScript: these stay small.
 */

/**
 * jsDelivr's npm address of this package, `/npm/sos-annuaire@<version or range>/` or
 * `/npm/sos-annuaire/` (no version: the latest), whatever the host (cdn., fastly., gcore.jsdelivr.net,
 * a company mirror, the tests' localhost). Other shapes (self-hosting, WordPress, unpkg, which
 * redirects ranges to exact versions anyway) are left alone.
 */
const JSDELIVR_NPM = /\/npm\/sos-annuaire(@[^/]*)?\//;

/**
 * The loader's address with a jsDelivr range (`@0`, `@0.1`, `@latest`, none) replaced by the
 * loader's exact `version`: jsDelivr caches a range address for up to 7 days, so a page can get
 * last week's loader after a release; its hashed chunks are gone from the new version, not from
 * its own exact version, which jsDelivr serves for ever. Every file of a page then comes from one
 * version. Addresses are resolved against it (its query string and fragment are dropped then).
 */
export const pinnedAddress = (loaderUrl: string, version: string): string =>
  loaderUrl.replace(JSDELIVR_NPM, `/npm/sos-annuaire@${version}/`);

/** The main module's absolute URL: `mainPath` (relative to the loader) against the pinned address. */
export const mainModuleUrl = (loaderUrl: string, version: string, mainPath: string): string =>
  new URL(mainPath, pinnedAddress(loaderUrl, version)).href;

/**
 * The first http(s) script address in an `Error().stack`, as the three engines write a frame:
 * Chromium `    at https://h/x.js:1:23` (or `at f (https://h/x.js:1:23)`), Firefox
 * `f@https://h/x.js:1:23`, Safari `module code@https://h/x.js:1:23`. An address may hold `@`
 * (`/npm/sos-annuaire@0/`) and a port: what ends it is `:line:column`.
 */
export const scriptUrlFromStack = (stack: string | undefined): string | undefined =>
  (/(https?:\/\/[^\s()]+?):\d+:\d+/.exec(stack || '') || [])[1];

/** True for a `<script>`'s absolute `src` whose path ends with `/sos-annuaire.js` (a query may follow). */
export const isLoaderAddress = (src: string): boolean => /^[^?#]*\/sos-annuaire\.js(?:[?#]|$)/.test(src);
