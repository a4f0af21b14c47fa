import { html, nothing, type TemplateResult } from 'lit';
import { ref, type Ref } from 'lit/directives/ref.js';
import type { FrameworkFacets } from '../../loader/framework-loader.js';
import type { SearchController, SearchScope } from '../controllers/search.controller.js';
import { activeResultId } from './results.js';
import type { ViewContext } from './view-context.js';

export interface SearchBarView {
  search: SearchController;
  input: Ref<HTMLInputElement>;
  facets: FrameworkFacets;
  /** Offer "all saved frameworks" (not with `no-cache`). */
  scopes: boolean;
  onInput: (event: InputEvent) => void;
}

/** The search box (combobox pattern) and the grade, type and scope filters. */
export function renderSearchBar(ctx: ViewContext, view: SearchBarView): TemplateResult {
  return html`<div class="search-row">
    <div class="search-box">${renderSearchInput(ctx, view)}</div>
    ${renderFilters(ctx, view)}
  </div>`;
}

function renderSearchInput(ctx: ViewContext, { search, input, onInput }: SearchBarView): TemplateResult {
  const { s, uid } = ctx;
  return html`<input
    ${ref(input)}
    part="search-input"
    dir="auto"
    type="search"
    role="combobox"
    autocomplete="off"
    spellcheck="false"
    aria-label=${s.search}
    aria-autocomplete="list"
    aria-controls="${uid}-results"
    aria-expanded=${search.isSearching ? 'true' : 'false'}
    aria-activedescendant=${activeResultId(ctx, search) ?? nothing}
    placeholder=${s.searchPlaceholder}
    .value=${search.query}
    @input=${onInput}
    @keydown=${search.handleKeyDown}
  />`;
}

function renderFilters(ctx: ViewContext, { search, facets, scopes }: SearchBarView): TemplateResult {
  const { s } = ctx;
  const { grades, types } = facets;
  const value = (e: Event) => (e.target as HTMLSelectElement).value;
  const gradeOptions = (current: string) => html`
    <option value="" ?selected=${!current}>${s.allGrades}</option>
    ${grades.map(g => html`<option value=${g} ?selected=${g === current}>${s.gradeName(g)}</option>`)}
  `;
  return html`<fieldset part="filters" aria-label=${s.filters}>
    ${
      grades.length
        ? html`<label>
              <span>${s.grade}</span>
              <select aria-label=${s.gradeFrom} @change=${(e: Event) => search.setGrade('from', value(e))}>
                ${gradeOptions(search.gradeFrom)}
              </select>
            </label>
            <label>
              <span aria-hidden="true">–</span>
              <select aria-label=${s.gradeTo} @change=${(e: Event) => search.setGrade('to', value(e))}>
                ${gradeOptions(search.gradeTo)}
              </select>
            </label>`
        : nothing
    }
    ${
      types.length
        ? html`<label>
            <span>${s.itemType}</span>
            <select @change=${(e: Event) => search.setType(value(e))}>
              <option value="" ?selected=${!search.typeFilter}>${s.allItemTypes}</option>
              ${types.map(t => html`<option value=${t} ?selected=${t === search.typeFilter}>${t}</option>`)}
            </select>
          </label>`
        : nothing
    }
    ${
      scopes
        ? html`<label>
            <span>${s.searchScope}</span>
            <select @change=${(e: Event) => search.setScope(value(e) as SearchScope)}>
              <option value="framework" ?selected=${search.scope === 'framework'}>${s.scopeFramework}</option>
              <option value="endpoint" ?selected=${search.scope === 'endpoint'}>${s.scopeEndpoint(search.otherSources.length + 1)}</option>
            </select>
          </label>`
        : nothing
    }
  </fieldset>`;
}
