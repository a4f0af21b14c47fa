import '../src/case-standards-picker.js';
import { toCurriculumStandardsMetadata } from '../src/index.js';
import type { CaseStandardsPicker } from '../src/picker/case-standards-picker.component.js';

const picker = document.querySelector<CaseStandardsPicker>('#picker')!;
const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

// The dev server proxies /ims/case and /district/ims/case to the local CASE providers (`npm start`). `?endpoint=` overrides.
const params = new URLSearchParams(location.search);
// Two providers: the state's (CCSS, NGSS, …) and the district's (a CCSS mirror and its own framework).
picker.endpoint =
  params.get('endpoint') ?? `${new URL('/ims/case/v1p0', location.href).href} ${new URL('/district/ims/case/v1p0', location.href).href}`;
if (params.get('framework')) picker.framework = params.get('framework')!;

const log = (type: string, detail: unknown) => {
  const li = document.createElement('li');
  li.textContent = `${new Date().toLocaleTimeString()} ${type} ${detail === undefined ? '' : JSON.stringify(detail)}`;
  $('#log').prepend(li);
};
for (const type of ['case-selection-change', 'case-framework-load', 'case-error', 'change'] as const) {
  picker.addEventListener(type, event => {
    const detail = (event as CustomEvent).detail;
    log(type, type === 'case-selection-change' ? { value: detail.value } : detail);
  });
}

// The resource's title and description are what it is about: the picker suggests standards from them.
const form = $<HTMLFormElement>('#resource-form');
const feedContext = () => {
  const data = new FormData(form);
  picker.context = `${data.get('title') ?? ''}\n${data.get('description') ?? ''}`.trim();
};
form.addEventListener('input', event => {
  if ((event.target as HTMLElement).closest('case-standards-picker')) return;
  feedContext();
});
form.addEventListener('reset', () => setTimeout(feedContext));
feedContext();

$('#resource-form').addEventListener('submit', event => {
  event.preventDefault();
  const data = new FormData(event.target as HTMLFormElement);
  $('#submitted').textContent = `Submitted:\n${[...data].map(([k, v]) => `${k} = ${v}`).join('\n')}`;
});

$<HTMLInputElement>('#opt-multiple').addEventListener('change', e => (picker.multiple = (e.target as HTMLInputElement).checked));
$<HTMLInputElement>('#opt-max').addEventListener('change', e => {
  const n = Number((e.target as HTMLInputElement).value);
  picker.max = n > 0 ? n : undefined;
});
$<HTMLSelectElement>('#opt-theme').addEventListener('change', e => (picker.theme = (e.target as HTMLSelectElement).value as 'auto'));
$<HTMLSelectElement>('#opt-variant').addEventListener('change', e => (picker.variant = (e.target as HTMLSelectElement).value as 'field'));
if (params.get('variant') === 'field') {
  picker.variant = 'field';
  $<HTMLSelectElement>('#opt-variant').value = 'field';
}
$<HTMLSelectElement>('#opt-density').addEventListener('change', e => (picker.density = (e.target as HTMLSelectElement).value as 'compact'));
// English, French and Spanish are built in; `lang` picks one (the `strings` property overrides any string).
$<HTMLSelectElement>('#opt-lang').addEventListener('change', e => (picker.lang = (e.target as HTMLSelectElement).value));
$<HTMLInputElement>('#opt-rtl').addEventListener('change', e => (picker.dir = (e.target as HTMLInputElement).checked ? 'rtl' : ''));
$<HTMLInputElement>('#opt-grade').addEventListener('change', e => (picker.educationLevel = (e.target as HTMLInputElement).value));
$<HTMLInputElement>('#opt-required').addEventListener('change', e => (picker.required = (e.target as HTMLInputElement).checked));
$<HTMLInputElement>('#opt-disabled').addEventListener('change', e => (picker.disabled = (e.target as HTMLInputElement).checked));
$('#btn-reload').addEventListener('click', () => void picker.reload());
$('#btn-clear').addEventListener('click', () => void picker.clearCache().then(() => log('clearCache', 'done')));
$('#btn-cc').addEventListener('click', () => {
  $('#export').textContent = toCurriculumStandardsMetadata(picker.selectedItems, { providerId: location.host });
});
$('#btn-json').addEventListener('click', () => {
  $('#export').textContent = JSON.stringify(picker.selectedItems, null, 2);
});
