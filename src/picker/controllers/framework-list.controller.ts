import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type DocumentCriteria, prepareDocuments } from '../../model/document-filter.js';
import type { CaseDocument } from '../../model/framework.js';
import { afterNextPaint, whenIdle } from '../../perf/yield.js';

/** Frameworks rendered at first in a long list (2,000 across endpoints): the filter narrows them. */
const PAGE = 100;
/** Options that fill the list's first screen: a new list paints these before the rest of its page. */
const FIRST_SCREEN = 20;

/**
 * The framework list's filter, and how many of its matches are rendered: a page, five pages more
 * on each "show more", back to one page when the filter changes. A new long list renders its
 * first screen; right after that paints, its filter is prepared (sorted titles and filter texts,
 * about 10 ms for 2,000, ready for a first keystroke); the rest of its page renders when the page
 * is next idle: a hundred options cost a user who waits for the first one about 60 ms of rendering
 * here.
 */
export class FrameworkListController implements ReactiveController {
  criteria: DocumentCriteria = {};
  /** How many matching frameworks are shown. */
  limit = PAGE;
  /** The list whose whole page is rendered, and the one waiting for its first paint. */
  private painted?: readonly CaseDocument[];
  private waiting?: { list: readonly CaseDocument[]; cancel: () => void };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.waiting?.cancel();
    this.waiting = undefined;
  }

  /** How many of `list`'s `matches` matching frameworks to render in this update. */
  renderNow(list: readonly CaseDocument[], matches: number): number {
    if (list === this.painted || matches <= FIRST_SCREEN) return this.limit;
    if (this.waiting?.list !== list) {
      this.waiting?.cancel();
      const painting = new AbortController();
      let cancelIdle = () => {};
      afterNextPaint(100, painting.signal).then(
        () => {
          prepareDocuments(list);
          // When the page is idle: not in the way of typing.
          cancelIdle = whenIdle(() => {
            this.painted = list;
            this.waiting = undefined;
            this.host.requestUpdate();
          });
        },
        () => {}, // cancelled
      );
      const cancel = () => {
        painting.abort();
        cancelIdle();
      };
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
