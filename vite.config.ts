import { defineConfig, type UserConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, renameSync } from 'node:fs';
import type { Plugin } from 'vite';
import { maplibreWorker } from './scripts/vite-maplibre-worker.ts';
import { minifyCssLiterals } from './scripts/vite-minify-css-literals.ts';
import { cdnLoader } from './scripts/vite-cdn-loader.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The demo site ships its sample feed (the dev server serves demo/feeds/ as it is). */
const demoFeeds = (): Plugin => ({
  name: 'sos-demo-feeds',
  apply: 'build',
  generateBundle() {
    for (const name of readdirSync(here('demo/feeds'))) {
      this.emitFile({ type: 'asset', fileName: `feeds/${name}`, source: readFileSync(here(`demo/feeds/${name}`)) });
    }
  },
});

/** The workbench is hosted as a folder: its page becomes dist/editeur/index.html (same folder, same relative paths). */
const editeurIndex = (): Plugin => ({
  name: 'sos-editeur-index',
  apply: 'build',
  writeBundle(options) {
    renameSync(`${options.dir}/editeur.html`, `${options.dir}/index.html`);
  },
});

/**
 * `npm start`: the workbench's preview imports the widget from ./widget/sos-annuaire.js beside its
 * page (demo/editeur.html's <meta name="sos-widget">), which the builds fill with dist/cdn
 * (scripts/build.mjs). The dev server answers that address with the widget's sources (src/cdn.ts).
 */
const devWidget = (): Plugin => ({
  name: 'sos-dev-widget',
  apply: 'serve',
  enforce: 'pre',
  resolveId(id) {
    return id === '/widget/sos-annuaire.js' ? here('src/cdn.ts') : undefined;
  },
});

/**
 * - `npm start` (serve): the demo page on the bundled sample feed, from the sources.
 * - `vite build --mode cdn`: the relocatable CDN bundle, dist/cdn/ — one stable entry
 *   (sos-annuaire.js, a small classic-compatible loader: scripts/vite-cdn-loader.ts), the main
 *   module (src/cdn.ts, chunks/sos-annuaire.main-<hash>.js) and hashed lazy chunks (map, MapLibre
 *   worker, commune index, fuse.js), all resolved from the entry's own URL (relative imports), so
 *   it works from any origin and folder.
 * - `vite build --mode npm`: ES modules for bundler users, dependencies external, dist/npm/.
 * - `vite build --mode editeur`: the publisher's workbench alone, dist/editeur/ (static files a DSRC
 *   hosts anywhere; index.html and hashed assets, relative paths). None of it is in the widget's CDN,
 *   and the widget is not in it: its preview imports the CDN build, which scripts/build.mjs copies
 *   into dist/editeur/widget/ (src/components/sos-editeur/preview-widget.ts).
 * - `vite build` (demo): the demo site, dist/demo/ (used by Lighthouse and `vite preview`), workbench
 *   included (dist/demo/widget/ copied by scripts/build.mjs too).
 */
