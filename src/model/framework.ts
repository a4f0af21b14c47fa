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
  raw: RawCFItem;
}

/** One end of an association. `key` is set when the identifier is known. */
export interface AssociationEnd {
  identifier?: string;
  key?: string;
  uri?: string;
  title?: string;
}

export interface CaseAssociation {
  identifier?: string;
  type: string;
  origin: AssociationEnd;
  destination: AssociationEnd;
  sequenceNumber?: number;
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
  /** Counts of records, or parts of records, that could not be used. */
  diagnostics: Diagnostics;
  /** The package exactly as the provider sent it. */
  raw: RawCFPackage;
}

export function addDiagnostic(diagnostics: Diagnostics, reason: DiagnosticReason, n = 1): void {
  diagnostics[reason] = (diagnostics[reason] ?? 0) + n;
}
