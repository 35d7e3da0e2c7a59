// Unit tests of the CLI's safety helpers (src/cli/*.ts, src/publish/csv*.ts), bundled on the fly
// with esbuild: the formula neutraliser every spreadsheet written must use, the output
// neutraliser, sizes, the bounded-depth pass and the CSV record splitter.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
let m;
before(async () => {
  const entry = `
    export { looksLikeFormula, neutraliseFormula, restoreFormula } from './src/publish/csv-safety.ts';
    export { neutralise, safeLine, MAX_LINE } from './src/cli/output.ts';
    export { parseSize, formatSize, MAX_MAX_SIZE } from './src/cli/files.ts';
    export { cutDeepValues, nestsDeeper, MAX_NESTING } from './src/cli/depth.ts';
    export { parseRecords, decodeWindows1252, parseCsv, writeCsv } from './src/publish/csv.ts';
  `;
  const out = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent',
  });
  m = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
});

test('neutraliseFormula: OWASP triggers get a leading quote; plain numbers and phone numbers do not', () => {
  const formulas = ['=HYPERLINK("http://evil.example";"clic")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '\nfoo', '=', '- Yoga', '+-1', '-1+1', '+33 5 56 ; =1'];
  for (const cell of formulas) {
    assert.ok(m.looksLikeFormula(cell), cell);
    assert.equal(m.neutraliseFormula(cell), `'${cell}`);
  }
  const plain = ['+33 5 56 79 58 58', '+33 (0)5 56 79 58 58', '+33.5.56.79.58.58', '-0,58', '-0.58', '+12', '-1 234,5', '-1\u202f234,5', '-.5', '-1e5', '44,84', 'Bordeaux', '', "'apostrophe", '1+1'];
  for (const cell of plain) {
    assert.ok(!m.looksLikeFormula(cell), cell);
    assert.equal(m.neutraliseFormula(cell), cell);
  }
  // A text that already starts with quotes before a formula gets one more, so reading gives it back.
  assert.equal(m.neutraliseFormula("'=déjà neutralisé"), "''=déjà neutralisé");
  for (const cell of [...formulas, ...plain, "'=x", "''=x", "'", "'+cmd"]) assert.equal(m.restoreFormula(m.neutraliseFormula(cell)), cell, JSON.stringify(cell));
});

test('writeCsv then parseCsv: every value back as it was (formulas neutralised on the way), « ; », CRLF', () => {
  const header = ['a', 'b;c', '=titre'];
  const rows = [['=HYPERLINK("http://evil.example";"x")', 'ligne 1\nligne 2', ' espaces '], ['-2+3', '"guillemets"', "'=déjà"], ['x', '+33 5 56 79 58 58', '44,84']];
  const text = m.writeCsv(header, rows);
  assert.ok(text.startsWith(`a;"b;c";'=titre\r\n"'=HYPERLINK(""http://evil.example"";""x"")";"ligne 1\nligne 2";" espaces "\r\n`), text);
  assert.ok(text.includes(`\r\n'-2+3;"""guillemets""";''=déjà\r\n`), text);
  const back = m.parseCsv(new TextEncoder().encode(`\uFEFF${text}`));
  assert.equal(back.encoding, 'UTF-8');
  assert.equal(back.delimiter, ';');
  assert.deepEqual(back.header, header);
  assert.deepEqual(back.rows.map((r) => r.cells), rows);
});

test('neutralise: control, escape and bidi characters shown as escapes; printable text untouched', () => {
  assert.equal(m.neutralise('a\u001b[2Jb'), 'a\\u001b[2Jb');
  assert.equal(m.neutralise('\u0007\u007f\u0085\u009b'), '\\u0007\\u007f\\u0085\\u009b');
  assert.equal(m.neutralise('abc\u202egnp.exe \u2066x\u2069 \u200e\u200f\u061c'), 'abc\\u202egnp.exe \\u2066x\\u2069 \\u200e\\u200f\\u061c');
  assert.equal(m.neutralise('un\ndeux\tt\r'), 'un\\ndeux\\tt\\r');
  assert.equal(m.neutralise('\u2028\u2029\ufeff'), '\\u2028\\u2029\\ufeff');
  assert.equal(m.neutralise('Éditeur : « Onco » – 12\u202f000 € ’ 🙂'), 'Éditeur : « Onco » – 12\u202f000 € ’ 🙂');
  // JSON text keeps its own line breaks; escapes inside its strings are the same JSON values.
  const json = JSON.stringify({ k: 'a\u0085\u202eb', 'x\u001b': 1 }, null, 2);
  const safe = m.neutralise(json, true);
  assert.ok(safe.includes('\n'));
  assert.doesNotMatch(safe, /[\u0085\u202e\u001b]/);
  assert.deepEqual(JSON.parse(safe), { k: 'a\u0085\u202eb', 'x\u001b': 1 });
  // Lines past MAX_LINE are cut (a 300 MB header cell echoed would help no one).
  const long = m.safeLine('x'.repeat(m.MAX_LINE + 500));
  assert.match(long, /^x{1000}… \[ligne coupée : 500 caractères de plus\]$/);
});

test('parseSize and formatSize: French and English units, binary multiples', () => {
  const MiB = 1024 * 1024;
  assert.equal(m.parseSize('50MB'), 50 * MiB);
  assert.equal(m.parseSize('50 Mo'), 50 * MiB);
  assert.equal(m.parseSize('1,5Go'), 1.5 * 1024 * MiB);
  assert.equal(m.parseSize('800k'), 800 * 1024);
  assert.equal(m.parseSize('300'), 300 * MiB); // a bare number is in Mo, like the widget's max-size
  assert.equal(m.parseSize('1048576o'), MiB);
  for (const bad of ['', 'beaucoup', '50 MX', '-5Mo', '5 Mo 3']) assert.equal(m.parseSize(bad), undefined, bad);
  assert.equal(m.formatSize(600 * MiB), '600 Mo');
  assert.equal(m.formatSize(1536), '1,5 ko');
  assert.equal(m.formatSize(2 * 1024 * MiB), '2 Go');
  assert.equal(m.formatSize(1), '1 octet');
  assert.equal(m.formatSize(12), '12 octets');
  assert.equal(m.formatSize(m.MAX_MAX_SIZE), '500 Mo');
});

test('cutDeepValues: the field or record too deep is cut with its path, without recursion; shallow feeds untouched', () => {
  const deep = (n) => { let v = []; for (let i = 0; i < n; i++) v = [v]; return v; };
  assert.equal(m.nestsDeeper(deep(100_000), m.MAX_NESTING), true);
  assert.equal(m.nestsDeeper({ a: { b: [1, [2]] } }, m.MAX_NESTING), false);
  const doc = {
    format: 'sos-feed/1',
    publisher: { id: 'p', name: 'P', extra: deep(50) },
    generatedAt: 'x',
    structures: [
      { id: 'a', description: deep(10_000), offers: [{ id: 'o', schedule: 'ok' }, deep(40), { id: 'o3', serviceArea: { communes: ['33063'] }, x: { y: deep(40) } }] },
      deep(40),
      { id: 'c', offers: [], address: { city: 'Pau' } },
    ],
    root: deep(40),
  };
  const { cuts } = m.cutDeepValues(doc);
  assert.deepEqual(cuts.map((c) => [c.path.join('/'), c.level]), [
    ['publisher/extra', 'field'],
    ['structures/0/description', 'field'],
    ['structures/0/offers/1', 'offer'],
    ['structures/0/offers/2/x', 'field'],
    ['structures/1', 'structure'],
    ['root', 'field'],
  ]);
  assert.equal(doc.structures[0].description, undefined);
  assert.equal(doc.structures[0].offers[1], null);
  assert.equal(doc.structures[1], null);
  assert.deepEqual(doc.structures[0].offers[2], { id: 'o3', serviceArea: { communes: ['33063'] } });
  assert.deepEqual(doc.structures[2], { id: 'c', offers: [], address: { city: 'Pau' } });
  // Exactly at the limit is kept.
  const edge = { format: 'sos-feed/1', structures: [{ id: 'a', offers: [], f: deep(m.MAX_NESTING - 1) }] };
  assert.equal(m.cutDeepValues(edge).cuts.length, 0);
});

test('parseRecords: cells cut in slices, same records as RFC 4180 expects', () => {
  assert.deepEqual(m.parseRecords('a;b\n"c;d";"e ""f"""\r\n"g\nh";i\n', ';'), [['a', 'b'], ['c;d', 'e "f"'], ['g\nh', 'i']]);
  assert.deepEqual(m.parseRecords('a;\n\n"x"y"z";', ';'), [['a', ''], [''], ['xy"z"', '']]);
  assert.deepEqual(m.parseRecords('""', ';'), []);
  assert.throws(() => m.parseRecords('a\n"b;c', ';'), /guillemet ouvert ligne 2 et jamais fermé/);
  const big = 'x'.repeat(20_000_000);
  assert.equal(m.parseRecords(`"${big}"`, ';')[0][0].length, big.length);
  assert.equal(m.decodeWindows1252(new Uint8Array([0x80, 0x92, 0x9c, 0xe9, 0x41])), '€’œéA');
});
