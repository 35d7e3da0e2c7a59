#!/usr/bin/env node
/**
 * Validation time of a feed in Node (the `sos-feed` CLI's path): JSON.parse alone, then
 * parse + validate, median of 7 runs. `node bench/validate-node.mjs [feed.json]`
 * (default: the synthetic national feed, generated if missing).
 */
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const file = resolve(root, process.argv[2] ?? 'bench/.cache/national-10k.json');
if (!existsSync(file)) spawnSync('node', ['scripts/make-synthetic-feed.mjs', '10000', file], { cwd: root, stdio: 'inherit' });

const out = await build({
  stdin: { contents: "import './src/feed/validate-detail.ts'; export { parseFeedText } from './src/feed/parse.ts';", resolveDir: root, loader: 'ts' },
  bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning',
});
const { parseFeedText } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
const text = readFileSync(file, 'utf8');
const median = (f) => {
  const t = [];
  for (let i = 0; i < 7; i++) {
    const a = performance.now();
    f();
    t.push(performance.now() - a);
  }
  return t.sort((x, y) => x - y)[3];
};
const parse = median(() => JSON.parse(text));
const all = median(() => parseFeedText(text, file));
const r = parseFeedText(text, file);
console.log(`${file}: ${r.counts.structures.valid} structures, ${r.counts.offers.valid} offers, ${(text.length / 1e6).toFixed(1)} MB`);
console.log(`Node ${process.version}, median of 7: JSON.parse ${parse.toFixed(0)} ms, parse + validate ${all.toFixed(0)} ms (validation ≈ ${(all - parse).toFixed(0)} ms)`);
