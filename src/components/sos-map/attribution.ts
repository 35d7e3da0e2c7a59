/**
 * The map's attribution, without parsing HTML. MapLibre's AttributionControl cleans each credit
 * with `DOMParser.parseFromString()`, a Trusted Types sink: on a page with
 * `require-trusted-types-for 'script'` it throws at every update of the credits. The credits are
 * short HTML (text, entities, links), so they are built into DOM nodes here instead: text, and
 * links to http(s) or mailto URLs; any other tag is dropped and its text kept.
 */
import { AttributionControl, type Map as MapLibreMap } from 'maplibre-gl';

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™',
  middot: '·', ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»',
};

/** Decodes character references (the named ones credits use, and all numeric ones); others stay as they are. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (ref, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : ref;
    }
    return ENTITIES[name.toLowerCase()] ?? ref;
  });
}

function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`, 'i').exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

function safeHref(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  try {
    const url = new URL(href);
    return /^(https?|mailto):$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** One credit (HTML as in style sources) as DOM nodes: text and links only. */
export function attributionNodes(html: string): Node[] {
  const out: Node[] = [];
  let link: HTMLAnchorElement | undefined;
  const append = (node: Node) => (link ? link.append(node) : out.push(node));
  for (const m of html.matchAll(/<(\/?)([a-z][a-z0-9-]*)((?:[^<>"']|"[^"]*"|'[^']*')*)>|<|[^<]+/gi)) {
    const [token, closing, tag, attrs = ''] = m;
    if (!tag) {
      append(document.createTextNode(decodeEntities(token)));
    } else if (tag.toLowerCase() === 'a') {
      if (closing) {
        link = undefined;
      } else if (!link) {
        const href = safeHref(attribute(attrs, 'href'));
        if (href) {
          link = document.createElement('a');
          link.href = href;
          if (attribute(attrs, 'target') === '_blank') {
            link.target = '_blank';
            link.rel = 'noopener';
          }
          out.push(link);
        }
      }
    } else if (tag.toLowerCase() === 'br') {
      append(document.createTextNode(' '));
    }
  }
  return out;
}

/** The credits of the sources that a displayed layer uses. */
function sourceAttributions(map: MapLibreMap): string[] {
  const out: string[] = [];
  const zoom = map.getZoom();
  for (const id of map.getLayersOrder()) {
    const layer = map.getLayer(id);
    if (!layer?.source || layer.isHidden(zoom)) continue;
    const credit = map.getSource(layer.source)?.attribution;
    if (credit && !out.includes(credit)) out.push(credit);
  }
  return out;
}

/**
 * MapLibre's control (the same box, button and behaviour) with `_updateAttributions` in its own
 * words: the same credits (the custom ones, then those of the sources in use; a credit contained in
 * another is left out), built by `attributionNodes`.
 */
export class CreditsControl extends AttributionControl {
  override _updateAttributions(): void {
    const map = this._map;
    if (!map?.style) return;
    const custom = this.options.customAttribution;
    let credits = (Array.isArray(custom) ? custom : [custom]).filter((c): c is string => typeof c === 'string');
    for (const credit of sourceAttributions(map)) if (!credits.includes(credit)) credits.push(credit);
    credits = credits.filter((c) => c.trim()).sort((a, b) => a.length - b.length);
    credits = credits.filter((c, i) => !credits.slice(i + 1).some((longer) => longer.includes(c)));
    const key = credits.join(' | ');
    if (key === this._attribHTML) return;
    this._attribHTML = key;
    if (credits.length) {
      const fragment = document.createDocumentFragment();
      for (const nodes of credits.map(attributionNodes).filter((n) => n.length)) {
        if (fragment.hasChildNodes()) fragment.append(' | ');
        fragment.append(...nodes);
      }
      this._innerContainer.replaceChildren(fragment);
      this._container.classList.remove('maplibregl-attrib-empty');
    } else {
      this._container.classList.add('maplibregl-attrib-empty');
    }
    this._updateCompact();
  }
}
