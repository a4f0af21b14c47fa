// CASE 1.1 answers from CASE 1.0-shaped (or loosely shaped) records. Each record is conformed
// to its 1.1 data type (server/case-v1p1-shapes.json, generated from the official OpenAPI
// description): properties the type does not have are left out, 1.0 strings become LinkURI
// objects, dates gain a timezone, identifiers are lower-cased UUIDs, and required properties
// the source lacks are derived (a URI from the provider, the framework's LinkURI, its date).
// A record whose required properties cannot be derived (an association without an end) is
// left out rather than sent malformed.
import { readFileSync } from 'node:fs';

const SHAPES = JSON.parse(readFileSync(new URL('./case-v1p1-shapes.json', import.meta.url), 'utf8'));
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/;
const ABSOLUTE_URI = /^[a-z][a-z0-9+.-]*:[^\s]*$/i;
const EXT_TERM = /^ext:[a-zA-Z0-9.\-_]+$/;

/** Where records come from and how to name what they lack: the provider's origin, the framework, a fallback date. */
export class Conformer {
  /**
   * @param {{ origin: string, document: Record<string, any>, lastChange: string, titleOf?: (identifier: string) => string | undefined }} ctx
   */
  constructor(ctx) {
    this.ctx = ctx;
  }

  /** The framework's identifier, lower-cased (as every 1.1 identifier is). */
  get documentId() {
    return uuidOf(this.ctx.document.identifier) ?? String(this.ctx.document.identifier).toLowerCase();
  }

  /** A URI for a record the source gave none: its 1.1 REST address on this provider. */
  uriFor(resource, identifier) {
    return `${this.ctx.origin}/ims/case/v1p1/${resource}/${encodeURIComponent(identifier)}`;
  }

  documentLink() {
    const doc = this.ctx.document;
    return {
      title: text(doc.title) ?? this.documentId,
      identifier: this.documentId,
      uri: absolute(doc.uri) ?? this.uriFor('CFDocuments', this.documentId),
    };
  }

  packageLink() {
    const doc = this.ctx.document;
    return { title: text(doc.title) ?? this.documentId, identifier: this.documentId, uri: this.uriFor('CFPackages', this.documentId) };
  }

  /** `value` conformed to data type `type`, or `undefined` when it cannot be. */
  conform(value, type) {
    const shape = SHAPES[type];
    if (!shape || !isRecord(value)) return undefined;
    if (shape.open) return value;
    const out = {};
    for (const [name, kind] of Object.entries(shape.props)) {
      if (value[name] === undefined || value[name] === null) continue;
      const conformed = this.value(value[name], kind);
      if (conformed !== undefined) out[name] = conformed;
    }
    // 1.0 spellings of 1.1 fields.
    if (type.endsWith('ItemDType') && out.educationLevel === undefined && Array.isArray(value.educationalLevel)) {
      out.educationLevel = value.educationalLevel.filter(l => typeof l === 'string');
    }
    for (const name of shape.required) {
      if (out[name] === undefined) {
        const derived = this.derive(type, name, out, value);
        if (derived !== undefined) out[name] = derived;
      }
    }
    return shape.required.every(name => out[name] !== undefined) ? out : undefined;
  }

  /** A list conformed item by item; items that cannot be are left out. */
  conformAll(list, type) {
    return (Array.isArray(list) ? list : []).map(v => this.conform(v, type)).filter(v => v !== undefined);
  }

  value(v, kind) {
    if (typeof kind === 'object') {
      if ('ref' in kind) return kind.ref.startsWith('Link') ? this.link(v, kind.ref) : this.conform(v, kind.ref);
      if ('array' in kind) {
        const list = Array.isArray(v) ? v : [v];
        const out = list
          .map(x => (kind.array.startsWith('Link') ? this.link(x, kind.array) : this.conform(x, kind.array)))
          .filter(x => x !== undefined);
        return out.length ? out : undefined;
      }
      if ('enum' in kind) return kind.enum.includes(v) ? v : undefined;
      if ('vocabulary' in kind) {
        if (kind.vocabulary.includes(v) || (typeof v === 'string' && EXT_TERM.test(v))) return v;
        return typeof v === 'string' && v ? `ext:${v.replace(/[^a-zA-Z0-9.\-_]/g, '_')}` : undefined;
      }
    }
    switch (kind) {
      case 'string':
        return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
      case 'string[]': {
        const list = (Array.isArray(v) ? v : [v]).filter(x => typeof x === 'string');
        return list.length ? list : undefined;
      }
      case 'uuid':
        // Not a UUID (an early export's made-up identifier): kept, so the record is not lost.
        return uuidOf(v) ?? (typeof v === 'string' && v.trim() ? v.trim().toLowerCase() : undefined);
      case 'uri':
        return absolute(v);
      case 'integer':
        return Number.isInteger(Number(v)) && v !== '' && typeof v !== 'boolean' ? Number(v) : undefined;
      case 'number':
        return Number.isFinite(Number(v)) && v !== '' && typeof v !== 'boolean' ? Number(v) : undefined;
      case 'date-time':
        return dateTime(v);
      case 'date':
        return dateTime(v)?.slice(0, 10);
      default:
        return undefined;
    }
  }

