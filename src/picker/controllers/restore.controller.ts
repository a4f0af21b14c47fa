import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { UserStateStore, ViewRecord } from '../../cache/user-state.js';
import type { LoadedFramework } from '../../loader/framework-loader.js';
import { identifierKey } from '../../model/normalize.js';
import type { TreeController } from './tree.controller.js';
import type { VirtualListController } from './virtual-list.controller.js';
import { HostLifetime } from './host-lifetime.js';

export interface RestoreOptions {
  /** `restore` is set and there is a store (not `no-cache`). */
  store: () => UserStateStore | undefined;
  endpoints: () => readonly string[];
  /** The host's `framework`. */
  framework: () => string;
  /** Opens a framework (sets the host's `framework`). */
  open: (identifier: string) => void;
  tree: TreeController;
  list: VirtualListController;
  onStorageError: (error: unknown) => void;
}

/** Where the user is, saved once it has been still for this long. */
const SAVE_AFTER_MS = 500;

/**
 * `restore`: with `framework` empty, reopens the framework last opened here for these endpoints,
 * with its expansion and scroll position; while a framework is open, remembers where the user is
 * (after a pause). Its timer and reads stop when the host leaves the page; nothing is written
 * after that.
 */
export class RestoreController implements ReactiveController {
  /** The view being restored, applied when its framework is shown. */
  private pending?: ViewRecord;
  private asked = false;
  private saved = '';
  private timer?: ReturnType<typeof setTimeout>;
  private readonly lifetime: HostLifetime;
  private loaded?: LoadedFramework;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RestoreOptions,
  ) {
    this.lifetime = new HostLifetime(host);
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.asked = false;
  }

  hostUpdate(): void {
    const store = this.options.store();
    if (!store || this.asked || this.options.framework().trim() || !this.options.endpoints().length) return;
    this.asked = true;
    void this.reopen(store);
  }

  hostUpdated(): void {
    const store = this.options.store();
    const loaded = this.loaded;
    if (!store || !loaded || this.pending) return;
    const { tree, list } = this.options;
    const where = `${loaded.framework.document.key} ${tree.revision} ${Math.round(list.scrollTop)}`;
    if (where === this.saved) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.lifetime.signal.aborted || this.loaded !== loaded) return;
      this.saved = where;
      const record: ViewRecord = {
        endpoints: this.options.endpoints().join(' '),
        framework: loaded.framework.document.identifier,
        expanded: tree.expandedKeys,
        scrollTop: Math.round(list.scrollTop),
        savedAt: Date.now(),
      };
      store.putView(record).catch(error => this.options.onStorageError(error));
    }, SAVE_AFTER_MS);
  }

  /** A framework is shown: the saved view is applied if it is this framework's. */
  installed(loaded: LoadedFramework): void {
    this.loaded = loaded;
    const view = this.pending;
    this.pending = undefined; // applied now, or another framework opened instead: saving resumes
    if (!view || identifierKey(view.framework) !== loaded.framework.document.key) return;
    this.options.tree.restoreExpansion(view.expanded);
    void this.host.updateComplete.then(() => {
      const viewport = this.options.list.viewport.value;
      if (viewport && !this.lifetime.signal.aborted) {
        viewport.scrollTop = view.scrollTop;
        this.options.list.handleScroll();
      }
    });
  }

  private async reopen(store: UserStateStore): Promise<void> {
    const signal = this.lifetime.signal;
    try {
      const view = await store.getView(this.options.endpoints().join(' '));
      // The host may have chosen a framework meanwhile: it wins.
      if (signal.aborted || !view || this.options.framework().trim()) return;
      this.pending = view;
      this.options.open(view.framework);
    } catch (error) {
      if (!signal.aborted) this.options.onStorageError(error);
    }
  }
}
