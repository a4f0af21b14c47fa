import { whenIdle } from './perf/yield.js';
import { CaseStandardsPicker } from './picker/case-standards-picker.component.js';
import { prepareFormats } from './strings.js';

export { CaseStandardsPicker };

/** Registers `<case-standards-picker>` once, wherever custom elements exist (not in Node). */
export function defineCaseStandardsPicker(tagName = 'case-standards-picker'): void {
  if (typeof customElements !== 'undefined' && !customElements.get(tagName)) {
    customElements.define(tagName, tagName === 'case-standards-picker' ? CaseStandardsPicker : class extends CaseStandardsPicker {});
    // A page's first Intl formatter costs about 30 ms here (ICU loads its data): paid while the
    // page is idle, before any picker waits on it, rather than in the picker's first answer.
    // (Not in Node, where lit's server shim defines custom elements without a document.)
    if (typeof document !== 'undefined') whenIdle(() => prepareFormats(document.documentElement.lang || 'en'));
  }
}

defineCaseStandardsPicker();

declare global {
  interface HTMLElementTagNameMap {
    'case-standards-picker': CaseStandardsPicker;
  }
}
