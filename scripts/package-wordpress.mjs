#!/usr/bin/env node
// After `npm run build`: copies the CDN build (dist/cdn) into the WordPress plugin's assets/
// folder and writes dist/wordpress/sos-annuaire.zip (the file webmasters upload under
// Extensions › Ajouter › Téléverser une extension): the plugin, its « Annuaire SOS » block
// (block/, no build step), the widget, and the publisher's workbench (dist/editeur copied into
// editeur/, linked from the plugin's settings page; without its widget/ copy: its preview uses the
// plugin's assets/, scripts/wordpress-editeur.mjs). Uses the `zip` command when present, else
// writes the archive itself (deflate, node:zlib).
// SOS_WP_EDITEUR=<dir>: take the workbench from another folder (tests).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { CHOICES_PATH, choicesText } from './gen-wordpress-choices.mjs';
import { copyEditeurForPlugin } from './wordpress-editeur.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cdn = join(root, 'dist/cdn');
const pluginParent = join(root, 'integrations/wordpress');
const plugin = join(pluginParent, 'sos-annuaire');
const assets = join(plugin, 'assets');
const editeurSrc = resolve(process.env.SOS_WP_EDITEUR ?? join(root, 'dist/editeur'));
const editeur = join(plugin, 'editeur');
// PHP's default upload_max_filesize (Debian's too): a bigger zip cannot be uploaded on such a host.
const UPLOAD_LIMIT = 2 * 1024 * 1024;
const outDir = join(root, 'dist/wordpress');
const zipPath = join(outDir, 'sos-annuaire.zip');

if (!existsSync(join(cdn, 'sos-annuaire.js'))) {
  console.error('dist/cdn/sos-annuaire.js is missing: run `npm run build` (or `npx vite build --mode cdn`) first.');
  process.exit(1);
}

// The settings page links the bundled workbench: a plugin without it would link nothing.
if (!existsSync(join(editeurSrc, 'index.html'))) {
  console.error(`${relative(root, join(editeurSrc, 'index.html'))} is missing: the plugin ships the publisher's workbench. Run \`npm run build\` (or \`npx vite build --mode editeur\`) first.`);
  process.exit(1);
}

// The block's preset choices are generated from the taxonomy: a stale copy would offer old codes.
if (!existsSync(CHOICES_PATH) || readFileSync(CHOICES_PATH, 'utf8') !== choicesText()) {
  console.error(`${relative(root, CHOICES_PATH)} is stale: run \`node scripts/gen-wordpress-choices.mjs\` and commit it.`);
  process.exit(1);
}

// 1. assets/ = dist/cdn, editeur/ = dist/editeur without widget/, its preview pointed at assets/
// (keep the versioned .htaccess and .gitignore, drop stale files).
for (const [from, to] of [[cdn, assets], [editeurSrc, editeur]]) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(to)) {
    if (entry !== '.htaccess' && entry !== '.gitignore') rmSync(join(to, entry), { recursive: true, force: true });
  }
  if (to === editeur) {
    try {
      copyEditeurForPlugin(from, to);
    } catch (e) {
      console.error(e.message);
      process.exit(1);
    }
  } else cpSync(from, to, { recursive: true });
}

// 2. The zip: one top-level folder sos-annuaire/ (what WordPress expects), without .gitignore.
const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) walk(full);
    else if (entry !== '.gitignore') files.push(relative(pluginParent, full).split('\\').join('/'));
  }
};
walk(plugin);
const required = ['sos-annuaire.php', 'uninstall.php', 'readme.txt', 'assets/sos-annuaire.js',
  'block/block.json', 'block/index.js', 'block/index.asset.php', 'block/register.php', 'block/choices.json', 'editeur/index.html'];
const absent = required.filter((f) => !files.includes(`sos-annuaire/${f}`));
if (absent.length) {
  console.error(`The plugin folder lacks ${absent.join(', ')}: not packaged.`);
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
rmSync(zipPath, { force: true });

// SOS_ZIP_NODE=1 forces the built-in writer (to test it on machines that have `zip`).
const hasZip = !process.env.SOS_ZIP_NODE && spawnSync('zip', ['-v'], { stdio: 'ignore' }).status === 0;
if (hasZip) {
  const r = spawnSync('zip', ['-q', '-X', '-9', zipPath, ...files], { cwd: pluginParent, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
} else {
  writeFileSync(zipPath, makeZip(files.map((name) => ({ name, data: readFileSync(join(pluginParent, name)) }))));
}
const size = statSync(zipPath).size;
console.log(`✓ ${relative(root, zipPath)} (${files.length} files, ${(size / 1024).toFixed(0)} kB${hasZip ? '' : ', written by node'})`);
if (size > UPLOAD_LIMIT) {
  console.warn(`warning: the zip is over 2 MB, PHP's default upload_max_filesize: WordPress sites on a default PHP configuration cannot upload it.`);
}

/** A minimal ZIP writer: deflated entries, no extra fields, fixed timestamp. */
function makeZip(entries) {
  const crcTable = new Uint32Array(256).map((_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const DOS_TIME = 0, DOS_DATE = (2020 - 1980) << 9 | 1 << 5 | 1; // 2020-01-01 00:00
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8); local.writeUInt16LE(DOS_TIME, 10); local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26); local.writeUInt16LE(0, 28);
    locals.push(local, nameBuf, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8); central.writeUInt16LE(8, 10); central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14); central.writeUInt32LE(crc, 16); central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24); central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + packed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
