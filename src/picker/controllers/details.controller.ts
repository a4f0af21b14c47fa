import type { ReactiveControllerHost } from 'lit';
import { toPlainText } from '../../export/csv.js';
import type { LoadedFramework } from '../../loader/framework-loader.js';
import type { CaseItem } from '../../model/framework.js';
import { toSelectedItem } from '../../model/selected-item.js';
import type { Searcher, SearchSource } from '../../search/search-sources.js';
import type { SelectionActions } from '../selection-actions.js';
import type { DetailsView } from '../views/details.js';
import type { EquivalentsController } from './equivalents.controller.js';

export interface DetailsOptions {
  equivalents: EquivalentsController;
  actions: SelectionActions;
  /** "Show in tree": clears the search and opens the path to the item. */
  reveal: (key: string) => void;
  copy: (text: string) => void;
  /** The overlay's back control: focus returns to the list. */
  onBack: () => void;
}

/**
 * The item the details panel shows (focused by keyboard, shown with `row-details`, or the active
 * search result, possibly of another saved framework), and what the panel offers for it. It
 * starts nothing, so it needs no lifecycle hooks: it only asks the host to render again.
 */
export class DetailsController {
  private key?: string;
  /** The framework of the item, when it is a result from another saved framework. */
  private source?: SearchSource<Searcher>;
  /** Shown with a row's `row-details`: over the list in a narrow layout. */
  private overlay = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DetailsOptions,
  ) {}

  /** Shows an item of the open framework (`loaded`), or of another searched one (`source`). */
  show(key: string, loaded: LoadedFramework | undefined, source?: SearchSource<Searcher>, overlay = false): void {
    this.key = key;
    this.overlay = overlay;
    this.source = source && source.framework !== loaded?.framework ? source : undefined;
    this.host.requestUpdate();
  }

  /** A new framework: nothing of the old one stays shown (`keepItem`: a background update keeps the item). */
  reset(keepItem = false): void {
    if (!keepItem) this.key = undefined;
    this.overlay = false;
    this.source = undefined;
  }

  /** What the details view shows for the open framework. */
  view(loaded: LoadedFramework, searching: boolean): DetailsView {
    const { equivalents, actions, reveal, copy } = this.options;
    const { framework, tree } = this.source ?? loaded;
    const key = this.key;
    const inOpenFramework = !this.source;
    return {
      framework,
      tree,
      item: key ? framework.itemsByKey.get(key) : undefined,
      inOpenFramework,
      canReveal: searching,
      onReveal: reveal,
      onCopy: (item: CaseItem) => copy(toPlainText(toSelectedItem(item, framework.document))),
      equivalents: key && inOpenFramework ? equivalents.of(loaded, key) : undefined,
      onAddEquivalent: equivalent => actions.addEquivalent(equivalent),
      onSelectBranch: branch => actions.selectBranch(branch, loaded),
      overlay: this.overlay && !!key,
      onBack: () => {
        this.overlay = false;
        this.host.requestUpdate();
        this.options.onBack();
      },
    };
  }
}
