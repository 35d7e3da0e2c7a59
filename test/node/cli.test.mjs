// `sos-feed validate` end to end: the built CLI run as a data steward runs it, on the shared
// fixtures (also used by the browser loader tests) and on URLs served from 127.0.0.1 only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli/sos-feed.js');
const fixture = (name) => join(root, 'test/fixtures/feeds', name);
const NOW = ['--now', '2026-11-22'];

/** Runs the CLI asynchronously (the test's own HTTP server must keep answering meanwhile). */
function run(args) {
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { cwd: root, timeout: 20_000 }, (error, stdout, stderr) => {
      done({ code: error ? error.code ?? 1 : 0, stdout, stderr });
    });
  });
}
const json = async (args) => {
  const r = await run([...args, '--json']);
  return { code: r.code, report: JSON.parse(r.stdout) };
};

let server;
let base;
before(async () => {
  assert.ok(existsSync(cli), 'dist/cli/sos-feed.js missing: run `node scripts/build-cli.mjs` first');
  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/cors/valid-small.json') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' });
      return res.end(readFileSync(fixture('valid-small.json')));
    }
    if (url.pathname === '/nocors/valid-small.json') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end(readFileSync(fixture('valid-small.json')));
    }
    if (url.pathname === '/maintenance') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(readFileSync(fixture('not-json.html')));
    }
    res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => server?.close());

test('--version and --help answer in French with exit 0', async () => {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const v = await run(['--version']);
  assert.equal(v.code, 0);
  assert.match(v.stdout, new RegExp(`sos-feed ${version.replace(/\./g, '\\.')}`));
  for (const args of [['--help'], ['help']]) {
    const h = await run(args);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /Utilisation :/);
    assert.match(h.stdout, /Codes de sortie/);
  }
});

test('unknown command or option: exit 2 with a French hint', async () => {
  const r = await run(['valider', 'x.json']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /commande inconnue « valider »/);
  const o = await run(['validate', fixture('valid-small.json'), '--strict']);
  assert.equal(o.code, 2);
  assert.match(o.stderr, /option inconnue --strict/);
});

test('valid feed: exit 0, counts and verdict', async () => {
  const r = await run(['validate', fixture('valid-small.json'), ...NOW]);
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /Éditeur : Onco-Exemple .*\(onco-exemple, région 75\)/);
  assert.match(r.stdout, /Généré le : 2026-10-01T08:00:00Z/);
  assert.match(r.stdout, /Structures : 3 valides, 0 ignorée \(3 au total\)/);
  assert.match(r.stdout, /Offres : 5 valides, 0 ignorée \(5 au total\)/);
  assert.match(r.stdout, /Verdict : flux valide/);
  const { report } = await json(['validate', fixture('valid-small.json'), ...NOW]);
  assert.equal(report.exitCode, 0);
  assert.deepEqual(report.counts.structures, { total: 3, valid: 3, dropped: 0 });
  assert.deepEqual(report.counts.offers, { total: 5, valid: 5, dropped: 0 });
  assert.equal(report.errors.length, 0);
  // The one structure without coordinates is listed but not mapped: a warning, not an error.
  assert.deepEqual(report.warnings.map((w) => `${w.code} ${w.path}`), ['location-missing structures[2]']);
});

test('unknown care code: exit 1, the offer dropped with its path and value', async () => {
  const r = await run(['validate', fixture('bad-care-code.json'), ...NOW]);
  assert.equal(r.code, 1, r.stdout);
  assert.match(r.stdout, /structures\[1\]\.offers\[0\]\.care : code inconnu "homeopathie"/);
  assert.match(r.stdout, /Offres : 4 valides, 1 ignorée/);
  assert.match(r.stdout, /Verdict : flux utilisable mais incomplet/);
  const { report } = await json(['validate', fixture('bad-care-code.json'), ...NOW]);
  assert.equal(report.exitCode, 1);
  assert.deepEqual(report.errors.map((e) => e.path), ['structures[1].offers[0].care']);
});

