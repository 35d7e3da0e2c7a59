/**
 * Whether an element is narrower than a threshold, on its own width (not the viewport's: a widget
 * sits in a sidebar as often as in a full page). Measured once before the first render, so a layout
 * decided by it never shifts the page, then followed with a ResizeObserver.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class WidthController implements ReactiveController {
  /** True while the host is narrower than the threshold (false until it has a width). */
  narrow = false;
  private observer?: ResizeObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly thresholdPx: number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.set(this.host.getBoundingClientRect().width);
    this.observer = new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? 0;
      // Next frame: changing the layout inside the observer's callback would loop (and report an error).
      requestAnimationFrame(() => this.set(width));
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  private set(width: number): void {
    if (width <= 0) return; // not displayed: keep the last decision
    const narrow = width < this.thresholdPx;
    if (narrow === this.narrow) return;
    this.narrow = narrow;
    this.host.requestUpdate();
  }
}
