import type { CaseErrorCode } from './api/case-api-error.js';
import type { ItemStatus } from './model/item-status.js';

export type { ItemStatus };

/** A selected CFItem, as hosts receive it. */
export interface SelectedItem {
  identifier: string;
  uri: string;
  fullStatement: string;
  humanCodingScheme?: string;
  abbreviatedStatement?: string;
  itemType?: string;
  educationLevel?: string[];
  /** CFDocument the item belongs to ('' while a pre-selected item is being resolved or not found). */
  documentIdentifier: string;
  documentTitle?: string;
  documentUri?: string;
  /**
   * `replaced` (a `replacedBy` association leaves it), `deprecated` (its or its framework's
   * adoptionStatus is Deprecated or Retired), `expired` (its or its framework's statusEndDate has
   * passed), `not-found` (the identifier could not be resolved), else `current`.
   */
  status: ItemStatus;
  /** Identifiers of its replacements, when `replaced`. */
  replacedBy?: string[];
  /** The CASE base it came from. */
  endpoint?: string;
}

/** A SelectedItem as the export helpers take it: `status` may be left out (then it counts as current). */
export type ExportItem = Omit<SelectedItem, 'status'> & { status?: ItemStatus };

export interface ValueResolveDetail {
  items: SelectedItem[];
}

export interface SelectionChangeDetail {
  value: string[];
  items: SelectedItem[];
}

export interface FrameworkLoadDetail {
  identifier: string;
  title: string;
  itemCount: number;
  source: 'network' | 'cache';
  /** Milliseconds from the request to a usable framework. */
  duration: number;
}

export interface CaseErrorDetail {
  code: CaseErrorCode;
  message: string;
  status?: number;
}

const init = { bubbles: true, composed: true } as const;

/** Fired after every user change of the selection (never for programmatic `value` changes). */
export class CaseSelectionChangeEvent extends CustomEvent<SelectionChangeDetail> {
  static readonly eventName = 'case-selection-change';
  constructor(detail: SelectionChangeDetail) {
    super(CaseSelectionChangeEvent.eventName, { ...init, detail });
  }
}

/** Fired when a framework is ready: from the network or the cache, and again after a background update. */
export class CaseFrameworkLoadEvent extends CustomEvent<FrameworkLoadDetail> {
  static readonly eventName = 'case-framework-load';
  constructor(detail: FrameworkLoadDetail) {
    super(CaseFrameworkLoadEvent.eventName, { ...init, detail });
  }
}

/** Fired once the identifiers of a programmatic `value` are all resolved, with every item's status. */
export class CaseValueResolveEvent extends CustomEvent<ValueResolveDetail> {
  static readonly eventName = 'case-value-resolve';
  constructor(detail: ValueResolveDetail) {
    super(CaseValueResolveEvent.eventName, { ...init, detail });
  }
}

/** Fired when a requested view cannot be shown, or (code `storage`) to inform. */
export class CaseErrorEvent extends CustomEvent<CaseErrorDetail> {
  static readonly eventName = 'case-error';
  constructor(detail: CaseErrorDetail) {
    super(CaseErrorEvent.eventName, { ...init, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'case-selection-change': CaseSelectionChangeEvent;
    'case-framework-load': CaseFrameworkLoadEvent;
    'case-error': CaseErrorEvent;
    'case-value-resolve': CaseValueResolveEvent;
  }
}
