import { CaseApiError, CaseErrorCode } from '../api/case-api-error.js';
import type { RawCFAssociation, RawCFDocument, RawCFItem, RawCFPackage } from '../api/case-types.js';
import {
  addDiagnostic,
  type AssociationEnd,
  type CaseAssociation,
  type CaseDocument,
  type CaseItem,
  type Diagnostics,
  type Framework,
} from './framework.js';

type Json = Record<string, unknown>;

const UUID_AT_END = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Canonical comparison key of a CASE identifier. */
export function identifierKey(identifier: string): string {
  return identifier.trim().toLowerCase();
}

/**
 * Reads a text field. Numbers become strings; anything else that is present but not text is
 * counted as `wrong-field-type` and ignored.
 */
function text(value: unknown, diagnostics: Diagnostics): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  addDiagnostic(diagnostics, 'wrong-field-type');
  return undefined;
}

/** Shared by every record without a list: most items have no keywords, many no grades. */
const NO_TEXT: readonly string[] = Object.freeze([]);

/**
 * A list of strings from an array, or a comma / whitespace separated string, each passed
 * through `map`.
 */
function textList(value: unknown, diagnostics: Diagnostics, separator: RegExp, map: (s: string) => string = s => s): readonly string[] {
  if (value === undefined || value === null) return NO_TEXT;
  let out: string[];
  if (typeof value === 'string') {
    out = [];
    for (const s of value.split(separator)) if (s.trim()) out.push(map(s.trim()));
  } else if (Array.isArray(value)) {
    out = [];
    for (const entry of value) {
      const s = text(entry, diagnostics);
      if (s) out.push(map(s.trim()));
    }
  } else {
    addDiagnostic(diagnostics, 'wrong-field-type');
    return NO_TEXT;
  }
  return out.length ? out : NO_TEXT;
}

/**
 * Normalises a CASE education level: `K` → `KG`, `1` → `01`, `pk` → `PK`. Unknown values are
 * kept as sent.
 */
function normalizeEducationLevel(level: string): string {
  const s = level.trim().toUpperCase();
  if (s.length === 1 && s >= '0' && s <= '9') return `0${s}`;
  if (s === 'K' || s === 'KINDERGARTEN') return 'KG';
  return s;
}

/**
 * Reads a CASE LinkURI: an object (`identifier`, `uri`, `title`) or, from early providers, a
 * plain URI string. The identifier falls back to a UUID at the end of the URI.
 */
export function linkURI(value: unknown, diagnostics: Diagnostics = {}): AssociationEnd | undefined {
  if (typeof value === 'string') {
    const uri = value.trim();
    if (!uri) return undefined;
    const identifier = UUID_AT_END.exec(uri)?.[1];
    return { uri, identifier, key: identifier ? identifierKey(identifier) : undefined };
  }
  if (!isObject(value)) {
    if (value !== undefined && value !== null) addDiagnostic(diagnostics, 'wrong-field-type');
    return undefined;
  }
  const uri = text(value.uri, diagnostics);
  let identifier = text(value.identifier, diagnostics);
  if (!identifier && uri) identifier = UUID_AT_END.exec(uri)?.[1];
  if (!identifier && !uri) return undefined;
  const targetType = text(value.targetType, diagnostics);
  const external = !!targetType && targetType !== 'CASE';
  return {
    identifier,
    // An end that is not a CASE object never matches an item, whatever its identifier.
    key: identifier && !external ? identifierKey(identifier) : undefined,
    uri,
    title: text(value.title, diagnostics),
    ...(targetType ? { targetType, external } : {}),
  };
}

