import { css } from 'lit';

/** The virtualised lists (tree and results) and their rows. */
export const rowStyles = css`
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
  /* A chevron of two borders, pointing to the inline end, down when expanded. */
  .toggle::before {
    content: '';
    width: 0.375rem;
    height: 0.375rem;
    border: solid currentColor;
    border-width: 2px 2px 0 0;
    transform: translateX(-1px) rotate(45deg);
    transition: transform 120ms ease;
  }
  :host(:dir(rtl)) .toggle::before {
    transform: translateX(1px) rotate(-135deg);
  }
  .toggle[data-expanded]::before,
  :host(:dir(rtl)) .toggle[data-expanded]::before {
    transform: translateY(-1px) rotate(135deg);
  }
  @media (prefers-reduced-motion: reduce) {
    .toggle::before {
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
  .row-lead {
    flex: none;
    font-weight: 600;
    white-space: nowrap;
    max-width: 40%;
    overflow: hidden;
    text-overflow: ellipsis;
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
  .list-marker {
    color: var(--case-picker-color-muted);
    font-variant-numeric: tabular-nums;
    flex: none;
  }
  .row-details {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 1.75rem;
    height: 1.75rem;
    margin-inline-start: auto;
    border-radius: 50%;
    color: var(--case-picker-color-muted);
    cursor: pointer;
  }
  /* An "i" in a circle: the circle, then the dot and stem (two borders of one box). */
  .row-details::before,
  .row-details::after {
    content: '';
    grid-area: 1 / 1;
  }
  .row-details::before {
    width: 13px;
    height: 13px;
    border: 1.4px solid currentColor;
    border-radius: 50%;
  }
  /* Its height is the gap between the dot and the stem. */
  .row-details::after {
    box-sizing: content-box;
    width: 1.6px;
    height: 1.6px;
    border-top: 1.4px solid currentColor;
    border-bottom: 4px solid currentColor;
    margin-top: 0.4px;
  }
  .row-details:hover {
    color: var(--case-picker-color-accent);
    background: var(--case-picker-color-hover-bg);
  }
  .check.mixed {
    color: var(--case-picker-color-accent);
    border-color: var(--case-picker-color-accent);
  }
`;
