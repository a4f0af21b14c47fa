import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * An `AbortSignal` for the time the host is on the page: aborted when the host is removed, a
 * fresh one when it is put back. Controllers hand `signal` to the work they start (requests,
 * IndexedDB writes, timers), so removing the element stops that work.
 */
export class HostLifetime implements ReactiveController {
  private controller = new AbortController();

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  hostConnected(): void {
    if (this.controller.signal.aborted) this.controller = new AbortController();
  }

  hostDisconnected(): void {
    this.controller.abort();
  }
}
