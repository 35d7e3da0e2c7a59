// `npm run release` on the current build (run `npm run build` first; `npm test` does): what a
// webmaster downloads, what npm publishes and what the checksums say, all produced offline.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { entryOf, hasUnreleased, promoteUnreleased } from '../../scripts/release/changelog.mjs';
import { listFiles, readZip } from '../../scripts/release/zip.mjs';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const { version } = pkg;
const major = version.split('.')[0];
const cdnAddress = `https://cdn.jsdelivr.net/npm/sos-annuaire@${major}/dist/cdn/sos-annuaire.js`;
const bin = (tool) => join(root, 'node_modules/.bin', tool);

let work;
let out;
let netLog;
let release;
/** Offline: npm told so, and any connection beyond loopback refused and logged (test/helpers/no-network.mjs). */
let offlineEnv;

before(() => {
  for (const f of ['dist/cdn/sos-annuaire.js', 'dist/npm/index.js', 'dist/cli/sos-feed.js']) {
    assert.ok(existsSync(join(root, f)), `${f} is missing: run npm run build first`);
  }
  work = mkdtempSync(join(tmpdir(), 'sos-release-'));
  out = join(work, 'release');
  netLog = join(work, 'network.log');
  offlineEnv = {
    ...process.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${join(root, 'test/helpers/no-network.mjs')}`.trim(),
    NO_NETWORK_LOG: netLog,
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
  };
  release = spawnSync('npm', ['run', 'release', '--', '--no-build', '--out', out], { cwd: root, env: offlineEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const file = (suffix) => join(out, `sos-annuaire-${version}${suffix}`);

describe('npm run release', () => {
  test('succeeds offline, with publint and attw passing on the tarball', () => {
    assert.equal(release.status, 0, `npm run release failed:\n${release.stdout}\n${release.stderr}`);
    assert.match(release.stdout, /All good!/, 'publint ran and found nothing');
    assert.match(release.stdout, /attw: types resolve for ESM consumers/);
    assert.equal(existsSync(netLog) ? readFileSync(netLog, 'utf8') : '', '', 'nothing tried to reach the network');
  });

  test('the offline guard does refuse a connection (so the check above can fail)', () => {
    const log = join(work, 'guard.log');
    // 0.0.0.0 stays on this machine even unguarded (connection refused locally).
    const r = spawnSync(process.execPath, ['-e', "fetch('http://0.0.0.0:8/').then(() => process.exit(0), () => process.exit(3))"], {
      env: { ...offlineEnv, NO_NETWORK_LOG: log }, encoding: 'utf8',
    });
    assert.equal(r.status, 3);
    assert.match(readFileSync(log, 'utf8'), /tried to reach 0\.0\.0\.0:8/);
  });

  test('dist/release holds the CDN zip, the WordPress zip, the site zip (configurator), the npm tarball, notes and SHA256SUMS', () => {
    const expected = [
      `sos-annuaire-${version}-cdn.zip`,
      `sos-annuaire-${version}-notes.md`,
      `sos-annuaire-${version}-site.zip`,
      `sos-annuaire-${version}-wordpress.zip`,
      `sos-annuaire-${version}.tgz`,
      'SHA256SUMS',
    ];
    // The publisher's workbench is packed when something has built it.
    if (existsSync(join(root, 'dist/editeur')) && readdirSync(join(root, 'dist/editeur')).length) expected.push(`sos-annuaire-${version}-editeur.zip`);
    assert.deepEqual(readdirSync(out).sort(), expected.sort());
  });

  test('SHA256SUMS lists every other file with its SHA-256, in sha256sum format', () => {
    const lines = readFileSync(join(out, 'SHA256SUMS'), 'utf8').trimEnd().split('\n');
    const listed = new Map(lines.map((l) => {
      const m = /^([0-9a-f]{64}) {2}(\S+)$/.exec(l);
      assert.ok(m, `line in sha256sum format: ${l}`);
      return [m[2], m[1]];
    }));
    assert.deepEqual([...listed.keys()].sort(), readdirSync(out).filter((f) => f !== 'SHA256SUMS').sort());
    for (const [name, sum] of listed) {
      assert.equal(createHash('sha256').update(readFileSync(join(out, name))).digest('hex'), sum, `checksum of ${name}`);
    }
  });

  test('the CDN zip is dist/cdn in a folder sos-annuaire/, with LISEZMOI.txt and .htaccess', () => {
    const entries = readZip(file('-cdn.zip'));
    const built = listFiles(join(root, 'dist/cdn'), 'sos-annuaire').map((f) => f.name);
    assert.deepEqual(Object.keys(entries).sort(), [...built, 'sos-annuaire/.htaccess', 'sos-annuaire/LISEZMOI.txt'].sort());
    for (const name of built) {
      assert.ok(Buffer.from(entries[name]).equals(readFileSync(join(root, 'dist/cdn', name.slice('sos-annuaire/'.length)))), `${name} is the built file`);
    }
    const lisezmoi = new TextDecoder().decode(entries['sos-annuaire/LISEZMOI.txt']);
    assert.match(lisezmoi, new RegExp(`version ${version.replaceAll('.', '\\.')}`));
    assert.ok(lisezmoi.includes('<script type="module" src="/sos-annuaire/sos-annuaire.js"></script>'), 'the self-hosted snippet');
    assert.ok(lisezmoi.includes(cdnAddress), 'the public CDN address as the alternative');
    assert.doesNotMatch(lisezmoi, /\{\{/, 'no placeholder left');
    assert.match(new TextDecoder().decode(entries['sos-annuaire/.htaccess']), /AddType text\/javascript \.js \.mjs/);
  });

  test('the CDN zip, unpacked, has every file that sos-annuaire.js imports (statically, lazily, the map worker)', () => {
    const dir = join(work, 'cdn');
    for (const [name, data] of Object.entries(readZip(file('-cdn.zip')))) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), data);
    }
    const seen = new Set();
    const missing = [];
    const visit = (rel) => {
      if (seen.has(rel)) return;
      seen.add(rel);
      const code = readFileSync(join(dir, rel), 'utf8');
      // Every quoted relative .js/.mjs address: static and dynamic imports, new URL('./x.js', import.meta.url).
      for (const [, spec] of code.matchAll(/["'`](\.{1,2}\/[\w./-]+\.m?js)["'`]/g)) {
        const target = posix.normalize(posix.join(posix.dirname(rel), spec));
        if (existsSync(join(dir, target))) visit(target);
        else missing.push(`${rel} → ${spec}`);
      }
    };
    visit('sos-annuaire/sos-annuaire.js');
    assert.deepEqual(missing, []);
    const chunks = [...seen].filter((f) => f.startsWith('sos-annuaire/chunks/'));
    assert.ok(chunks.length >= 10, `the entry reaches its chunks (${chunks.length})`);
    assert.ok(seen.has('sos-annuaire/chunks/maplibre-gl-worker.js'), 'the map worker is reached');
  });

  test('the WordPress zip is the plugin folder with its own copy of the widget', () => {
    const names = Object.keys(readZip(file('-wordpress.zip')));
    assert.ok(names.every((n) => n.startsWith('sos-annuaire/')), 'one top-level folder sos-annuaire/');
    for (const f of ['sos-annuaire/sos-annuaire.php', 'sos-annuaire/readme.txt', 'sos-annuaire/assets/sos-annuaire.js']) assert.ok(names.includes(f), f);
    const widget = listFiles(join(root, 'dist/cdn'), 'sos-annuaire/assets').map((f) => f.name);
    assert.deepEqual(widget.filter((f) => !names.includes(f)), [], 'every built widget file is in assets/');
  });

  test('the publisher\'s workbench zip, when built, is dist/editeur in a folder sos-annuaire-editeur/', (t) => {
    const dir = join(root, 'dist/editeur');
    if (!existsSync(dir) || !readdirSync(dir).length) return t.skip('dist/editeur is not built');
    assert.deepEqual(Object.keys(readZip(file('-editeur.zip'))).sort(), listFiles(dir, 'sos-annuaire-editeur').map((f) => f.name).sort());
  });

  test('the site zip is dist/demo in a folder sos-annuaire-site/: the configurator a webmaster is sent to, with every file its page loads', () => {
    const names = Object.keys(readZip(file('-site.zip')));
    assert.deepEqual(names.sort(), listFiles(join(root, 'dist/demo'), 'sos-annuaire-site').map((f) => f.name).sort());
    for (const page of ['configurateur.html', 'index.html', 'editeur.html']) assert.ok(names.includes(`sos-annuaire-site/${page}`), page);
    const html = readFileSync(join(root, 'dist/demo/configurateur.html'), 'utf8');
    const scripts = [...html.matchAll(/src="\.\/([^"]+)"/g)].map((m) => `sos-annuaire-site/${m[1]}`);
    assert.ok(scripts.length > 0, 'the configurator loads its script by a relative address (the folder can live anywhere)');
    for (const s of scripts) assert.ok(names.includes(s), s);
  });

  test('the npm tarball has what the CDN address and the CLI need, and no demo, test or source', () => {
    const list = spawnSync('tar', ['-tzf', file('.tgz')], { encoding: 'utf8' });
    assert.equal(list.status, 0, list.stderr);
    const names = list.stdout.trim().split('\n').map((n) => n.replace(/^package\//, ''));
    for (const f of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'TEXTES.md', 'custom-elements.json', 'dist/cdn/sos-annuaire.js', 'dist/cdn/chunks/maplibre-gl-worker.js', pkg.bin['sos-feed'], 'dist/npm/index.js', 'dist/npm/types/index.d.ts', 'data-schema/sos-feed.schema.json']) {
      assert.ok(names.includes(f), `tarball has ${f}`);
    }
    assert.deepEqual(names.filter((n) => /^(demo|test|src|scripts|bench|integrations|node_modules|dist\/demo|dist\/wordpress|dist\/release)\//.test(n)), []);
  });

  test('the CLI runs from the unpacked tarball alone (its bin, bundled)', () => {
    const dir = join(work, 'npm');
    mkdirSync(dir);
    assert.equal(spawnSync('tar', ['-xzf', file('.tgz'), '-C', dir]).status, 0);
    const cli = join(dir, 'package', pkg.bin['sos-feed']);
    const r = spawnSync(process.execPath, [cli, 'validate', join(root, 'test/fixtures/feeds/valid-small.json')], { cwd: work, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /structure/i);
    assert.equal(readFileSync(cli, 'utf8').split('\n')[0], '#!/usr/bin/env node');
  });

  test('the notes are this version\'s CHANGELOG.md entry', () => {
    const entry = entryOf(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), version);
    assert.ok(entry, `CHANGELOG.md has ## [${version}]`);
    assert.equal(readFileSync(file('-notes.md'), 'utf8'), entry);
    assert.match(entry, /### Ajouté/);
  });
});

describe('publint and attw on the tarball (offline)', () => {
  test('publint --strict: nothing to report', () => {
    const r = spawnSync(bin('publint'), ['run', file('.tgz'), '--strict'], { env: offlineEnv, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /All good!/);
  });

  test('attw, ESM-only profile: every entry point resolves with types for node16 and bundlers', () => {
    const r = spawnSync(bin('attw'), [file('.tgz'), '--profile', 'esm-only', '--no-definitely-typed', '--format', 'json'], { env: offlineEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, r.stdout.slice(0, 2000) + r.stderr);
    const { analysis, problems } = JSON.parse(r.stdout);
    // The esm-only profile ignores node10 and node16 from CommonJS (the package offers no require).
    const counted = Object.values(problems).flat().filter((p) => !['node10', 'node16-cjs'].includes(p.resolutionKind));
    assert.deepEqual(counted, []);
    for (const subpath of ['.', './sos-annuaire.js', './feed.js']) assert.ok(subpath in analysis.entrypoints, `entry point ${subpath} checked`);
    assert.equal(existsSync(netLog) ? readFileSync(netLog, 'utf8') : '', '');
  });
});

describe('what the README and package.json promise', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');

  test('the README\'s first snippet loads the widget from the public CDN address of this major version', () => {
    const first = /```html\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    assert.ok(first.includes(`<script type="module" src="${cdnAddress}"></script>`), `first snippet:\n${first}`);
  });

  test('the CLI is documented as npx -p sos-annuaire sos-feed (the package is not named sos-feed)', () => {
    assert.deepEqual(readme.split('\n').filter((l) => l.includes('npx sos-feed')), []);
    assert.ok(readme.includes('npx -p sos-annuaire sos-feed validate'), 'README shows npx -p sos-annuaire sos-feed validate');
  });

  test('package.json: name, Node ≥ 22, published files', () => {
    assert.equal(pkg.name, 'sos-annuaire');
    assert.match(pkg.engines.node, /^>=2[2-9]/);
    for (const f of ['dist/cdn', 'dist/cli', 'dist/npm']) assert.ok(pkg.files.includes(f), `files has ${f}`);
    assert.ok(pkg.files.some((f) => pkg.bin['sos-feed'].startsWith(`${f}/`)), 'the bin is published');
    assert.deepEqual(pkg.files.filter((f) => /^(demo|test|src|bench|scripts)\b/.test(f)), []);
  });
});

describe('CHANGELOG entries', () => {
  const text = '# Journal\n\n## [Non publié]\n\n### Corrigé\n\n- une chose\n\n## [0.1.0] - 2026-12-02\n\n- début\n';

  test('a release turns « Non publié » into the version\'s entry and leaves « Non publié » empty', () => {
    const next = promoteUnreleased(text, '0.2.0', '2027-01-15');
    assert.equal(entryOf(next, '0.2.0'), '## [0.2.0] - 2027-01-15\n\n### Corrigé\n\n- une chose\n');
    assert.match(next, /## \[Non publié\]\n\n## \[0\.2\.0\]/);
    assert.equal(entryOf(next, '0.1.0'), '## [0.1.0] - 2026-12-02\n\n- début\n');
  });

  test('hasUnreleased: changes listed under « Non publié », not an empty section', () => {
    assert.equal(hasUnreleased(text), true);
    assert.equal(hasUnreleased('# Journal\n\n## [Non publié]\n\n## [0.1.0] - 2026-12-02\n\n- début\n'), false);
  });

  test('a version already in the changelog is left as it is; nothing unreleased is refused', () => {
    assert.equal(promoteUnreleased(text, '0.1.0', '2027-01-15'), text);
    assert.throws(() => promoteUnreleased('# Journal\n\n## [Non publié]\n\n## [0.1.0] - 2026-12-02\n\n- début\n', '0.2.0', '2027-01-15'), /nothing under « ## \[Non publié\] »/);
  });
});
