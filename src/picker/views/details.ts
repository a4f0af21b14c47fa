import { html, nothing, type TemplateResult } from 'lit';
import type { CaseItem, Framework } from '../../model/framework.js';
import { shortLabel } from '../../text/item-labels.js';
import { renderMarkup } from '../../text/render-markup.js';
import { dirOf } from '../../text/bidi.js';
import { safeHref } from '../../text/safe-markup.js';
import type { FrameworkTree, ItemRelation } from '../../tree/tree-model.js';
import { OTHER_ITEMS_KEY } from '../../tree/tree-model.js';
import type { Equivalent, EquivalentsState } from '../controllers/equivalents.controller.js';
import type { ViewContext } from './view-context.js';

export interface DetailsView {
  framework: Framework;
  tree: FrameworkTree;
  item?: CaseItem;
  /** The item is in the open framework (not a result from another saved framework). */
  inOpenFramework: boolean;
  /** Offer "Show in tree" (while searching). */
  canReveal: boolean;
  onReveal: (key: string) => void;
  onCopy: (item: CaseItem) => void;
  /** Equivalents of the item in other frameworks (open framework only). */
  equivalents?: EquivalentsState;
  onAddEquivalent: (equivalent: Equivalent) => void;
  /** `branch-select` (with `multiple`, for an item with children). */
  onSelectBranch?: (key: string) => void;
  /** Shown with `row-details`: in a narrow layout the panel covers the list, with a back control. */
  overlay: boolean;
  onBack: () => void;
}

/** An association's other end, as the details panel shows it. */
type RelationEnd = { key?: string; identifier?: string; uri?: string; title?: string; external?: boolean };

/** The focused item's full record: path, statement, code, type, grades, notes and associations. */
export function renderDetails(ctx: ViewContext, view: DetailsView): TemplateResult {
  const { s, uid } = ctx;
  const { item, framework, tree } = view;
  if (!item) return html`<section part="details" aria-label=${s.details}><p class="meta" dir="auto">${s.detailsEmpty}</p></section>`;
  const label = (key: string) => (key === OTHER_ITEMS_KEY ? s.otherItems : shortLabel(framework.itemsByKey.get(key), s));
  const groups = new Map<string, ItemRelation[]>();
  for (const r of tree.relationsOf(item.key)) {
    const type = s.associationType(r.direction === 'incoming' ? `${r.association.type}:incoming` : r.association.type);
    groups.set(type, [...(groups.get(type) ?? []), r]);
  }
  const uri = safeHref(item.uri);
  const row = (name: string, content: unknown) =>
    html`<dt>${name}</dt>
      <dd>${content}</dd>`;
  return html`<section part="details" class=${view.overlay ? 'overlay' : ''} aria-labelledby="${uid}-details-title">
    ${view.overlay ? html`<button class="button details-back" part="details-back" type="button" @click=${view.onBack}>${s.backToList}</button>` : nothing}
    <nav part="breadcrumb" aria-label=${s.breadcrumb}>
      <ol>
        <li><bdi>${framework.document.title}</bdi></li>
        ${tree.pathTo(item.key).map(k => html`<li><bdi>${label(k)}</bdi></li>`)}
      </ol>
    </nav>
    <div class="details-head">
      <h3 id="${uid}-details-title">${item.humanCodingScheme ?? shortLabel(item, s)}</h3>
      <span class="actions">
        ${
          view.inOpenFramework && view.canReveal
            ? html`<button class="button" part="show-in-tree" type="button" @click=${() => view.onReveal(item.key)}>${s.showInTree}</button>`
            : nothing
        }
        ${renderBranchSelect(ctx, view, item)}
        <button class="button" part="copy" type="button" @click=${() => view.onCopy(item)}>${s.copy}</button>
      </span>
    </div>
    <dl>
      ${row(s.statement, renderMarkup(item.fullStatement || s.untitled))}
      ${item.abbreviatedStatement ? row(s.abbreviatedStatement, renderMarkup(item.abbreviatedStatement)) : nothing}
      ${item.humanCodingScheme ? row(s.code, html`<bdi dir=${dirOf(item.humanCodingScheme)}>${item.humanCodingScheme}</bdi>`) : nothing} ${item.itemType ? row(s.type, item.itemType) : nothing}
      ${item.educationLevel.length ? row(s.grades, item.educationLevel.map(s.gradeName).join(', ')) : nothing}
      ${item.subject.length ? row(s.subject, item.subject.join(', ')) : nothing}
      ${
        item.statusStartDate || item.statusEndDate
          ? row(
              s.validity,
              s.inEffect(
                item.statusStartDate && ctx.formatDate(item.statusStartDate),
                item.statusEndDate && ctx.formatDate(item.statusEndDate),
              ),
            )
          : nothing
      }
      ${item.license ? row(s.license, renderLink(item.license)) : nothing}
      ${item.conceptKeywords.length ? row(s.keywords, item.conceptKeywords.join(', ')) : nothing}
      ${item.notes ? row(s.notes, renderMarkup(item.notes)) : nothing} ${item.language ? row(s.language, item.language) : nothing}
      ${item.lastChangeDateTime ? row(s.lastChanged, html`<bdi>${ctx.formatDate(item.lastChangeDateTime)}</bdi>`) : nothing}
      ${item.uri ? row(s.uri, uri ? html`<a href=${uri} target="_blank" rel="noopener noreferrer">${item.uri}</a>` : item.uri) : nothing}
    </dl>
    ${renderEquivalents(ctx, view)}
    ${
      groups.size
        ? html`<h3>${s.associations}</h3>
            ${[...groups].map(
              ([type, list]) =>
                html`<div class="assoc-group">
                  <strong>${type}</strong>
                  <ul>
                    ${list.map(r =>
                      renderRelationEnd(ctx, r.direction === 'incoming' ? r.association.origin : r.association.destination, view),
                    )}
                  </ul>
                </div>`,
            )}`
        : nothing
    }
  </section>`;
}

