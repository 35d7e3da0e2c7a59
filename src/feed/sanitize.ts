/**
 * Untrusted text from a feed: trimmed, control and bidi-override characters removed, free text
 * capped. Runs before validation so a stray tab or an over-long description never drops a record.
 * (Rendering is the other half of the rule: every string reaches the page as text, never as HTML.)
 */
import { MAX_LENGTH } from './constants.js';

// C0/C1 controls except \t \n \r, plus bidi overrides/isolates (used to spoof how text reads).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Free-text fields and their caps; every other string is only cleaned (codes, URLs and ids are never cut). */
export const TEXT_CAPS: Readonly<Record<string, number>> = {
  name: MAX_LENGTH.short, label: MAX_LENGTH.short, city: MAX_LENGTH.short, line: MAX_LENGTH.short,
  costNote: MAX_LENGTH.short, license: MAX_LENGTH.short, note: MAX_LENGTH.short,
  description: MAX_LENGTH.long, hours: MAX_LENGTH.long, schedule: MAX_LENGTH.long,
};
const MULTILINE = new Set(['description', 'hours', 'schedule']);

/** Strings that need no work: one test instead of several replacements (most feed strings are clean). */
const NEEDS_CLEANING = /[^\S ]|  |^ | $|[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/;
const MULTILINE_NEEDS_CLEANING = /[^\S \n]|  |^\s|\s$| \n|\n |\n\n\n|[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/;

export function cleanText(value: string, multiline = false): string {
  if (!(multiline ? MULTILINE_NEEDS_CLEANING : NEEDS_CLEANING).test(value)) return value;
  let s = value.replace(CONTROL, '');
  s = multiline
    ? s.replace(/\r\n?/g, '\n').replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n')
    : s.replace(/\s+/g, ' ');
  return s.trim();
}

/**
 * A string field cleaned by its key's rule: free texts keep their line breaks (`description`,
 * `hours`, `schedule`) and are capped (`onCut(max)` is called when one is shortened).
 */
export function cleanField(value: string, key: string, onCut?: (max: number) => void): string {
  let s = cleanText(value, MULTILINE.has(key));
  const max = TEXT_CAPS[key];
  if (max !== undefined && s.length > max) {
    s = `${s.slice(0, max - 1).trimEnd()}…`;
    onCut?.(max);
  }
  return s;
}

type Path = (string | number)[];
type OnCut = ((path: Path, max: number) => void) | undefined;

/**
 * A cleaned copy of a JSON value (or the value itself, cleaned in place, when `inPlace`: the
 * loader owns the documents it parses). `onCut(path, max)` is called for each free text that was
 * shortened, with its path below `value`.
 */
export function sanitize(value: unknown, onCut?: OnCut, inPlace = false): unknown {
  return clean(value, onCut, inPlace, []);
}

/**
 * Deeper than this, a value is replaced by null (and so refused as the field it stands for): a
 * record's real depth is 5 or so, and a value nested thousands deep would overflow the stack here
 * and in every message that quotes it.
 */
const MAX_DEPTH = 64;

// `path` is one stack shared by the whole walk (pushed and popped): copied only for a cut.
function clean(value: unknown, onCut: OnCut, inPlace: boolean, path: Path): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (value === null || typeof value !== 'object') return value;
  if (path.length >= MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    const out = inPlace ? value : new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'string') out[i] = cleanText(v);
      else if (v !== null && typeof v === 'object') {
        path.push(i);
        out[i] = clean(v, onCut, inPlace, path);
        path.pop();
      } else out[i] = v;
    }
    return out;
  }
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = inPlace ? src : {};
  // for-in, not Object.keys: V8 reads `src[key]` through the enumeration cache, which stays fast
  // on the hundreds of object shapes a feed's optional fields produce.
  for (const key in src) {
    if (!Object.prototype.hasOwnProperty.call(src, key)) continue;
    const v = src[key];
    if (typeof v === 'string') {
      const s = cleanField(v, key, onCut && ((max) => onCut([...path, key], max)));
      if (!inPlace || s !== v) out[key] = s;
    } else if (v !== null && typeof v === 'object') {
      path.push(key);
      out[key] = clean(v, onCut, inPlace, path);
      path.pop();
    } else {
      out[key] = v;
    }
  }
  return out;
}

/** Links a page may render: http(s) pages, tel: and mailto:. Anything else gives undefined. */
export function safeHref(url: string | undefined, kind: 'web' | 'tel' | 'mailto'): string | undefined {
  if (!url) return undefined;
  if (kind === 'tel') {
    const digits = url.replace(/[^+0-9]/g, '');
    return digits.length >= 4 ? `tel:${digits}` : undefined;
  }
  if (kind === 'mailto') return /^[^\s@:/?#]+@[^\s@:/?#]+$/.test(url) ? `mailto:${url}` : undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
