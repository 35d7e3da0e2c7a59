// The three snippets the configurator gives (plain HTML, WordPress shortcode, WordPress block),
// from the settings. Every value is escaped for where it lands: an HTML attribute, a shortcode
// attribute, the JSON of a block comment. Pure functions: test/browser/configurateur-snippets.test.ts.

export interface SnippetSettings {
  /** Feed addresses (absolute http/https); none yet: the snippet says what to fill. */
  feeds: string[];
  departement: string[];
  care: string[];
  audience: string[];
  /** Lock the presets chosen (written as their list: `lock="departement,care"`). */
  lock: boolean;
  variant: '' | 'liste' | 'carte';
  basemap: '' | 'offline';
  theme: '' | 'dsfr';
  lang: '' | 'en';
  /** `#rrggbb` or undefined. */
  color?: string | undefined;
  /** Where the HTML snippet loads the widget from. */
  scriptUrl: string;
}

/** The shortcode and the block name of the WordPress plugin (integrations/wordpress/sos-annuaire). */
export const SHORTCODE = 'annuaire_sos';
export const BLOCK = 'sos-annuaire/annuaire';

/** What the HTML snippet says above the tag while the feed address is missing. */
export const MISSING_FEED_COMMENT = "<!-- À compléter : dans src=\"\", collez l'adresse du flux publié par votre DSRC (https://…). -->";

/** The public CDN address npm publication gives, for a major version. */
export const cdnScript = (major: string): string => `https://cdn.jsdelivr.net/npm/sos-annuaire@${major}/dist/cdn/sos-annuaire.js`;

/** `0.1.0` → `0`; `1.2.3-beta.1` → `1`. */
export const majorOf = (version: string): string => /^(\d+)\./.exec(version)?.[1] ?? '0';

const PRESETS = ['departement', 'care', 'audience'] as const;

/** Attributes of <sos-annuaire>, in output order, empty ones left out (the shortcode and block use the same names). */
export function attributes(s: SnippetSettings): [string, string][] {
  const presets: [string, string][] = [
    ['departement', s.departement.join(',')],
    ['care', s.care.join(',')],
    ['audience', s.audience.join(',')],
  ];
  const locked = s.lock ? PRESETS.filter((_, i) => presets[i]![1] !== '').join(',') : '';
  const all: [string, string][] = [
    ['src', s.feeds.join(' ')],
    ...presets,
    ['lock', locked],
    ['variant', s.variant],
    // No map, no basemap.
    ['basemap', s.variant === 'liste' ? '' : s.basemap],
    ['theme', s.theme],
    ['lang', s.lang],
  ];
  return all.filter(([, v]) => v !== '');
}

/** A value inside a double-quoted HTML attribute. */
export const escapeHtmlAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A value inside a double-quoted shortcode attribute: a quote would end the value, a bracket the
 * shortcode, and WordPress refuses `<` `>` in shortcode attributes. As entities they reach the
 * plugin, whose esc_attr() keeps them (no double encoding): the browser decodes them once.
 */
export const escapeShortcode = (s: string): string =>
  escapeHtmlAttr(s).replace(/\[/g, '&#91;').replace(/\]/g, '&#93;');

/**
 * The JSON of a block comment, as WordPress serialises it (@wordpress/blocks serializeAttributes):
 * `--` would end the comment, `<` `>` `&` `"` could be read as markup by filters.
 */
export const blockJson = (attrs: Record<string, string | boolean>): string =>
  JSON.stringify(attrs)
    .replace(/--/g, '\\u002d\\u002d')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\\"/g, '\\u0022');

/** Only a colour the colour picker could give (it lands in CSS). */
const safeColor = (c: string | undefined): string | undefined => (c && /^#[0-9a-f]{6}$/i.test(c) ? c : undefined);

/** The CSS rule for a custom primary colour (the HTML snippet carries it; WordPress takes it in its CSS). */
export const colorRule = (s: SnippetSettings): string | undefined => {
  const c = safeColor(s.color);
  return c ? `sos-annuaire { --sos-color-primary: ${c}; }` : undefined;
};

export function htmlSnippet(s: SnippetSettings): string {
  const attrs = attributes(s);
  const lines: string[] = [];
  if (!s.feeds.length) lines.push(MISSING_FEED_COMMENT);
  lines.push(`<script type="module" src="${escapeHtmlAttr(s.scriptUrl)}"></script>`);
  const rule = colorRule(s);
  if (rule) lines.push(`<style>${rule}</style>`);
  const src = s.feeds.length ? '' : ' src=""';
  lines.push(`<sos-annuaire${src}${attrs.map(([k, v]) => ` ${k}="${escapeHtmlAttr(v)}"`).join('')}></sos-annuaire>`);
  return lines.join('\n');
}

export function shortcode(s: SnippetSettings): string {
  const attrs = attributes(s);
  const src = s.feeds.length ? '' : ' src=""';
  return `[${SHORTCODE}${src}${attrs.map(([k, v]) => ` ${k}="${escapeShortcode(v)}"`).join('')}]`;
}

/**
 * The dynamic block's markup, to paste in the block editor. Its attributes are named as the
 * shortcode's, except the lock: a toggle `lockPresets` (every preset locked, like a bare `lock`),
 * see integrations/wordpress/sos-annuaire/block/block.json.
 */
export function blockMarkup(s: SnippetSettings): string {
  const attrs: Record<string, string | boolean> = { src: '' };
  for (const [k, v] of attributes(s)) {
    if (k === 'lock') attrs['lockPresets'] = true;
    else attrs[k] = v;
  }
  return `<!-- wp:${BLOCK} ${blockJson(attrs)} /-->`;
}
