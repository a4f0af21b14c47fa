import type { PickerStrings } from '../../strings.js';

/** What every view needs to know about the picker. */
export interface ViewContext {
  /** The strings of the UI language. */
  s: PickerStrings;
  /** Prefix of the ids in the shadow root (unique per picker). */
  uid: string;
  multiple: boolean;
  disabled: boolean;
  rowHeight: number;
  /** Lists 480 px wide or less: taller rows, two lines of statement and the badges on a line below. */
  narrow: boolean;
  formatDate: (value: string) => string;
}