  /** A LinkURI (or LinkGenURI) from an object or a 1.0-style bare URI string. */
  link(v, type) {
    const from = typeof v === 'string' ? { uri: v } : isRecord(v) ? v : undefined;
    if (!from) return undefined;
    const uri = absolute(from.uri);
    const lastSegment = uri ? decodeURIComponent(uri.split(/[/#?]/).filter(Boolean).pop() ?? '') : undefined;
    const strictId = type === 'LinkURIDType';
    const identifier = strictId
      ? (uuidOf(from.identifier) ?? uuidOf(lastSegment) ?? text(from.identifier)?.toLowerCase())
      : (text(from.identifier) ?? lastSegment);
    if (!identifier) return undefined;
    const out = {
      title: text(from.title) ?? this.ctx.titleOf?.(identifier) ?? identifier,
      identifier,
      uri: uri ?? this.uriFor('CFItems', identifier),
    };
    if (type === 'LinkGenURIDType' && from.targetType !== undefined) {
      const targetType = this.value(from.targetType, SHAPES.LinkGenURIDType.props.targetType);
      if (targetType) out.targetType = targetType;
    }
    return out;
  }

  /** A required property the source lacks, where it can be named. */
  derive(type, name, out, source) {
    const doc = this.ctx.document;
    switch (name) {
      case 'uri': {
        const resource = RESOURCE_OF[type];
        return resource && out.identifier ? this.uriFor(resource, out.identifier) : undefined;
      }
      case 'lastChangeDateTime':
        return dateTime(doc.lastChangeDateTime) ?? this.ctx.lastChange;
      case 'CFDocumentURI':
        return this.documentLink();
      case 'CFPackageURI':
        return this.packageLink();
      case 'creator':
        return text(source.publisher) ?? text(doc.creator) ?? text(doc.publisher) ?? 'Unknown';
      case 'title':
        return text(source.name) ?? text(source.fullStatement) ?? out.identifier;
      case 'fullStatement':
        return text(source.abbreviatedStatement) ?? text(source.humanCodingScheme) ?? '';
      case 'description':
        return text(source.title) ?? out.title ?? '';
      case 'hierarchyCode':
        return '1';
      case 'licenseText':
        return text(source.description) ?? '';
      default:
        return undefined;
    }
  }
}

/** The REST resource each record type is served from (for URIs derived on this provider). */
const RESOURCE_OF = {
  CFDocumentDType: 'CFDocuments',
  CFPckgDocumentDType: 'CFDocuments',
  CFItemDType: 'CFItems',
  CFPckgItemDType: 'CFItems',
  CFAssociationDType: 'CFAssociations',
  CFPckgAssociationDType: 'CFAssociations',
  CFItemTypeDType: 'CFItemTypes',
  CFSubjectDType: 'CFSubjects',
  CFConceptDType: 'CFConcepts',
  CFLicenseDType: 'CFLicenses',
  CFAssociationGroupingDType: 'CFAssociationGroupings',
  CFRubricDType: 'CFRubrics',
  CFRubricCriterionDType: 'CFRubrics',
  CFRubricCriterionLevelDType: 'CFRubrics',
};

function isRecord(v) {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function text(v) {
  return typeof v === 'string' && v.trim() ? v : undefined;
}

function absolute(v) {
  return typeof v === 'string' && ABSOLUTE_URI.test(v.trim()) ? v.trim() : undefined;
}

/** A lower-cased UUID found in `v` (CASE 1.1 identifiers are UUIDs in lower case). */
function uuidOf(v) {
  if (typeof v !== 'string') return undefined;
  return UUID.exec(v.toLowerCase())?.[0] === v.toLowerCase() ? v.toLowerCase() : undefined;
}

/** An RFC 3339 date-time with a timezone: 1.0 files often have none (read as UTC) or a space for `T`. */
export function dateTime(v) {
  if (typeof v !== 'string') return undefined;
  const s = v.trim().replace(' ', 'T');
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return `${s}T00:00:00Z`;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (m) {
    const zone = m[4] ? (m[4].toUpperCase() === 'Z' ? 'Z' : m[4].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : 'Z';
    return `${m[1]}${m[2] ?? ':00'}${zone}`;
  }
  const time = Date.parse(s);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
