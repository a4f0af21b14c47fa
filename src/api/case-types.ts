/**
 * Shapes of CASE 1.0 / 1.1 records as they arrive over the wire.
 *
 * Real providers are loose with the specification (plain-string LinkURIs, `educationalLevel`,
 * numbers sent as strings, extension fields), so every field is optional and typed as `unknown`
 * where providers disagree. Normalisation (`model/normalize.ts`) turns these into the strict model.
 */

/** A CASE LinkURI. Some providers send a plain URI string instead. */
export interface CaseLinkURI {
  title?: string;
  identifier?: string;
  uri?: string;
  targetType?: string;
}

export interface RawCFDocument {
  identifier?: unknown;
  uri?: unknown;
  title?: unknown;
  creator?: unknown;
  publisher?: unknown;
  version?: unknown;
  subject?: unknown;
  adoptionStatus?: unknown;
  lastChangeDateTime?: unknown;
  language?: unknown;
  description?: unknown;
  notes?: unknown;
  officialSourceURL?: unknown;
  CFPackageURI?: unknown;
  [extension: string]: unknown;
}

export interface RawCFItem {
  identifier?: unknown;
  uri?: unknown;
  fullStatement?: unknown;
  alternativeLabel?: unknown;
  abbreviatedStatement?: unknown;
  humanCodingScheme?: unknown;
  listEnumeration?: unknown;
  CFItemType?: unknown;
  CFItemTypeURI?: unknown;
  educationLevel?: unknown;
  /** Non-standard spelling sent by early OpenSALT versions. */
  educationalLevel?: unknown;
  conceptKeywords?: unknown;
  notes?: unknown;
  language?: unknown;
  lastChangeDateTime?: unknown;
  CFDocumentURI?: unknown;
  [extension: string]: unknown;
}

export interface RawCFAssociation {
  identifier?: unknown;
  uri?: unknown;
  associationType?: unknown;
  sequenceNumber?: unknown;
  originNodeURI?: unknown;
  destinationNodeURI?: unknown;
  lastChangeDateTime?: unknown;
  [extension: string]: unknown;
}

export interface RawCFPackage {
  CFDocument?: unknown;
  CFItems?: unknown;
  CFAssociations?: unknown;
  CFDefinitions?: unknown;
  [extension: string]: unknown;
}

/** The association types of CASE 1.0/1.1. Extensions use the `ext:` prefix. */
export const ASSOCIATION_TYPES = [
  'isChildOf',
  'isPeerOf',
  'isPartOf',
  'exactMatchOf',
  'precedes',
  'isRelatedTo',
  'replacedBy',
  'exemplar',
  'hasSkillLevel',
  'isTranslationOf',
] as const;
export type AssociationType = (typeof ASSOCIATION_TYPES)[number] | `ext:${string}`;
