import { expect } from '@open-wc/testing';
import { attributionNodes, decodeEntities } from './attribution.js';

/** The nodes as markup, to compare (links with their attributes, text escaped). */
function markup(nodes: Node[]): string {
  const box = document.createElement('div');
  box.append(...nodes);
  return box.innerHTML;
}

describe('map credits without an HTML parser (Trusted Types)', () => {
  it('decodes the character references credits use, and leaves unknown ones', () => {
    expect(decodeEntities('&copy; IGN &amp; co &#169; &#xA9; &laquo;x&raquo; &nbsp;')).to.equal('© IGN & co © © «x» \u00a0');
    expect(decodeEntities('&unknown; &#0; &#xD800; a & b')).to.equal('&unknown; &#0; &#xD800; a & b');
  });

  it('keeps plain text as text, markup-like characters included', () => {
    expect(markup(attributionNodes('Contours des départements : © IGN – Admin Express'))).to.equal('Contours des départements : © IGN – Admin Express');
    expect(markup(attributionNodes('a < b > c'))).to.equal('a &lt; b &gt; c');
  });

  it('builds the links of usual credits (OpenStreetMap, MapTiler)', () => {
    const osm = attributionNodes('&copy; <a href="https://www.openstreetmap.org/copyright" target="_blank">OpenStreetMap</a> contributors');
    expect(markup(osm)).to.equal('© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a> contributors');
    const two = attributionNodes("<a href='https://www.maptiler.com/copyright/'>&copy; MapTiler</a> <a href=https://example.org/>x</a>");
    expect(markup(two)).to.equal('<a href="https://www.maptiler.com/copyright/">© MapTiler</a> <a href="https://example.org/">x</a>');
  });

  it('drops other tags and their attributes, keeps their text; refuses script URLs', () => {
    expect(markup(attributionNodes('<b onclick="x()">Gras</b><br><img src=x onerror=alert(1)>fin'))).to.equal('Gras fin');
    expect(markup(attributionNodes('<a href="javascript:alert(1)">piège</a>'))).to.equal('piège');
    expect(markup(attributionNodes('<a href="data:text/html,x">d</a> <a href="mailto:a@b.fr">écrire</a>'))).to.equal('d <a href="mailto:a@b.fr">écrire</a>');
    expect(markup(attributionNodes('<script>alert(1)</script>'))).to.equal('alert(1)');
  });

  it('creates elements, never parses: nothing runs, whatever the text', () => {
    const nodes = attributionNodes('<img src=x onerror="window.__pwned = 1"><svg onload="window.__pwned = 1">');
    expect(nodes.every((n) => n.nodeType === Node.TEXT_NODE || (n as Element).localName === 'a')).to.equal(true);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
