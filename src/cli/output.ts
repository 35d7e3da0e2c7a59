/**
 * The CLI's output boundary: everything `sos-feed` prints goes through here. Feeds, spreadsheets,
 * file names, URLs and server headers are untrusted, and a terminal obeys what it is sent: an
 * ESC sequence in a structure id could retitle the window, clear the screen or rewrite earlier
 * lines, a bidi override could make a path read backwards. So every control character (C0, DEL,
 * C1), every bidi control and the Unicode line separators are shown as escapes (`\u001b`) instead.
 * The only raw line breaks are the ones the CLI puts between its own lines.
 */

// C0 (tab, line feed and carriage return included), DEL, C1; bidi marks, embeddings, overrides and
// isolates (ALM, LRM, RLM, LRE…RLO, LRI…PDI); line and paragraph separators; the BOM / ZWNBSP.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
const UNSAFE_EXCEPT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
// For CSV text: its tabs and line breaks (CRLF) are its own; the BOM is added after.
const UNSAFE_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
const SHORT: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escape = (ch: string): string => SHORT[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `text` with its control, escape and bidi characters shown as escapes (`\u001b`, `\n`). With
 * `keepNewlines`, line feeds stay: for JSON text, whose strings never hold a raw line feed, and
 * where `\u001b` inside a string is the same JSON value.
 */
export function neutralise(text: string, keepNewlines = false): string {
  return text.replace(keepNewlines ? UNSAFE_EXCEPT_LF : UNSAFE, escape);
}

/** Writing to standard output or error failed (disk full behind a redirection, pipe closed…). */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  constructor(readonly stream: 'stdout' | 'stderr', readonly error: NodeJS.ErrnoException) {
    super(error.message);
  }
}

const listening = new WeakSet<NodeJS.WriteStream>();

function write(stream: NodeJS.WriteStream, which: 'stdout' | 'stderr', text: string): Promise<void> {
  // A failed write is reported to its callback, then again as an 'error' event, which would crash
  // the process with a stack trace if nobody listened: the callback is where it is handled.
  if (!listening.has(stream)) {
    stream.on('error', () => undefined);
    listening.add(stream);
  }
  return new Promise((resolve, reject) => {
    try {
      stream.write(text, (e) => (e ? reject(new OutputError(which, e)) : resolve()));
    } catch (e) {
      reject(new OutputError(which, e as NodeJS.ErrnoException));
    }
  });
}

/** Longest line printed: a 300 MB header cell or file name echoed whole would help no one. */
export const MAX_LINE = 1000;

/** `line` neutralised whole (a line break inside a value shows as `\n`), cut past MAX_LINE characters. */
export function safeLine(line: string): string {
  const cut = line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}… [ligne coupée : ${line.length - MAX_LINE} caractères de plus]` : line;
  return neutralise(cut);
}

/** Lines of text, each one passed through safeLine. */
export function printLines(which: 'stdout' | 'stderr', lines: readonly string[]): Promise<void> {
  const stream = which === 'stdout' ? process.stdout : process.stderr;
  return write(stream, which, `${lines.map(safeLine).join('\n')}\n`);
}

/** Text written as is (a CSV): tabs and line breaks kept, every other control character escaped; a leading BOM kept. */
export function printText(which: 'stdout' | 'stderr', text: string): Promise<void> {
  const stream = which === 'stdout' ? process.stdout : process.stderr;
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  return write(stream, which, bom + text.slice(bom.length).replace(UNSAFE_EXCEPT_LINES, escape));
}

/** JSON text (a report, a feed): its own line breaks kept, any other control character escaped (still the same JSON). */
export function printJson(which: 'stdout' | 'stderr', json: string): Promise<void> {
  const stream = which === 'stdout' ? process.stdout : process.stderr;
  return write(stream, which, `${neutralise(json, true)}\n`);
}

let debugging = false;

/** `--debug`: technical traces are printed (on standard error) besides the French messages. */
export function setDebug(on: boolean): void {
  debugging = on;
}

/** The stack trace of `e` (and of its cause), as lines to print, when --debug is on; else none. */
export function debugTrace(e: unknown): string[] {
  if (!debugging) return [];
  const lines: string[] = [];
  for (let error = e, n = 0; error !== undefined && n < 5; error = (error as { cause?: unknown }).cause, n++) {
    const text = error instanceof Error ? error.stack ?? `${error.name}: ${error.message}` : String(error);
    lines.push(n ? '[debug] cause :' : '[debug] trace technique :', ...text.split('\n'));
  }
  return lines;
}
