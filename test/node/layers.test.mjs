// Layers: the data side of the widget (src/feed, src/search, src/state, src/geo, src/i18n, src/util, src/hours)
// never imports from the elements' side (src/base, src/components), and src/util imports nothing
// from src but src/util. Every .ts under src/ is parsed (static `import … from`, `import type`,
// `export … from`, dynamic `import('…')`) with the TypeScript parser of the build (rolldown's,
// vite's bundler), so comments and strings that look like imports do not count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { parseSync } from 'rolldown/utils';

const LOWER = ['feed', 'search', 'state', 'geo', 'i18n', 'util', 'hours'];
const UPPER = ['base', 'components'];

/** `src/feed/load.ts` → `feed`; files directly under src/ (entry points) → undefined. */
const layerOf = (path) => /^src\/([^/]+)\//.exec(path)?.[1];

/** The imports of a file: { spec, kind ('import', 'import type', 'export', 'import()'), computed }. */
function importsOf(path, source) {
  const { module, errors } = parseSync(path, source, { lang: 'ts' });
  if (errors.length) throw new Error(`${path}: cannot parse: ${errors[0].message}`);
  const out = [];
  for (const i of module.staticImports) {
    const type = i.entries.length > 0 && i.entries.every((e) => e.isType);
    out.push({ spec: i.moduleRequest.value, kind: type ? 'import type' : 'import' });
  }
  for (const e of module.staticExports) {
    for (const entry of e.entries) if (entry.moduleRequest) out.push({ spec: entry.moduleRequest.value, kind: 'export' });
  }
  for (const d of module.dynamicImports) {
    const expr = source.slice(d.moduleRequest.start, d.moduleRequest.end);
    const literal = /^(['"`])([^'"`$\\]*)\1$/.exec(expr);
    out.push(literal ? { spec: literal[2], kind: 'import()' } : { spec: expr, kind: 'import()', computed: true });
  }
  return [...new Map(out.map((o) => [`${o.kind} ${o.spec}`, o])).values()];
}

/** Layer violations in { 'src/…/file.ts': source }: one line per offending import. */
function violations(files) {
  const found = [];
  for (const [path, source] of Object.entries(files)) {
    const layer = layerOf(path);
    if (!LOWER.includes(layer)) continue;
    for (const { spec, kind, computed } of importsOf(path, source)) {
      const where = `${path}: ${kind} '${spec}'`;
      // A computed specifier (`import(url)`) cannot be checked: it counts as a violation.
      if (computed) {
        found.push(`${where}: a computed specifier, cannot be checked`);
        continue;
      }
      // Only relative specifiers reach into src/ (packages are not a layer).
      if (!spec.startsWith('./') && !spec.startsWith('../')) continue;
      const target = posix.normalize(posix.join(posix.dirname(path), spec));
      const targetLayer = layerOf(target);
      if (UPPER.includes(targetLayer)) found.push(`${where} (${target}): src/${layer} must not import from src/${targetLayer}`);
      else if (layer === 'util' && targetLayer !== 'util') found.push(`${where} (${target}): src/util imports only from src/util`);
    }
  }
  return found;
}

function sourcesUnder(dir) {
  const files = {};
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.ts')) files[relative('.', p).split(sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return files;
}

test('src/feed, search, state, geo, i18n, util and hours import nothing from src/base or src/components; src/util only from src/util', () => {
  const files = sourcesUnder('src');
  const count = Object.entries(files).reduce((n, [p, s]) => n + importsOf(p, s).length, 0);
  assert.ok(Object.keys(files).length > 50 && count > 200, `parsed ${Object.keys(files).length} files, ${count} imports: fewer than expected`);
  const found = violations(files);
  assert.deepEqual(found, [], `imports against the layers:\n  ${found.join('\n  ')}`);
});

test('the layer check sees every kind of import (and not the ones in comments or strings)', () => {
  const found = violations({
    'src/feed/x.ts': `
      import { a } from '../base/a.js';
      import type { B } from '../components/b/b.js';
      import '../base/side-effect.js';
      export { c } from '../base/c.js';
      export * from '../components/d.js';
      const e = await import('../components/e.js');
      const f = await import(\`../base/\${name}.js\`);
      const u = await import(url);
      // import { g } from '../base/g.js';
      const h = "import { h } from '../base/h.js'";
      import { ok } from './ok.js';
      import { fine } from '../search/fine.js';
      import { html } from 'lit';
    `,
    'src/util/y.ts': `import { z } from '../feed/z.js';\nimport { w } from './w.js';`,
    'src/components/z.ts': `import { a } from '../base/a.js';`,
  });
  assert.deepEqual(found, [
    "src/feed/x.ts: import '../base/a.js' (src/base/a.js): src/feed must not import from src/base",
    "src/feed/x.ts: import type '../components/b/b.js' (src/components/b/b.js): src/feed must not import from src/components",
    "src/feed/x.ts: import '../base/side-effect.js' (src/base/side-effect.js): src/feed must not import from src/base",
    "src/feed/x.ts: export '../base/c.js' (src/base/c.js): src/feed must not import from src/base",
    "src/feed/x.ts: export '../components/d.js' (src/components/d.js): src/feed must not import from src/components",
    "src/feed/x.ts: import() '../components/e.js' (src/components/e.js): src/feed must not import from src/components",
    "src/feed/x.ts: import() '`../base/${name}.js`': a computed specifier, cannot be checked",
    "src/feed/x.ts: import() 'url': a computed specifier, cannot be checked",
    "src/util/y.ts: import '../feed/z.js' (src/feed/z.js): src/util imports only from src/util",
  ]);
});
