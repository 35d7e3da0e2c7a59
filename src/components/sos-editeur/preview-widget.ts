/**
 * The widget of the « Aperçu » (preview) step, loaded at run time from the CDN build of the same
 * release rather than bundled a second time into the workbench (its map chunk and MapLibre worker
 * alone weigh 1.8 MB: the WordPress plugin, which ships the widget anyway, stays far under PHP's
 * 2 MB upload limit).
 *
 * Where it is comes from the page itself only: `<meta name="sos-widget" content="…">` in the
 * workbench's HTML (scripts/package-wordpress.mjs points it at the plugin's own widget), else
 * `./widget/sos-annuaire.js` beside the page (scripts/build.mjs copies dist/cdn there). Never
 * from the address bar: a link could otherwise make the workbench run someone else's script.
 */

/** Said in the live region when the widget cannot be loaded (a named error: see SosEditeur.run). */
export class PreviewError extends Error {
  override name = 'PreviewError';
}

export const DEFAULT_WIDGET = './widget/sos-annuaire.js';
/** How long the loader may take to define <sos-annuaire> once it has run (its main module and chunks). */
const DEFINE_TIMEOUT_MS = 30_000;

/** The widget loader's absolute address, read from the page (see above), or undefined if unusable. */
export function widgetUrl(doc: Document = document): string | undefined {
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="sos-widget"]');
  const given = meta?.content.trim() || DEFAULT_WIDGET;
  try {
    const url = new URL(given, doc.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Defines <sos-annuaire> (and the elements it uses) by importing the widget's loader, unless the
 * page has it already. `missing(url)` words the failure (the workbench's language).
 */
export async function loadPreviewWidget(missing: (url: string) => string): Promise<void> {
  if (customElements.get('sos-annuaire')) return;
  const url = widgetUrl();
  if (!url) throw new PreviewError(missing(document.querySelector<HTMLMetaElement>('meta[name="sos-widget"]')?.content ?? ''));
  try {
    await import(/* @vite-ignore */ url);
  } catch {
    throw new PreviewError(missing(url));
  }
  // The loader imports the main module without waiting for it: the element is there once defined.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PreviewError(missing(url))), DEFINE_TIMEOUT_MS);
  });
  try {
    await Promise.race([customElements.whenDefined('sos-annuaire'), late]);
  } finally {
    clearTimeout(timer);
  }
}
