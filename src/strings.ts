import type { CaseErrorCode } from './api/case-api-error.js';

/**
 * Every built-in string of the picker. Override any of them through the `strings` property;
 * functions receive the numbers or names they talk about, so plurals and word order stay right.
 */
export interface PickerStrings {
  pickerLabel: string;
  frameworks: string;
  frameworkFilter: string;
  frameworkFilterPlaceholder: string;
  allSubjects: string;
  allCreators: string;
  allStatuses: string;
  subject: string;
  creator: string;
  adoptionStatus: string;
  showRetired: string;
  frameworkCount: (shown: number, total: number) => string;
  /** A long framework list shows its first matches: the button that shows the rest. */
  showMoreFrameworks: (more: number) => string;
  noFrameworks: string;
  lastChange: (date: string) => string;
  version: (version: string) => string;
  back: string;
  loadingFrameworks: string;
  loadingFramework: string;
  downloading: (mb: string, totalMb?: string) => string;
  building: string;
  /** A query typed before the open framework can be searched (its index is still being read). */
  preparingSearch: string;
  frameworkLoaded: (title: string, count: number) => string;
  offline: (age: string) => string;
  updatedInBackground: string;
  search: string;
  searchPlaceholder: string;
  filters: string;
  grade: string;
  /** Accessible name of the first grade of the range. */
  gradeFrom: string;
  /** Accessible name of the last grade of the range. */
  gradeTo: string;
  allGrades: string;
  itemType: string;
  allItemTypes: string;
  gradeName: (level: string) => string;
  resultCount: (count: number, total: number) => string;
  noResults: (query: string) => string;
  showInTree: string;
  searchScope: string;
  scopeFramework: string;
  scopeEndpoint: (count: number) => string;
  expandAll: string;
  collapseAll: string;
  otherItems: string;
  details: string;
  /** Tooltip of a row's details control. */
  showDetails: string;
  detailsEmpty: string;
  statement: string;
  abbreviatedStatement: string;
  code: string;
  type: string;
  grades: string;
  keywords: string;
  notes: string;
  language: string;
  lastChanged: string;
  uri: string;
  associations: string;
  associationType: (type: string) => string;
  outsideFramework: string;
  /** An association's end that is not a CASE object (`targetType` other than CASE). */
  externalResource: string;
  license: string;
  /** Label of the dates a standard is in effect. */
  validity: string;
  /** When a standard is in effect (`statusStartDate` / `statusEndDate`), either end may be missing. */
  inEffect: (from?: string, to?: string) => string;
  breadcrumb: string;
  selectionEmpty: string;
  selectedCount: (count: number) => string;
  remove: (label: string) => string;
  clearSelection: string;
  copy: string;
  copyAll: string;
  /** The selection tray's downloads: CSV and Common Cartridge curriculum standards metadata. */
  downloadCsv: string;
  downloadCommonCartridge: string;
  copied: string;
  copyFailed: string;
  added: (label: string) => string;
  removed: (label: string) => string;
  maxReached: (max: number) => string;
  resolving: string;
  /** Why a chip is marked outdated, in words (`replacement`: the replacement's code or label). */
  outdated: (status: 'replaced' | 'deprecated' | 'expired' | 'not-found', replacement?: string) => string;
  /** The details panel's list of the same standards in other frameworks. */
  equivalents: string;
  findingEquivalents: string;
  /** How an equivalent relates: the same standard (`exactMatchOf`) or a related one (`isRelatedTo`). */
  equivalentRelation: (relation: 'exact' | 'related') => string;
  /** The button that selects an equivalent. */
  addEquivalent: (label: string) => string;
  /** A pasted list of codes: how many matched, and the codes that matched nothing. */
  codesFound: (found: number, missing: readonly string[]) => string;
  /** The button that selects every item of a list of codes. */
  selectCodes: (count: number) => string;
  /** Announced after several standards were selected at once (`leftOut`: refused by `max`). */
  addedMany: (count: number, leftOut: number) => string;
  /** The details button that selects every standard (descendant without children) of a branch. */
  selectBranch: (count: number, branch: string) => string;
  /** Read after a branch row whose standards are partly selected. */
  partlySelected: string;
  /** Heading of the suggested standards for the host's `context`. */
  suggestions: string;
  /** While the host's `suggestProvider` ranks. */
  findingSuggestions: string;
  /** The host's provider failed: the picker's own suggestions are shown. */
  suggestionsFallback: string;
  /** Nothing in the framework matches the context. */
  noSuggestions: string;
  /** `variant="field"`: the button that opens the picker (`count` selected so far). */
  openPicker: (count: number) => string;
  /** `variant="field"`: the dialog's title and its close button. */
  dialogTitle: string;
  done: string;
  /** The toggle that filters the tree to the selected items and their ancestors. */
  showSelectedOnly: string;
  /** Narrow layouts: closes the details shown over the list. */
  backToList: string;
  /** Several endpoints: one could not be read (`provider`: its host; `words`: why, in words). */
  endpointFailed: (provider: string, words: string) => string;
  /** The framework list's provider facet, and a framework's provider. */
  provider: string;
  allProviders: string;
  /** Recently selected standards (framework list and the open framework). */
  recent: string;
  recentItem: (label: string, framework: string) => string;
  /** The badge of an outdated row or result. */
  statusBadge: (status: 'replaced' | 'deprecated' | 'expired' | 'not-found') => string;
  /** The notice above a framework that is deprecated, retired or expired. */
  frameworkOutdated: (status: 'deprecated' | 'expired') => string;
  /** The button that swaps an outdated standard for its replacement. */
  replaceWith: (label: string) => string;
  /** Announced after a replacement. */
  replacedWith: (old: string, replacement: string) => string;
  notFound: (identifier: string) => string;
  required: string;
  retry: string;
  errors: Record<CaseErrorCode, string>;
  noEndpoint: string;
  diagnostics: (skipped: number) => string;
  untitled: string;
}

