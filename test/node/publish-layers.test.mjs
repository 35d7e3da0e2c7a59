// The publishing core (src/publish) runs in the CLI and in the publisher's workbench, in a browser:
// it imports only src/feed, src/geo, src/util and itself (never src/base, src/components, src/cli
// or a Node module), touches no DOM, and bundles for the browser (its .xlsx libraries through
// their universal entry points, as separate chunks loaded on first use).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { build } from 'esbuild';
import { parseSync } from 'rolldown/utils';

const root = resolve(import.meta.dirname, '../..');
const dir = join(root, 'src/publish');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

function importsOf(path, source) {
  const { module, errors } = parseSync(path, source, { lang: 'ts' });
  if (errors.length) throw new Error(`${path}: cannot parse: ${errors[0].message}`);
  return [
    ...module.staticImports.map((i) => i.moduleRequest.value),
    ...module.staticExports.flatMap((e) => e.entries.filter((x) => x.moduleRequest).map((x) => x.moduleRequest.value)),
    ...module.dynamicImports.map((d) => source.slice(d.moduleRequest.start, d.moduleRequest.end).replace(/^['"`]|['"`]$/g, '')),
  ];
}

const ALLOWED_PACKAGES = new Set(['read-excel-file/universal', 'write-excel-file/universal']);

test('src/publish imports only src/feed, src/geo, src/util, itself and the universal .xlsx libraries', () => {
  assert.ok(files.length >= 15, `only ${files.length} files in src/publish`);
  const wrong = [];
  for (const f of files) {
    const path = `src/publish/${f}`;
    for (const spec of importsOf(path, readFileSync(join(dir, f), 'utf8'))) {
      if (spec.startsWith('./') || spec.startsWith('../')) {
        const target = posix.normalize(posix.join('src/publish', spec));
        if (!/^src\/(feed|geo|util|publish)\//.test(target)) wrong.push(`${path}: ${spec}`);
      } else if (!ALLOWED_PACKAGES.has(spec)) wrong.push(`${path}: ${spec}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('src/publish touches no DOM and no Node global', () => {
  const found = [];
  for (const f of files) {
    // Code only: comments removed (they may name what the code avoids).
    const code = readFileSync(join(dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
    for (const name of ['document', 'window', 'navigator', 'localStorage', 'HTMLElement', 'customElements', 'process', 'Buffer', 'require', '__dirname']) {
      if (new RegExp(`(?<![.\\w'"\`])${name}\\b(?!['"\`:])`).test(code)) found.push(`${f}: ${name}`);
    }
  }
  assert.deepEqual(found, []);
});

test('src/publish bundles for the browser, the .xlsx libraries in chunks of their own', async () => {
  const out = await build({
    entryPoints: [join(dir, 'index.ts')], bundle: true, write: false, format: 'esm', platform: 'browser',
    splitting: true, outdir: '/virtual', logLevel: 'silent', metafile: true,
  });
  const entry = out.outputFiles.find((f) => f.path.endsWith('/index.js'));
  assert.ok(entry);
  assert.doesNotMatch(entry.text, /from\s*["']node:|require\(["'](fs|path|node:)/);
  // The workbook libraries are not in the entry: loaded with the first workbook only.
  const entryInputs = Object.keys(out.metafile.outputs[Object.keys(out.metafile.outputs).find((k) => k.endsWith('/index.js'))].inputs);
  assert.ok(!entryInputs.some((i) => /read-excel-file|write-excel-file/.test(i)), entryInputs.filter((i) => /excel/.test(i)).join(', '));
  assert.ok(Object.values(out.metafile.outputs).some((o) => Object.keys(o.inputs).some((i) => /read-excel-file/.test(i))));
});
