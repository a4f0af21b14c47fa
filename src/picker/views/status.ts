import { html, nothing, type TemplateResult } from 'lit';
import { CaseApiError, CaseErrorCode } from '../../api/case-api-error.js';
import type { LoadProgress } from '../../loader/framework-loader.js';
import type { ViewContext } from './view-context.js';

/** The control that returns to the framework list (`undefined` handler: not shown). */
export function renderBack(ctx: ViewContext, onBack?: () => void): TemplateResult | typeof nothing {
  if (!onBack) return nothing;
  return html`<button class="button" part="back" type="button" @click=${onBack}><span aria-hidden="true">←</span> ${ctx.s.back}</button>`;
}

export function renderIdle(ctx: ViewContext): TemplateResult {
  return html`<div part="status" role="status">${ctx.s.noEndpoint}</div>`;
}

/** Loading the list, or a framework (with its download progress when known). */
export function renderPending(
  ctx: ViewContext,
  framework: boolean,
  progress: LoadProgress | undefined,
  onBack?: () => void,
): TemplateResult {
  const { s } = ctx;
  if (!framework) return html`<div part="status" role="status" aria-busy="true">${s.loadingFrameworks}</div>`;
  let text = s.loadingFramework;
  let bar: TemplateResult = html`<progress aria-label=${s.loadingFramework}></progress>`;
  if (progress?.phase === 'download') {
    const mb = (n: number) => (n / 1_048_576).toFixed(1);
    text = s.downloading(mb(progress.received), progress.total ? mb(progress.total) : undefined);
    bar = progress.total
      ? html`<progress max=${progress.total} value=${progress.received} aria-label=${text}></progress>`
      : html`<progress aria-label=${text}></progress>`;
  } else if (progress?.phase === 'build') {
    text = s.building;
  }
  return html`${renderBack(ctx, onBack)}
    <div part="status" role="status" aria-busy="true">${bar}<span>${text}</span></div>`;
}

/** Why the view cannot be shown, in words, with a retry; the HTTP status and the provider's description for those who ask. */
export function renderError(ctx: ViewContext, error: unknown, onRetry: () => void, onBack?: () => void): TemplateResult {
  const { s } = ctx;
  const apiError = error instanceof CaseApiError ? error : undefined;
  const code = apiError?.code ?? CaseErrorCode.invalidData;
  const detail = [apiError?.status ? `HTTP ${apiError.status}` : '', apiError?.description ?? ''].filter(Boolean).join(' · ');
  return html`
    ${renderBack(ctx, onBack)}
    <div part="status" role="alert" data-code=${code}>
      <span>${s.errors[code]}</span>
      <button class="button" type="button" @click=${onRetry}>${s.retry}</button>
      ${detail ? html`<span class="error-detail">${detail}</span>` : nothing}
    </div>
  `;
}
