import type { SelectedItem } from '../events.js';
import type { CaseDocument, CaseItem } from './framework.js';
import { linkURI } from './normalize.js';

/** The item as hosts receive it, with its framework (or, resolved on its own, its CFDocumentURI). */
export function toSelectedItem(item: CaseItem, document?: CaseDocument): SelectedItem {
  const docLink = document ? undefined : linkURI(item.raw.CFDocumentURI);
  return {
    identifier: item.identifier,
    uri: item.uri,
    fullStatement: item.fullStatement,
    humanCodingScheme: item.humanCodingScheme,
    abbreviatedStatement: item.abbreviatedStatement,
    itemType: item.itemType,
    educationLevel: [...item.educationLevel],
    documentIdentifier: document?.identifier ?? docLink?.identifier ?? '',
    documentTitle: document?.title ?? docLink?.title,
    documentUri: document?.uri ?? docLink?.uri,
  };
}
