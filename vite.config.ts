import { defineConfig } from 'vite';

// `npm start`: the demo page (demo/index.html) on the bundled sample feed, from the sources.
export default defineConfig({
  root: 'demo',
  // MapLibre finds its worker file next to its own module; Vite's pre-bundling would move it away.
  optimizeDeps: { exclude: ['maplibre-gl'] },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
