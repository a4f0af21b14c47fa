import type { ExportItem } from '../events.js';

export interface AlignmentOptions {
  /** schema.org `alignmentType`. Default `teaches` (others: `assesses`, `requires`, `textComplexity`, `readingLevel`, `educationalSubject`, `educationalLevel`). */
  alignmentType?: string;
  /** The resource being tagged: the result is a `LearningResource` whose `educationalAlignment` are the items. */
  resource?: { name?: string; description?: string; url?: string };
}

/** One item as a schema.org / LRMI `AlignmentObject`. */
function alignmentObject(item: ExportItem, alignmentType: string): Record<string, string> {
  const statement = item.fullStatement
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const object: Record<string, string> = {
    '@type': 'AlignmentObject',
    alignmentType,
    targetName: item.humanCodingScheme || statement,
    targetDescription: statement,
    targetUrl: item.uri,
    identifier: item.identifier,
  };
  const framework = item.documentTitle ?? item.documentIdentifier;
  if (framework) object.educationalFramework = framework;
  return object;
}

/**
 * The selection as LRMI / schema.org JSON-LD: `AlignmentObject`s (`targetUrl` = the CASE URI,
 * `identifier` = the GUID, `educationalFramework` = the framework title), in a `@graph`, or as
 * the `educationalAlignment` of a `LearningResource` when `resource` is given. Not-found
 * identifiers are left out. Serialise with `JSON.stringify` into a
 * `<script type="application/ld+json">`.
 */
export function toAlignmentJsonLd(items: readonly ExportItem[], options: AlignmentOptions = {}): Record<string, unknown> {
  const alignments = items.filter(i => i.status !== 'not-found').map(i => alignmentObject(i, options.alignmentType ?? 'teaches'));
  const context = 'https://schema.org';
  if (!options.resource) return { '@context': context, '@graph': alignments };
  const { name, description, url } = options.resource;
  return {
    '@context': context,
    '@type': 'LearningResource',
    ...(name ? { name } : {}),
    ...(description ? { description } : {}),
    ...(url ? { url } : {}),
    educationalAlignment: alignments,
  };
}
