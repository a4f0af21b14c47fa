import type { CaseItem, Framework } from '../model/framework.js';
import { identifierKey } from '../model/normalize.js';
import type { SourceHit } from '../search/search-sources.js';
import type { PickerStrings } from '../strings.js';
import type { FrameworkTree } from '../tree/tree-model.js';
import { chipLabel, shortLabel } from '../text/item-labels.js';
import type { SelectedItem } from '../events.js';
import { toCurriculumStandardsMetadata } from '../export/common-cartridge.js';
import { toCsv, toPlainText } from '../export/csv.js';
import { download } from './download.js';
import type { Equivalent } from './controllers/equivalents.controller.js';
import type { SelectionController } from './controllers/selection.controller.js';
import { entryLabel } from './views/selection.js';

export interface SelectionActionsOptions {
  selection: SelectionController;
  /** Says what happened in the live region. */
  announce: (text: string) => void;
  strings: () => PickerStrings;
  openFramework: () => Framework | undefined;
  /** Disabled (the attribute, or a disabled fieldset): user changes are refused. */
  disabled: () => boolean;
}

/**
 * What the user does to the selection from the picker's controls (rows, results, chips,
 * equivalents, the tray's copy and download), each announced in words: the selection
 * controller changes the entries, these say what changed.
 */
export class SelectionActions {
  constructor(private readonly options: SelectionActionsOptions) {}

  /** Enter, Space or a click on a row or result of `framework`. */
  toggle(key: string, framework: Framework): void {
    const { selection, announce, strings, disabled } = this.options;
    const item = framework.itemsByKey.get(key);
    if (disabled() || !item) return;
    const s = strings();
    const outcome = selection.toggle(item, framework, s.maxReached);
    const label = shortLabel(item, s);
    if (outcome === 'added') announce(s.added(label));
    else if (outcome === 'removed') announce(s.removed(label));
    else if (outcome === 'max-reached' && selection.alert) announce(selection.alert);
  }

  /** `select-codes` (a list of codes) and `branch-select` (a branch's standards): one user change. */
  addMany(items: readonly { item: CaseItem; framework: Framework }[]): void {
    const { selection, announce, strings, disabled } = this.options;
    if (disabled() || items.length === 0) return;
    const s = strings();
    const { added, leftOut } = selection.addMany(items, s.maxReached);
    announce(s.addedMany(added, leftOut));
  }

  /** `branch-select`: every standard (descendant without children) of a branch of the open framework. */
  selectBranch(key: string, { framework, tree }: { framework: Framework; tree: FrameworkTree }): void {
    this.addMany(
      tree.leavesUnder(key).flatMap(k => (framework.itemsByKey.has(k) ? [{ item: framework.itemsByKey.get(k)!, framework }] : [])),
    );
  }

  /** `select-codes`: every result of a pasted list of codes. */
  selectHits(hits: readonly SourceHit[]): void {
    this.addMany(hits.map(h => ({ item: h.item, framework: h.source.framework })));
  }

  /** `equivalent-add`: selects the same standard of another framework. */
  addEquivalent(equivalent: Equivalent): void {
    if (!equivalent.item) return;
    this.addItem(equivalent.item, [equivalent.code, equivalent.statement].filter(Boolean).join(' ') || equivalent.identifier);
  }

  /** `recent-item`: selects a recently used standard, without opening its framework. */
  addRecent(item: SelectedItem): void {
    this.addItem(item, chipLabel(item, item.identifier, this.options.strings()));
  }

  /** Selects an item known only as a SelectedItem (of a framework that may not be open). */
  private addItem(item: SelectedItem, label: string): void {
    const { selection, announce, strings, disabled } = this.options;
    if (disabled()) return;
    const s = strings();
    const outcome = selection.addItem(item, s.maxReached);
    if (outcome === 'added') announce(s.added(label));
    else if (outcome === 'max-reached' && selection.alert) announce(selection.alert);
  }

  /** `chip-replace`: the replacement takes the outdated chip's place. */
  replace(identifier: string, replacement: string): void {
    const { selection, announce, strings, disabled, openFramework } = this.options;
    if (disabled()) return;
    const entry = selection.entries.get(identifierKey(identifier));
    selection.replace(identifierKey(identifier), replacement, openFramework());
    if (entry) announce(strings().replacedWith(entryLabel({ s: strings() }, entry), this.replacementLabel(replacement)));
  }

  /** `chip-remove`: resolves the removed chip's position (-1: nothing removed). */
  remove(identifier: string): number {
    const { selection, announce, strings, disabled } = this.options;
    const key = identifierKey(identifier);
    const entry = selection.entries.get(key);
    if (disabled() || !entry) return -1;
    const at = [...selection.entries.keys()].indexOf(key);
    selection.remove([key]);
    announce(strings().removed(entryLabel({ s: strings() }, entry)));
    return at;
  }

  /** "Clear all". */
  clear(): void {
    const { selection, disabled } = this.options;
    if (!disabled()) selection.remove([...selection.entries.keys()]);
  }

  /** A replacement's code: from the open framework, or resolved by the selection; else its identifier. */
  replacementLabel(identifier: string): string {
    const { selection, strings, openFramework } = this.options;
    const item = openFramework()?.itemsByKey.get(identifierKey(identifier));
    return item?.humanCodingScheme || selection.replacementCode(identifier) || (item ? shortLabel(item, strings()) : identifier);
  }

  /** Copies `text` to the clipboard, and says whether that worked. */
  async copy(text: string): Promise<void> {
    const { announce, strings } = this.options;
    try {
      await navigator.clipboard.writeText(text);
      announce(strings().copied);
    } catch {
      announce(strings().copyFailed);
    }
  }

  /** `copy-all`: the selected standards as plain text, one a line (those not found left out). */
  copyAll(): Promise<void> {
    return this.copy(
      this.options.selection.items
        .filter(i => i.status !== 'not-found')
        .map(toPlainText)
        .join('\n'),
    );
  }

  /** `export-csv` and `export-cc`: the selected standards as a file. */
  download(format: 'csv' | 'common-cartridge'): void {
    const items = this.options.selection.items;
    if (format === 'csv') download('standards.csv', 'text/csv', toCsv(items));
    else download('curriculum-standards.xml', 'application/xml', toCurriculumStandardsMetadata(items));
  }
}
