/**
 * "Imprimer": a clean handout of one card. Printing the page would print the host site around a
 * shadow-DOM dialog (or nothing of it), so the card's rendered content is copied as DOM nodes
 * (importNode: text stays text, nothing is parsed as HTML) into a hidden same-origin iframe with
 * its own print stylesheet; that frame is printed, then removed.
 */

/** Test seam: replaced in tests, where a real print dialog would block the browser. */
export const printer = {
  print(win: Window): void {
    win.print();
  },
};

export interface PrintOptions {
  lang: string;
  title: string;
  /** A plain-text line under the card (date and page address); none when empty. */
  footer: string;
  /** More rules for the frame's print stylesheet (« Ma sélection »'s handout). */
  extraCss?: string;
}

/** Removed from the copy: controls, and what only makes sense on screen. */
const OMIT = 'button, [data-print="omit"]';

export const PRINT_CSS = `
  @page { margin: 15mm; }
  html { color: #000; background: #fff; }
  body { font: 11pt/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; margin: 0; }
  h2 { font-size: 18pt; margin: 0 0 2pt; }
  h3 { font-size: 13pt; margin: 12pt 0 4pt; padding-left: 6pt; border-left: 4pt solid var(--cat-color, #000); }
  h4 { font-size: 11.5pt; margin: 8pt 0 2pt; }
  p { margin: 0 0 4pt; }
  a { color: #000; text-decoration: none; }
  a[href^="http"]:not(.url)::after { content: " (" attr(href) ")"; font-size: 9pt; word-break: break-all; }
  dl { margin: 0 0 4pt; }
  dl > div { display: grid; grid-template-columns: 12em 1fr; gap: 0 8pt; break-inside: avoid; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  ul { margin: 0; padding-left: 1.2em; }
  .multiline, .description { white-space: pre-line; }
  address { font-style: normal; }
  .pro { display: block; font-weight: 400; font-size: 9pt; }
  .notice strong { display: block; }
  .offer { break-inside: avoid; border-top: 0.5pt solid #999; padding-top: 4pt; margin-top: 6pt; }
  .notice, .stale, .closure { border: 1pt solid #000; padding: 3pt 6pt; font-weight: 600; }
  .stale.remove { border-width: 2pt; }
  .today { font-weight: 600; }
  table.week { border-collapse: collapse; }
  table.week th, table.week td { padding: 0 8pt 0 0; text-align: left; font-weight: 400; }
  table.week tr.is-today > * { font-weight: 700; }
  .acceslibre { display: block; }
  .free { font-weight: 700; }
  .kind, .verified, .source { color: #000; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  footer.printed { margin-top: 12pt; font-size: 9pt; border-top: 0.5pt solid #999; padding-top: 4pt; }
`;

let current: HTMLIFrameElement | undefined;

/**
 * Prints a copy of `content`. Returns the frame's document (tests read it); the frame goes away
 * after the print dialog closes, or when the next print starts.
 */
export function printCopy(content: Element, options: PrintOptions): Document {
  current?.remove();
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = options.title;
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;opacity:0;pointer-events:none';
  document.body.append(frame);
  current = frame;

  const win = frame.contentWindow!;
  const doc = frame.contentDocument!;
  doc.documentElement.lang = options.lang;
  const charset = doc.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  const title = doc.createElement('title');
  title.textContent = options.title;
  doc.head.append(charset, title);
  // A constructed sheet, not a <style>: the frame inherits the host page's CSP, which often forbids inline styles.
  const sheet = new (win as Window & typeof globalThis).CSSStyleSheet();
  sheet.replaceSync(PRINT_CSS + (options.extraCss ?? ''));
  doc.adoptedStyleSheets = [sheet];

  const copy = doc.importNode(content, true) as Element;
  for (const node of copy.querySelectorAll(OMIT)) node.remove();
  // Screen-only attributes: the copy is a document, not a widget.
  for (const node of copy.querySelectorAll('[tabindex]')) node.removeAttribute('tabindex');
  doc.body.append(copy);
  if (options.footer) {
    const footer = doc.createElement('footer');
    footer.className = 'printed';
    footer.textContent = options.footer;
    doc.body.append(footer);
  }

  const cleanup = () => {
    frame.remove();
    if (current === frame) current = undefined;
  };
  win.addEventListener('afterprint', () => setTimeout(cleanup, 0), { once: true });
  printer.print(win);
  return doc;
}