/** Normalises one CFDocument (a package's, or one from `CFDocuments`), or throws `invalid-data`. */
export function normalizeDocument(raw: unknown): CaseDocument {
  const diagnostics: Diagnostics = {};
  if (!isObject(raw)) {
    throw new CaseApiError(CaseErrorCode.invalidData, 'The CFPackage has no CFDocument.');
  }
  const identifier = text(raw.identifier, diagnostics);
  if (!identifier) {
    throw new CaseApiError(CaseErrorCode.invalidData, 'The CFDocument has no identifier.');
  }
  return {
    identifier,
    key: identifierKey(identifier),
    uri: text(raw.uri, diagnostics) ?? '',
    title: text(raw.title, diagnostics) ?? identifier,
    creator: text(raw.creator, diagnostics),
    publisher: text(raw.publisher, diagnostics),
    version: text(raw.version, diagnostics),
    subject: textList(raw.subject, diagnostics, /\s*,\s*/),
    adoptionStatus: text(raw.adoptionStatus, diagnostics),
    lastChangeDateTime: text(raw.lastChangeDateTime, diagnostics),
    language: text(raw.language, diagnostics),
    description: text(raw.description, diagnostics),
    notes: text(raw.notes, diagnostics),
    officialSourceURL: text(raw.officialSourceURL, diagnostics),
    frameworkType: text(raw.frameworkType, diagnostics),
    caseVersion: text(raw.caseVersion, diagnostics),
    statusStartDate: text(raw.statusStartDate, diagnostics),
    statusEndDate: text(raw.statusEndDate, diagnostics),
    license: linkURI(raw.licenseURI, diagnostics),
    raw: raw as RawCFDocument,
  };
}

/** Normalises one CFItem; `undefined` when it has no identifier. */
export function normalizeItem(raw: unknown, diagnostics: Diagnostics): CaseItem | undefined {
  if (!isObject(raw)) {
    addDiagnostic(diagnostics, 'item-not-object');
    return undefined;
  }
  const identifier = text(raw.identifier, diagnostics);
  if (!identifier) {
    addDiagnostic(diagnostics, 'item-without-identifier');
    return undefined;
  }
  const levels = raw.educationLevel ?? raw.educationalLevel;
  return {
    identifier,
    key: identifierKey(identifier),
    uri: text(raw.uri, diagnostics) ?? '',
    fullStatement: text(raw.fullStatement, diagnostics) ?? '',
    abbreviatedStatement: text(raw.abbreviatedStatement, diagnostics),
    alternativeLabel: text(raw.alternativeLabel, diagnostics),
    humanCodingScheme: text(raw.humanCodingScheme, diagnostics),
    listEnumeration: text(raw.listEnumeration, diagnostics),
    itemType: text(raw.CFItemType, diagnostics) ?? linkURI(raw.CFItemTypeURI, diagnostics)?.title,
    educationLevel: textList(levels, diagnostics, /[\s,]+/, normalizeEducationLevel),
    conceptKeywords: textList(raw.conceptKeywords, diagnostics, /\s*,\s*/),
    notes: text(raw.notes, diagnostics),
    language: text(raw.language, diagnostics),
    lastChangeDateTime: text(raw.lastChangeDateTime, diagnostics),
    subject: subjectsOf(raw.subject, raw.subjectURI, diagnostics),
    statusStartDate: text(raw.statusStartDate, diagnostics),
    statusEndDate: text(raw.statusEndDate, diagnostics),
    license: linkURI(raw.licenseURI, diagnostics),
    raw: raw as RawCFItem,
  };
}

/** Subjects as words: `subject`, else the titles of `subjectURI` links. */
function subjectsOf(subject: unknown, links: unknown, diagnostics: Diagnostics): readonly string[] {
  const words = textList(subject, diagnostics, /\s*,\s*/);
  if (words.length || !Array.isArray(links)) return words;
  const titles = links.map(l => linkURI(l, diagnostics)?.title).filter((t): t is string => !!t);
  return titles.length ? titles : words;
}

function sequenceNumber(value: unknown, diagnostics: Diagnostics): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (Number.isFinite(n)) return n;
  addDiagnostic(diagnostics, 'wrong-field-type');
  return undefined;
}

function normalizeAssociation(raw: unknown, diagnostics: Diagnostics): CaseAssociation | undefined {
  if (!isObject(raw)) {
    addDiagnostic(diagnostics, 'association-not-object');
    return undefined;
  }
  const type = text(raw.associationType, diagnostics);
  if (!type) {
    addDiagnostic(diagnostics, 'association-without-type');
    return undefined;
  }
  const origin = linkURI(raw.originNodeURI, diagnostics);
  const destination = linkURI(raw.destinationNodeURI, diagnostics);
  if (!origin || !destination) {
    addDiagnostic(diagnostics, 'association-missing-end');
    return undefined;
  }
  return {
    identifier: text(raw.identifier, diagnostics),
    type,
    origin,
    destination,
    sequenceNumber: sequenceNumber(raw.sequenceNumber, diagnostics),
    notes: text(raw.notes, diagnostics),
    raw: raw as RawCFAssociation,
  };
}

