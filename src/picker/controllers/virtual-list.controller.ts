import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createRef } from 'lit/directives/ref.js';
import { renderWindow } from './render-window.js';

/** Rows rendered beyond the visible ones, above and below, so short scrolls show no gap. */
const BUFFER_ROWS = 5;

/**
 * One virtualised list (the tree or the search results): its scroll position, its viewport's
 * height and the window of rows to render. The viewport element is given through `viewport`
 * (a `ref`); its size is followed with a ResizeObserver and its scroll position once per frame.
 * Observers and frames stop when the host leaves the page.
 */
export class VirtualListController implements ReactiveController {
  readonly viewport = createRef<HTMLElement>();
  scrollTop = 0;
  viewportHeight = 416;
  /** The viewport's width, once measured (0 before). */
  viewportWidth = 0;
  /** Rows rendered beyond the visible ones: none right after new content (see `paintVisibleFirst`). */
  private buffer = BUFFER_ROWS;
  private observer?: ResizeObserver;
  private observed?: HTMLElement;
  private scrollFrame = 0;
  private bufferFrame = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly rowHeight: () => number,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const element = this.viewport.value;
    if (element === this.observed) return;
    this.observer?.disconnect();
    this.observed = element;
    if (!element) return;
    this.observer ??= new ResizeObserver(entries => {
      // A hidden list reports 0: keep the last real size.
      const { height, width } = entries[entries.length - 1].contentRect;
      if ((height && Math.abs(height - this.viewportHeight) > 1) || (width && Math.abs(width - this.viewportWidth) > 1)) {
        this.viewportHeight = height || this.viewportHeight;
        this.viewportWidth = width || this.viewportWidth;
        this.host.requestUpdate();
      }
    });
    this.observer.observe(element);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = undefined;
    cancelAnimationFrame(this.scrollFrame);
    cancelAnimationFrame(this.bufferFrame);
    this.scrollFrame = this.bufferFrame = 0;
    this.buffer = BUFFER_ROWS;
  }

  /** The `scroll` listener of the viewport: reads the position once per frame. */
  readonly handleScroll = (): void => {
    if (this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      const top = this.viewport.value?.scrollTop ?? 0;
      if (top !== this.scrollTop) {
        this.scrollTop = top;
        this.host.requestUpdate();
      }
    });
  };

  /** Indexes of the rows to render for `count` rows, always including row `keep` (the active one). */
  window(count: number, keep: number): number[] {
    return renderWindow({
      count,
      keep,
      scrollTop: this.scrollTop,
      viewportHeight: this.viewportHeight,
      rowHeight: this.rowHeight(),
      buffer: this.buffer,
    });
  }

  /**
   * New content (a keystroke's results): render only the visible rows in this update, and the
   * buffer rows in the next frame, so what the user sees paints first.
   */
  paintVisibleFirst(): void {
    this.buffer = 0;
    cancelAnimationFrame(this.bufferFrame);
    this.bufferFrame = requestAnimationFrame(() => {
      this.bufferFrame = 0;
      this.buffer = BUFFER_ROWS;
      this.host.requestUpdate();
    });
  }

  /** Back to the first row. Only touches the element when needed: setting scrollTop forces a layout. */
  scrollToTop(): void {
    if (this.scrollTop !== 0 && this.viewport.value) this.viewport.value.scrollTop = 0;
    this.scrollTop = 0;
  }

  /** Scrolls the least needed to show row `index` whole. */
  scrollIntoView(index: number): void {
    const viewport = this.viewport.value;
    if (!viewport) return;
    const h = this.rowHeight();
    const top = index * h;
    const height = viewport.clientHeight || this.viewportHeight;
    if (top < viewport.scrollTop) viewport.scrollTop = top;
    else if (top + h > viewport.scrollTop + height) viewport.scrollTop = top + h - height;
    this.scrollTop = viewport.scrollTop;
    this.host.requestUpdate();
  }
}
