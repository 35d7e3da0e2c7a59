/**
 * A build-time compiler (not the property-testing library `fast-check`): turns the zod schema into
 * the source of plain yes/no validators, `src/feed/generated/checks.ts`, written by `npm run schema`
 * (scripts/gen-schema.mjs) and checked for staleness by the tests. Never part of the widget's bundle
 * nor of its published types (tsconfig.build.json leaves codegen/ out).
 *
 * Why: the widget validates every record of a feed on the main thread, and a valid feed, the
 * common case, then needs neither zod (≈9 kB gzip off the initial bundle) nor zod's issue lists
 * (a third of the load time at 10,000 structures). Records that fail these checks go to zod
 * (validate-detail.ts, loaded only then) for the French diagnostics. The schema stays the one
 * source of truth: this reads its definition, and fails loudly on any construct it does not know.
 */
import type { core } from 'zod/mini';
import { TEXT_CAPS } from '../sanitize.js';

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  format?: string;
  pattern?: RegExp;
  protocol?: RegExp;
  hostname?: RegExp;
  innerType?: core.$ZodType;
  element?: core.$ZodType;
  shape?: Record<string, core.$ZodType>;
  entries?: Record<string, string>;
  values?: unknown[];
}

/** zod's `z.regexes.domain` (the hostname rule of the schema's links). */
const DOMAIN_SOURCE = '^(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}$';
/** http(s)://domain.tld[/…|?…|#…] with a domain zod's rule accepts; no port, user info or spaces. */
const PLAIN_HTTP_URL = /^https?:\/\/(?=[a-zA-Z0-9.-]{1,253}(?:[/?#]|$))(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}(?:[/?#][^\s\\]*)?$/;

class Generator {
  private readonly consts: string[] = [];
  private readonly fns: string[] = [];
  private readonly memo = new Map<core.$ZodType, string>();
  private n = 0;

  private readonly constNames = new Map<string, string>();

  private constant(code: string): string {
    let name = this.constNames.get(code);
    if (!name) {
      name = `k${this.consts.length}`;
      this.constNames.set(code, name);
      this.consts.push(`const ${name} = ${code};`);
    }
    return name;
  }

  private regex(re: RegExp): string {
    if (re.global || re.sticky) throw new Error(`compile-checks: stateful regex ${re} not supported`);
    return this.constant(re.toString());
  }

  /** Conditions on `v` (already known to be a string, number or array) from zod checks. */
  private checks(defs: CheckDef[], measure: string): string[] {
    return defs.map((c) => {
      switch (c.check) {
        case 'min_length': return `${measure} >= ${c.minimum}`;
        case 'max_length': return `${measure} <= ${c.maximum}`;
        case 'greater_than': return `v ${c.inclusive ? '>=' : '>'} ${c.value}`;
        case 'less_than': return `v ${c.inclusive ? '<=' : '<'} ${c.value}`;
        case 'string_format':
          if (c.pattern instanceof RegExp) return `${this.regex(c.pattern)}.test(v)`;
          break;
      }
      throw new Error(`compile-checks: unsupported check ${JSON.stringify(c)}`);
    });
  }

  /** Name of a generated function `(v: unknown) => boolean` equivalent to `schema`. */
  fn(schema: core.$ZodType): string {
    const known = this.memo.get(schema);
    if (known) return known;
    const name = `c${this.n++}`;
    this.memo.set(schema, name);
    const def = defOf(schema);
    const checkDefs = (def.checks ?? []).map((c) => c._zod.def);
    let body: string;
    switch (def.type) {
      case 'optional':
        body = `return v === undefined || ${this.fn(def.innerType!)}(v);`;
        break;
      case 'unknown':
        body = 'return true;';
        break;
      case 'boolean':
        body = "return typeof v === 'boolean';";
        break;
      case 'enum':
      case 'literal': {
        body = `return ${this.codeSet(schema)}.has(v);`;
        break;
      }
      case 'number':
        body = `return typeof v === 'number' && Number.isFinite(v)${this.checks(checkDefs, 'v').map((c) => ` && ${c}`).join('')};`;
        break;
      case 'string': {
        const conds = ["typeof v === 'string'"];
        if (def.format === 'url') {
          // zod's URL check: parses, then tests the protocol (without ':') and the hostname.
          const full = `urlOk(v, ${def.protocol ? this.regex(def.protocol) : 'undefined'}, ${def.hostname ? this.regex(def.hostname) : 'undefined'})`;
          // Plain http(s) links to a domain name are accepted by a pattern first (parsing 10,000
          // URLs costs ≈ 25 ms at load); anything else (ports, user info, IDN…) is parsed as zod does.
          // Sound only for the http(s) + domain-name rules: checked here, property-tested against zod.
          const plainHttp = def.protocol?.source === '^https?$' && def.hostname?.source === DOMAIN_SOURCE;
          conds.push(plainHttp ? `(${this.regex(PLAIN_HTTP_URL)}.test(v) || ${full})` : full);
        } else if (def.format) {
          if (!(def.pattern instanceof RegExp)) throw new Error(`compile-checks: format ${def.format} has no pattern`);
          conds.push(`${this.regex(def.pattern)}.test(v)`);
        }
        conds.push(...this.checks(checkDefs, 'v.length'));
        body = `return ${conds.join(' && ')};`;
        break;
      }
      case 'array': {
        const element = this.fn(def.element!);
        const conds = this.checks(checkDefs, 'v.length');
        body = `if (!Array.isArray(v)${conds.map((c) => ` || !(${c})`).join('')}) return false;
  for (let i = 0; i < v.length; i++) if (!${element}(v[i])) return false;
  return true;`;
        break;
      }
      case 'object': {
        // One pass over the keys the object has, not one read per key the schema knows: feeds
        // leave optional fields out in any order, so parsed records come in hundreds of shapes and
        // a read of an absent property on such a megamorphic site costs ≈ 20× a for-in step
        // (at 38,000 offers: 105 ms against 18). Required keys are counted in a bit mask.
        const keys = Object.keys(def.shape!);
        let required = 0;
        const cases = keys.map((k, bit) => {
          const inner = def.shape![k]!;
          const isRequired = (inner as unknown as { _zod: { def: Def } })._zod.def.type !== 'optional';
          if (isRequired) {
            if (bit > 30) throw new Error('compile-checks: more than 31 keys in an object');
            required |= 1 << bit;
          }
          return `      case ${JSON.stringify(k)}: if (!${this.fn(inner)}(o[key])) return false;${isRequired ? ` seen |= ${1 << bit};` : ''} break;`;
        });
        body = `if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  let seen = 0;
  for (const key in o) {
    switch (key) {
${cases.join('\n')}
      // Unknown keys: zod strips them, so zod builds the stripped copy.
      default: return false;
    }
  }
  return seen === ${required};`;
        break;
      }
      default:
        throw new Error(`compile-checks: unsupported zod type "${def.type}"`);
    }
    this.fns.push(`function ${name}(v: unknown): boolean {\n  ${body}\n}`);
    return name;
  }

  private readonly walkers = new Map<core.$ZodType, string>();

  /**
   * Name of a generated walker `(v: unknown, ctx: WalkContext) => boolean` for an object schema:
   * one pass over the keys the object has that cleans its strings in place (sanitize.ts rules),
   * reports and removes unknown keys (zod strips them), and checks every value. True when zod
   * would accept the cleaned object unchanged. Arrays of objects (a structure's offers) are only
   * checked to be lists: the caller walks their items one by one.
   */
  walker(schema: core.$ZodType): string {
    const known = this.walkers.get(schema);
    if (known) return known;
    const def = defOf(schema);
    if (def.type !== 'object') throw new Error(`compile-checks: walker of a "${def.type}"`);
    const name = `w${this.n++}`;
    this.walkers.set(schema, name);
    let required = 0;
    const cases = Object.entries(def.shape!).map(([key, field], bit) => {
      const optional = defOf(field).type === 'optional';
      const inner = optional ? defOf(field).innerType! : field;
      const innerDef = defOf(inner);
      if (!optional) {
        if (bit > 30) throw new Error('compile-checks: more than 31 keys in an object');
        required |= 1 << bit;
      }
      const seen = optional ? '' : ` seen |= ${1 << bit};`;
      const skip = optional ? ' if (x === undefined) break;' : '';
      const label = JSON.stringify(key);
      // A value replaced by its cleaned form: `helper` returns it, or undefined when it fails.
      const replace = (helper: string) =>
        `      case ${label}: { const x = o[key];${skip} const y = ${helper}; if (y === undefined) return false; if (y !== x) o[key] = y;${seen} break; }`;
      if (STRING_TYPES.has(innerDef.type)) {
        if (innerDef.type !== 'string' && impliesClean(inner)) return replace(`code(x, ${this.codeSet(inner)})`);
        // Accepted as is means clean already: the common case costs one check, no cleaning.
        if (impliesClean(inner) && !(key in TEXT_CAPS)) return replace(`checked(x, ${this.fn(inner)}, ctx, key)`);
        return replace(`cleaned(x, ${this.fn(inner)}, ctx, key)`);
      }
      if (innerDef.type === 'array' && impliesClean(innerDef.element!)) {
        const lengths = (innerDef.checks ?? []).map((c) => c._zod.def);
        if (lengths.some((c) => c.check !== 'min_length')) throw new Error(`compile-checks: list check ${JSON.stringify(lengths)}`);
        const min = lengths[0]?.minimum ?? 0;
        // Codes of an enumeration, or strings of a pattern that only admits clean text (a service
        // area's département and commune codes): each element checked, cleaned when that saves it.
        const list = defOf(innerDef.element!).type === 'string'
          ? `checkedList(x, ${this.fn(innerDef.element!)}, ${min})`
          : `codeList(x, ${this.codeSet(innerDef.element!)}, ${min})`;
        return `      case ${label}: { const x = o[key];${skip} if (!${list}) return false;${seen} break; }`;
      }
      if (innerDef.type === 'object') {
        return `      case ${label}: { const x = o[key];${skip} ctx.path.push(key); const ok = ${this.walker(inner)}(x, ctx); ctx.path.pop(); if (!ok) return false;${seen} break; }`;
      }
      const element = innerDef.type === 'array' ? defOf(innerDef.element!).type : undefined;
      if (!['boolean', 'number', 'unknown'].includes(element ?? innerDef.type)) {
        throw new Error(`compile-checks: walker cannot clean a "${innerDef.type}" of "${element}"`);
      }
      return `      case ${label}: if (!${this.fn(field)}(o[key])) return false;${seen} break;`;
    });
    this.fns.push(`function ${name}(v: unknown, ctx: WalkContext): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  let seen = 0;
  for (const key in o) {
    switch (key) {
${cases.join('\n')}
      default: ctx.unknown(o, key);
    }
  }
  return seen === ${required};
}`);
    return name;
  }

  /** The constant Set of an enumeration's or a literal's values. */
  private codeSet(schema: core.$ZodType): string {
    const def = defOf(schema);
    return this.constant(`new Set<unknown>(${JSON.stringify(enumValues(def))})`);
  }

  module(checks: Record<string, core.$ZodType>, walkers: Record<string, core.$ZodType>, extra: string): string {
    const names = Object.entries(checks).map(([exported, schema]) => [exported, this.fn(schema)] as const);
    const walkerNames = Object.entries(walkers).map(([exported, schema]) => [exported, this.walker(schema)] as const);
    return `// Generated by scripts/gen-schema.mjs from src/feed/schema.ts (src/feed/codegen/compile-checks.ts): do not edit.
/* eslint-disable */
import { checked, checkedList, cleaned, code, codeList, urlOk, type WalkContext } from '../check-runtime.js';

export type { WalkContext };

${this.consts.join('\n')}

${this.fns.join('\n\n')}

${names.map(([exported, fn]) => `/** True when the value passes the schema's \`${exported.replace(/^check/, '')}\` rules unchanged. */\nexport const ${exported} = ${fn};`).join('\n')}
${walkerNames.map(([exported, fn]) => `/** Cleans and checks one \`${exported.replace(/^walk/, '')}\` in place: true when zod would accept it unchanged. */\nexport const ${exported} = ${fn};`).join('\n')}
${extra}`;
  }
}

/** The TypeScript source of the generated checks module. */
export function generateChecks(checks: Record<string, core.$ZodType>, walkers: Record<string, core.$ZodType>, extra = ''): string {
  return new Generator().module(checks, walkers, extra);
}

function defOf(schema: core.$ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The values an enumeration or a literal accepts. */
function enumValues(def: Def): unknown[] {
  return def.type === 'enum' ? Object.values(def.entries!) : def.values!;
}

const STRING_TYPES = new Set(['string', 'enum', 'literal']);

/**
 * True when every string the schema accepts is already clean (sanitize.ts would leave it as is):
 * enumerations of printable ASCII codes, and patterns built only from printable ASCII without
 * spaces (no `.`, `\\s`, negated class or escape that could let a space or control through).
 * A sufficient test, not a complete one: anything else is cleaned before it is checked.
 */
export function impliesClean(schema: core.$ZodType): boolean {
  const def = defOf(schema);
  if (def.type === 'enum' || def.type === 'literal') {
    return enumValues(def).every((v) => typeof v === 'string' && /^[\x21-\x7e]+$/.test(v));
  }
  if (def.type !== 'string' || def.format === 'url') return false;
  const patterns = [def.pattern, ...(def.checks ?? []).map((c) => c._zod.def.pattern)].filter((p): p is RegExp => p instanceof RegExp);
  return patterns.length > 0 && patterns.some((p) => patternImpliesClean(p.source));
}

function patternImpliesClean(source: string): boolean {
  if (!source.startsWith('^') || !source.endsWith('$')) return false;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[++i];
      // \d, \w and escaped punctuation only ever match printable ASCII without spaces.
      if (next === undefined || !/[dw.\-\/()[\]{}?*+^$|\\']/.test(next)) return false;
      continue;
    }
    if (c === '[') {
      if (source[i + 1] === '^') return false;
      inClass = true;
    } else if (c === ']') inClass = false;
    else if (c === '.' && !inClass) return false;
    else if (c < '!' || c > '~') return false;
  }
  return true;
}
