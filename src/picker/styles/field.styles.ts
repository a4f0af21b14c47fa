import { css } from 'lit';

/** `variant="field"` (the form field and its modal dialog) and the narrow layouts (320–480 px). */
export const fieldStyles = css`
  .field-label:empty {
    display: none;
  }
  .field-label ::slotted(*) {
    font-weight: 600;
  }
  .field [part~='selection'] {
    border-top: none;
    padding-top: 0;
  }
  .field-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--case-picker-spacing);
  }
  .button.primary {
    background: var(--case-picker-color-accent);
    border-color: var(--case-picker-color-accent);
    color: var(--case-picker-color-accent-text);
    font-weight: 600;
  }
  .button.primary:hover {
    background: color-mix(in srgb, var(--case-picker-color-accent) 85%, black);
  }
  .field-error {
    margin: 0;
  }
  .dialog {
    width: min(72rem, calc(100vw - 2rem));
    max-width: none;
    max-height: calc(100dvh - 2rem);
    padding: 0;
    border: 1px solid var(--case-picker-color-border);
    border-radius: var(--case-picker-radius);
    background: var(--case-picker-color-bg);
    color: var(--case-picker-color-text);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.3);
  }
  .dialog[open] {
    display: flex;
    flex-direction: column;
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .dialog-head,
  .dialog-foot {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--case-picker-spacing);
    padding: var(--case-picker-spacing) calc(var(--case-picker-spacing) * 2);
  }
  .dialog-head {
    border-bottom: 1px solid var(--case-picker-color-border);
  }
  .dialog-head h2 {
    margin: 0;
    font-size: 1.1em;
  }
  .dialog-foot {
    border-top: 1px solid var(--case-picker-color-border);
    color: var(--case-picker-color-muted);
    font-size: 0.9em;
  }
  .dialog-body {
    /* The dialog's own width, not the field's, drives the layout inside it. */
    container-type: inline-size;
    flex: 1;
    min-height: 0;
    overflow: auto;
    display: flex;
    flex-direction: column;
    gap: var(--case-picker-spacing);
    padding: var(--case-picker-spacing) calc(var(--case-picker-spacing) * 2);
  }
  /* A phone (or a short window): the dialog is the whole screen. */
  @media (max-width: 600px), (max-height: 480px) {
    .dialog {
      width: 100vw;
      height: 100dvh;
      max-height: none;
      margin: 0;
      border: none;
      border-radius: 0;
    }
    .dialog-body {
      padding-inline: var(--case-picker-spacing);
    }
  }

  .details-back {
    display: none;
    margin-bottom: var(--case-picker-spacing);
  }
  /* Panels stacked: details shown with a row's "i" cover the list, with a back control. */
  @container (max-width: 640px) {
    .panels {
      position: relative;
    }
    [part~='details'].overlay {
      position: absolute;
      inset: 0;
      z-index: 2;
      max-height: none;
      background: var(--case-picker-color-bg);
      box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
    }
    .overlay .details-back {
      display: inline-flex;
    }
  }

  /* Long labels ("Select all 287 standards in …") wrap instead of overflowing the panel. */
  [part~='details'] .button {
    white-space: normal;
    max-width: 100%;
    text-align: start;
  }

  /* Narrow lists (JS sets .narrow and taller rows): two lines of statement, then the badges or the
     result's facts on a line of their own; chips wrap to two lines. */
  .narrow .row-badges {
    max-width: none;
    font-size: 0.8em;
    margin-top: 0.15em;
  }
  .narrow [part~='result'] [part~='label'] {
    display: -webkit-box;
    white-space: normal;
  }
  .narrow [part~='label'],
  :host([density='compact']) .narrow [part~='label'] {
    -webkit-line-clamp: 2;
    line-clamp: 2;
  }
  @container (max-width: 480px) {
    .chip-text {
      white-space: normal;
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
    }
    [part~='chip'] {
      border-radius: var(--case-picker-radius);
    }
  }
`;
