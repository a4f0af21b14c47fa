import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the form controller reads from its host. */
export interface FormHost extends ReactiveControllerHost, HTMLElement {
  name: string;
  required: boolean;
}

/**
 * The picker as a form-associated control (like `<select multiple>`): one form entry per
 * selected identifier under `name`, `valueMissing` with `required` and nothing selected, the
 * initial `value` for form reset, and the disabled state a `<fieldset disabled>` gives it.
 */
export class FormController implements ReactiveController {
  /** Disabled by an ancestor `<fieldset disabled>` or form. */
  formDisabled = false;
  readonly internals?: ElementInternals;
  private initialValue?: string;
  /** What was last published, so unchanged state is not published again. */
  private published?: string;
  /** The element the browser points at when it reports the field invalid. */
  private anchor?: HTMLElement;

  constructor(private readonly host: FormHost) {
    host.addController(this);
    try {
      this.internals = host.attachInternals();
    } catch {
      // Not form-associated in this browser: forms just won't see the value.
    }
  }

  hostConnected(): void {
    this.initialValue ??= this.host.getAttribute('value') ?? '';
  }

  /** The value a form reset restores. */
  get resetValue(): string {
    return this.initialValue ?? this.host.getAttribute('value') ?? '';
  }

  setFormDisabled(disabled: boolean): void {
    this.formDisabled = disabled;
    this.host.requestUpdate();
  }

  /** Publishes the selected identifiers and the validity that follows from them. */
  sync(identifiers: readonly string[], requiredMessage: string, anchor?: HTMLElement): void {
    const internals = this.internals;
    if (!internals) return;
    const { name, required } = this.host;
    const signature = JSON.stringify([identifiers, name, required, requiredMessage]);
    if (signature === this.published && anchor === this.anchor) return;
    this.published = signature;
    this.anchor = anchor;
    if (name && identifiers.length) {
      const data = new FormData();
      for (const id of identifiers) data.append(name, id);
      internals.setFormValue(data, identifiers.join(' '));
    } else {
      internals.setFormValue(null, identifiers.join(' '));
    }
    if (required && identifiers.length === 0) internals.setValidity({ valueMissing: true }, requiredMessage, anchor);
    else internals.setValidity({});
  }
}
