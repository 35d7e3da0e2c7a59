import { transformSync } from 'esbuild';
import type { Plugin } from 'vite';

/**
 * Minifies the CSS of Lit's css`…` literals in the built bundles: the JavaScript minifier keeps
 * template text as written (indentation, comments), and the elements' styles are a good part of
 * the initial JavaScript (-0.5 kB gzip). Each literal goes through esbuild's CSS minifier, the
 * one Vite itself uses for stylesheets. Literals with `${…}` are left as they are (none today):
 * what an interpolation inserts is not CSS esbuild could parse alone.
 */
export function minifyCssLiterals(): Plugin {
  return {
    name: 'sos-minify-css-literals',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]src[\\/].*styles\.ts$/.test(id) || !code.includes('css`')) return null;
      let changed = false;
      const out = code.replace(/\bcss`([^`]*)`/g, (whole, text: string) => {
        if (text.includes('${') || text.includes('\\')) return whole;
        const min = transformSync(text, { loader: 'css', minify: true, logLevel: 'silent' }).code.trim();
        changed = true;
        return `css\`${min}\``;
      });
      return changed ? { code: out, map: null } : null;
    },
  };
}
