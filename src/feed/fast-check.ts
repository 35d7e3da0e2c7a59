/**
 * Generates, from the zod schema, the source of plain yes/no validators (`src/feed/generated/checks.ts`,
 * written by `npm run schema`, checked for staleness by the tests).
 *
 * Why: the widget validates every record of a feed on the main thread, and a valid feed, the
 * common case, then needs neither zod (≈9 kB gzip off the initial bundle) nor zod's issue lists
 * (a third of the load time at 10,000 structures). Records that fail these checks go to zod
 * (validate-detail.ts, loaded only then) for the French diagnostics. The schema stays the one
 * source of truth: this reads its definition, and fails loudly on any construct it does not know.
 */
import type { core } from 'zod/mini';

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
    if (re.global || re.sticky) throw new Error(`fast-check: stateful regex ${re} not supported`);
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
      throw new Error(`fast-check: unsupported check ${JSON.stringify(c)}`);
    });
  }

  /** Name of a generated function `(v: unknown) => boolean` equivalent to `schema`. */
  fn(schema: core.$ZodType): string {
    const known = this.memo.get(schema);
    if (known) return known;
    const name = `c${this.n++}`;
    this.memo.set(schema, name);
    const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
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
        const values = def.type === 'enum' ? Object.values(def.entries!) : def.values!;
        body = `return ${this.constant(`new Set<unknown>(${JSON.stringify(values)})`)}.has(v);`;
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
          if (!(def.pattern instanceof RegExp)) throw new Error(`fast-check: format ${def.format} has no pattern`);
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
            if (bit > 30) throw new Error('fast-check: more than 31 keys in an object');
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
        throw new Error(`fast-check: unsupported zod type "${def.type}"`);
    }
    this.fns.push(`function ${name}(v: unknown): boolean {\n  ${body}\n}`);
    return name;
  }

  module(exports: Record<string, core.$ZodType>, extra: string): string {
    const names = Object.entries(exports).map(([exported, schema]) => [exported, this.fn(schema)] as const);
    return `// Generated by scripts/gen-schema.mjs from src/feed/schema.ts (src/feed/fast-check.ts): do not edit.
/* eslint-disable */

function urlOk(v: string, protocol: RegExp | undefined, hostname: RegExp | undefined): boolean {
  let url: URL;
  try {
    url = new URL(v.trim());
  } catch {
    return false;
  }
  if (protocol && !protocol.test(url.protocol.endsWith(':') ? url.protocol.slice(0, -1) : url.protocol)) return false;
  return !hostname || hostname.test(url.hostname);
}

${this.consts.join('\n')}

${this.fns.join('\n\n')}

${names.map(([exported, fn]) => `/** True when the value passes the schema's \`${exported.replace(/^check/, '')}\` rules unchanged. */\nexport const ${exported} = ${fn};`).join('\n')}
${extra}`;
  }
}

/** The TypeScript source of the generated checks module. */
export function generateChecks(schemas: Record<string, core.$ZodType>, extra = ''): string {
  return new Generator().module(schemas, extra);
}
