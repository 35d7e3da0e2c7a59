// Issue 17, part 5: the built `sos-feed` under hostile or broken input and output. Escape sequences
// never reach the terminal raw; no stack trace reaches the user (French message naming the file
// and the problem, exit 2) unless --debug; inputs and URL bodies stop at the size limit without
// being read whole; values nested thousands of levels deep are dropped with their JSON path;
// --out never overwrites the spreadsheet it reads. URLs are served from 127.0.0.1 only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import {
  chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync,
  statSync, symlinkSync, truncateSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli/sos-feed.js');
const fixture = (name) => join(root, 'test/fixtures/feeds', name);
const dir = mkdtempSync(join(tmpdir(), 'sos-hardening-'));
const NOW = ['--now', '2026-11-22'];
const PUBLISHER = ['--publisher-id', 'onco-exemple', '--publisher-name', 'Onco-Exemple', '--now', '2026-11-22', '--generated-at', '2026-11-22T08:00:00Z'];
const EXAMPLE_CSV = join(root, 'data-schema/exemple-tableur.csv');
const hasDevFull = existsSync('/dev/full');
const hasDevZero = existsSync('/dev/zero');

/** Runs the CLI asynchronously (the test's own HTTP server must keep answering meanwhile). */
function run(args, { timeout = 30_000 } = {}) {
  return new Promise((done) => {
    const started = Date.now();
    execFile(process.execPath, [cli, ...args], { cwd: root, timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? error.code ?? error.signal ?? 1 : 0, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Runs the CLI with its standard output going to `file` (e.g. /dev/full). */
function runStdoutTo(file, args) {
  return new Promise((done) => {
    const fd = openSync(file, 'w');
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill(), 30_000);
    child.on('close', (code, signal) => { clearTimeout(timer); done({ code: code ?? signal, stderr }); });
  });
}

/** No stack trace, no Node internals: what a data steward may be shown. */
function assertNoTrace(text) {
  assert.doesNotMatch(text, /^\s+at .+[(:]\d+/m, text);
  assert.doesNotMatch(text, /node:internal|Error: |RangeError|Maximum call stack/, text);
}

// Every control or bidi character the CLI must never print raw (tab and line feed only as its own layout).
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const feedText = (edit) => {
  const feed = JSON.parse(readFileSync(fixture('valid-small.json'), 'utf8'));
  edit?.(feed);
  return JSON.stringify(feed);
};
const write = (name, content) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};
/** A feed whose `marker` string value is replaced by raw JSON text (too deep for JSON.stringify). */
const withRaw = (name, edit, raw) => write(name, feedText(edit).replace('"@@RAW@@"', raw));
const DEEP = '['.repeat(5000) + ']'.repeat(5000);

let server;
let base;
let bomb;
const served = { endless: 0, endlessClosed: false };
before(async () => {
  assert.ok(existsSync(cli), 'dist/cli/sos-feed.js missing: run `node scripts/build-cli.mjs` first');
  const chunk = Buffer.alloc(256 * 1024, 0x20);
  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/endless.json' || url.pathname === '/announced.json') {
      // An endless body (no Content-Length: chunked), or one announcing 2 GB: streamed as fast as read.
      const headers = { 'content-type': 'application/json', 'access-control-allow-origin': '*' };
      if (url.pathname === '/announced.json') headers['content-length'] = String(2 * 1024 ** 3);
      res.writeHead(200, headers);
      res.on('close', () => { served.endlessClosed = true; });
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) served.endless += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
      return;
    }
    if (url.pathname === '/bomb.json') {
      // 64 MB of spaces in about 64 kB: the limit applies to what is decompressed.
      bomb ??= gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      return res.end(bomb);
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('absent');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => {
  server?.closeAllConnections?.();
  server?.close();
});

// ---------------------------------------------------------------------------------------------
// Escape sequences

test('escape sequences in keys, format, ids and values are shown as \\u escapes, never sent raw', async () => {
  const file = write('escapes.json', feedText((feed) => {
    feed.structures[0]['x\u001b]0;piraté\u0007'] = 1; // an unknown key with an OSC window-title sequence
    feed.structures[1].id = 'ligue\u001b[2J\u009b31m'; // clear screen (ESC and C1 CSI): an invalid id
    feed.structures[2].offers[0].care = 'douleur\u202egnp.exe'; // a bidi override in a code
  }));
  const r = await run(['validate', file, ...NOW]);
  assert.equal(r.code, 1, r.stdout);
  assert.doesNotMatch(r.stdout, RAW_CONTROL);
  assert.doesNotMatch(r.stderr, RAW_CONTROL);
  // A key is printed as it is in the document: escaped.
  assert.match(r.stdout, /structures\[0\]\.x\\u001b\]0;piraté\\u0007 : champ inconnu/);
  // Values are cleaned by the validator before it quotes them (src/feed/sanitize.ts).
  assert.match(r.stdout, /structures\[1\]\.id : format invalide "ligue\[2J31m"/);
  assert.match(r.stdout, /code inconnu "douleurgnp\.exe"/);

  // --json: the same text escaped as JSON escapes (C1 and bidi too), so the value reads back intact.
  const j = await run(['validate', file, ...NOW, '--json']);
  assert.doesNotMatch(j.stdout, RAW_CONTROL);
  const report = JSON.parse(j.stdout);
  assert.ok(report.warnings.some((w) => w.path === 'structures[0].x\u001b]0;piraté\u0007'), j.stdout);
  assert.ok(report.errors.some((e) => e.path === 'structures[1].id'), j.stdout);
});

test('an escape sequence in format, in a file name or in a spreadsheet cell is neutralised too', async () => {
  const format = await run(['validate', write('format.json', feedText((feed) => { feed.format = '\u001b[31mrouge\u001b[0m'; }))]);
  assert.equal(format.code, 2);
  assert.doesNotMatch(format.stdout, RAW_CONTROL);
  assert.match(format.stdout, /format "\\u001b\[31mrouge\\u001b\[0m" non pris en charge/);

  const missing = await run(['validate', join(dir, 'absent\u001b[2J\u202e.json')]);
  assert.equal(missing.code, 2);
  assert.doesNotMatch(missing.stdout, RAW_CONTROL);
  assert.match(missing.stdout, /fichier introuvable : .*absent\\u001b\[2J\\u202e\.json/);

  const csv = write('escapes.csv', [
    'structure_id;structure_nom;type_structure;code_postal;commune;verifie_le;offre_id;soin;publics;lieux;colonne\u001b[8m',
    'cs\u001b[2J;Centre A;centre-sante;33000;Bordeaux;2026-09-01;a-1;douleur;patient;ville;x',
    'cs-b;Centre B;centre-sante;33000;Bordeaux;2026-09-01;b-1;douleur;patient;ville;x',
    'cs-b;"Centre\u001b[5m\u0085 B\u2028\nbis";centre-sante;33000;Bordeaux;2026-09-01;b-2;douleur\u009b;patient;ville;x',
  ].join('\n'));
  const c = await run(['from-csv', csv, ...PUBLISHER]);
  assert.equal(c.code, 1, c.stderr);
  assert.doesNotMatch(c.stderr, RAW_CONTROL);
  assert.doesNotMatch(c.stdout, RAW_CONTROL);
  assert.match(c.stderr, /colonne « colonne\\u001b\[8m »/);
  assert.match(c.stderr, /structure « cs\\u001b\[2J » ignorée/);
  // A cell quoted as typed, its line break shown as \n: one report line per remark.
  assert.match(c.stderr, /ligne 4, colonne « structure_nom » : "Centre\\u001b\[5m\\u0085 B\\u2028\\nbis" diffère de la ligne 3/);
  // The feed itself holds the values the validator cleaned.
  assert.deepEqual(JSON.parse(c.stdout).structures.map((s) => [s.name, s.offers.map((o) => o.care)]), [['Centre B', ['douleur', 'douleur']]]);
});

// ---------------------------------------------------------------------------------------------
// No stack traces: --out problems, full disk, huge files

test('--out in a folder that does not exist: exit 2, the folder named, nothing done', async () => {
  const out = join(dir, 'absent-folder', 'flux.json');
  const r = await run(['from-csv', EXAMPLE_CSV, ...PUBLISHER, '--out', out]);
  assert.equal(r.code, 2);
  assertNoTrace(r.stderr);
  assert.match(r.stderr, new RegExp(`le dossier ${join(dir, 'absent-folder').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} n’existe pas`));
  assert.match(r.stderr, /Verdict : tableur inutilisable, aucun flux produit/);
  assert.equal(r.stdout, '');
});

test('--out naming a folder: exit 2, a French message suggesting a file name', async () => {
  const r = await run(['from-csv', EXAMPLE_CSV, ...PUBLISHER, '--out', dir]);
  assert.equal(r.code, 2);
  assertNoTrace(r.stderr);
  assert.match(r.stderr, /est un dossier : indiquez le nom du fichier à écrire, par ex\. --out .*flux\.json/);
});

test('a full disk (--out /dev/full): exit 2, « disque plein » and the file named; --debug adds the trace', { skip: hasDevFull ? false : '/dev/full absent' }, async () => {
  const r = await run(['from-csv', EXAMPLE_CSV, ...PUBLISHER, '--out', '/dev/full']);
  assert.equal(r.code, 2);
  assertNoTrace(r.stderr);
  assert.match(r.stderr, /Erreur : impossible d’écrire le flux dans \/dev\/full : disque plein \(ENOSPC\)/);
  assert.match(r.stderr, /Verdict : flux non écrit/);
  const debug = await run(['from-csv', EXAMPLE_CSV, ...PUBLISHER, '--out', '/dev/full', '--debug']);
  assert.equal(debug.code, 2);
  assert.match(debug.stderr, /\[debug\] trace technique :/);
  assert.match(debug.stderr, /ENOSPC/);
  assert.match(debug.stderr, /^\s+at /m);
});

test('standard output on a full disk: exit 2 and a French message, for the feed and for a report', { skip: hasDevFull ? false : '/dev/full absent' }, async () => {
  const feed = await runStdoutTo('/dev/full', ['from-csv', EXAMPLE_CSV, ...PUBLISHER, '--out', '-']);
  assert.equal(feed.code, 2);
  assertNoTrace(feed.stderr);
  assert.match(feed.stderr, /impossible d’écrire le flux sur la sortie standard : disque plein \(ENOSPC\)/);
  const report = await runStdoutTo('/dev/full', ['validate', fixture('valid-small.json'), ...NOW]);
  assert.equal(report.code, 2);
  assertNoTrace(report.stderr);
  assert.match(report.stderr, /sos-feed : impossible d’écrire sur la sortie standard : disque plein \(ENOSPC\)/);
  const help = await runStdoutTo('/dev/full', ['--help']);
  assert.equal(help.code, 2);
  assertNoTrace(help.stderr);
});

test('a 600 MB file: refused at once with its size and the limit (exit 2), for validate and from-csv', async () => {
  const big = join(dir, 'gros.json');
  writeFileSync(big, '');
  truncateSync(big, 600 * 1024 * 1024); // sparse: no disk used
  const r = await run(['validate', big]);
  assert.equal(r.code, 2);
  assertNoTrace(r.stdout + r.stderr);
  assert.match(r.stdout, /gros\.json fait 600 Mo, au-delà de la limite de 200 Mo : rien n’a été lu ; l’outil ne lit pas plus de 500 Mo, même avec --max-size/);
  assert.match(r.stdout, /Verdict : flux inutilisable \(fichier trop volumineux\)/);
  assert.ok(r.ms < 10_000, `${r.ms} ms`);
  const csv = join(dir, 'gros.csv');
  writeFileSync(csv, '');
  truncateSync(csv, 230 * 1024 * 1024);
  const c = await run(['from-csv', csv, ...PUBLISHER]);
  assert.equal(c.code, 2);
  assertNoTrace(c.stderr);
  assert.match(c.stderr, /gros\.csv fait 230 Mo, au-delà de la limite de 200 Mo : rien n’a été lu ; l’option --max-size relève la limite, par ex\. --max-size 250Mo/);
});

test('a missing input: exit 2 and a French message; --debug adds the trace, on standard error', async () => {
  const r = await run(['validate', join(dir, 'absent.json')]);
  assert.equal(r.code, 2);
  assertNoTrace(r.stdout + r.stderr);
  const debug = await run(['validate', join(dir, 'absent.json'), '--debug']);
  assert.equal(debug.code, 2);
  assert.match(debug.stdout, /fichier introuvable/);
  assert.match(debug.stderr, /\[debug\] trace technique :\nSourceError: fichier introuvable/);
  assert.match(debug.stderr, /ENOENT/);
});

test('a directory given as input: exit 2, a French message', async () => {
  const r = await run(['validate', dir]);
  assert.equal(r.code, 2);
  assertNoTrace(r.stdout + r.stderr);
  assert.match(r.stdout, /est un dossier, pas un fichier/);
});

// ---------------------------------------------------------------------------------------------
// Size limits, counted while reading

test('--max-size: a file over the limit is refused with both sizes; bad values are usage errors', async () => {
  const file = write('deux-mo.json', Buffer.alloc(2 * 1024 * 1024, 0x20));
  const r = await run(['validate', file, '--max-size', '1Mo']);
  assert.equal(r.code, 2);
  assert.match(r.stdout, /deux-mo\.json fait 2 Mo, au-delà de la limite de 1 Mo/);
  for (const size of ['50MB', '3']) {
    const ok = await run(['validate', fixture('valid-small.json'), ...NOW, '--max-size', size]);
    assert.equal(ok.code, 0, ok.stdout);
  }
  const bare = await run(['validate', file, '--max-size', '1']);
  assert.match(bare.stdout, /au-delà de la limite de 1 Mo/);
  for (const [value, message] of [['beaucoup', /--max-size attend une taille comme 300 \(en Mo\), 50Mo ou 300MB, reçu « beaucoup »/], ['2Go', /--max-size 2Go : au plus 500 Mo/]]) {
    const bad = await run(['validate', fixture('valid-small.json'), '--max-size', value]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, message);
  }
});

test('/dev/zero as input stops at the limit (default 200 Mo, or --max-size), quickly', { skip: hasDevZero ? false : '/dev/zero absent' }, async () => {
  const small = await run(['validate', '/dev/zero', '--max-size', '5Mo']);
  assert.equal(small.code, 2);
  assert.match(small.stdout, /\/dev\/zero dépasse la limite de 5 Mo : lecture arrêtée à 5 Mo/);
  const csv = await run(['from-csv', '/dev/zero', ...PUBLISHER, '--max-size', '5Mo']);
  assert.equal(csv.code, 2);
  assert.match(csv.stderr, /\/dev\/zero dépasse la limite de 5 Mo/);
  const byDefault = await run(['validate', '/dev/zero'], { timeout: 60_000 });
  assert.equal(byDefault.code, 2);
  assertNoTrace(byDefault.stdout + byDefault.stderr);
  assert.match(byDefault.stdout, /\/dev\/zero dépasse la limite de 200 Mo : lecture arrêtée à 200 Mo/);
  assert.ok(byDefault.ms < 30_000, `${byDefault.ms} ms`);
});

test('an endless HTTP body or a gzip bomb is cut at the limit; one announcing 2 GB is refused before reading', async () => {
  served.endless = 0;
  served.endlessClosed = false;
  const r = await run(['validate', `${base}/endless.json`, '--max-size', '8Mo']);
  assert.equal(r.code, 2);
  assertNoTrace(r.stdout + r.stderr);
  assert.match(r.stdout, /endless\.json dépasse la limite de 8 Mo : lecture arrêtée à 8 Mo/);
  assert.match(r.stdout, /Verdict : flux inutilisable \(fichier trop volumineux\)/);
  // The connection was dropped: the server did not go on sending (socket buffers aside).
  await new Promise((done) => setTimeout(done, 200));
  assert.ok(served.endlessClosed, 'the response should be closed');
  assert.ok(served.endless < 64 * 1024 * 1024, `${served.endless} bytes sent`);

  const announced = await run(['validate', `${base}/announced.json`]);
  assert.equal(announced.code, 2);
  assert.match(announced.stdout, /announced\.json fait 2 Go, au-delà de la limite de 200 Mo : rien n’a été lu/);

  // A gzip bomb: the announced length is small, the decompressed body is counted.
  const gz = await run(['validate', `${base}/bomb.json`, '--max-size', '10Mo']);
  assert.equal(gz.code, 2);
  assert.match(gz.stdout, /bomb\.json dépasse la limite de 10 Mo : lecture arrêtée à 10 Mo/);

  // The default limit, on an endless body.
  const byDefault = await run(['validate', `${base}/endless.json`], { timeout: 60_000 });
  assert.equal(byDefault.code, 2);
  assert.match(byDefault.stdout, /endless\.json dépasse la limite de 200 Mo : lecture arrêtée à 200 Mo/);
});

// ---------------------------------------------------------------------------------------------
// Deep nesting

test('a description nested 5,000 deep: that field dropped with its JSON path, the rest of the feed kept, no trace', async () => {
  const file = withRaw('deep-field.json', (feed) => { feed.structures[1].description = '@@RAW@@'; }, DEEP);
  const r = await run(['validate', file, ...NOW]);
  assertNoTrace(r.stdout + r.stderr);
  assert.equal(r.code, 0, r.stdout); // a field dropped is a warning, like any invalid optional field
  assert.match(r.stdout, /structures\[1\]\.description : valeur imbriquée sur plus de 32 niveaux \(listes ou objets les uns dans les autres\) : champ ignoré/);
  assert.match(r.stdout, /Structures : 3 valides, 0 ignorée \(3 au total\)/);
  assert.match(r.stdout, /Offres : 5 valides, 0 ignorée/);
  const j = await run(['validate', file, ...NOW, '--json']);
  const report = JSON.parse(j.stdout);
  assert.deepEqual(report.warnings.filter((w) => w.code === 'too-deep').map((w) => w.path), ['structures[1].description']);
});

test('a structure or an offer that is itself nested 5,000 deep: that record dropped with its path (exit 1)', async () => {
  const file = write('deep-records.json', feedText((feed) => {
    feed.structures[2] = '@@STRUCTURE@@';
    feed.structures[0].offers.push('@@OFFER@@');
    feed.structures[1].offers[0].x = '@@FIELD@@'; // an unknown field, too deep
    feed.structures[0].offers[1].schedule = { a: { b: [] } }; // shallow: judged by the validator as usual
  }).replace('"@@STRUCTURE@@"', DEEP).replace('"@@OFFER@@"', DEEP).replace('"@@FIELD@@"', `{"y":${DEEP}}`));
  const r = await run(['validate', file, ...NOW]);
  assertNoTrace(r.stdout + r.stderr);
  assert.equal(r.code, 1, r.stdout);
  assert.match(r.stdout, /structures\[2\] : valeur imbriquée sur plus de 32 niveaux .* : structure ignorée/);
  assert.match(r.stdout, /structures\[0\]\.offers\[2\] : valeur imbriquée sur plus de 32 niveaux .* : offre ignorée/);
  assert.match(r.stdout, /Structures : 2 valides, 1 ignorée \(3 au total\)/);
  const { errors, warnings } = JSON.parse((await run(['validate', file, ...NOW, '--json'])).stdout);
  assert.deepEqual(errors.filter((e) => e.code === 'too-deep').map((e) => e.path), ['structures[0].offers[2]', 'structures[2]']);
  // No second, vaguer message (« un objet est attendu, reçu null ») for the same records.
  assert.deepEqual(errors.filter((e) => e.path === 'structures[2]' || e.path === 'structures[0].offers[2]').map((e) => e.code), ['too-deep', 'too-deep']);
  // A field too deep goes alone, its offer is judged without it; the rest is judged as usual.
  assert.ok(warnings.some((w) => w.code === 'too-deep' && w.path === 'structures[1].offers[0].x'), JSON.stringify(warnings));
  assert.ok(warnings.some((w) => w.code === 'field-dropped' && w.path === 'structures[0].offers[1].schedule'), JSON.stringify(warnings));
});

test('deep nesting in the envelope or as the whole document: exit 2 with a French message, no trace', async () => {
  const name = withRaw('deep-publisher.json', (feed) => { feed.publisher.name = '@@RAW@@'; }, DEEP);
  const r = await run(['validate', name]);
  assertNoTrace(r.stdout + r.stderr);
  assert.equal(r.code, 2);
  assert.match(r.stdout, /publisher\.name : valeur imbriquée sur plus de 32 niveaux .* : champ ignoré/);
  assert.match(r.stdout, /publisher\.name : champ obligatoire manquant/);
  const whole = await run(['validate', write('deep-document.json', DEEP)]);
  assertNoTrace(whole.stdout + whole.stderr);
  assert.equal(whole.code, 2);
  assert.match(whole.stdout, /le document n'est pas un objet JSON/);
  const objects = await run(['validate', withRaw('deep-objects.json', (feed) => { feed.extra = '@@RAW@@'; }, '{"a":'.repeat(20000) + '1' + '}'.repeat(20000)), ...NOW]);
  assertNoTrace(objects.stdout + objects.stderr);
  assert.equal(objects.code, 0);
  assert.match(objects.stdout, /extra : valeur imbriquée sur plus de 32 niveaux/);
});

// ---------------------------------------------------------------------------------------------
// --out: never the input, `-` for standard output, replaced whole

test('--out naming the spreadsheet itself (same path, relative, symbolic or hard link) is refused, the file untouched', async () => {
  const csv = join(dir, 'annuaire.csv');
  const original = readFileSync(EXAMPLE_CSV);
  writeFileSync(csv, original);
  const sub = join(dir, 'sub');
  mkdirSync(sub, { recursive: true });
  symlinkSync(csv, join(sub, 'lien.json'));
  linkSync(csv, join(sub, 'dur.json'));
  for (const out of [csv, join(sub, '..', 'annuaire.csv'), join(sub, 'lien.json'), join(sub, 'dur.json')]) {
    const r = await run(['from-csv', csv, ...PUBLISHER, '--out', out]);
    assert.equal(r.code, 2, out);
    assertNoTrace(r.stderr);
    assert.match(r.stderr, /désigne le tableur lu lui-même : il serait écrasé par le flux/);
    assert.deepEqual(readFileSync(csv), original);
  }
});

test('--out - writes the feed to standard output', async () => {
  const r = await run(['from-csv', EXAMPLE_CSV, ...PUBLISHER, '--out', '-']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).structures.length, 3);
  assert.match(r.stderr, /Flux produit : 3 structures, 6 offres → sortie standard/);
  assert.ok(!existsSync(join(root, '-')));
});

test('--out replaces an existing feed whole, keeps its permissions and leaves no temporary file', async () => {
  const folder = mkdtempSync(join(dir, 'out-'));
  const out = join(folder, 'flux.json');
  writeFileSync(out, 'ancien');
  chmodSync(out, 0o640);
  const r = await run(['from-csv', EXAMPLE_CSV, ...PUBLISHER, '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).structures.length, 3);
  assert.equal(statSync(out).mode & 0o777, 0o640);
  assert.deepEqual(readdirSync(folder), ['flux.json']);
});

test('--help documents the exit codes, --max-size, --out - and --debug', async () => {
  const r = await run(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Codes de sortie :\n {2}0 {2}flux valide/);
  assert.match(r.stdout, /\n {2}1 {2}des structures, offres, lignes ou valeurs sont ignorées/);
  assert.match(r.stdout, /\n {2}2 {2}document inutilisable ou écriture impossible/);
  assert.match(r.stdout, /--max-size TAILLE/);
  assert.match(r.stdout, /« --out - » : sortie standard/);
  assert.match(r.stdout, /--debug/);
});
