#!/usr/bin/env node
// Bundles the publisher CLI `sos-feed` (src/cli/sos-feed.ts, reusing src/feed/*) into one
// executable ESM file, so `npm install` (prepare) and `npx sos-feed` need no TypeScript at run time.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = resolve(root, 'dist/cli/sos-feed.js');
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const started = performance.now();

await build({
  entryPoints: [resolve(root, 'src/cli/sos-feed.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  banner: { js: '#!/usr/bin/env node' },
  define: { __SOS_FEED_VERSION__: JSON.stringify(version) },
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
console.log(`cli build: dist/cli/sos-feed.js (${Math.round(performance.now() - started)} ms)`);
