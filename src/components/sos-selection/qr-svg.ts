/**
 * A QR code as an SVG element (one path, built with DOM calls: no markup parsed, no `data:` URL,
 * which strict CSPs forbid for images). The encoder, lean-qr (MIT, ≈2 kB gzip), comes in this
 * chunk, loaded only when a selection is printed.
 */
import { generate } from 'lean-qr/nano';

const SVG = 'http://www.w3.org/2000/svg';
/** The quiet zone readers need around the code, in modules. */
const MARGIN = 4;

export function qrSvg(doc: Document, text: string, label: string): SVGSVGElement {
  const code = generate(text);
  const size = code.size + MARGIN * 2;
  let d = '';
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; x++) if (code.get(x, y)) d += `M${x + MARGIN} ${y + MARGIN}h1v1h-1z`;
  }
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const title = doc.createElementNS(SVG, 'title');
  title.textContent = label;
  const background = doc.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#fff');
  const path = doc.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000');
  svg.append(title, background, path);
  return svg;
}
