import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Plugin, Rolldown } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The lib entry named `name` in the bundle. */
function entryChunk(bundle: Rolldown.OutputBundle, name: string): Rolldown.OutputChunk {
  const chunk = Object.values(bundle).find((out): out is Rolldown.OutputChunk => out.type === 'chunk' && out.isEntry && out.name === name);
  if (!chunk) throw new Error(`sos-cdn-loader: no entry chunk named ${name}`);
  return chunk;
}

/**
 * Writes the CDN entry, `sos-annuaire.js`: src/cdn-loader/loader.ts bundled by esbuild as a classic
 * script (IIFE, ES2017 syntax plus `import()`), with package.json's version and the paths of the
 * main module, of its static imports and of the classic-tag advice (hashed under chunks/) written in. In the
 * build itself (not in scripts/build.mjs), so that every `vite build --mode cdn` (bench, profile)
 * has it.
 */
export function cdnLoader({ main, advice, minify }: { main: string; advice: string; minify: boolean }): Plugin {
  return {
    name: 'sos-cdn-loader',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const mainChunk = entryChunk(bundle, main);
      const { version } = JSON.parse(readFileSync(here('../package.json'), 'utf8')) as { version: string };
      const out = await build({
        entryPoints: [here('../src/cdn-loader/loader.ts')],
        bundle: true,
        write: false,
        format: 'iife',
        target: 'es2017',
        // `import()` is the point of the file: every browser with modules has it; no ES2017 lowering exists.
        supported: { 'dynamic-import': true },
        minify,
        legalComments: 'none',
        logLevel: 'silent',
        define: {
          __SOS_VERSION__: JSON.stringify(version),
          __SOS_MAIN__: JSON.stringify(`./${mainChunk.fileName}`),
          __SOS_ADVICE__: JSON.stringify(`./${entryChunk(bundle, advice).fileName}`),
          // What the main module imports statically: fetched at once, beside it (modulepreload).
          __SOS_PRELOAD__: JSON.stringify(mainChunk.imports.map((f) => `./${f}`)),
        },
      });
      // The IIFE needs no strict mode (13 bytes of the initial JavaScript).
      const code = out.outputFiles[0].text.replace(/^"use strict";/, '');
      // Parsed (not run) as a classic script: an `import`/`export` statement or `import.meta` fails here.
      new Script(code, { filename: 'sos-annuaire.js' });
      this.emitFile({ type: 'asset', fileName: 'sos-annuaire.js', source: code });
    },
  };
}
