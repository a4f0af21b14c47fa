import { css } from 'lit';

/** The details panel, the selection tray, and forced-colours adjustments. */
export const panelStyles = css`
  [part~='details'] {
    border: 1px solid var(--case-picker-color-border);
    border-radius: var(--case-picker-radius);
    padding: var(--case-picker-spacing);
    max-height: var(--case-picker-height);
    overflow: auto;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .details-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: var(--case-picker-spacing);
  }
  .details-head .button {
    white-space: nowrap;
    flex: none;
  }
  .details-head .actions,
  .selection-head .actions {
    display: flex;
    gap: 0.75em;
  }
  [part~='details'] h3 {
    margin: 0 0 0.4em;
    font-size: 1em;
  }
  [part~='details'] dl {
    margin: 0;
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.25em 0.75em;
  }
  [part~='details'] dt {
    color: var(--case-picker-color-muted);
    font-weight: 600;
  }
  [part~='details'] dd {
    margin: 0;
  }
  [part~='details'] dd p {
    margin: 0 0 0.4em;
  }
  [part~='details'] table {
    border-collapse: collapse;
  }
  [part~='details'] th,
  [part~='details'] td {
    border: 1px solid var(--case-picker-color-border);
    padding: 0.1em 0.4em;
  }
  @container (max-width: 360px) {
    [part~='details'] dl {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  [part~='breadcrumb'] ol {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.2em;
    margin: 0 0 0.5em;
    padding: 0;
    font-size: 0.875em;
    color: var(--case-picker-color-muted);
  }
  [part~='breadcrumb'] li + li::before {
    content: '›';
    margin-inline-end: 0.2em;
  }
  .assoc-group ul {
    margin: 0.1em 0 0.4em;
    padding-inline-start: 1.1em;
  }

  [part~='selection'] {
    border-top: 1px solid var(--case-picker-color-border);
    padding-top: var(--case-picker-spacing);
    display: flex;
    flex-direction: column;
    gap: 0.3em;
  }
  .selection-head {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: var(--case-picker-spacing);
    flex-wrap: wrap;
    font-size: 0.9em;
    color: var(--case-picker-color-muted);
  }
  .chips {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
  }
  [part~='chip'] {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    max-width: 100%;
    border: 1px solid var(--case-picker-color-accent);
    background: var(--case-picker-color-selected-bg);
    border-radius: 999px;
    padding: 0.1em 0.2em 0.1em 0.7em;
    min-width: 0;
  }
  [part~='chip'].not-found {
    border-style: dashed;
    border-color: var(--case-picker-color-error);
  }
  [part~='chip'].outdated {
    border-color: var(--case-picker-color-error);
    background: var(--case-picker-color-bg);
    flex-wrap: wrap;
    border-radius: var(--case-picker-radius);
  }
  .status-badge {
    color: var(--case-picker-color-error);
    border: 1px solid currentColor;
    border-radius: var(--case-picker-radius);
    padding: 0 0.3em;
    background: transparent;
  }
  .recent-title {
    margin: 0 0 0.25rem;
    font-size: 0.95em;
  }
  .recent summary {
    cursor: pointer;
    color: var(--case-picker-color-muted);
  }
  .recent-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.2rem;
    max-height: 12rem;
    overflow: auto;
  }
  .recent-item {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.6em;
    width: 100%;
    text-align: start;
    font: inherit;
    color: inherit;
    background: none;
    border: 1px solid transparent;
    border-radius: var(--case-picker-radius);
    padding: 0.2rem 0.4rem;
    cursor: pointer;
  }
  .recent-item:hover {
    background: var(--case-picker-color-hover-bg);
  }
  .recent-item[aria-pressed='true'] {
    background: var(--case-picker-color-selected-bg);
    border-color: var(--case-picker-color-accent);
  }
  .suggestions-panel {
    display: grid;
    gap: 0.25rem;
  }
  .suggestions-title {
    margin: 0;
    font-size: 0.95em;
    font-weight: 600;
  }
  .suggestions {
    max-height: 13.5rem;
    overflow: auto;
    border: 1px solid var(--case-picker-color-border);
    border-radius: var(--case-picker-radius);
    outline: none;
  }
  .suggestions:focus-visible {
    outline: 3px solid var(--case-picker-color-focus);
    outline-offset: 1px;
  }
  .row.suggestion-row {
    position: relative;
    min-height: 2.75rem;
    padding-block: 0.25rem;
    padding-inline-start: 0.5rem;
    contain: none;
    /* Rows scrolled out of the short list are not laid out. */
    content-visibility: auto;
    contain-intrinsic-size: auto 3.25rem;
  }
  .suggestions:focus-visible .row.active {
    outline: 2px solid var(--case-picker-color-focus);
    outline-offset: -2px;
  }
  .code-list {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--case-picker-spacing);
    padding: 0 var(--case-picker-spacing);
  }
  .chip-status {
    font-size: 0.85em;
    color: var(--case-picker-color-error);
  }
  [part~='chip-replace'] {
    font: inherit;
    font-size: 0.85em;
    border: 1px solid var(--case-picker-color-accent);
    border-radius: var(--case-picker-radius);
    background: var(--case-picker-color-surface);
    color: var(--case-picker-color-accent);
    padding: 0 0.4em;
    cursor: pointer;
  }
  .chip-group {
    display: grid;
    gap: 0.2em;
  }
  .chip-group-title {
    font-size: 0.85em;
    color: var(--case-picker-color-muted);
  }
  button.chip-text {
    border: none;
    background: none;
    padding: 0;
    font: inherit;
    color: inherit;
    text-align: start;
    cursor: pointer;
  }
  button.chip-text:hover {
    text-decoration: underline;
  }
  .chip-text {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    min-width: 0;
    max-width: 28rem;
  }
  [part~='chip-remove'] {
    border: none;
    background: none;
    cursor: pointer;
    border-radius: 50%;
    width: 1.6rem;
    height: 1.6rem;
    display: inline-grid;
    place-items: center;
    flex: none;
  }
  [part~='chip-remove']:hover {
    background: var(--case-picker-color-hover-bg);
  }
  .message {
    color: var(--case-picker-color-error);
    font-size: 0.9em;
  }

  @media (forced-colors: active) {
    .row[aria-selected='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      box-shadow: none;
    }
    [aria-selected='true'] > .check {
      background: HighlightText;
      border-color: HighlightText;
      color: Highlight;
    }
    :focus-visible,
    .row.active.combobox-active {
      outline-color: CanvasText;
    }
    mark {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
    }
    [part~='chip'] {
      border-color: CanvasText;
    }
  }
`;
