// The configurator's snippets (demo/configurateur/snippets.ts): every value lands escaped for its
// context, read back by the browser's own HTML parser, as a shortcode value, as block JSON.
import { expect } from '@open-wc/testing';
import { blockMarkup, cdnScript, htmlSnippet, majorOf, shortcode, type SnippetSettings } from '../../demo/configurateur/snippets.js';

const base: SnippetSettings = {
  feeds: [], departement: [], care: [], audience: [], lock: false,
  variant: '', basemap: '', theme: '', lang: '', scriptUrl: cdnScript('0'),
};
const HOSTILE = 'https://x.test/a"b\'c<d>[e]&f=--g&amp;</sos-annuaire><script>alert(1)</script>';

/** The attributes of the snippet's <sos-annuaire>, as a browser reads them. */
function parsed(html: string): Record<string, string> {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const els = doc.querySelectorAll('sos-annuaire');
  expect(els.length).to.equal(1);
  expect(doc.querySelectorAll('script').length).to.equal(1);
  return Object.fromEntries([...els[0]!.attributes].map((a) => [a.name, a.value]));
}

/** A shortcode attribute value as the plugin passes it on: entities decoded once by the browser. */
const decode = (v: string): string => {
  const t = document.createElement('textarea');
  t.innerHTML = v;
  return t.value;
};

describe('configurator snippets', () => {
  it('the CDN address of the major version', () => {
    expect(majorOf('0.1.0')).to.equal('0');
    expect(majorOf('12.3.4-beta.1')).to.equal('12');
    expect(cdnScript('1')).to.equal('https://cdn.jsdelivr.net/npm/sos-annuaire@1/dist/cdn/sos-annuaire.js');
  });

  it('no feed yet: src empty, and a comment says what to fill', () => {
    const html = htmlSnippet(base);
    expect(html).to.contain("<!-- À compléter : dans src=\"\", collez l'adresse du flux publié par votre DSRC");
    expect(parsed(html)).to.deep.equal({ src: '' });
    expect(shortcode(base)).to.equal('[annuaire_sos src=""]');
    expect(blockMarkup(base)).to.equal('<!-- wp:sos-annuaire/annuaire {"src":""} /-->');
  });

  it('settings in order; lock lists the presets chosen; no basemap without a map', () => {
    const s: SnippetSettings = { ...base, feeds: ['https://a.test/f.json', 'https://b.test/g.json'], departement: ['33', '40'], care: ['nutrition'], lock: true, variant: 'liste', basemap: 'offline', theme: 'dsfr', lang: 'en' };
    expect(parsed(htmlSnippet(s))).to.deep.equal({ src: 'https://a.test/f.json https://b.test/g.json', departement: '33,40', care: 'nutrition', lock: 'departement,care', variant: 'liste', theme: 'dsfr', lang: 'en' });
    expect(shortcode(s)).to.equal('[annuaire_sos src="https://a.test/f.json https://b.test/g.json" departement="33,40" care="nutrition" lock="departement,care" variant="liste" theme="dsfr" lang="en"]');
    expect(blockMarkup(s)).to.equal('<!-- wp:sos-annuaire/annuaire {"src":"https://a.test/f.json https://b.test/g.json","departement":"33,40","care":"nutrition","lockPresets":true,"variant":"liste","theme":"dsfr","lang":"en"} /-->');
  });

  it('a hostile value stays a value in all three', () => {
    const s: SnippetSettings = { ...base, feeds: [HOSTILE], scriptUrl: 'https://cdn.test/"><script>x</script>' };
    const html = htmlSnippet(s);
    expect(parsed(html)['src']).to.equal(HOSTILE);
    expect(new DOMParser().parseFromString(html, 'text/html').querySelector('script')!.getAttribute('src')).to.equal('https://cdn.test/"><script>x</script>');

    const code = shortcode(s);
    // One shortcode: nothing inside a value ends it or the value.
    expect(code).to.match(/^\[annuaire_sos src="[^"[\]<>]*"\]$/);
    expect(decode(/src="([^"]*)"/.exec(code)![1]!)).to.equal(HOSTILE);

    const block = blockMarkup(s);
    const json = /^<!-- wp:sos-annuaire\/annuaire (.*) \/-->$/.exec(block)![1]!;
    expect(json).not.to.match(/--|<|>|&/);
    expect(JSON.parse(json)).to.deep.equal({ src: HOSTILE });
  });

  it('the colour only as the picker gives it', () => {
    expect(htmlSnippet({ ...base, color: '#7a1e5a' })).to.contain('<style>sos-annuaire { --sos-color-primary: #7a1e5a; }</style>');
    expect(htmlSnippet({ ...base, color: 'red;}</style><script>' })).not.to.contain('<style>');
  });
});
