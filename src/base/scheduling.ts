/** Resolves after the browser has painted the current frame (a task after the next animation frame). */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
