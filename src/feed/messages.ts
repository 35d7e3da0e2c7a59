/**
 * The parts of diagnostics every validation needs: JSON paths and quoted values. The French
 * sentences for zod's issues are in issue-messages.ts, loaded with the detailed validator only.
 */

export type PathSegment = string | number;

/** `structures[12].offers[0].care` */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}

/** A value from the feed, quoted and cut short for a message (rendered as text, never as HTML). */
export function quote(value: unknown): string {
  let s: string;
  if (typeof value === 'string') s = value;
  else if (value === undefined) return 'rien';
  else {
    try {
      s = JSON.stringify(value) ?? String(value);
    } catch {
      // A cycle, or a value nested too deep to write out (String() would recurse as deep).
      s = Array.isArray(value) ? '[…]' : '{…}';
    }
  }
  return `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`;
}
