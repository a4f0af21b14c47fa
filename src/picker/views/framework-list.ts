import { html, nothing, type TemplateResult } from 'lit';
import { type DocumentCriteria, documentFacets, filterDocuments, providerOf } from '../../model/document-filter.js';
import type { CaseDocument } from '../../model/framework.js';
import { measure } from '../../perf/measure.js';
import type { ViewContext } from './view-context.js';

export interface FrameworkListView {
  documents: readonly CaseDocument[];
  /** When offline, the time the shown list was saved. */
  offlineSince?: number;
  /** Endpoints that could not be read, in words (their frameworks are missing). */
  failures: string[];
  /** Recently selected standards (before the list). */
  recent?: TemplateResult;
  criteria: DocumentCriteria;
  formatAge: (since: number) => string;
  onCriteria: (criteria: DocumentCriteria) => void;
  onOpen: (identifier: string) => void;
  /** How many matching frameworks are shown (a long list shows the rest on request). */
  limit: number;
  /** How many of them to render in this update (a long new list paints its first screen first). */
  renderNow: (matches: number) => number;
  onShowMore: () => void;
}

/** The endpoint's frameworks (CFDocuments), with a text filter and subject / creator / status facets. */
export function renderFrameworkList(ctx: ViewContext, view: FrameworkListView): TemplateResult {
  const { s, uid } = ctx;
  const { documents, criteria } = view;
  const { subjects, creators, statuses, providers, hasRetired } = facetsOf(documents);
  // Several providers: each framework names its own, and they are a facet.
  const several = providers.length > 1;
  const matches = measure('list-filter', () => filterDocuments(documents, criteria));
  const { limit } = view;
  const set = (change: DocumentCriteria) => view.onCriteria({ ...criteria, ...change });
  const select = (label: string, all: string, options: string[], current: string | undefined, onChange: (v: string) => void) =>
    options.length > 0
      ? html`<label>
          <span>${label}</span>
          <select part="framework-facet" @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!current}>${all}</option>
            ${options.map(o => html`<option value=${o} ?selected=${o === current}>${o}</option>`)}
          </select>
        </label>`
      : nothing;
  return html`
    <div class="head"><h2 id="${uid}-list-title">${s.frameworks}</h2></div>
    ${view.offlineSince !== undefined ? html`<div part="status" role="status">${s.offline(view.formatAge(view.offlineSince))}</div>` : nothing}
    ${view.failures.map(words => html`<div part="status endpoint-error" class="message" role="alert">${words}</div>`)} ${view.recent ?? nothing}
    <div class="list-controls">
      <input
        part="framework-filter"
        type="search"
        aria-label=${s.frameworkFilter}
        placeholder=${s.frameworkFilterPlaceholder}
        .value=${criteria.text ?? ''}
        @input=${(e: Event) => set({ text: (e.target as HTMLInputElement).value })}
      />
      ${select(s.subject, s.allSubjects, subjects, criteria.subject, subject => set({ subject }))}
      ${select(s.creator, s.allCreators, creators, criteria.creator, creator => set({ creator }))}
      ${select(s.adoptionStatus, s.allStatuses, statuses, criteria.status, status => set({ status }))}
      ${several ? select(s.provider, s.allProviders, providers, criteria.provider, provider => set({ provider })) : nothing}
      ${
        hasRetired
          ? html`<label
              ><input
                part="show-retired"
                type="checkbox"
                .checked=${!!criteria.showRetired}
                @change=${(e: Event) => set({ showRetired: (e.target as HTMLInputElement).checked })}
              />${s.showRetired}</label
            >`
          : nothing
      }
    </div>
    <div class="toolbar" part="framework-count" aria-live="polite">${s.frameworkCount(matches.count, documents.length)}</div>
    ${
      matches.count === 0
        ? html`<div part="status" role="status">${s.noFrameworks}</div>`
        : html`<ul part="framework-list" aria-labelledby="${uid}-list-title">
            ${matches.first(Math.min(limit, view.renderNow(matches.count))).map(d => renderOption(ctx, d, several, view.onOpen))}
          </ul>
          ${
            matches.count > limit
              ? html`<button class="button" part="show-more-frameworks" type="button" @click=${view.onShowMore}>
                  ${s.showMoreFrameworks(matches.count - limit)}
                </button>`
              : nothing
          }`
    }
  `;
}

/**
 * One framework. Its details are always-present spans, hidden when empty, not nested templates:
 * a long list renders a hundred of these at once.
 */
function renderOption(ctx: ViewContext, d: CaseDocument, several: boolean, onOpen: (identifier: string) => void): TemplateResult {
  const { s } = ctx;
  const creator = d.creator ?? d.publisher;
  const subjects = d.subject.join(', ');
  return html`<li>
    <button part="framework-option" type="button" data-identifier=${d.identifier} data-endpoint=${d.endpoint ?? nothing} @click=${() => onOpen(d.identifier)}>
      <span part="option-title" class="option-title" dir="auto">${d.title}</span>
      <span class="meta">
        <span class="provider" dir="auto" ?hidden=${!several}>${several ? providerOf(d) : ''}</span>
        <span ?hidden=${!creator}>${creator}</span>
        <span ?hidden=${!subjects}>${subjects}</span>
        <span ?hidden=${!d.version}>${d.version ? s.version(d.version) : ''}</span>
        <span ?hidden=${!d.lastChangeDateTime}>${d.lastChangeDateTime ? s.lastChange(`\u2068${ctx.formatDate(d.lastChangeDateTime)}\u2069`) : ''}</span>
        <span class="badge" ?hidden=${!d.adoptionStatus}>${d.adoptionStatus}</span>
      </span>
    </button>
  </li>`;
}

/** Facets of a list, computed once per list (the list re-renders on every keystroke of its filter). */
const facetCache = new WeakMap<readonly CaseDocument[], ReturnType<typeof documentFacets>>();
function facetsOf(documents: readonly CaseDocument[]): ReturnType<typeof documentFacets> {
  let facets = facetCache.get(documents);
  if (!facets) facetCache.set(documents, (facets = documentFacets(documents)));
  return facets;
}
