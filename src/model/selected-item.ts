import type { SelectedItem } from '../events.js';
import type { CaseDocument, CaseItem } from './framework.js';
import { itemStatus, lifecycleOf } from './item-status.js';
import { linkURI } from './normalize.js';

/**
 * The item as hosts receive it, with its framework (or, resolved on its own, its
 * CFDocumentURI) and its status given its known replacements.
 */
export function toSelectedItem(
  item: CaseItem,
  document?: CaseDocument,
  replacedBy: readonly string[] = [],
  endpoint?: string,
): SelectedItem {
  const docLink = document ? undefined : linkURI(item.raw.CFDocumentURI);
  const status = itemStatus(lifecycleOf(item), document, replacedBy);
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
    status,
    ...(replacedBy.length ? { replacedBy: [...replacedBy] } : {}),
    ...(endpoint ? { endpoint } : {}),
  };
}
