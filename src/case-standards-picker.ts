import { CaseStandardsPicker } from './picker/case-standards-picker.component.js';

export { CaseStandardsPicker };

/** Registers `<case-standards-picker>` once, wherever custom elements exist (not in Node). */
export function defineCaseStandardsPicker(tagName = 'case-standards-picker'): void {
  if (typeof customElements !== 'undefined' && !customElements.get(tagName)) {
    customElements.define(tagName, tagName === 'case-standards-picker' ? CaseStandardsPicker : class extends CaseStandardsPicker {});
  }
}

defineCaseStandardsPicker();

declare global {
  interface HTMLElementTagNameMap {
    'case-standards-picker': CaseStandardsPicker;
  }
}
