/** The focused element, looking through open shadow roots (a list item inside `<sos-annuaire>`). */
export function deepActiveElement(root: DocumentOrShadowRoot = document): Element | null {
  let el = root.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}
