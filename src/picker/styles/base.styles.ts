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

/** The host, its custom properties and themes, controls, status messages, the framework list and the layout. */
export const baseStyles = css`
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
  /* Disabled: still readable (text keeps its contrast), visibly inert. */
  :host([disabled]) {
    background: var(--case-picker-color-surface);
    border-style: dashed;
  }
  :host([disabled]) .check {
    opacity: 0.5;
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
  .head {
    display: flex;
    align-items: center;
    gap: var(--case-picker-spacing);
    flex-wrap: wrap;
    min-width: 0;
  }
  .head h2 {
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
  [part~='framework-list'] > li {
    /* Frameworks scrolled out of the list are not laid out (long lists across endpoints). */
    content-visibility: auto;
    contain-intrinsic-size: auto 4rem;
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
  .meta > [hidden] {
    display: none;
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
`;
