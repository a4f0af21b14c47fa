import { html, nothing, type TemplateResult } from 'lit';
import { highlight, highlightCode, type TextSegment } from '../search/highlight.js';
import { type Block, type Inline, parseMarkup } from './safe-markup.js';

/** Query terms to mark in rendered text. */
export interface Marks {
  terms: readonly string[];
  typos: readonly string[];
  /** A code query without punctuation (`4nfa1`): marked inside codes. */
  code?: string;
}

const renderSegments = (segments: TextSegment[]) => html`${segments.map(s => (s.mark ? html`<mark>${s.text}</mark>` : s.text))}`;

/** Text with query matches in `<mark>`; text bindings only. */
export function renderText(text: string, marks?: Marks): TemplateResult | string {
  if (!marks || (marks.terms.length === 0 && marks.typos.length === 0)) return text;
  return renderSegments(highlight(text, marks.terms, marks.typos));
}

/** A code with the part a code query matched in `<mark>` (else its words, as `renderText`). */
export function renderCode(code: string, marks?: Marks): TemplateResult | string {
  if (marks?.code) {
    const segments = highlightCode(code, marks.code);
    if (segments.some(s => s.mark)) return renderSegments(segments);
  }
  return renderText(code, marks);
}

function renderInline(nodes: Inline[], marks?: Marks, links = true): unknown[] {
  return nodes.map(node => {
    if (typeof node === 'string') return renderText(node, marks);
    switch (node.tag) {
      case 'br':
        return html`<br />`;
      case 'a':
        if (!links) return renderInline(node.children, marks, links);
        return html`<a href=${node.href} target="_blank" rel="noopener noreferrer nofollow"
          >${renderInline(node.children, marks, links)}</a
        >`;
      case 'em':
        return html`<em>${renderInline(node.children, marks, links)}</em>`;
      case 'strong':
        return html`<strong>${renderInline(node.children, marks, links)}</strong>`;
      case 'sub':
        return html`<sub>${renderInline(node.children, marks, links)}</sub>`;
      case 'sup':
        return html`<sup>${renderInline(node.children, marks, links)}</sup>`;
      case 'code':
        return html`<code>${renderInline(node.children, marks, links)}</code>`;
      case 'math':
        return html`<code class="math" title="LaTeX">${renderInline(node.children, marks, links)}</code>`;
      default:
        return nothing;
    }
  });
}

function renderBlock(block: Block, marks?: Marks): TemplateResult {
  switch (block.type) {
    case 'p':
      return html`<p>${renderInline(block.children, marks)}</p>`;
    case 'ul':
      return html`<ul>
        ${block.items.map(item => html`<li>${renderInline(item, marks)}</li>`)}
      </ul>`;
    case 'ol':
      return html`<ol>
        ${block.items.map(item => html`<li>${renderInline(item, marks)}</li>`)}
      </ol>`;
    case 'table':
      return html`<table>
        <thead>
          <tr>
            ${block.head.map(cell => html`<th scope="col">${renderInline(cell, marks)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${block.rows.map(
            row =>
              html`<tr>
                ${row.map(cell => html`<td>${renderInline(cell, marks)}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>`;
  }
}

/** Renders provider text (statements, notes) as the safe Markdown subset. */
export function renderMarkup(source: string, marks?: Marks): TemplateResult {
  return html`${parseMarkup(source).map(block => renderBlock(block, marks))}`;
}

/** Renders provider text on one line (rows, chips, results): no blocks, links as text. */
export function renderInlineMarkup(source: string, marks?: Marks): TemplateResult {
  const blocks = parseMarkup(source);
  const parts: unknown[] = [];
  blocks.forEach((block, i) => {
    if (i > 0) parts.push(' ');
    if (block.type === 'p') parts.push(renderInline(block.children, marks, false));
    else if (block.type === 'table') parts.push([block.head, ...block.rows].map(r => r.map(c => [renderInline(c, marks, false), ' '])));
    else parts.push(block.items.map(item => [renderInline(item, marks, false), ' ']));
  });
  return html`${parts}`;
}
