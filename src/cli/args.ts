/** The command line of `sos-feed`: options, their French errors, dates and sizes given as options. */
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_SIZE, formatSize, MAX_MAX_SIZE, parseSize } from './files.js';

/** A command line that cannot be run: printed with a hint to `--help`, exit code 2. */
export class UsageError extends Error {}

export const OPTIONS = {
  json: { type: 'boolean' },
  now: { type: 'string' },
  today: { type: 'string' },
  max: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  out: { type: 'string', short: 'o' },
  zones: { type: 'string' },
  xlsx: { type: 'boolean' },
  force: { type: 'boolean' },
  keep: { type: 'string', multiple: true },
  departements: { type: 'string' },
  rayon: { type: 'string' },
  'publisher-id': { type: 'string' },
  'publisher-name': { type: 'string' },
  'publisher-url': { type: 'string' },
  region: { type: 'string' },
  license: { type: 'string' },
  'contact-email': { type: 'string' },
  'contact-url': { type: 'string' },
  'generated-at': { type: 'string' },
  'max-size': { type: 'string' },
  debug: { type: 'boolean' },
} as const;

export type Values = ReturnType<typeof parse>['values'];

const COMMON = ['help', 'version', 'max-size', 'debug', 'max'];
const PUBLISHER = ['publisher-id', 'publisher-name', 'publisher-url', 'region', 'license', 'contact-email', 'contact-url', 'generated-at'];

/** The options each command accepts (besides the common ones). */
export const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  validate: ['json', 'now'],
  'from-csv': ['out', 'now', 'force', 'keep', ...PUBLISHER],
  'to-csv': ['out', 'xlsx', 'now'],
  diff: ['now', 'json'],
  campaign: ['out', 'xlsx', 'today', 'now', 'publisher-name'],
  stats: ['out', 'zones', 'departements', 'rayon', 'now'],
};

export function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const name = /'([^']+)'/.exec((e as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`option inconnue ${name}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`valeur manquante ou invalide pour l'option ${name.split(' ')[0]}`);
    throw new UsageError((e as Error).message);
  }
}

/** Refuses an option the command does not use (`--xlsx` given to validate): it would be silently ignored. */
export function checkOptions(command: string, values: Values): void {
  const allowed = new Set([...COMMON, ...(COMMAND_OPTIONS[command] ?? [])]);
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && !allowed.has(key)) throw new UsageError(`l’option --${key} ne s’applique pas à la commande ${command}`);
  }
}

/** `AAAA-MM-JJ` → midday UTC that day (the Paris calendar day whatever the hour). */
export function parseDay(value: string | undefined, option: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(NaN);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw new UsageError(`${option} attend une date AAAA-MM-JJ, reçu « ${value} »`);
  return date;
}

export function parseMax(value: string | undefined): number {
  if (value === undefined) return 10;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max attend un nombre entier, reçu « ${value} »`);
  return n;
}

export function parseMaxSize(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_SIZE;
  const n = parseSize(value);
  if (n === undefined || n < 1) throw new UsageError(`--max-size attend une taille comme 300 (en Mo), 50Mo ou 300MB, reçu « ${value} »`);
  if (n > MAX_MAX_SIZE) throw new UsageError(`--max-size ${value} : au plus ${formatSize(MAX_MAX_SIZE)} (l’outil lit tout le document en mémoire)`);
  return n;
}

/** The positional arguments a command needs, or a usage error naming what is missing or extra. */
export function positionals(args: string[], names: string[], example: string): string[] {
  if (args.length < names.length) throw new UsageError(`indiquez ${names.slice(args.length).join(' et ')} : ${example}`);
  if (args.length > names.length) throw new UsageError(`argument en trop : ${args.slice(names.length).join(' ')}`);
  return args;
}

/** `--out -` (or no --out) means standard output. */
export const outPath = (value: string | undefined): string | undefined => (value === '-' ? undefined : value);

/** Seconds-precision RFC 3339, as people write it. */
export const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
