/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions: "perigeux" is 1
 * from "perigueux", "sofrologie" 2 from "sophrologie"), bounded: above `max` the answer is
 * `max + 1`, found as soon as it is certain, so scanning thousands of names stays cheap.
 */
export function editDistance(a: string, b: string, max: number): number {
  return distances(a, b, max)[0];
}

let rows: Int32Array[] = [];

/**
 * [distance from `a` to `b`, distance from `a` to the closest beginning of `b`] (the second says
 * how close `a`, still being typed, is to becoming `b`), each bounded like editDistance.
 */
export function distances(a: string, b: string, max: number): [whole: number, prefix: number] {
  const m = a.length;
  const n = b.length;
  const out = max + 1;
  if (m - n > max) return [out, out];
  if (rows.length < 3 || rows[0]!.length < n + 1) rows = [0, 1, 2].map(() => new Int32Array(Math.max(n + 1, 64)));
  let [prev2, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  // Only cells within `max` of the diagonal can stay within `max` (Ukkonen's band).
  for (let j = 0; j <= n; j++) prev[j] = j <= max ? j : out;
  for (let i = 1; i <= m; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(n, i + max);
    cur[from - 1] = from === 1 ? i : out;
    if (to < n) cur[to + 1] = out;
    let rowMin = out;
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = Math.min(v, out);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return [out, out];
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  let prefix = out;
  for (let j = Math.max(0, m - max); j <= Math.min(n, m + max); j++) if (prev[j]! < prefix) prefix = prev[j]!;
  return [n - m > max ? out : Math.min(prev[n]!, out), prefix];
}

/** Typos allowed in a word of this length: none below 4 letters, 1 up to 7, 2 from 8. */
export function typosAllowed(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}
