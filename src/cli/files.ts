/**
 * Sizes and files for the CLI: the input size limit (`--max-size`), French reasons for system
 * errors, and writing the feed (`--out`) without ever leaving a half-written file where a good
 * one stood.
 */
import { constants } from 'node:fs';
import { access, open, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

const KIB = 1024;
const MIB = 1024 * KIB;
const GIB = 1024 * MIB;

/** Inputs and URL bodies larger than this are refused unread (`--max-size` changes it). */
export const DEFAULT_MAX_SIZE = 200 * MIB;
/**
 * The largest `--max-size`: a document is decoded into one string, and Node cannot hold a string
 * of more than 2^29 − 24 characters (about 512 Mo of text).
 */
export const MAX_MAX_SIZE = 500 * MIB;

const UNITS: Record<string, number> = {
  // A bare number is in Mo, like the widget's `max-size` attribute.
  '': MIB, o: 1, b: 1, octet: 1, octets: 1,
  k: KIB, ko: KIB, kb: KIB, kio: KIB, kib: KIB,
  m: MIB, mo: MIB, mb: MIB, mio: MIB, mib: MIB,
  g: GIB, go: GIB, gb: GIB, gio: GIB, gib: GIB,
};

/**
 * "50MB", "50 Mo", "50" (Mo), "1,5Go", "800k", "1048576o" → bytes (binary multiples, as file
 * explorers and the widget's `max-size` count: 1 Mo = 1 048 576 octets). Undefined when it is not a size.
 */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = UNITS[m[2]!.toLowerCase()];
  if (unit === undefined) return undefined;
  return Math.round(Number(m[1]!.replace(',', '.')) * unit);
}

const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** 629145600 → "600 Mo", 1536 → "1,5 ko", 12 → "12 octets". */
export function formatSize(bytes: number): string {
  if (bytes < KIB) return `${bytes} octet${bytes > 1 ? 's' : ''}`;
  if (bytes < MIB) return `${number.format(bytes / KIB)} ko`;
  if (bytes < GIB) return `${number.format(bytes / MIB)} Mo`;
  return `${number.format(bytes / GIB)} Go`;
}

/** A system error as a few French words ("disque plein", "permission refusée"), with its code. */
export function ioReason(e: unknown): string {
  const error = e as NodeJS.ErrnoException;
  const code = error?.code;
  const words: Record<string, string> = {
    ENOENT: 'fichier ou dossier introuvable',
    ENOTDIR: 'un élément du chemin n’est pas un dossier',
    EISDIR: 'c’est un dossier, pas un fichier',
    ENOSPC: 'disque plein',
    EDQUOT: 'quota disque dépassé',
    EFBIG: 'fichier trop grand pour ce disque',
    EACCES: 'permission refusée',
    EPERM: 'opération non permise',
    EROFS: 'disque en lecture seule',
    EIO: 'erreur d’entrée-sortie du disque',
    EMFILE: 'trop de fichiers ouverts',
    ENAMETOOLONG: 'nom de fichier trop long',
    EPIPE: 'sortie fermée avant la fin (tube interrompu)',
    EBUSY: 'fichier occupé par un autre programme',
  };
  if (code && words[code]) return `${words[code]} (${code})`;
  return code ? `erreur système ${code}` : String(error?.message ?? e);
}

const exists = async (path: string) => stat(path).then((s) => s, () => undefined);

/** The same file, through symbolic or hard links alike. */
async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([exists(a), exists(b)]);
  if (sa && sb && sa.dev === sb.dev && sa.ino === sb.ino) return true;
  const real = async (p: string) => realpath(p).catch(async () => join(await realpath(dirname(p)).catch(() => resolve(dirname(p))), basename(p)));
  return (await real(a)) === (await real(b));
}

/**
 * Why `--out` cannot be written, in French, before any work is done; undefined when it looks
 * writable. (The write itself can still fail: a full disk is only known by writing.)
 */
export interface OutputWords {
  /** The option named in messages. */
  option?: string;
  /** What would be written, and what is read: « le flux », « le tableur lu ». */
  what?: string;
  input?: string;
  /** A file name to suggest. */
  example?: string;
}

export async function outputProblem(out: string, inputs: string | readonly string[], words: OutputWords = {}): Promise<string | undefined> {
  const { option = '--out', what = 'le flux', input = 'le tableur lu', example = 'flux.json' } = words;
  for (const file of typeof inputs === 'string' ? [inputs] : inputs) {
    if (/^https?:\/\//i.test(file)) continue;
    if (await sameFile(out, file)) {
      return `${option} ${out} désigne ${input} lui-même : il serait écrasé par ${what}. Choisissez un autre fichier, par ex. ${option} ${example}`;
    }
  }
  const target = await exists(out);
  if (target?.isDirectory()) return `${option} ${out} est un dossier : indiquez le nom du fichier à écrire, par ex. ${option} ${join(out, example)}`;
  const folder = dirname(resolve(out));
  const parent = await exists(folder);
  if (!parent) return `${option} ${out} : le dossier ${folder} n’existe pas (créez-le, ou choisissez un autre dossier)`;
  if (!parent.isDirectory()) return `${option} ${out} : ${folder} n’est pas un dossier`;
  return undefined;
}

/**
 * Writes `text` (UTF-8) or bytes to `path`. A regular file (or a new one) is written beside it under a temporary
 * name, then renamed over it: a full disk or an interrupted run leaves the previous feed intact,
 * never a truncated one. Anything else (a device, a named pipe) is written directly.
 * Errors are the system's (see ioReason).
 */
export async function writeOutputFile(path: string, text: string | Uint8Array): Promise<void> {
  // Through a symbolic link, the file it points to is replaced, not the link.
  const real = await realpath(path).catch(() => path);
  const current = await exists(real);
  if (current && !current.isFile()) {
    await writeFile(real, text);
    return;
  }
  // A read-only feed stays protected: renaming over it would ignore its permissions.
  if (current) await access(real, constants.W_OK);
  const temp = join(dirname(real), `.${basename(real)}.${process.pid}.tmp`);
  try {
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, current ? current.mode & 0o777 : 0o666);
    try {
      if (current) await handle.chmod(current.mode & 0o777); // the creation mode went through the umask
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, real);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}
