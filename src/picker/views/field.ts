import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { FieldController } from '../controllers/field.controller.js';
import type { ViewContext } from './view-context.js';

export interface FieldView {
  /** How many standards are selected (the open button's words). */
  count: number;
  /** The validation message, once the user or the form has asked for it. */
  invalidMessage?: string;
  field: FieldController;
  /** The chips (the `selection` part). */
  selection: TemplateResult;
  /** The whole picker, shown in the dialog. */
  body: TemplateResult;
  /** The live region: inside the dialog while it is open (the page behind it is inert). */
  liveRegion: TemplateResult;
}

/**
 * `variant="field"`: a form field (the host's `label` slot, the chips, an `open-button` and the
 * validation message) that opens the whole picker in a modal `<dialog>`. The dialog makes the
 * page behind it inert, closes with Escape or `done-button`, and fills the screen on a phone.
 */
export function renderField(ctx: ViewContext, view: FieldView): TemplateResult {
  const { s, uid } = ctx;
  const { field } = view;
  return html`<div class="field-label" id="${uid}-field-label"><slot name="label"></slot></div>
    ${view.selection}
    <div class="field-actions">
      <button
        ${ref(field.openButton)}
        class="button primary"
        part="open-button"
        type="button"
        aria-haspopup="dialog"
        aria-describedby=${view.invalidMessage ? `${uid}-field-error` : nothing}
        ?disabled=${ctx.disabled}
        @click=${() => field.show()}
      >
        ${s.openPicker(view.count)}
      </button>
    </div>
    ${view.invalidMessage ? html`<p part="validation-message" class="message field-error" id="${uid}-field-error">${view.invalidMessage}</p>` : nothing}
    <dialog ${ref(field.dialog)} part="dialog" class="dialog" aria-labelledby="${uid}-dialog-title" @close=${field.handleClosed}>
      <div class="dialog-head">
        <h2 id="${uid}-dialog-title">${s.dialogTitle}</h2>
        <button class="button primary" part="done-button" type="button" @click=${() => field.close()}>${s.done}</button>
      </div>
      <div class="dialog-body">${view.body}</div>
      <div class="dialog-foot">${view.count ? s.selectedCount(view.count) : s.selectionEmpty}</div>
      ${field.open ? view.liveRegion : nothing}
    </dialog>
    ${field.open ? nothing : view.liveRegion}`;
}
