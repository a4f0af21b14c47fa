import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { SuggestProvider } from '../src/index.js';
import ccss from '../data/frameworks/ccss-math-casenetwork-v1p0.json';
import ngss from '../data/frameworks/ngss-science-opensalt-v1p0.json';
import sample from '../data/frameworks/opensalt-sample-what-standards-could-be.json';
import hostile from '../test/fixtures/hostile/hostile.json';
import district from '../data/frameworks/demo-district-equivalents.json';
import revision from '../data/frameworks/demo-ccss-grade4-revision.json';
import deprecated from '../data/frameworks/demo-deprecated-framework.json';
import { generateFramework } from '../scripts/generate-framework.mjs';
import type { RawCFPackage } from '../src/api/case-types.js';
import { StandardsCache } from '../src/cache/standards-cache.js';
import type { CaseStandardsPicker } from '../src/picker/case-standards-picker.component.js';
import { type FixtureFetchOptions, fixtureFetch, STORY_ENDPOINT } from './mocks/fixture-fetch.js';

const CCSS_ID = 'c6496676-d7cb-11e8-824f-0242ac160002';
const NGSS_ID = 'c608881b-d7cb-11e8-824f-0242ac160002';
const HOSTILE_ID = 'a0000000-0000-4000-8000-000000000000';
const LARGE_ID = 'f0000000-0000-4000-8000-000000020000';
const MP1 = '6b9ca36a-d7cc-11e8-824f-0242ac160002';
const NF_A_1 = '6b9c09e2-d7cc-11e8-824f-0242ac160002';

const frameworks = [ccss, ngss, sample, hostile, district, revision, deprecated] as RawCFPackage[];
const DISTRICT_ID = 'd15c0000-0000-4000-8000-000000000000';
const REVISION_ID = 'de7a0000-0000-4000-8000-000000000000';
const DEPRECATED_ID = 'dead0000-0000-4000-8000-000000000000';
/** 4.NF.A.1, replaced by the revision's 4.R.NF.1 (an association held in the revision's package). */
const NF_A_1_REPLACED = NF_A_1;
const EXPIRED_4ROA3 = 'de7a0000-0000-4000-8000-000000000004';
const DEPRECATED_ITEM = 'dead0000-0000-4000-8000-000000000001';
const MISSING = 'e0000000-0000-4000-8000-0000000000ff';
let large: RawCFPackage | undefined;
const largeFramework = () =>
  (large ??= generateFramework(20_000, { identifier: LARGE_ID, title: 'Generated framework, 20,000 items' }) as RawCFPackage);

interface Args {
  framework: string;
  multiple: boolean;
  max?: number;
  value: string;
  theme: 'auto' | 'light' | 'dark';
  density: 'comfortable' | 'compact';
  dir: '' | 'rtl';
  educationLevel: string;
  width: string;
  fetchOptions?: FixtureFetchOptions;
  packages?: () => RawCFPackage[];
  cacheName?: string;
  style?: string;
  context?: string;
  suggestProvider?: SuggestProvider;
  variant?: 'inline' | 'field';
  lang?: string;
  disabled?: boolean;
  required?: boolean;
  endpoint?: string;
}

const render = (args: Args) => {
  const fetch = fixtureFetch(args.packages?.() ?? frameworks, args.fetchOptions);
  return html`<div style="max-width: ${args.width}">
    <case-standards-picker
      .endpoint=${args.endpoint ?? STORY_ENDPOINT}
      .fetch=${fetch}
      .framework=${args.framework}
      .value=${args.value}
      ?multiple=${args.multiple}
      .max=${args.max}
      theme=${args.theme}
      density=${args.density}
      dir=${args.dir || 'ltr'}
      education-level=${args.educationLevel}
      cache-name=${args.cacheName ?? 'storybook'}
      ?no-cache=${!args.cacheName}
      style=${args.style ?? ''}
      .context=${args.context ?? ''}
      variant=${args.variant ?? 'inline'}
      lang=${args.lang ?? 'en'}
      ?disabled=${!!args.disabled}
      ?required=${!!args.required}
      .suggestProvider=${args.suggestProvider}
      ><span slot="label">${args.variant === 'field' ? 'Aligned standards' : ''}</span></case-standards-picker
    >
  </div>`;
};

