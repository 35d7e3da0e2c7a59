#!/usr/bin/env node
// `npm run build`: everything in dist/ plus the generated element reference.
//   dist/cdn/   relocatable CDN bundle (stable entry sos-annuaire.js + hashed lazy chunks + MapLibre worker)
//   dist/npm/   ES modules for bundlers (+ types/ declarations), dependencies external
//   dist/demo/  the demo site (Lighthouse, `vite preview`)
//   dist/editeur/ the publisher's workbench, static files to host anywhere (index.html + assets/,
//                 and widget/: a copy of dist/cdn, the widget its « Aperçu » step imports)
//   dist/cli/   the sos-feed CLI
//   custom-elements.json and the README's element reference, from the elements' JSDoc
// `--no-docs`: leave custom-elements.json and the README as they are (`npm test` checks them for staleness).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = (p) => fileURLToPath(new URL(`../dist/${p}`, import.meta.url));

const docs = !process.argv.includes('--no-docs');

const steps = [
  ['CDN bundle', 'npx', ['vite', 'build', '--mode', 'cdn', '--logLevel', 'warn']],
  ['npm modules', 'npx', ['vite', 'build', '--mode', 'npm', '--logLevel', 'warn']],
  ['type declarations', 'npx', ['tsc', '-p', 'tsconfig.build.json']],
  ['demo site', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ['workbench', 'npx', ['vite', 'build', '--mode', 'editeur', '--logLevel', 'warn']],
  // After both builds: the workbench's preview imports this very build's widget from ./widget/
  // (src/components/sos-editeur/preview-widget.ts), in dist/editeur/ and in the demo site.
  ['workbench preview widget (dist/cdn → dist/editeur/widget/, dist/demo/widget/)', copyWidget],
  ['CLI', 'node', ['scripts/build-cli.mjs']],
  ...(docs
    ? [
        ['custom elements manifest', 'npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']],
        ['element reference (README)', 'node', ['scripts/gen-element-docs.mjs']],
      ]
    : []),
];

function copyWidget() {
  for (const to of [dist('editeur/widget'), dist('demo/widget')]) {
    rmSync(to, { recursive: true, force: true });
    cpSync(dist('cdn'), to, { recursive: true });
  }
  return { status: existsSync(dist('editeur/widget/sos-annuaire.js')) ? 0 : 1 };
}

for (const [label, cmd, args] of steps) {
  const t = Date.now();
  const r = typeof cmd === 'function' ? cmd() : spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build failed at: ${label}`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${label} (${Date.now() - t} ms)`);
}
