import type { RawCFAssociation, RawCFDocument, RawCFItem, RawCFPackage } from '../api/case-types.js';

/** A CFDocument (framework) as the picker uses it. `raw` keeps every field the provider sent. */
export interface CaseDocument {
  identifier: string;
  /** Lower-cased identifier: CASE identifiers are UUIDs and compare case-insensitively. */
  key: string;
  uri: string;
  title: string;
  creator?: string;
  publisher?: string;
  version?: string;
  subject: readonly string[];
  adoptionStatus?: string;
  lastChangeDateTime?: string;
  language?: string;
  description?: string;
  notes?: string;
  officialSourceURL?: string;
  /** CASE 1.1: what kind of framework this is (free text). */
  frameworkType?: string;
  /** CASE 1.1: the version of CASE the document was written for (`1.0`, `1.1`). */
  caseVersion?: string;
  /** The date the framework takes effect, and the date it stops being in effect (`YYYY-MM-DD…`). */
  statusStartDate?: string;
  statusEndDate?: string;
  /** Its licence (`licenseURI`). */
  license?: AssociationEnd;
  /** The CASE base it was listed by (several endpoints: the first that lists it). */
  endpoint?: string;
  /** Other endpoints that list the same document (mirrors), in order. */
  mirrors?: string[];
  raw: RawCFDocument;
}

/** A CFItem as the picker uses it. `raw` keeps every field the provider sent. */
export interface CaseItem {
  identifier: string;
  key: string;
  uri: string;
  fullStatement: string;
  abbreviatedStatement?: string;
  alternativeLabel?: string;
  humanCodingScheme?: string;
  listEnumeration?: string;
  itemType?: string;
  educationLevel: readonly string[];
  conceptKeywords: readonly string[];
  notes?: string;
  language?: string;
  lastChangeDateTime?: string;
  /** Subjects of the item itself (`subject`, with `subjectURI` titles when only those are given). */
  subject: readonly string[];
  statusStartDate?: string;
  statusEndDate?: string;
  license?: AssociationEnd;
  raw: RawCFItem;
}

/** One end of an association. `key` is set when the identifier is known. */
export interface AssociationEnd {
  identifier?: string;
  key?: string;
  uri?: string;
  title?: string;
  /** CASE 1.1 `LinkGenURI.targetType`: `CASE`, or an `ext:` term for what is not a CASE object. */
  targetType?: string;
  /** The end is not a CASE object (a `targetType` other than `CASE`): shown as an external link. */
  external?: boolean;
}

export interface CaseAssociation {
  identifier?: string;
  type: string;
  origin: AssociationEnd;
  destination: AssociationEnd;
  sequenceNumber?: number;
  notes?: string;
  raw: RawCFAssociation;
}

/** Why a record, or part of one, could not be used. Counted, never fatal. */
export type DiagnosticReason =
  | 'item-not-object'
  | 'item-without-identifier'
  | 'duplicate-item'
  | 'association-not-object'
  | 'association-without-type'
  | 'association-missing-end'
  | 'duplicate-association'
  | 'self-loop'
  | 'dangling-parent'
  | 'orphan'
  | 'cycle'
  | 'wrong-field-type';

export type Diagnostics = Partial<Record<DiagnosticReason, number>>;

export interface Framework {
  document: CaseDocument;
  /** Usable items, unique by key, in provider order. */
  items: CaseItem[];
  itemsByKey: Map<string, CaseItem>;
  /** Usable associations (both ends present; unique). */
  associations: CaseAssociation[];
  /** `CFDefinitions.CFItemTypes` titles by lower-cased identifier. */
  itemTypeTitles: Map<string, string>;
  /** The package's CFRubrics (identifier, title, description), as sent. */
  rubrics: readonly { identifier: string; title?: string; description?: string }[];
  /** Counts of records, or parts of records, that could not be used. */
  diagnostics: Diagnostics;
  /** The package exactly as the provider sent it. */
  raw: RawCFPackage;
}

export function addDiagnostic(diagnostics: Diagnostics, reason: DiagnosticReason, n = 1): void {
  diagnostics[reason] = (diagnostics[reason] ?? 0) + n;
}
