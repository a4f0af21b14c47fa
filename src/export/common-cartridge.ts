import type { ExportItem } from '../events.js';

/** Namespace of Common Cartridge 1.3 curriculum standards metadata (imscsmd_v1p0). */
export const CSM_NAMESPACE = 'http://www.imsglobal.org/xsd/imsccv1p3/imscsmd_v1p0';

export interface CurriculumStandardsOptions {
  /** `providerId` of curriculumStandardsMetadata. Default `CASE`. */
  providerId?: string;
  /** `region` of every setOfGUIDs; default: the framework title (one setOfGUIDs per framework). */
  region?: string;
  /** `version` of every setOfGUIDs. */
  version?: string;
  /** `resourceLabel` / `resourcePartId` of curriculumStandardsMetadataSet, when the metadata describes part of a resource. */
  resourceLabel?: string;
  resourcePartId?: string;
  /** Label of each GUID. Default: `code statement`, or the statement. */
  label?: (item: ExportItem) => string;
  /** Emit the `<?xml …?>` declaration. Default true. */
  declaration?: boolean;
}

// Characters XML 1.0 does not allow, even escaped (the control characters are the point here).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for XML element content and attribute values. */
function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function attrs(pairs: Record<string, string | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${escapeXml(v!)}"`)
    .join('');
}

function defaultLabel(item: ExportItem): string {
  const statement = (item.abbreviatedStatement ?? item.fullStatement)
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return item.humanCodingScheme ? `${item.humanCodingScheme} ${statement}`.trim() : statement || item.identifier;
}

/**
 * Common Cartridge 1.3 curriculum standards metadata for the selected items:
 * curriculumStandardsMetadataSet → curriculumStandardsMetadata @providerId → setOfGUIDs
 * @region @version (one per framework) → labelledGUID → label, GUID.
 */
export function toCurriculumStandardsMetadata(items: readonly ExportItem[], options: CurriculumStandardsOptions = {}): string {
  const label = options.label ?? defaultLabel;
  const groups = new Map<string, ExportItem[]>();
  for (const item of items) {
    if (item.status === 'not-found') continue; // an identifier no provider knows is no alignment
    const key = item.documentIdentifier || '';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const sets = [...groups.values()].map(group => {
    const region = options.region ?? group[0].documentTitle;
    const guids = group
      .map(
        item => `      <labelledGUID>
        <label>${escapeXml(label(item))}</label>
        <GUID>${escapeXml(item.identifier)}</GUID>
      </labelledGUID>`,
      )
      .join('\n');
    return `    <setOfGUIDs${attrs({ region, version: options.version })}>
${guids}
    </setOfGUIDs>`;
  });
  const declaration = options.declaration === false ? '' : '<?xml version="1.0" encoding="UTF-8"?>\n';
  return `${declaration}<curriculumStandardsMetadataSet xmlns="${CSM_NAMESPACE}"${attrs({
    resourceLabel: options.resourceLabel,
    resourcePartId: options.resourcePartId,
  })}>
  <curriculumStandardsMetadata${attrs({ providerId: options.providerId ?? 'CASE' })}>
${sets.join('\n')}
  </curriculumStandardsMetadata>
</curriculumStandardsMetadataSet>
`;
}