test('javascript: website: a warning, the field dropped, the structure kept', async () => {
  const { code, report } = await json(['validate', fixture('javascript-url.json'), ...NOW]);
  assert.equal(code, 0);
  assert.equal(report.counts.structures.valid, 3);
  const w = report.warnings.find((x) => x.path === 'structures[2].contact.website');
  assert.ok(w, JSON.stringify(report.warnings));
  assert.equal(w.code, 'field-dropped');
  assert.match(w.message, /http:\/\/ et https:\/\//);
});

test('not JSON (an HTML page): exit 2 with a French explanation', async () => {
  const r = await run(['validate', fixture('not-json.html')]);
  assert.equal(r.code, 2);
  assert.match(r.stdout, /ne contient pas du JSON valide/);
  assert.match(r.stdout, /page d'erreur HTML/);
  assert.match(r.stdout, /Verdict : flux inutilisable \(ce n’est pas du JSON\)/);
});

test('wrong format: exit 2', async () => {
  const r = await run(['validate', fixture('wrong-format.json')]);
  assert.equal(r.code, 2);
  assert.match(r.stdout, /format "sos-feed\/2" non pris en charge \(attendu "sos-feed\/1"\)/);
});

test('broken envelope: exit 2, every envelope problem with its path', async () => {
  const r = await run(['validate', fixture('broken-envelope.json')]);
  assert.equal(r.code, 2);
  assert.match(r.stdout, /publisher\.name : champ obligatoire manquant/);
  assert.match(r.stdout, /generatedAt : date et heure invalides "hier"/);
  const { report } = await json(['validate', fixture('broken-envelope.json')]);
  assert.equal(report.fatal.kind, 'envelope');
  assert.deepEqual(report.errors.map((e) => e.path).sort(), ['generatedAt', 'publisher.name']);
});

test('UTF-8 BOM is tolerated', async () => {
  const r = await run(['validate', fixture('bom.json'), ...NOW]);
  assert.equal(r.code, 0, r.stdout);
});

test('unknown fields: warnings (forward compatibility), exit 0', async () => {
  const { code, report } = await json(['validate', fixture('unknown-fields.json'), ...NOW]);
  assert.equal(code, 0);
  assert.deepEqual(report.warnings.filter((w) => w.code === 'unknown-field').map((w) => w.path),
    ['schemaVersion', 'structures[0].parking', 'structures[0].offers[1].languages']);
});

test('duplicate ids: reported, both structures kept', async () => {
  const { code, report } = await json(['validate', fixture('duplicate-ids.json'), ...NOW]);
  assert.equal(code, 0);
  assert.equal(report.counts.structures.valid, 3);
  const paths = report.warnings.filter((w) => w.code === 'duplicate-id').map((w) => w.path).sort();
  assert.deepEqual(paths, ['structures[1].offers[1].id', 'structures[2].id']);
});

test('swapped coordinates: a warning, the structure listed', async () => {
  const r = await run(['validate', fixture('swapped-coordinates.json'), ...NOW]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /structures\[1\]\.location : latitude et longitude inversées/);
});

test('verifiedAt older than 12 months: a warning, relative to --now', async () => {
  const r = await run(['validate', fixture('stale.json'), ...NOW]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /structures\[0\]\.verifiedAt : informations vérifiées le 2024-05-10, il y a plus de 12 mois/);
  const early = await json(['validate', fixture('stale.json'), '--now', '2025-01-01']);
  assert.equal(early.report.warnings.filter((w) => w.code === 'stale').length, 0);
  const bad = await run(['validate', fixture('stale.json'), '--now', '22/11/2026']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--now attend une date AAAA-MM-JJ/);
});

test('long listings are capped per kind with "… et N autres"', async () => {
  const feed = JSON.parse(readFileSync(fixture('valid-small.json'), 'utf8'));
  const model = feed.structures[0];
  feed.structures = Array.from({ length: 15 }, (_, i) => ({
    ...model, id: `s${i}`, verifiedAt: '2020-01-01',
    offers: model.offers.map((o) => ({ ...o, id: `s${i}-${o.id}` })),
  }));
  const file = join(mkdtempSync(join(tmpdir(), 'sos-feed-')), 'many.json');
  writeFileSync(file, JSON.stringify(feed));
  const r = await run(['validate', file, ...NOW]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Informations vérifiées il y a plus de 12 mois \(15\)/);
  assert.match(r.stdout, /… et 5 autres/);
  const all = await run(['validate', file, ...NOW, '--max', '20']);
  assert.doesNotMatch(all.stdout, /autres/);
});

test('missing file: exit 2', async () => {
  const r = await run(['validate', fixture('absent.json')]);
  assert.equal(r.code, 2);
  assert.match(r.stdout, /fichier introuvable/);
});

test('URL: a feed served with CORS validates with exit 0 and no serving warning', async () => {
  const { code, report } = await json(['validate', `${base}/cors/valid-small.json`, ...NOW]);
  assert.equal(code, 0);
  assert.equal(report.source, `${base}/cors/valid-small.json`);
  assert.equal(report.warnings.filter((w) => w.code === 'serving').length, 0);
});

test('URL without CORS header nor JSON type: warnings that partner sites cannot read it', async () => {
  const r = await run(['validate', `${base}/nocors/valid-small.json`, ...NOW]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Access-Control-Allow-Origin: \* » absent/);
  assert.match(r.stdout, /type de contenu « text\/plain »/);
});

test('URL answering HTTP 404: exit 2', async () => {
  const r = await run(['validate', `${base}/flux-absent.json`]);
  assert.equal(r.code, 2);
  assert.match(r.stdout, /a répondu HTTP 404/);
  assert.match(r.stdout, /Verdict : flux inutilisable \(erreur HTTP 404\)/);
});

test('URL answering an HTML page with 200: exit 2 (not JSON)', async () => {
  const { code, report } = await json(['validate', `${base}/maintenance`]);
  assert.equal(code, 2);
  assert.equal(report.fatal.kind, 'not-json');
});

test('URL with nobody listening: exit 2 (network)', async () => {
  const probe = createServer();
  await new Promise((r) => probe.listen(0, '127.0.0.1', r));
  const port = probe.address().port;
  await new Promise((r) => probe.close(r));
  const { code, report } = await json(['validate', `http://127.0.0.1:${port}/flux.json`]);
  assert.equal(code, 2);
  assert.equal(report.fatal.kind, 'network');
});

const demo = join(root, 'demo/feeds/onco-nouvelle-aquitaine.demo.json');
test('the demo feed validates (exit 0)', { skip: existsSync(demo) ? false : 'demo/feeds/onco-nouvelle-aquitaine.demo.json absent (not generated yet)' }, async () => {
  const r = await run(['validate', demo]);
  assert.equal(r.code, 0, r.stdout.slice(0, 3000));
});
