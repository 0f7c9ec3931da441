// SPDX-License-Identifier: MIT
/**
 * Whether an element is narrower than a width in rem, kept up to date by a ResizeObserver.
 * CSS container queries restyle a grid, but they cannot reorder its cells: the week grid
 * drawn by day on a phone needs another DOM, so the element has to know.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class NarrowController implements ReactiveController {
  /** Narrower than `belowRem` when last measured. */
  narrow = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #belowRem: number;
  readonly #onChange: () => void;
  #frame = 0;
  readonly #observer = new ResizeObserver(([entry]) => {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const narrow = !!entry && entry.contentRect.width < this.#belowRem * rem;
    cancelAnimationFrame(this.#frame);
    if (narrow === this.narrow) return;
    // On the next frame: a render now would resize the host again while the observer is
    // still delivering ("ResizeObserver loop completed with undelivered notifications").
    this.#frame = requestAnimationFrame(() => {
      this.narrow = narrow;
      this.#host.requestUpdate();
      this.#onChange();
    });
  });

  /** `onChange` runs when the answer changes, before the host renders again. */
  constructor(host: ReactiveControllerHost & HTMLElement, belowRem: number, onChange: () => void) {
    this.#host = host;
    this.#belowRem = belowRem;
    this.#onChange = onChange;
    host.addController(this);
  }

  hostConnected() {
    this.#observer.observe(this.#host);
  }

  hostDisconnected() {
    this.#observer.disconnect();
    cancelAnimationFrame(this.#frame);
  }
}
