import { css } from 'lit';

/** The dark theme, for `theme="dark"` and for `auto` under `prefers-color-scheme: dark`. */
const darkPalette = css`
  --case-picker-color-text: #e6edf3;
  --case-picker-color-muted: #9da7b3;
  --case-picker-color-bg: #0d1117;
  --case-picker-color-surface: #161b22;
  --case-picker-color-border: #6e7681;
  --case-picker-color-accent: #58a6ff;
  --case-picker-color-accent-text: #0d1117;
  --case-picker-color-selected-bg: #1f3a5f;
  --case-picker-color-hover-bg: #1c2430;
  --case-picker-color-focus: #79c0ff;
  --case-picker-color-mark-bg: #6b5b00;
  --case-picker-color-mark-text: #ffffff;
  --case-picker-color-error: #ff7b72;
  --case-picker-color-badge-bg: #262c36;
  color-scheme: dark;
`;

export const styles = css`
  :host {
    --case-picker-font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --case-picker-font-size: 0.9375rem;
    --case-picker-color-text: #1b1f24;
    --case-picker-color-muted: #57606a;
    --case-picker-color-bg: #ffffff;
    --case-picker-color-surface: #f6f8fa;
    --case-picker-color-border: #8c959f;
    --case-picker-color-accent: #0b5cad;
    --case-picker-color-accent-text: #ffffff;
    --case-picker-color-selected-bg: #ddeeff;
    --case-picker-color-hover-bg: #eef3f8;
    --case-picker-color-focus: #0b5cad;
    --case-picker-color-mark-bg: #fff3a3;
    --case-picker-color-mark-text: inherit;
    --case-picker-color-error: #b3261e;
    --case-picker-color-badge-bg: #eaeef2;
    --case-picker-radius: 6px;
    --case-picker-spacing: 0.5rem;
    --case-picker-height: 26rem;

    display: block;
    container-type: inline-size;
    font-family: var(--case-picker-font);
    font-size: var(--case-picker-font-size);
    line-height: 1.4;
    color: var(--case-picker-color-text);
    background: var(--case-picker-color-bg);
    border: 1px solid var(--case-picker-color-border);
    border-radius: var(--case-picker-radius);
    box-sizing: border-box;
    min-width: 0;
    color-scheme: light;
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dark']) {
    ${darkPalette}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkPalette}
    }
  }
  :host([density='compact']) {
    --case-picker-font-size: 0.875rem;
    --case-picker-spacing: 0.3rem;
  }
  :host([disabled]) {
    opacity: 0.6;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--case-picker-color-focus);
    outline-offset: -3px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  .picker {
    display: flex;
    flex-direction: column;
    gap: var(--case-picker-spacing);
    padding: var(--case-picker-spacing);
    min-width: 0;
  }
  header {
    display: flex;
    align-items: center;
    gap: var(--case-picker-spacing);
    flex-wrap: wrap;
    min-width: 0;
  }
  header h2 {
    font-size: 1.05em;
    margin: 0;
    flex: 1 1 12rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .button {
    border: 1px solid var(--case-picker-color-border);
    background: var(--case-picker-color-surface);
    border-radius: var(--case-picker-radius);
    padding: 0.3em 0.7em;
    cursor: pointer;
    min-height: 2rem;
  }
  .button:hover {
    background: var(--case-picker-color-hover-bg);
  }
  .button[disabled] {
    cursor: not-allowed;
  }
  .link-button {
    border: none;
    background: none;
    padding: 0;
    color: var(--case-picker-color-accent);
    text-decoration: underline;
    cursor: pointer;
    text-align: start;
  }
  a {
    color: var(--case-picker-color-accent);
    overflow-wrap: anywhere;
  }
  input[type='search'],
  input[type='text'],
  select {
    border: 1px solid var(--case-picker-color-border);
    border-radius: var(--case-picker-radius);
    background: var(--case-picker-color-bg);
    padding: 0.35em 0.5em;
    min-height: 2rem;
    min-width: 0;
  }
  input[type='search'] {
    width: 100%;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    flex-wrap: wrap;
  }

  [part~='status'] {
    padding: var(--case-picker-spacing);
    border-radius: var(--case-picker-radius);
    background: var(--case-picker-color-surface);
    display: flex;
    gap: var(--case-picker-spacing);
    align-items: center;
    flex-wrap: wrap;
  }
  [part~='status'][role='alert'] {
    border-inline-start: 4px solid var(--case-picker-color-error);
  }
  [part~='status'] progress {
    flex: 1 1 8rem;
  }
  .error-detail {
    color: var(--case-picker-color-muted);
    font-size: 0.9em;
    flex-basis: 100%;
  }

  /* Framework list */
  .list-controls {
    display: flex;
    flex-wrap: wrap;
    gap: var(--case-picker-spacing);
    align-items: center;
  }
  .list-controls input[type='search'] {
    flex: 1 1 14rem;
    width: auto;
  }
  [part~='framework-list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    max-height: var(--case-picker-height);
    overflow: auto;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  [part~='framework-option'] {
    display: flex;
    flex-direction: column;
    align-items: stretch;
    width: 100%;
    text-align: start;
    border: 1px solid transparent;
    border-radius: var(--case-picker-radius);
    background: none;
    padding: var(--case-picker-spacing);
    cursor: pointer;
    gap: 0.15em;
  }
  [part~='framework-option']:hover {
    background: var(--case-picker-color-hover-bg);
    border-color: var(--case-picker-color-border);
  }
  .option-title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .meta {
    color: var(--case-picker-color-muted);
    font-size: 0.875em;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
  }
  .badge {
    display: inline-block;
    background: var(--case-picker-color-badge-bg);
    color: var(--case-picker-color-text);
    border-radius: 999px;
    padding: 0 0.55em;
    font-size: 0.8em;
    white-space: nowrap;
    line-height: 1.5;
  }

  /* Framework view */
  .search-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--case-picker-spacing);
    align-items: end;
  }
  .search-box {
    position: relative;
    flex: 1 1 16rem;
    min-width: 0;
  }
  [part~='filters'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--case-picker-spacing);
    align-items: center;
    border: none;
    margin: 0;
    padding: 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--case-picker-spacing);
    align-items: center;
    justify-content: space-between;
    color: var(--case-picker-color-muted);
    font-size: 0.9em;
  }
  .toolbar .actions {
    display: flex;
    gap: var(--case-picker-spacing);
    flex-wrap: wrap;
  }
  .panels {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    gap: var(--case-picker-spacing);
    min-width: 0;
  }
  @container (max-width: 640px) {
    .panels {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  .viewport {
    position: relative;
    height: var(--case-picker-height);
    overflow: auto;
    border: 1px solid var(--case-picker-color-border);
    border-radius: var(--case-picker-radius);
    overscroll-behavior: contain;
    contain: strict;
  }
  .spacer {
    position: relative;
    width: 100%;
  }
  .row {
    position: absolute;
    inset-inline: 0;
    top: 0;
    display: flex;
    align-items: center;
    gap: 0.4em;
    padding-inline-end: var(--case-picker-spacing);
    cursor: pointer;
    border-bottom: 1px solid color-mix(in srgb, var(--case-picker-color-border) 25%, transparent);
    overflow: hidden;
    user-select: none;
    /* Each row is sized by the list: keep its layout and paint to itself. */
    contain: strict;
  }
  .row:hover {
    background: var(--case-picker-color-hover-bg);
  }
  .row[aria-selected='true'] {
    background: var(--case-picker-color-selected-bg);
    box-shadow: inset 4px 0 0 var(--case-picker-color-accent);
  }
  :host(:dir(rtl)) .row[aria-selected='true'] {
    box-shadow: inset -4px 0 0 var(--case-picker-color-accent);
  }
  .row.active {
    outline: 1px dashed var(--case-picker-color-border);
    outline-offset: -2px;
  }
  .row:focus-visible,
  .row.active.combobox-active {
    outline: 3px solid var(--case-picker-color-focus);
    outline-offset: -3px;
  }
  .toggle {
    flex: none;
    width: 1.75rem;
    height: 1.75rem;
    display: inline-grid;
    place-items: center;
    border: none;
    background: none;
    cursor: pointer;
    padding: 0;
    color: var(--case-picker-color-muted);
  }
  .toggle svg {
    transition: transform 120ms ease;
  }
  :host(:dir(rtl)) .toggle svg {
    transform: scaleX(-1);
  }
  .toggle[data-expanded] svg {
    transform: rotate(90deg);
  }
  @media (prefers-reduced-motion: reduce) {
    .toggle svg {
      transition: none;
    }
  }
  .toggle-spacer {
    flex: none;
    width: 1.75rem;
  }
  .check {
    flex: none;
    width: 1.1rem;
    height: 1.1rem;
    border: 2px solid var(--case-picker-color-border);
    border-radius: 3px;
    display: inline-grid;
    place-items: center;
    color: var(--case-picker-color-accent-text);
  }
  .check.single {
    border-radius: 50%;
  }
  [aria-selected='true'] > .check {
    background: var(--case-picker-color-accent);
    border-color: var(--case-picker-color-accent);
  }
  .row-text {
    min-width: 0;
    flex: 1;
    display: flex;
    flex-direction: column;
  }
  .row-line {
    display: flex;
    gap: 0.4em;
    align-items: baseline;
    min-width: 0;
  }
  [part~='code'] {
    font-weight: 600;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  [part~='label'] {
    overflow: hidden;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    overflow-wrap: anywhere;
    min-width: 0;
  }
  /* One-line labels: nowrap + ellipsis lays out faster than a one-line clamp (results change on every keystroke). */
  [part~='result'] [part~='label'] {
    display: block;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  :host([density='compact']) [part~='label'] {
    -webkit-line-clamp: 1;
    line-clamp: 1;
  }
  [part~='label'] p,
  [part~='label'] ul,
  [part~='label'] ol {
    display: inline;
    margin: 0;
    padding: 0;
  }
  .row-badges {
    display: flex;
    gap: 0.3em;
    flex-wrap: nowrap;
    overflow: hidden;
    flex: none;
    max-width: 40%;
  }
  .result-meta {
    color: var(--case-picker-color-muted);
    font-size: 0.8em;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  mark {
    background: var(--case-picker-color-mark-bg);
    color: var(--case-picker-color-mark-text);
    border-radius: 2px;
  }
  code.math {
    font-family: ui-monospace, monospace;
    font-size: 0.9em;
  }

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
