import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DocumentCriteria } from '../../model/document-filter.js';
import { afterNextPaint } from '../../perf/yield.js';

/** Frameworks rendered at first in a long list (2,000 across endpoints): the filter narrows them. */
const PAGE = 100;
/** Options that fill the list's first screen: a new list paints these before the rest of its page. */
const FIRST_SCREEN = 20;

/**
 * The framework list's filter, and how many of its matches are rendered: a page, five more on
 * each "show more", back to one page when the filter changes. A new long list renders its first
 * screen, and the rest of its page after that has painted: a hundred options cost a user who
 * waits for the first one about 60 ms of rendering here.
 */
export class FrameworkListController implements ReactiveController {
  criteria: DocumentCriteria = {};
  /** How many matching frameworks are shown. */
  limit = PAGE;
  /** The list whose whole page is rendered, and the one waiting for its first paint. */
  private painted?: readonly unknown[];
  private waiting?: { list: readonly unknown[]; abort: AbortController };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.waiting?.abort.abort();
    this.waiting = undefined;
  }

  /** How many of `list`'s `matches` matching frameworks to render in this update. */
  renderNow(list: readonly unknown[], matches: number): number {
    if (list === this.painted || matches <= FIRST_SCREEN) return this.limit;
    if (this.waiting?.list !== list) {
      this.waiting?.abort.abort();
      const abort = new AbortController();
      this.waiting = { list, abort };
      afterNextPaint(100, abort.signal).then(
        () => {
          this.painted = list;
          this.waiting = undefined;
          this.host.requestUpdate();
        },
        () => {}, // removed, or another list came first
      );
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
