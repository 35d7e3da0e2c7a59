/**
 * What the generated validators (generated/checks.ts, written by codegen/compile-checks.ts) call at run time:
 * written once here, type-checked, rather than pasted into every generated file.
 */
import { cleanText } from './sanitize.js';

/** What a walker needs from its caller (validate.ts). */
export interface WalkContext {
  /** Keys from the record down to the object being walked (pushed and popped by the walkers). */
  readonly path: (string | number)[];
  /** The string cleaned by its key's rule (sanitize.ts `cleanField`); reports a cut. */
  clean(value: string, key: string): string;
  /** Reports an unknown field and removes it (zod strips unknown keys too). */
  unknown(object: Record<string, unknown>, key: string): void;
}

/** A known code as is, or cleaned (" patient " → "patient"); undefined when it is not one. */
export function code(x: unknown, codes: Set<unknown>): unknown {
  if (codes.has(x)) return x;
  if (typeof x !== 'string') return undefined;
  const s = cleanText(x);
  return s !== x && codes.has(s) ? s : undefined;
}

/** A list of known codes (at least `min`), cleaned in place. */
export function codeList(x: unknown, codes: Set<unknown>, min: number): boolean {
  if (!Array.isArray(x) || x.length < min) return false;
  for (let i = 0; i < x.length; i++) {
    const e = x[i];
    const c = code(e, codes);
    if (c === undefined) return false;
    if (c !== e) x[i] = c;
  }
  return true;
}

/**
 * A list of strings its element check accepts (at least `min`), each cleaned in place (as
 * sanitize.ts cleans list items) when that makes it pass. Only for checks that accept clean text
 * alone (codegen/compile-checks.ts `impliesClean`): an element accepted as is needs no cleaning.
 */
export function checkedList(x: unknown, check: (v: unknown) => boolean, min: number): boolean {
  if (!Array.isArray(x) || x.length < min) return false;
  for (let i = 0; i < x.length; i++) {
    const e: unknown = x[i];
    if (check(e)) continue;
    if (typeof e !== 'string') return false;
    const s = cleanText(e);
    if (s === e || !check(s)) return false;
    x[i] = s;
  }
  return true;
}

/** A value its check accepts as is (and that is clean by the check's own rule), else cleaned and checked again. */
export function checked(x: unknown, check: (v: unknown) => boolean, ctx: WalkContext, key: string): unknown {
  if (check(x)) return x;
  if (typeof x !== 'string') return undefined;
  const s = ctx.clean(x, key);
  return s !== x && check(s) ? s : undefined;
}

/** A string cleaned by its key's rule, then checked. */
export function cleaned(x: unknown, check: (v: unknown) => boolean, ctx: WalkContext, key: string): unknown {
  const s = typeof x === 'string' ? ctx.clean(x, key) : x;
  return check(s) ? s : undefined;
}

export function urlOk(v: string, protocol: RegExp | undefined, hostname: RegExp | undefined): boolean {
  let url: URL;
  try {
    url = new URL(v.trim());
  } catch {
    return false;
  }
  if (protocol && !protocol.test(url.protocol.endsWith(':') ? url.protocol.slice(0, -1) : url.protocol)) return false;
  return !hostname || hostname.test(url.hostname);
}
