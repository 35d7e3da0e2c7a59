/**
 * Cuts a feed's `structures` list into one text per structure while the feed downloads, so each
 * can be parsed and validated as soon as its closing brace has arrived (stream.ts).
 *
 * A small scanner, not a JSON parser: it tracks strings, nesting and the root object's keys, and
 * gives up (`failed`) on anything it is not sure about: a second `structures` key, a missing or
 * extra comma in the list. Everything it lets through is checked by JSON.parse afterwards (each
 * structure's text, then the envelope's), so a document it accepts reads exactly as
 * JSON.parse(whole text) would; a document it refuses is read the ordinary way.
 *
 * Linear in the size of the feed, however it is cut: each chunk is scanned once, where it
 * arrived, and the text kept (the structure being read, the envelope) is kept as pieces, joined
 * once. A structure longer than `maxRecord` characters (one value of 100 MB) is not kept at all:
 * it is scanned through and reported (`onOversize`), the feed goes on. An envelope (everything but
 * the structures) longer than `maxEnvelope` stops the split (`envelopeTooLarge`).
 */

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_LIST = 91;
const CLOSE_LIST = 93;
const COMMA = 44;
const COLON = 58;

type Mode = 'envelope' | 'list' | 'element' | 'scalar';

export interface SplitLimits {
  /** Characters of one structure's text (default 2,000,000). */
  maxRecord?: number;
  /** Characters of the envelope (default 1,000,000). */
  maxEnvelope?: number;
}

export class StructureSplitter {
  /** Whether the document could not be split; the caller then reads the whole text instead. */
  failed = false;
  /** The envelope alone is larger than its limit: the feed is refused (not read the ordinary way). */
  envelopeTooLarge = false;
  private depth = 0;
  private inString = false;
  /** Backslashes ending the string text scanned so far (an odd run escapes the next quote). */
  private backslashes = 0;
  /** The string being scanned is a key of the root object (its text is collected in keyPieces). */
  private stringIsKey = false;
  private keyPieces: string[] = [];
  /** Char code of the root value's first character (0 until seen). */
  private root = 0;
  private expectKey = false;
  private key: string | undefined;
  /** The root key whose value comes next. */
  private pendingKey: string | undefined;
  private structuresKeys = 0;
  private mode: Mode = 'envelope';
  /** In the list: what may come next. */
  private expect: 'first' | 'value' | 'separator' = 'first';
  private readonly envelope: string[] = [];
  private envelopeSize = 0;
  private element: string[] = [];
  private elementSize = 0;
  /** The structure being read is over `maxRecord`: scanned through, not kept. */
  private skipping = false;
  private index = 0;
  private readonly maxRecord: number;
  private readonly maxEnvelope: number;

  /**
   * `onElement(text, index)` receives each item of the root's `structures` list, in order;
   * `onOversize(index, size)` each item too long to keep.
   */
  constructor(
    private readonly onElement: (text: string, index: number) => void,
    private readonly onOversize: (index: number, size: number) => void = () => undefined,
    limits: SplitLimits = {},
  ) {
    this.maxRecord = limits.maxRecord ?? 2_000_000;
    this.maxEnvelope = limits.maxEnvelope ?? 1_000_000;
  }