/**
 * Builds the framework model from a CFPackage given in parts: the CFDocument first, then
 * CFItems and CFAssociations in any number of batches (as they arrive from the cache), then the
 * whole package. `normalizePackage` does it in one go.
 */
export class PackageNormalizer {
  private readonly diagnostics: Diagnostics = {};
  private readonly document: CaseDocument;
  private readonly items: CaseItem[] = [];
  private readonly itemsByKey = new Map<string, CaseItem>();
  private readonly associations: CaseAssociation[] = [];
  private readonly seenAssociations = new Set<string>();

  /** Throws `invalid-data` when the package has no usable CFDocument. */
  constructor(rawDocument: unknown) {
    this.document = normalizeDocument(rawDocument);
  }

  addItems(records: readonly unknown[]): void {
    const { diagnostics, itemsByKey, items, document } = this;
    for (const rawItem of records) {
      const item = normalizeItem(rawItem, diagnostics);
      if (!item) continue;
      if (itemsByKey.has(item.key) || item.key === document.key) {
        addDiagnostic(diagnostics, 'duplicate-item');
        continue;
      }
      itemsByKey.set(item.key, item);
      items.push(item);
    }
  }

  addAssociations(records: readonly unknown[]): void {
    const { diagnostics, seenAssociations } = this;
    for (const rawAssociation of records) {
      const association = normalizeAssociation(rawAssociation, diagnostics);
      if (!association) continue;
      const id = association.identifier
        ? identifierKey(association.identifier)
        : `${association.type}|${association.origin.key ?? association.origin.uri}|${association.destination.key ?? association.destination.uri}`;
      if (seenAssociations.has(id)) {
        addDiagnostic(diagnostics, 'duplicate-association');
        continue;
      }
      seenAssociations.add(id);
      this.associations.push(association);
    }
  }

  /** Completes the model with the package's definitions; `raw` is kept as the package as sent. */
  finish(raw: RawCFPackage): Framework {
    const { diagnostics, items } = this;
    for (const name of ['CFItems', 'CFAssociations'] as const) {
      const value = raw[name];
      if (value !== undefined && value !== null && !Array.isArray(value)) addDiagnostic(diagnostics, 'wrong-field-type');
    }
    const itemTypeTitles = new Map<string, string>();
    const definitions = isObject(raw.CFDefinitions) ? raw.CFDefinitions : undefined;
    if (definitions && Array.isArray(definitions.CFItemTypes)) {
      for (const type of definitions.CFItemTypes) {
        if (!isObject(type)) continue;
        const id = text(type.identifier, diagnostics);
        const title = text(type.title, diagnostics);
        if (id && title) itemTypeTitles.set(identifierKey(id), title);
      }
    }
    // Items that name their type only through CFItemTypeURI.identifier.
    for (const item of items) {
      if (item.itemType) continue;
      const typeId = linkURI(item.raw.CFItemTypeURI, diagnostics)?.key;
      if (typeId) item.itemType = itemTypeTitles.get(typeId);
    }
    const rubrics = (Array.isArray(raw.CFRubrics) ? raw.CFRubrics : []).flatMap(r => {
      const identifier = isObject(r) ? text(r.identifier, diagnostics) : undefined;
      return identifier && isObject(r)
        ? [{ identifier, title: text(r.title, diagnostics), description: text(r.description, diagnostics) }]
        : [];
    });
    const { document, itemsByKey, associations } = this;
    return { document, items, itemsByKey, associations, itemTypeTitles, rubrics, diagnostics, raw };
  }
}

/**
 * Turns a CFPackage as sent by any CASE 1.0/1.1 provider into the picker's framework model.
 *
 * Tolerant by design: one bad record never fails the framework. Unusable records are skipped
 * and counted in `diagnostics`; every usable item stays reachable. Only a package without a
 * usable CFDocument throws (`invalid-data`).
 */
export function normalizePackage(raw: unknown): Framework {
  if (!isObject(raw)) {
    throw new CaseApiError(CaseErrorCode.invalidData, 'The response is not a CFPackage object.');
  }
  const pkg = raw as RawCFPackage;
  const normalizer = new PackageNormalizer(pkg.CFDocument);
  if (Array.isArray(pkg.CFItems)) normalizer.addItems(pkg.CFItems);
  if (Array.isArray(pkg.CFAssociations)) normalizer.addAssociations(pkg.CFAssociations);
  return normalizer.finish(pkg);
}
