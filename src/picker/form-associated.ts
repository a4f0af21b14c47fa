import { FormController } from './controllers/form.controller.js';
import { PickerProperties } from './picker-properties.js';

/**
 * The picker as a form control, with the API of native ones (`form`, `validity`,
 * `checkValidity()`…) and the form-associated callbacks. The element publishes its value
 * through `forms` after each update.
 */
export abstract class FormAssociatedPicker extends PickerProperties {
  static formAssociated = true;

  /** Selected CFItem identifiers (defined by the element, from its selection). */
  abstract value: string;

  protected readonly forms = new FormController(this);

  /** The form this element belongs to. */
  get form(): HTMLFormElement | null {
    return this.forms.internals?.form ?? null;
  }

  get validity(): ValidityState | undefined {
    return this.forms.internals?.validity;
  }

  get validationMessage(): string {
    return this.forms.internals?.validationMessage ?? '';
  }

  checkValidity(): boolean {
    return this.forms.internals?.checkValidity() ?? true;
  }

  reportValidity(): boolean {
    return this.forms.internals?.reportValidity() ?? true;
  }

  /** @internal */
  formResetCallback(): void {
    this.value = this.forms.resetValue;
  }

  /** @internal */
  formStateRestoreCallback(state: string | FormData | null): void {
    if (typeof state === 'string') this.value = state;
  }

  /** @internal */
  formDisabledCallback(disabled: boolean): void {
    this.forms.setFormDisabled(disabled);
  }
}