/**
 * `<case-standards-picker>` browses and picks learning standards from any 1EdTech CASE API and
 * emits their GUIDs. These stories run on in-story CASE fixtures (CCSS Math, NGSS, OpenSALT
 * samples, a hostile framework and a generated 20,000-item one) through a fixture `fetch`.
 */
const meta: Meta<Args> = {
  title: 'case-standards-picker',
  component: 'case-standards-picker',
  tags: ['autodocs'],
  render,
  args: {
    framework: CCSS_ID,
    multiple: false,
    value: '',
    theme: 'light',
    density: 'comfortable',
    dir: '',
    educationLevel: '',
    width: '960px',
  },
  argTypes: {
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    density: { control: 'inline-radio', options: ['comfortable', 'compact'] },
    dir: { control: 'inline-radio', options: ['', 'rtl'] },
    fetchOptions: { table: { disable: true } },
    packages: { table: { disable: true } },
  },
};
export default meta;
type Story = StoryObj<Args>;

/** The framework list (CFDocuments) with filter box and facets. */
export const FrameworkList: Story = { args: { framework: '' } };

/** CCSS Math opened as a tree, with details of the focused standard. */
export const Tree: Story = {};

/** A large framework while it loads: the status shows progress. (The fixture never answers.) */
export const Loading: Story = { args: { fetchOptions: { fault: 'hang', faultPackagesOnly: true } } };

/** A generated 20,000-item framework: only the visible rows are in the DOM. */
export const LargeFramework: Story = { args: { framework: LARGE_ID, packages: () => [largeFramework()] } };

/** Search with a grade filter: `education-level="04"` and the query "fractions". */
export const SearchWithFilters: Story = {
  args: { educationLevel: '04' },
  play: async ({ canvasElement }) => {
    const picker = canvasElement.querySelector<CaseStandardsPicker>('case-standards-picker')!;
    await new Promise(resolve => picker.addEventListener('case-framework-load', resolve, { once: true }));
    const input = picker.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-input"]')!;
    input.value = 'fractions';
    input.dispatchEvent(new InputEvent('input'));
  },
};

/** Multiple selection with `max="3"`; three standards are already chosen. */
export const MultipleWithMax: Story = {
  args: { multiple: true, max: 3, value: `${MP1} ${NF_A_1} 6b9fca17-d7cc-11e8-824f-0242ac160002` },
};

/** Pre-selected identifiers from CCSS, NGSS and one that no framework has: chips resolve with CFItems/{id}. */
export const PreselectedAcrossFrameworks: Story = {
  args: { multiple: true, framework: NGSS_ID, value: `${NF_A_1} 00000000-0000-4000-8000-00000000dead` },
};

/** Every error code, as the status region shows it. */
export const ErrorNetwork: Story = { args: { fetchOptions: { fault: 'network' } } };
/** HTTP 401: the server needs credentials (`tokenProvider`). */
export const ErrorAuth: Story = { args: { fetchOptions: { fault: { status: 401 } } } };
/** HTTP 404: no such framework. */
export const ErrorNotFound: Story = { args: { framework: '00000000-0000-4000-8000-000000000404' } };
/** HTTP 500 after retries. */
export const ErrorHttp: Story = { args: { fetchOptions: { fault: { status: 500 } } } };
/** An HTML login page instead of JSON. */
export const ErrorParse: Story = { args: { fetchOptions: { fault: 'html' } } };
/** JSON that is not CASE. */
export const ErrorInvalidData: Story = { args: { fetchOptions: { fault: 'wrong-shape' } } };

