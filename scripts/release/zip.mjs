// Zip archives for the release, written and read with fflate (pure JavaScript: no `zip` or
// `unzip` command needed on the machine that builds or tests a release).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync, zipSync } from 'fflate';

/**
 * The files under `dir`, sorted, as zip entry names under `prefix` (forward slashes).
 * @param {string} dir
 * @param {string} prefix folder name inside the zip, e.g. "sos-annuaire"
 * @returns {{ name: string, path: string }[]}
 */
export function listFiles(dir, prefix) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d).sort()) {
      const full = join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out.push({ name: `${prefix}/${relative(dir, full).split('\\').join('/')}`, path: full });
    }
  };
  walk(dir);
  return out;
}

/**
 * A deflated zip of the given entries, every entry dated `mtime` (the commit's date: the same
 * commit gives the same bytes).
 * @param {{ name: string, data: Uint8Array | string }[]} entries
 * @param {Date} mtime
 * @returns {Uint8Array}
 */
export function makeZip(entries, mtime) {
  /** @type {Record<string, [Uint8Array, { level: 9, mtime: Date }]>} */
  const files = {};
  for (const { name, data } of entries) {
    if (name in files) throw new Error(`duplicate zip entry ${name}`);
    files[name] = [typeof data === 'string' ? new TextEncoder().encode(data) : data, { level: 9, mtime }];
  }
  return zipSync(files);
}

/**
 * The entries of a zip file (name → bytes), directories left out.
 * @param {string} file
 * @returns {Record<string, Uint8Array>}
 */
export function readZip(file) {
  const entries = unzipSync(readFileSync(file));
  for (const name of Object.keys(entries)) if (name.endsWith('/')) delete entries[name];
  return entries;
}
