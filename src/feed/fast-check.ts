/**
 * A yes/no validator compiled once from a zod schema: the same rules, without building issue
 * lists or output copies. The validator asks it first and calls zod only for records that fail,
 * to get zod's detailed issues (10,000 structures: most records are valid, and zod/mini has no
 * JIT because it must run under a strict CSP). The schema stays the one source of truth: this
 * reads its definition, and any construct it does not know is delegated to zod itself.
 */
import type { core } from 'zod/mini';

export type Check = (value: unknown) => boolean;

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
  innerType?: core.$ZodType;
  element?: core.$ZodType;
  shape?: Record<string, core.$ZodType>;
  entries?: Record<string, string>;
  values?: unknown[];
}

const byZod = (schema: core.$ZodType): Check => (v) => (schema as unknown as { safeParse(v: unknown): { success: boolean } }).safeParse(v).success;

/** Checks on lengths, bounds and patterns; undefined when one of them is unknown here. */
function compileChecks(defs: CheckDef[], measure: (v: never) => number): ((v: never) => boolean) | undefined {
  const tests: ((v: never) => boolean)[] = [];
  for (const c of defs) {
    if (c.check === 'min_length') tests.push((v) => measure(v) >= c.minimum!);
    else if (c.check === 'max_length') tests.push((v) => measure(v) <= c.maximum!);
    else if (c.check === 'greater_than') tests.push((v) => (c.inclusive ? v >= c.value! : v > c.value!));
    else if (c.check === 'less_than') tests.push((v) => (c.inclusive ? v <= c.value! : v < c.value!));
    else if (c.check === 'string_format' && c.pattern instanceof RegExp && !c.pattern.global && !c.pattern.sticky) {
      const re = c.pattern;
      tests.push((v) => re.test(v as string));
    } else return undefined;
  }
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0]!;
  return (v) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i]!(v)) return false;
    return true;
  };
}

export function compile(schema: core.$ZodType): Check {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  const checkDefs = (def.checks ?? []).map((c) => c._zod.def);
  switch (def.type) {
    case 'optional': {
      const inner = compile(def.innerType!);
      return (v) => v === undefined || inner(v);
    }
    case 'unknown':
      return () => true;
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'enum': {
      const values = new Set(Object.values(def.entries!));
      return (v) => values.has(v as string);
    }
    case 'literal': {
      const values = new Set(def.values);
      return (v) => values.has(v);
    }
    case 'number': {
      const checks = compileChecks(checkDefs, (v: number) => v);
      if (!checks) return byZod(schema);
      return (v) => typeof v === 'number' && Number.isFinite(v) && checks(v as never);
    }
    case 'string': {
      // Formats carry their own pattern (email, dates); `url` runs code in zod: delegate it.
      if (def.format && !(def.pattern instanceof RegExp)) return byZod(schema);
      const format = def.format ? def.pattern! : undefined;
      const checks = compileChecks(checkDefs, (v: string) => v.length);
      if (!checks) return byZod(schema);
      return (v) => typeof v === 'string' && (!format || format.test(v)) && checks(v as never);
    }
    case 'array': {
      const element = compile(def.element!);
      const checks = compileChecks(checkDefs, (v: unknown[]) => v.length);
      if (!checks) return byZod(schema);
      return (v) => {
        if (!Array.isArray(v) || !checks(v as never)) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      };
    }
    case 'object': {
      const keys = Object.keys(def.shape!);
      const checks = keys.map((k) => compile(def.shape![k]!));
      const known = new Set(keys);
      return (v) => {
        if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
        const o = v as Record<string, unknown>;
        for (let i = 0; i < keys.length; i++) if (!checks[i]!(o[keys[i]!])) return false;
        // Unknown keys: zod strips them, so let zod build the stripped copy.
        for (const k in o) if (!known.has(k)) return false;
        return true;
      };
    }
    default:
      return byZod(schema);
  }
}
