import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { posix } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

/**
 * MapLibre 6 starts its module worker from a URL computed at run time, which no bundler sees.
 * The map chunk sets it with `setWorkerUrl(new URL(__SOS_MAPLIBRE_WORKER__, import.meta.url))`
 * (see src/components/sos-map/map-view.ts): this plugin defines that path and copies the worker
 * file next to every chunk that contains MapLibre, so the widget works from any origin and folder.
 */
export function maplibreWorker(): Plugin {
  // `.js`, not `.mjs`: some hosts serve .mjs with a wrong MIME type, which breaks a module worker.
  const fileName = 'maplibre-gl-worker.js';
  return {
    name: 'sos-maplibre-worker',
    apply: 'build',
    config: () => ({ define: { __SOS_MAPLIBRE_WORKER__: JSON.stringify(`./${fileName}`) } }),
    generateBundle(_options, bundle) {
      const source = readFileSync(require.resolve('maplibre-gl/dist/maplibre-gl-worker.mjs'));
      const dirs = new Set<string>();
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue;
        const ids = out.moduleIds ?? Object.keys(out.modules);
        if (ids.some((id) => id.replace(/\\/g, '/').endsWith('/maplibre-gl/dist/maplibre-gl.mjs'))) dirs.add(posix.dirname(out.fileName));
      }
      for (const dir of dirs) {
        this.emitFile({ type: 'asset', fileName: dir === '.' ? fileName : `${dir}/${fileName}`, source });
      }
    },
  };
}
