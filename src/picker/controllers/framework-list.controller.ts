import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DocumentCriteria } from '../../model/document-filter.js';
import { whenIdle } from '../../perf/yield.js';

/** Frameworks rendered at first in a long list (2,000 across endpoints): the filter narrows them. */
const PAGE = 100;
/** Options that fill the list's first screen: a new list paints these before the rest of its page. */
const FIRST_SCREEN = 20;

/**
 * The framework list's filter, and how many of its matches are rendered: a page, five pages more
 * on each "show more", back to one page when the filter changes. A new long list renders its
 * first screen, and the rest of its page when the page is next idle: a hundred options cost a
 * user who waits for the first one about 60 ms of rendering here.
 */
export class FrameworkListController implements ReactiveController {
  criteria: DocumentCriteria = {};
  /** How many matching frameworks are shown. */
  limit = PAGE;
  /** The list whose whole page is rendered, and the one waiting for its first paint. */
  private painted?: readonly unknown[];
  private waiting?: { list: readonly unknown[]; cancel: () => void };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.waiting?.cancel();
    this.waiting = undefined;
  }

  /** How many of `list`'s `matches` matching frameworks to render in this update. */
  renderNow(list: readonly unknown[], matches: number): number {
    if (list === this.painted || matches <= FIRST_SCREEN) return this.limit;
    if (this.waiting?.list !== list) {
      this.waiting?.cancel();
      // When the page is idle: after the first screen has painted, and not in the way of typing.
      const cancel = whenIdle(() => {
        this.painted = list;
        this.waiting = undefined;
        this.host.requestUpdate();
      });
      this.waiting = { list, cancel };
    }
    return FIRST_SCREEN;
  }

  setCriteria(criteria: DocumentCriteria): void {
    this.criteria = criteria;
    this.limit = PAGE;
    this.host.requestUpdate();
  }

  showMore(): void {
    this.limit += PAGE * 5;
    this.host.requestUpdate();
  }
}
