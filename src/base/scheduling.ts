/** Resolves after the browser has painted the current frame (a task after the next animation frame). */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** After the current rendering work: requestIdleCallback where it exists (not in Safari), within a second. */
export function whenIdle(fn: () => void): void {
  if ('requestIdleCallback' in globalThis) requestIdleCallback(fn, { timeout: 1000 });
  else setTimeout(fn, 50);
}
