/** Where the strings starting with `prefix` are in a sorted array: [from, to), by binary search. */
export function prefixRange(sorted: readonly string[], prefix: string): [from: number, to: number] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < sorted.length && sorted[to]!.startsWith(prefix)) to++;
  return [lo, to];
}