/** Offline: the framework opens from IndexedDB, saying how old the copy is. */
export const OfflineCached: Story = {
  args: { cacheName: 'storybook-offline', fetchOptions: { fault: 'network' } },
  loaders: [
    async () => {
      const cache = new StandardsCache('storybook-offline');
      await cache.putPackage({
        endpoint: STORY_ENDPOINT,
        documentKey: CCSS_ID,
        title: 'Common Core State Standards for Math',
        package: ccss as RawCFPackage,
        fetchedAt: Date.now() - 3 * 86_400_000,
        usedAt: Date.now(),
      });
      await cache.close();
      return {};
    },
  ],
};

/** Hostile data: script, img-onerror, svg-onload and javascript: payloads, cycles, orphans, duplicates. Nothing executes. */
export const HostileData: Story = { args: { framework: HOSTILE_ID, multiple: true } };

/** Right-to-left layout: the tree, arrows and panels mirror. */
export const RightToLeft: Story = { args: { dir: 'rtl' } };

/** The built-in dark theme (`theme="dark"`; `auto` follows the system). */
export const Dark: Story = { args: { theme: 'dark' } };

/** `density="compact"`: one-line rows and tighter spacing. */
export const Compact: Story = { args: { density: 'compact' } };

/** A custom theme through `--case-picker-*` custom properties. */
export const CustomTheme: Story = {
  args: {
    style:
      '--case-picker-font: Georgia, serif; --case-picker-color-accent: #6b21a8; --case-picker-color-focus: #6b21a8; --case-picker-color-selected-bg: #f3e8ff; --case-picker-radius: 12px; --case-picker-color-border: #7e22ce;',
    multiple: true,
    value: NF_A_1,
  },
};

/** A 320 px wide container: panels stack and nothing scrolls sideways. */
export const Narrow320: Story = { args: { width: '320px', multiple: true, value: MP1 } };

/** Selected standards that are outdated: replaced (with a one-click replacement), expired, from a deprecated framework, and one no provider knows. */
export const OutdatedChips: Story = {
  args: { multiple: true, value: [MP1, NF_A_1_REPLACED, EXPIRED_4ROA3, DEPRECATED_ITEM, MISSING].join(' ') },
};

/** An identifier no provider knows: kept and shown, but not counted, submitted or exported. */
export const NotFoundChip: Story = { args: { multiple: true, max: 1, value: MISSING } };

/** A deprecated framework opened: a notice says so. */
export const DeprecatedFramework: Story = { args: { framework: DEPRECATED_ID } };

/** A revision with an expired standard: its row carries a badge. */
export const RevisionWithExpired: Story = { args: { framework: REVISION_ID } };

/** A district framework whose standards are the same as CCSS ones: focus one to see its equivalent. */
export const DistrictWithEquivalents: Story = { args: { framework: DISTRICT_ID, multiple: true } };

const RESOURCE =
  'Fractions on the number line. Students place unit fractions such as 1/4 on a number line diagram by partitioning 0 to 1 into equal parts.';

/** `context` holds the resource's title and description: standards that match it are suggested first (built-in ranking, in the page). */
export const Suggestions: Story = { args: { multiple: true, context: RESOURCE } };

/** The host's `suggestProvider` fails: the built-in suggestions are shown, with a quiet notice. */
export const SuggestionsProviderFallback: Story = {
  args: { multiple: true, context: RESOURCE, suggestProvider: () => Promise.reject(new Error('The model server is down')) },
};

/** `variant="field"`: a compact form field with the chips and an "Add standards" button. */
export const FieldClosed: Story = { args: { variant: 'field', multiple: true, value: `${MP1} ${NF_A_1}`, width: '420px' } };

/** `variant="field"` opened: the picker in a modal dialog (full screen on a phone). Escape or Done closes it. */
export const FieldOpen: Story = {
  args: { variant: 'field', multiple: true, value: NF_A_1, width: '420px' },
  play: async ({ canvasElement }) => {
    const picker = canvasElement.querySelector<CaseStandardsPicker>('case-standards-picker')!;
    await picker.updateComplete;
    picker.showPicker();
  },
};

