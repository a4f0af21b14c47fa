import type { ReactiveControllerHost } from 'lit';
import type { LoadedFramework } from '../../loader/framework-loader.js';
import { identifierKey } from '../../model/normalize.js';

export interface RevealOptions {
  loaded: () => LoadedFramework | undefined;
  /** The framework of a selected item, by key (known once the item is resolved). */
  frameworkOf: (key: string) => string | undefined;
  /** Opens a framework. */
  open: (identifier: string) => void;
  /** Shows the field variant's dialog (nothing inline). */
  showDialog: () => void;
  /** Clears the search, opens the path to an item of the open framework, focuses its row and shows its details. */
  showItem: (key: string) => void;
}

/**
 * Takes the user from a chip to its standard in the tree and details, opening the dialog and
 * the standard's framework first when needed; the standard is shown once that framework is.
 */
export class RevealController {
  /** The key of a chip's item whose framework is opening. */
  private pending?: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RevealOptions,
  ) {}

  /** A chip's text was activated. */
  chip(identifier: string): void {
    const key = identifierKey(identifier);
    this.options.showDialog();
    if (this.options.loaded()?.framework.itemsByKey.has(key)) {
      void this.host.updateComplete.then(() => this.options.showItem(key));
      return;
    }
    const framework = this.options.frameworkOf(key);
    if (!framework) return;
    this.pending = key;
    this.options.open(framework);
  }

  /** A framework is shown: the standard a chip asked for, if it is there. */
  installed(loaded: LoadedFramework): void {
    const key = this.pending;
    this.pending = undefined;
    if (key && loaded.framework.itemsByKey.has(key)) void this.host.updateComplete.then(() => this.options.showItem(key));
  }
}