export default defineConfig(({ command, mode }): UserConfig => {
  const shared: UserConfig = {
    // MapLibre finds its worker file next to its own module; pre-bundling would move it away.
    optimizeDeps: { exclude: ['maplibre-gl'] },
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1', port: 4173 },
  };
  if (command === 'serve') return { ...shared, root: 'demo', plugins: [devWidget()] };

  if (mode === 'cdn') {
    return {
      ...shared,
      plugins: [maplibreWorker(), minifyCssLiterals(), cdnLoader({ main: 'sos-annuaire.main', advice: 'classic-advice', minify: !process.env.SOS_NO_MINIFY })],
      build: {
        outDir: here('dist/cdn'),
        emptyOutDir: true,
        target: 'es2022',
        chunkSizeWarningLimit: 1500,
        // Library mode: no module-preload helper injected into the host page (the loader preloads
        // the main module's imports itself), and nothing here needs inlining (the MapLibre worker
        // is a file copied beside its chunk by the plugin).
        // The main module is hashed like the chunks: only the loader keeps a stable name (its cache
        // is short), and a page never pairs a new loader with a cached old main module.
        // classic-advice: the loader imports it only from a tag without type="module".
        lib: { entry: { 'sos-annuaire.main': here('src/cdn.ts'), 'classic-advice': here('src/cdn-loader/classic-advice.ts') }, formats: ['es'] },
        rolldownOptions: {
          // Nothing imports the main module for its exports (the loader cannot pass exports on): the
          // modules it shares with lazy chunks may live in it, rather than in a chunk of their own.
          preserveEntrySignatures: 'allow-extension',
          output: {
            entryFileNames: 'chunks/[name]-[hash].js',
            chunkFileNames: 'chunks/[name]-[hash].js',
            // The search index and the text folding (with what they import: the taxonomy) are loaded
            // at start anyway and shared with lazy chunks (the text chunk, the commune index): one
            // chunk rather than three small ones (each a request and ~0.1 kB gzip of overhead). The
            // store and the formatting go with them: lazy chunks (URL state, « Ma sélection ») share
            // them too, and would otherwise split them off into chunks of their own.
            codeSplitting: { groups: [{ name: 'search-index', test: /[\\/]src[\\/](search[\\/]search-index|util[\\/]fold|state[\\/]directory-store|i18n[\\/]format|components[\\/]sos-results-list[\\/]sos-results-list\.strings)\.ts$/ }] },
            minify: !process.env.SOS_NO_MINIFY, // bench/profile.mjs reads readable names
          },
        },
      },
    };
  }

  if (mode === 'npm') {
    return {
      ...shared,
      build: {
        outDir: here('dist/npm'),
        emptyOutDir: true,
        target: 'es2022',
        minify: false,
        lib: {
          entry: {
            index: here('src/index.ts'),
            'sos-annuaire': here('src/components/sos-annuaire/sos-annuaire.ts'),
            'sos-search-form': here('src/components/sos-search-form/sos-search-form.ts'),
            'sos-results-list': here('src/components/sos-results-list/sos-results-list.ts'),
            'sos-structure-card': here('src/components/sos-structure-card/sos-structure-card.ts'),
            'sos-map': here('src/components/sos-map/sos-map.ts'),
            'sos-selection': here('src/components/sos-selection/sos-selection.ts'),
            'sos-share': here('src/components/sos-share/sos-share.ts'),
            feed: here('src/feed/index.ts'),
          },
          formats: ['es'],
        },
        rolldownOptions: {
          // Bare imports stay for the consumer's bundler (one copy of lit on their page).
          external: [/^lit($|\/)/, /^@lit\//, /^maplibre-gl$/, /^fuse\.js$/, /^zod($|\/)/, /^lean-qr($|\/)/],
          output: {
            chunkFileNames: 'chunks/[name]-[hash].js',
            // A module of its own, so that the chunks import it before "lit" (see src/base/lit-policy.ts).
            codeSplitting: { groups: [{ name: 'lit-policy', test: /[\\/]src[\\/]base[\\/]lit-policy\.ts$/ }] },
          },
        },
      },
    };
  }

  if (mode === 'editeur') {
    return {
      ...shared,
      root: 'demo',
      base: './',
      plugins: [maplibreWorker(), minifyCssLiterals(), editeurIndex()],
      build: {
        outDir: here('dist/editeur'),
        emptyOutDir: true,
        target: 'es2022',
        chunkSizeWarningLimit: 1500,
        modulePreload: false,
        rolldownOptions: { input: { editeur: here('demo/editeur.html') } },
      },
    };
  }

  return {
    ...shared,
    root: 'demo',
    base: './',
    plugins: [maplibreWorker(), minifyCssLiterals(), demoFeeds()],
    build: {
      outDir: here('dist/demo'),
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 1500,
      modulePreload: false,
      rolldownOptions: { input: { index: here('demo/index.html'), configurateur: here('demo/configurateur.html'), editeur: here('demo/editeur.html') } },
    },
  };
});