/** `1 standard`, `2 standards`: a count with the singular or plural noun. */
export const plural = (n: number, one: string, many: string, lang = 'en') =>
  `${formatNumber(n, lang)} ${formatsFor(lang).rules.select(n) === 'one' ? one : many}`;

/** `12,345` in English, `12 345` in French. */
export const formatNumber = (n: number, lang = 'en') => formatsFor(lang).numbers.format(n);

/** `24 Oct 2018` in the language (the value itself when it is not a date). */
export function formatDate(value: string, lang = 'en'): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  try {
    return formatsFor(lang).dates.format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

interface Formats {
  rules: Intl.PluralRules;
  numbers: Intl.NumberFormat;
  dates: Intl.DateTimeFormat;
}

/**
 * Intl formatters by language, made once: a result count is worded on every keystroke, and a
 * long framework list has hundreds of dates (`toLocaleDateString` would build one per call).
 */
const formats = new Map<string, Formats>();
function formatsFor(lang: string): Formats {
  let entry = formats.get(lang);
  if (!entry) {
    entry = {
      rules: new Intl.PluralRules(lang),
      numbers: new Intl.NumberFormat(lang),
      dates: new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric' }),
    };
    formats.set(lang, entry);
  }
  return entry;
}

/**
 * Makes the language's formatters ahead of need. The first Intl formatters of a page cost
 * 10–20 ms (their locale data loads): made while the picker waits for the network, they are not
 * paid by the render that shows the answer.
 */
export function prepareFormats(lang: string): void {
  try {
    // Their first use costs too: some of the data loads then.
    const { numbers, rules, dates } = formatsFor(lang);
    numbers.format(1234.5);
    rules.select(2);
    dates.format(0);
  } catch {
    // not a valid language tag: nothing to prepare
  }
}

const ASSOCIATION_LABELS: Record<string, string> = {
  exactMatchOf: 'Same as',
  'exactMatchOf:incoming': 'Same as',
  isRelatedTo: 'Related to',
  'isRelatedTo:incoming': 'Related to',
  replacedBy: 'Replaced by',
  'replacedBy:incoming': 'Replaces',
  precedes: 'Comes before',
  'precedes:incoming': 'Comes after',
  exemplar: 'Has exemplar',
  'exemplar:incoming': 'Exemplar of',
  isPeerOf: 'Peer of',
  'isPeerOf:incoming': 'Peer of',
  isPartOf: 'Part of',
  'isPartOf:incoming': 'Has part',
  hasSkillLevel: 'Has skill level',
  'hasSkillLevel:incoming': 'Skill level of',
  isTranslationOf: 'Translation of',
  'isTranslationOf:incoming': 'Has translation',
  isChildOf: 'Child of',
  'isChildOf:incoming': 'Parent of',
};

export const englishStrings: PickerStrings = {
  pickerLabel: 'Learning standards picker',
  frameworks: 'Frameworks',
  frameworkFilter: 'Filter frameworks',
  frameworkFilterPlaceholder: 'Filter by title, creator or subject',
  allSubjects: 'All subjects',
  allCreators: 'All creators',
  allStatuses: 'All statuses',
  subject: 'Subject',
  creator: 'Creator',
  adoptionStatus: 'Adoption status',
  showRetired: 'Show deprecated and retired',
  frameworkCount: (shown, total) =>
    shown === total ? plural(total, 'framework', 'frameworks') : `${formatNumber(shown)} of ${plural(total, 'framework', 'frameworks')}`,
  noFrameworks: 'No frameworks match.',
  showMoreFrameworks: more => `Show ${plural(more, 'more framework', 'more frameworks')}`,
  lastChange: date => `Updated ${date}`,
  version: version => `Version ${version}`,
  back: 'All frameworks',
  loadingFrameworks: 'Loading frameworks…',
  loadingFramework: 'Loading framework…',
  downloading: (mb, total) => (total ? `Downloading ${mb} of ${total} MB…` : `Downloading ${mb} MB…`),
  building: 'Building the tree and search index…',
  preparingSearch: 'Preparing the search…',
  frameworkLoaded: (title, count) => `${title} loaded, ${plural(count, 'standard', 'standards')}.`,
  offline: age => `Offline: showing the copy saved ${age}.`,
  updatedInBackground: 'This framework was updated by its provider; the new version is shown.',
  search: 'Search standards',
  searchPlaceholder: 'Search by code or words, e.g. 4.NF.A.1 or fractions',
  filters: 'Filters',
  grade: 'Grade',
  gradeFrom: 'Grade (from)',
  gradeTo: 'Grade (to)',
  allGrades: 'All grades',
  itemType: 'Type',
  allItemTypes: 'All types',
  gradeName: level => (level === 'KG' ? 'Kindergarten' : level === 'PK' ? 'Pre-K' : /^\d+$/.test(level) ? `Grade ${Number(level)}` : level),
  resultCount: (count, total) =>
    count === total ? plural(total, 'result', 'results') : `${formatNumber(count)} of ${plural(total, 'result', 'results')}`,
  noResults: query =>
    query
      ? `No standards match “${query}”. Check the spelling, try fewer words, or clear the filters.`
      : 'No standards match these filters.',
  showInTree: 'Show in tree',
  searchScope: 'Search in',
  scopeFramework: 'This framework',
  scopeEndpoint: count => (count > 1 ? `All saved frameworks (${count})` : 'All saved frameworks'),
  expandAll: 'Expand all',
  collapseAll: 'Collapse all',
  otherItems: 'Other items',
  details: 'Details',
  showDetails: 'Show details without selecting',
  detailsEmpty: 'Focus a standard to see its details.',
  statement: 'Statement',
  abbreviatedStatement: 'Short statement',
  code: 'Code',
  type: 'Type',
  grades: 'Grades',
  keywords: 'Keywords',
  notes: 'Notes',
  language: 'Language',
  lastChanged: 'Last changed',
  uri: 'CASE URI',
  associations: 'Associations',
  associationType: type => ASSOCIATION_LABELS[type] ?? (type.startsWith('ext:') ? type.slice(4).replace(/:incoming$/, ' (reverse)') : type),
  outsideFramework: 'outside this framework',
  externalResource: 'external resource',
  license: 'Licence',
  validity: 'In effect',
  inEffect: (from, to) => (from && to ? `${from} to ${to}` : from ? `Since ${from}` : `Until ${to}`),
  breadcrumb: 'Path',
  selectionEmpty: 'No standards selected.',
  selectedCount: count => `${plural(count, 'standard', 'standards')} selected`,
  remove: label => `Remove ${label}`,
  clearSelection: 'Clear all',
  copy: 'Copy',
  copyAll: 'Copy all',
  downloadCsv: 'Download CSV',
  downloadCommonCartridge: 'Download Common Cartridge',
  copied: 'Copied to the clipboard.',
  copyFailed: 'The clipboard is not available here.',
  added: label => `Selected ${label}.`,
  removed: label => `Removed ${label}.`,
  maxReached: max => `You can select at most ${plural(max, 'standard', 'standards')}. Remove one to pick another.`,
  resolving: 'Loading…',
  outdated: (status, replacement) =>
    status === 'replaced'
      ? replacement
        ? `Replaced by ${replacement}`
        : 'Replaced by a newer standard'
      : status === 'deprecated'
        ? 'Deprecated: no longer to be aligned to'
        : status === 'expired'
          ? 'Expired: no longer in effect'
          : 'Not found on the standards service',
  equivalents: 'Equivalent standards',
  findingEquivalents: 'Looking for equivalent standards…',
  equivalentRelation: relation => (relation === 'exact' ? 'Same as' : 'Related'),
  addEquivalent: label => `Add ${label}`,
  codesFound: (found, missing) =>
    `${plural(found, 'standard', 'standards')} with these codes.` +
    (missing.length ? ` No standard has the code ${missing.join(', ')}.` : ''),
  selectCodes: count => `Select all ${plural(count, 'standard', 'standards')}`,
  addedMany: (count, leftOut) =>
    `Selected ${plural(count, 'standard', 'standards')}.` + (leftOut ? ` ${formatNumber(leftOut)} more did not fit the limit.` : ''),
  selectBranch: (count, branch) => `Select all ${plural(count, 'standard', 'standards')} in ${branch}`,
  partlySelected: 'some selected',
  suggestions: 'Suggested for this resource',
  findingSuggestions: 'Finding suggestions…',
  suggestionsFallback: 'The suggestion service did not answer: these suggestions were made in the page.',
  noSuggestions: 'No standard matches this resource’s description yet.',
  openPicker: count => (count ? 'Change standards' : 'Add standards'),
  dialogTitle: 'Choose standards',
  done: 'Done',
  showSelectedOnly: 'Show selected only',
  backToList: 'Back to the list',
  endpointFailed: (provider, words) => `Frameworks from ${provider} are missing: ${words}`,
  provider: 'Provider',
  allProviders: 'All providers',
  recent: 'Recently used',
  recentItem: (label, framework) => `${label} (${framework})`,
  statusBadge: status => ({ replaced: 'Replaced', deprecated: 'Deprecated', expired: 'Expired', 'not-found': 'Not found' })[status],
  frameworkOutdated: status =>
    status === 'deprecated'
      ? 'This framework is deprecated or retired: its standards should no longer be aligned to. Look for its successor in the framework list.'
      : 'This framework is no longer in effect (its end date has passed). Look for its successor in the framework list.',
  replaceWith: label => `Replace with ${label}`,
  replacedWith: (old, replacement) => `Replaced ${old} with ${replacement}.`,
  notFound: identifier => `Not found: ${identifier}`,
  required: 'Select at least one standard.',
  retry: 'Try again',
  errors: {
    network: 'The standards server could not be reached. Check the connection (or the server’s CORS settings) and try again.',
    http: 'The standards server reported an error. Try again in a moment.',
    auth: 'This standards service needs you to sign in through your school’s system. If you are signed in, ask your administrator to connect it.',
    'not-found': 'This framework or standard was not found on the standards server.',
    parse: 'The standards server sent something that is not JSON (a login page or the wrong endpoint?).',
    'invalid-data': 'The standards server sent data that is not in the CASE format.',
    storage: 'Frameworks cannot be kept offline in this browser; they will be downloaded each time.',
  },
  noEndpoint: 'No CASE endpoint is set.',
  diagnostics: skipped => `${plural(skipped, 'record', 'records')} in this framework could not be used and were skipped.`,
  untitled: '(no statement)',
};

/** Relative age in words: "3 minutes ago", "2 days ago". */
export function formatAge(ms: number, lang = 'en'): string {
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const minutes = Math.round(ms / 60_000);
  if (Math.abs(minutes) < 60) return rtf.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return rtf.format(-hours, 'hour');
  return rtf.format(-Math.round(hours / 24), 'day');
}
