/**
 * Performance marks of the loading phases (`sos:fetched`, `sos:parsed`, `sos:validated`,
 * `sos:indexed`, `sos:searched`), visible in the browser's performance panel and read by the
 * benchmark. A no-op where the User Timing API is missing (Node's CLI has it too).
 */
export function mark(name: string): void {
  globalThis.performance?.mark?.(name);
}
