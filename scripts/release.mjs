#!/usr/bin/env node
// `npm run release`: builds, then writes what a release publishes in dist/release/:
//   sos-annuaire-<version>-cdn.zip        the widget (dist/cdn) in a folder sos-annuaire/, with LISEZMOI.txt
//   sos-annuaire-<version>-wordpress.zip  the WordPress plugin (scripts/package-wordpress.mjs)
//   sos-annuaire-<version>-editeur.zip    the publisher's workbench, when dist/editeur/ exists
//   sos-annuaire-<version>-site.zip       the demonstration site: configurator, workbench, directory on the sample feed
//   sos-annuaire-<version>.tgz            the npm package (`npm pack`), checked by publint and attw
//   sos-annuaire-<version>-notes.md       the version's CHANGELOG.md entry (release notes)
//   SHA256SUMS                            `sha256sum -c SHA256SUMS` checks the files above
// Options: --no-build (use dist/ as it is, e.g. right after `npm test`), --out <dir>.
// Nothing here reaches the network: npm runs offline, attw without DefinitelyTyped.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryOf, hasUnreleased, promoteUnreleased } from './release/changelog.mjs';
import { listFiles, makeZip } from './release/zip.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const outArg = args.indexOf('--out');
const out = outArg >= 0 ? resolve(args[outArg + 1] ?? '') : join(root, 'dist/release');
const offline = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const { name, version } = pkg;
const major = version.split('.')[0];

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

function run(label, cmd, cmdArgs, options = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: offline, ...options });
  if (r.status !== 0) fail(`${label} failed (${cmd} ${cmdArgs.join(' ')})`);
  return r;
}

// 1. The changelog entry: the version's own, or « Non publié » promoted to it.
const changelogPath = join(root, 'CHANGELOG.md');
if (!existsSync(changelogPath)) fail('CHANGELOG.md is missing');
let changelog = readFileSync(changelogPath, 'utf8');
if (!entryOf(changelog, version)) {
  try {
    changelog = promoteUnreleased(changelog, version, new Date().toISOString().slice(0, 10));
  } catch (e) {
    fail(e.message);
  }
  writeFileSync(changelogPath, changelog);
  console.log(`✓ CHANGELOG.md: « Non publié » is now ## [${version}] (commit it with the release)`);
}
const notes = entryOf(changelog, version);
// The version's entry exists already and more was noted since: those changes are in the files
// but not in the notes. Said, not refused (the tests cut releases of the working copy).
if (hasUnreleased(changelog)) {
  console.warn(`⚠ CHANGELOG.md: « Non publié » lists changes that the notes of ${version} do not carry: raise the version (npm version minor) to release them with their notes.`);
}

// 2. The build (CDN, npm modules and types, demo, CLI), then the WordPress plugin.
if (build) run('build', process.execPath, ['scripts/build.mjs', '--no-docs']);
for (const f of ['dist/cdn/sos-annuaire.js', 'dist/npm/index.js', 'dist/cli/sos-feed.js']) {
  if (!existsSync(join(root, f))) fail(`${f} is missing: run without --no-build (or npm run build)`);
}
run('WordPress plugin', process.execPath, ['scripts/package-wordpress.mjs']);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const prefix = `${name}-${version}`;
// Every zip entry carries the last commit's date: the same commit and build give the same bytes.
const git = spawnSync('git', ['log', '-1', '--format=%cI'], { cwd: root, encoding: 'utf8' });
const mtime = new Date(git.status === 0 && git.stdout.trim() ? git.stdout.trim() : Date.now());

const readEntries = (dir, folder) => listFiles(dir, folder).map(({ name: entry, path }) => ({ name: entry, data: readFileSync(path) }));

// 3. The widget to self-host: sos-annuaire/ = dist/cdn + LISEZMOI.txt + .htaccess (Apache: .mjs as JavaScript).
const lisezmoi = readFileSync(join(root, 'scripts/release/LISEZMOI.txt'), 'utf8')
  .replaceAll('{{version}}', version)
  .replaceAll('{{major}}', major)
  .replace(/\r?\n/g, '\r\n'); // read on Windows as often as not
const htaccess = '# The map\'s worker may be an ES module (.mjs): browsers refuse it unless it is served as JavaScript.\n<IfModule mod_mime.c>\n  AddType text/javascript .js .mjs\n</IfModule>\n';
writeFileSync(join(out, `${prefix}-cdn.zip`), makeZip([
  { name: 'sos-annuaire/LISEZMOI.txt', data: lisezmoi }, // first: what an archive viewer shows on top
  { name: 'sos-annuaire/.htaccess', data: htaccess },
  ...readEntries(join(root, 'dist/cdn'), 'sos-annuaire'),
], mtime));

// 4. The WordPress plugin, under a name that says its version (WordPress reads the folder inside).
copyFileSync(join(root, 'dist/wordpress/sos-annuaire.zip'), join(out, `${prefix}-wordpress.zip`));

// 5. The publisher's workbench, once something builds dist/editeur/.
const editeur = join(root, 'dist/editeur');
if (existsSync(editeur) && readdirSync(editeur).length) {
  writeFileSync(join(out, `${prefix}-editeur.zip`), makeZip(readEntries(editeur, 'sos-annuaire-editeur'), mtime));
}

// 5b. The demonstration site: the configurator webmasters are sent to, the workbench and the
// directory on the sample feed, as static files a DSRC hosts (no terminal between the release and
// a configurator at the DSRC's address).
const site = join(root, 'dist/demo');
if (!existsSync(join(site, 'configurateur.html'))) fail('dist/demo/configurateur.html is missing: the build did not make the demonstration site');
writeFileSync(join(out, `${prefix}-site.zip`), makeZip(readEntries(site, 'sos-annuaire-site'), mtime));

// 6. The npm package (its `prepare` would only rebuild the CLI, built above), linted as published: publint (package.json against the files) and
// attw (types resolve for ESM consumers; CommonJS `require` is not offered: ESM only).
const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', out, '--json', '--loglevel', 'error'], { cwd: root, env: offline, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (pack.status !== 0) fail('npm pack failed');
const tarball = JSON.parse(pack.stdout)[0].filename;
const tgz = join(out, tarball);
const bin = (tool) => join(root, 'node_modules/.bin', tool);
run('publint', bin('publint'), ['run', tgz, '--strict']);
const attwArgs = [tgz, '--profile', 'esm-only', '--no-definitely-typed'];
const attw = spawnSync(bin('attw'), [...attwArgs, '--format', 'json'], { cwd: root, env: offline, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (attw.status !== 0) {
  run('attw (details)', bin('attw'), [...attwArgs, '--format', 'ascii', '--no-color']);
  fail('attw found problems');
}
const entrypoints = Object.keys(JSON.parse(attw.stdout).analysis.entrypoints).length;
console.log(`attw: types resolve for ESM consumers (node16, bundler) at ${entrypoints} entry points`);

// 7. Release notes and checksums.
writeFileSync(join(out, `${prefix}-notes.md`), notes);
const files = readdirSync(out).filter((f) => f !== 'SHA256SUMS').sort();
const sums = files.map((f) => `${createHash('sha256').update(readFileSync(join(out, f))).digest('hex')}  ${f}\n`).join('');
writeFileSync(join(out, 'SHA256SUMS'), sums);

console.log(`\n✓ ${out.startsWith(root) ? relative(root, out) : out}/`);
for (const f of [...files, 'SHA256SUMS']) {
  console.log(`  ${f.padEnd(40)} ${(statSync(join(out, f)).size / 1024).toFixed(1).padStart(9)} kB`);
}