  push(chunk: string): void {
    if (this.failed) return;
    // Where the text to keep from this chunk starts (for the envelope or the current structure).
    let keepFrom = 0;
    const t = chunk;
    const n = t.length;
    let i = 0;
    while (i < n && !this.failed) {
      if (this.inString) {
        const q = t.indexOf('"', i);
        if (q < 0) {
          this.countBackslashes(t, i, n);
          if (this.stringIsKey) this.keyPieces.push(t.slice(i));
          i = n;
          break;
        }
        this.countBackslashes(t, i, q);
        if (this.stringIsKey) this.keyPieces.push(t.slice(i, q + 1));
        const escaped = this.backslashes % 2 === 1;
        this.backslashes = 0;
        i = q + 1;
        if (escaped) continue;
        this.inString = false;
        if (this.stringIsKey) {
          this.stringIsKey = false;
          this.key = keyOf(this.keyPieces.join(''));
          this.keyPieces = [];
          if (this.key === undefined) this.fail();
        }
        continue;
      }
      const c = t.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        i++;
        continue;
      }
      if (this.depth === 0 && this.root !== 0) return this.fail(); // a second root value
      if (this.depth === 0) this.root = c;
      switch (c) {
        case QUOTE:
          if (this.depth === 1 && this.root === OPEN_OBJECT && this.expectKey) {
            this.expectKey = false;
            this.stringIsKey = true;
            this.keyPieces = ['"'];
          } else keepFrom = this.valueStarts(c, t, i, keepFrom);
          this.inString = true;
          this.backslashes = 0;
          break;
        case OPEN_OBJECT:
        case OPEN_LIST:
          keepFrom = this.valueStarts(c, t, i, keepFrom);
          this.depth++;
          if (this.depth === 1 && c === OPEN_OBJECT) this.expectKey = true;
          break;
        case CLOSE_OBJECT:
        case CLOSE_LIST:
          this.depth--;
          if (this.depth < 0) return this.fail();
          if (this.mode === 'element' && this.depth === 2) {
            this.endElement(t.slice(keepFrom, i + 1));
            keepFrom = i + 1;
            this.mode = 'list';
            this.expect = 'separator';
          } else if (this.depth === 1 && (this.mode === 'list' || this.mode === 'scalar')) {
            if (this.mode === 'scalar') this.endElement(t.slice(keepFrom, i));
            else if (this.expect === 'value') return this.fail(); // a trailing comma
            this.mode = 'envelope';
            keepFrom = i;
          }
          break;
        case COMMA:
          if (this.depth === 2 && this.mode === 'scalar') {
            this.endElement(t.slice(keepFrom, i));
            keepFrom = i + 1;
            this.mode = 'list';
            this.expect = 'value';
          } else if (this.depth === 2 && this.mode === 'list') {
            if (this.expect !== 'separator') return this.fail();
            this.expect = 'value';
          } else if (this.depth === 1 && this.root === OPEN_OBJECT) this.expectKey = true;
          break;
        case COLON:
          if (this.depth === 1 && this.root === OPEN_OBJECT) {
            this.pendingKey = this.key;
            this.key = undefined;
          }
          break;
        default:
          keepFrom = this.valueStarts(c, t, i, keepFrom);
      }
      i++;
    }
    if (this.failed) return;
    // The rest of the chunk belongs to the envelope or to the structure being read.
    if (this.mode === 'envelope') this.keepEnvelope(t.slice(keepFrom));
    else if (this.mode !== 'list') this.keepElement(t.slice(keepFrom));
  }

  /**
   * The document without its structures (`"structures": []`), once the whole text was pushed;
   * undefined when it could not be split.
   */
  end(): string | undefined {
    if (this.failed || this.inString || this.depth !== 0 || this.mode !== 'envelope') return undefined;
    return this.envelope.join('');
  }

  fail(): void {
    this.failed = true;
    this.envelope.length = 0;
    this.element = [];
  }

  /** Adds the backslashes ending t[from, to) to the run carried over (an unbroken run continues it). */
  private countBackslashes(t: string, from: number, to: number): void {
    let b = to - 1;
    while (b >= from && t.charCodeAt(b) === BACKSLASH) b--;
    const run = to - 1 - b;
    this.backslashes = b < from ? this.backslashes + run : run;
  }

  /** A value starts at `i`: a structure in the list, or the value of a root key. Returns where to keep from. */
  private valueStarts(c: number, t: string, i: number, keepFrom: number): number {
    if (this.depth === 2 && this.mode === 'list') {
      if (this.expect === 'separator') {
        this.fail(); // a missing comma
        return keepFrom;
      }
      this.mode = c === OPEN_OBJECT || c === OPEN_LIST ? 'element' : 'scalar';
      this.element = [];
      this.elementSize = 0;
      this.skipping = false;
      return i;
    }
    if (this.depth !== 1 || this.pendingKey === undefined) return keepFrom;
    const key = this.pendingKey;
    this.pendingKey = undefined;
    if (key !== 'structures') return keepFrom;
    // JSON.parse keeps the last of two equal keys: not worth following, read the whole text.
    if (++this.structuresKeys > 1) {
      this.fail();
      return keepFrom;
    }
    if (c !== OPEN_LIST) return keepFrom;
    this.keepEnvelope(t.slice(keepFrom, i + 1));
    this.mode = 'list';
    this.expect = 'first';
    return i + 1;
  }

  private keepEnvelope(text: string): void {
    if (!text) return;
    this.envelopeSize += text.length;
    if (this.envelopeSize > this.maxEnvelope) {
      this.envelopeTooLarge = true;
      this.fail();
      return;
    }
    this.envelope.push(text);
  }

  private keepElement(text: string): void {
    if (!text) return;
    this.elementSize += text.length;
    if (this.skipping) return;
    if (this.elementSize > this.maxRecord) {
      this.skipping = true;
      this.element = [];
      return;
    }
    this.element.push(text);
  }

  private endElement(last: string): void {
    this.keepElement(last);
    const index = this.index++;
    if (this.skipping) this.onOversize(index, this.elementSize);
    else this.onElement(this.element.length === 1 ? this.element[0]! : this.element.join(''), index);
    this.element = [];
    this.elementSize = 0;
    this.skipping = false;
  }
}

/** A key token's value (`"struct\u0075res"` is `structures`), or undefined when it is not valid JSON. */
function keyOf(token: string): string | undefined {
  if (!token.includes('\\')) return token.slice(1, -1);
  try {
    return JSON.parse(token) as string;
  } catch {
    return undefined;
  }
}
