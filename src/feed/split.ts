/**
 * Cuts a feed's `structures` list into one text per structure while the feed downloads, so each
 * can be parsed and validated as soon as its closing brace has arrived (stream.ts).
 *
 * A small scanner, not a JSON parser: it tracks strings, nesting and the root object's keys, and
 * gives up (`failed`) on anything it is not sure about: a second `structures` key, a missing or
 * extra comma in the list. Everything it lets through is checked by JSON.parse afterwards (each
 * structure's text, then the envelope's), so a document it accepts reads exactly as
 * JSON.parse(whole text) would; a document it refuses is read the ordinary way.
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

export class StructureSplitter {
  /** Whether the document could not be split; the caller then reads the whole text instead. */
  failed = false;
  /** Text not consumed yet (indices below are positions in it). */
  private text = '';
  private at = 0;
  private depth = 0;
  private inString = false;
  private stringStart = 0;
  /** The string being scanned is a key of the root object. */
  private stringIsKey = false;
  /** Char code of the root value's first character (0 until seen). */
  private root = 0;
  private expectKey = false;
  private key: string | undefined;
  /** The root key whose value comes next. */
  private pendingKey: string | undefined;
  private structuresKeys = 0;
  private mode: Mode = 'envelope';
  /** Envelope mode: where the envelope text not yet saved starts. */
  private segmentStart = 0;
  private elementStart = 0;
  /** In the list: what may come next. */
  private expect: 'first' | 'value' | 'separator' = 'first';
  private readonly envelope: string[] = [];
  private index = 0;

  /** `onElement(text, index)` receives each item of the root's `structures` list, in order. */
  constructor(private readonly onElement: (text: string, index: number) => void) {}

  push(chunk: string): void {
    if (this.failed) return;
    this.text += chunk;
    this.scan();
    this.compact();
  }

  /**
   * The document without its structures (`"structures": []`), once the whole text was pushed;
   * undefined when it could not be split.
   */
  end(): string | undefined {
    if (this.failed || this.inString || this.depth !== 0 || this.mode !== 'envelope') return undefined;
    this.envelope.push(this.text.slice(this.segmentStart));
    this.text = '';
    return this.envelope.join('');
  }

  fail(): void {
    this.failed = true;
    this.text = '';
  }

  private scan(): void {
    const t = this.text;
    const n = t.length;
    let i = this.at;
    while (i < n && !this.failed) {
      if (this.inString) {
        // Jump to the next quote; it ends the string unless an odd run of backslashes escapes it.
        const q = t.indexOf('"', i);
        if (q < 0) {
          i = n;
          break;
        }
        let b = q - 1;
        while (b > this.stringStart && t.charCodeAt(b) === BACKSLASH) b--;
        i = q + 1;
        if ((q - 1 - b) % 2 === 1) continue;
        this.inString = false;
        if (this.stringIsKey) {
          this.stringIsKey = false;
          this.key = keyOf(t.slice(this.stringStart, i));
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
          } else this.valueStarts(c, i);
          this.inString = true;
          this.stringStart = i;
          break;
        case OPEN_OBJECT:
        case OPEN_LIST:
          this.valueStarts(c, i);
          this.depth++;
          if (this.depth === 1 && c === OPEN_OBJECT) this.expectKey = true;
          break;
        case CLOSE_OBJECT:
        case CLOSE_LIST:
          this.depth--;
          if (this.depth < 0) return this.fail();
          if (this.mode === 'element' && this.depth === 2) {
            this.emit(t.slice(this.elementStart, i + 1));
            this.mode = 'list';
            this.expect = 'separator';
          } else if (this.depth === 1 && (this.mode === 'list' || this.mode === 'scalar')) {
            if (this.mode === 'scalar') this.emit(t.slice(this.elementStart, i));
            else if (this.expect === 'value') return this.fail(); // a trailing comma
            this.mode = 'envelope';
            this.segmentStart = i;
          }
          break;
        case COMMA:
          if (this.depth === 2 && this.mode === 'scalar') {
            this.emit(t.slice(this.elementStart, i));
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
          this.valueStarts(c, i);
      }
      i++;
    }
    this.at = i;
  }

  /** A value starts at `i`: a structure in the list, or the value of a root key. */
  private valueStarts(c: number, i: number): void {
    if (this.depth === 2 && this.mode === 'list') {
      if (this.expect === 'separator') return this.fail(); // a missing comma
      this.mode = c === OPEN_OBJECT || c === OPEN_LIST ? 'element' : 'scalar';
      this.elementStart = i;
      return;
    }
    if (this.depth !== 1 || this.pendingKey === undefined) return;
    const key = this.pendingKey;
    this.pendingKey = undefined;
    if (key !== 'structures') return;
    // JSON.parse keeps the last of two equal keys: not worth following, read the whole text.
    if (++this.structuresKeys > 1) return this.fail();
    if (c !== OPEN_LIST) return;
    this.envelope.push(this.text.slice(this.segmentStart, i + 1));
    this.mode = 'list';
    this.expect = 'first';
  }

  private emit(text: string): void {
    this.onElement(text, this.index++);
  }

  /** Drops the text already handed out or saved, so the buffer holds one structure at most. */
  private compact(): void {
    if (this.failed) return;
    let keep: number;
    if (this.mode === 'envelope') {
      if (!this.inString) {
        this.envelope.push(this.text.slice(this.segmentStart, this.at));
        this.segmentStart = this.at;
      }
      keep = this.segmentStart;
    } else keep = this.mode === 'list' ? this.at : this.elementStart;
    if (keep === 0) return;
    this.text = this.text.slice(keep);
    this.at -= keep;
    this.segmentStart -= keep;
    this.elementStart -= keep;
    this.stringStart -= keep;
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
