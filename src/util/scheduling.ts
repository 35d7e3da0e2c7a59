/**
 * Timing helpers with no knowledge of the elements: usable from the feed, search and state layers
 * as well as from components.
 */

/** Resolves after the browser has painted the current frame (a task after the next animation frame). */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** After the current rendering work: requestIdleCallback where it exists (not in Safari), within a second. */
export function whenIdle(fn: () => void): void {
  if ('requestIdleCallback' in globalThis) requestIdleCallback(fn, { timeout: 1000 });
  else setTimeout(fn, 50);
}

/** A promise and the function that resolves it, for a result that another code path will deliver. */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  readonly resolve: (value: T) => void;
}

/** A new pending promise with its resolver: `const ready = deferred(); … ready.resolve(); await ready.promise`. */
export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
