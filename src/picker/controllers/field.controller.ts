import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createRef } from 'lit/directives/ref.js';

export interface FieldOptions {
  /** `variant="field"` is set. */
  active: () => boolean;
  /** Refuses to open (disabled). */
  disabled: () => boolean;
  /** Moves focus into the open dialog (the search box, else the first control). */
  focusInside: (dialog: HTMLDialogElement) => void;
}

/**
 * `variant="field"`: whether the modal dialog is open, the focus it takes and gives back to the
 * `open-button`, and when the field shows its validation message (after the dialog has closed
 * once, or when the form asks, as with the browser's own controls).
 */
export class FieldController implements ReactiveController {
  open = false;
  showInvalid = false;
  readonly dialog = createRef<HTMLDialogElement>();
  readonly openButton = createRef<HTMLButtonElement>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: FieldOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('invalid', this.handleInvalid);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('invalid', this.handleInvalid);
    this.open = false; // a removed dialog is closed by the browser
  }

  hostUpdated(): void {
    const dialog = this.dialog.value;
    if (!dialog) return;
    if (this.open && this.options.active() && !dialog.open) {
      dialog.showModal(); // the page behind becomes inert
      this.options.focusInside(dialog);
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  show(): void {
    if (this.options.disabled() || this.open) return;
    this.open = true;
    this.host.requestUpdate();
  }

  close(): void {
    this.dialog.value?.close(); // `handleClosed` follows
  }

  /** The dialog's `close` event (Escape, `done-button`): focus returns to the open button. */
  readonly handleClosed = (): void => {
    this.open = false;
    this.showInvalid = true;
    this.host.requestUpdate();
    this.openButton.value?.focus();
  };

  private readonly handleInvalid = (): void => {
    this.showInvalid = true;
    this.host.requestUpdate();
  };
}