/** 480 px, in a right-to-left page: codes and grade ranges keep their order; badges shrink to the grade. */
export const NarrowRightToLeft: Story = { args: { width: '480px', dir: 'rtl', multiple: true, value: NF_A_1 } };

const searchFor =
  (query: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const picker = canvasElement.querySelector<CaseStandardsPicker>('case-standards-picker')!;
    await picker.ready;
    const input = picker.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-input"]')!;
    input.value = query;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  };

/** `disabled`: the selection is shown and nothing can change it. */
export const Disabled: Story = { args: { multiple: true, value: `${MP1} ${NF_A_1}`, disabled: true } };

/** `required` with nothing selected, after the form asked (`reportValidity()`): the field says why. */
export const RequiredInvalid: Story = {
  args: { variant: 'field', multiple: true, required: true, width: '420px' },
  play: async ({ canvasElement }) => {
    const picker = canvasElement.querySelector<CaseStandardsPicker>('case-standards-picker')!;
    await picker.updateComplete;
    picker.dispatchEvent(new Event('invalid'));
  },
};

/** French (`lang="fr"`): every string, dates and numbers. */
export const French: Story = { args: { lang: 'fr', multiple: true, value: NF_A_1 } };

/** Spanish (`lang="es"`), searching. */
export const Spanish: Story = { args: { lang: 'es' }, play: searchFor('fracciones equivalentes') };

/** `max="1"` reached with `multiple`: a second pick is refused with a visible, announced message. */
export const MaxReached: Story = {
  args: { multiple: true, max: 1, value: NF_A_1 },
  play: async ({ canvasElement }) => {
    const picker = canvasElement.querySelector<CaseStandardsPicker>('case-standards-picker')!;
    await picker.ready;
    picker.shadowRoot!.querySelector<HTMLElement>('[part~="treeitem"]')?.click(); // a second standard: over the limit
  },
};

/** A search that matches nothing says so. */
export const NoResults: Story = { play: searchFor('zzqx photosynthesis') };

/** Two endpoints, one of them down: the other's frameworks are listed, with a notice naming the one that failed. */
export const SeveralEndpointsOneDown: Story = {
  args: {
    framework: '',
    endpoint: `${STORY_ENDPOINT} https://district.example.org/ims/case/v1p0`,
    fetchOptions: { downHosts: ['district.example.org'] },
  },
};

/** Recently used standards on the framework list: two standards were picked, then the list was opened again. */
export const RecentlyUsed: Story = {
  args: { multiple: true, cacheName: 'storybook-recent' },
  play: async ({ canvasElement }) => {
    const picker = canvasElement.querySelector<CaseStandardsPicker>('case-standards-picker')!;
    await picker.ready;
    const rows = picker.shadowRoot!.querySelectorAll<HTMLElement>('[part~="treeitem"]');
    rows[0]?.click();
    rows[1]?.click();
    await picker.updateComplete;
    picker.framework = '';
  },
};

/** "Search in: All saved frameworks": results from every framework saved for the endpoint (NGSS was opened first), each naming its framework. */
export const SearchAllSavedFrameworks: Story = {
  args: { framework: NGSS_ID, cacheName: 'storybook-scope' },
  play: async ({ canvasElement }) => {
    const picker = canvasElement.querySelector<CaseStandardsPicker>('case-standards-picker')!;
    await picker.ready;
    picker.framework = CCSS_ID;
    await picker.ready;
    await new Promise(resolve => setTimeout(resolve, 300)); // both copies saved
    const scope = [...picker.shadowRoot!.querySelectorAll<HTMLSelectElement>('[part~="filters"] select')].at(-1)!;
    scope.value = 'endpoint';
    scope.dispatchEvent(new Event('change'));
    await searchFor('develop a model')({ canvasElement });
  },
};