/** "Select all 12 standards in 4.NF.A": every descendant of a branch that has no children. */
function renderBranchSelect(ctx: ViewContext, view: DetailsView, item: CaseItem): TemplateResult | typeof nothing {
  const onSelect = view.onSelectBranch;
  if (!onSelect || !ctx.multiple || ctx.disabled || !view.inOpenFramework || view.tree.childrenOf(item.key).length === 0) return nothing;
  const count = view.tree.leavesUnder(item.key).length;
  if (count === 0) return nothing;
  return html`<button class="button" part="branch-select" type="button" @click=${() => onSelect(item.key)}>
    ${ctx.s.selectBranch(count, item.humanCodingScheme ?? shortLabel(item, ctx.s))}
  </button>`;
}

/** The same (and related) standards in other frameworks, each with a button that adds it. */
function renderEquivalents(ctx: ViewContext, view: DetailsView): TemplateResult | typeof nothing {
  const { s } = ctx;
  const state = view.equivalents;
  if (!state || (!state.loading && state.list.length === 0)) return nothing;
  return html`<section part="equivalents" aria-label=${s.equivalents}>
    <h3>${s.equivalents}</h3>
    ${state.loading ? html`<p class="meta" role="status">${s.findingEquivalents}</p>` : nothing}
    <ul>
      ${state.list.map(eq => {
        const label = [eq.code, eq.statement].filter(Boolean).join(' ') || eq.identifier;
        const href = eq.uri ? safeHref(eq.uri) : undefined;
        return html`<li part="equivalent" data-identifier=${eq.identifier}>
          <span class="meta">${s.equivalentRelation(eq.relation)}</span>
          ${eq.item || !href ? html`<span>${label}</span>` : html`<a href=${href} target="_blank" rel="noopener noreferrer">${label}</a>`}
          ${eq.frameworkTitle ? html`<span class="meta">(${eq.frameworkTitle})</span>` : nothing}
          ${
            eq.item && !ctx.disabled
              ? html`<button class="link-button" part="equivalent-add" type="button" data-identifier=${eq.identifier} @click=${() => view.onAddEquivalent(eq)}>${s.addEquivalent(eq.code ?? label)}</button>`
              : nothing
          }
        </li>`;
      })}
    </ul>
  </section>`;
}

/** A LinkURI as a link when its URI is safe, else its title or identifier as text. */
function renderLink(link: { uri?: string; title?: string; identifier?: string }): TemplateResult {
  const href = link.uri ? safeHref(link.uri) : undefined;
  const label = link.title ?? link.identifier ?? link.uri ?? '';
  return href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${label}</a>` : html`${label}`;
}

/** An association's other end: a button to it when it is in the open framework, else a link or text. */
function renderRelationEnd(ctx: ViewContext, end: RelationEnd, view: DetailsView): TemplateResult {
  const { s } = ctx;
  const target = end.key && view.inOpenFramework ? view.framework.itemsByKey.get(end.key) : undefined;
  if (target) {
    return html`<li>
      <button class="link-button" type="button" @click=${() => view.onReveal(target.key)}>${shortLabel(target, s)}</button>
    </li>`;
  }
  const href = end.uri ? safeHref(end.uri) : undefined;
  const generic = /^(destination|origin)( node)?$/i;
  const label = end.title && !generic.test(end.title) ? end.title : (end.identifier ?? end.uri ?? '');
  return html`<li>
    ${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${label}</a>` : label}
    <span class="meta">(${end.external ? s.externalResource : s.outsideFramework})</span>
  </li>`;
}
