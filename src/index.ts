// Importing the package registers <case-standards-picker> (once) and exports the element class
// and the helpers.
export { CaseStandardsPicker, defineCaseStandardsPicker } from './case-standards-picker.js';
export { CaseClient } from './api/case-client.js';
export type {
  CaseClientOptions,
  CaseVersion,
  ItemAssociationsResponse,
  NotModifiedResponse,
  PackageRequestOptions,
  PackageResponse,
  RequestOptions,
  TokenProvider,
} from './api/case-client.js';
export { CaseApiError, CaseErrorCode } from './api/case-api-error.js';
export type { CaseApiErrorOptions } from './api/case-api-error.js';
export type * from './api/case-types.js';
export type * from './model/framework.js';
export { normalizePackage } from './model/normalize.js';
export { FrameworkTree, OTHER_ITEMS_KEY } from './tree/tree-model.js';
export type { TreeRow, ItemRelation } from './tree/tree-model.js';
export { SearchIndex } from './search/search-index.js';
export type { SearchHit, SearchOptions, SearchResult } from './search/search-index.js';
export { StandardsCache } from './cache/standards-cache.js';
export { CaseErrorEvent, CaseFrameworkLoadEvent, CaseSelectionChangeEvent } from './events.js';
export type { CaseErrorDetail, FrameworkLoadDetail, SelectedItem, SelectionChangeDetail } from './events.js';
export { englishStrings } from './strings.js';
export { frenchStrings } from './locales/fr.js';
export { spanishStrings } from './locales/es.js';
export { registerStrings, stringsFor } from './locales/index.js';
export type { PickerStrings } from './strings.js';
export { toCurriculumStandardsMetadata } from './export/common-cartridge.js';
export type { CurriculumStandardsOptions } from './export/common-cartridge.js';
export { toCsv, toPlainText } from './export/csv.js';
export { isHeadingItem, suggest } from './search/suggest.js';
export type { SuggestOptions, SuggestResult, Suggestion } from './search/suggest.js';
export type { SuggestProvider } from './picker/controllers/suggestions.controller.js';
export { toAlignmentJsonLd } from './export/alignment.js';
export type { AlignmentOptions } from './export/alignment.js';
