// Deterministic generator of realistic CASE 1.0 CFPackages of any size, for tests and the
// benchmark. Pure JavaScript with no Node or DOM APIs, so it runs in both.
// Shape: grade → domain → cluster → standard → component (a, b, c), with CCSS-like codes
// (`3.NF.A.1`, `3.NF.A.1b`), grade levels, item types and statements built from a vocabulary.

const GRADES = ['KG', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
const DOMAINS = [
  ['NF', 'Number and Operations—Fractions'],
  ['NBT', 'Number and Operations in Base Ten'],
  ['OA', 'Operations and Algebraic Thinking'],
  ['MD', 'Measurement and Data'],
  ['G', 'Geometry'],
  ['RP', 'Ratios and Proportional Relationships'],
  ['EE', 'Expressions and Equations'],
  ['SP', 'Statistics and Probability'],
];
const VERBS = [
  'Understand',
  'Explain',
  'Compare',
  'Use',
  'Apply',
  'Interpret',
  'Solve',
  'Represent',
  'Recognize',
  'Generate',
  'Fluently add and subtract',
  'Measure',
  'Estimate',
  'Classify',
  'Analyze',
];
const OBJECTS = [
  'equivalent fractions',
  'place value',
  'multi-digit whole numbers',
  'unit fractions',
  'decimal notation',
  'area and perimeter',
  'line plots',
  'angles and rotations',
  'ratios and rates',
  'linear equations',
  'expressions with exponents',
  'data distributions',
  'two-dimensional shapes',
  'volume of solids',
  'rounding to the nearest ten',
  'the distributive property',
  'coordinate planes',
  'probability models',
  'measurement units',
  'patterns and relationships',
];
const CONTEXTS = [
  'using visual fraction models',
  'by reasoning about their size',
  'to solve word problems',
  'with models and drawings',
  'based on place value strategies',
  'in real-world and mathematical problems',
  'by using the number line',
  'including problems with remainders',
  'and justify the conclusions',
  'with symbols such as >, =, and <',
  'in contexts involving money',
  'when the whole is the same',
];
const LETTERS = 'ABCDEFGH';

/** Mulberry32: small, fast, deterministic PRNG. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(rand) {
  const hex = () => Math.floor(rand() * 16).toString(16);
  let s = '';
  for (let i = 0; i < 32; i++) s += i === 12 ? '4' : i === 16 ? '8' : hex();
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * @param {number} itemCount exact number of CFItems
 * @param {{ seed?: number, title?: string, identifier?: string, host?: string }} [options]
 * @returns {{ CFDocument: object, CFItems: object[], CFAssociations: object[], CFDefinitions: object }}
 */
export function generateFramework(itemCount, options = {}) {
  const rand = random(options.seed ?? 1);
  const pick = list => list[Math.floor(rand() * list.length)];
  const host = options.host ?? 'https://case.example.org';
  const docId = options.identifier ?? uuid(rand);
  const title = options.title ?? `Generated Mathematics Framework (${itemCount} items)`;
  const items = [];
  const associations = [];
  const link = (identifier, t) => ({ title: t, identifier, uri: `${host}/uri/${identifier}` });
  const doc = {
    identifier: docId,
    uri: `${host}/uri/${docId}`,
    CFPackageURI: link(docId, title),
    creator: 'Benchmark Generator',
    title,
    lastChangeDateTime: '2025-01-01T00:00:00+00:00',
    version: '1.0',
    subject: ['Mathematics'],
    language: 'en',
    adoptionStatus: 'Adopted',
  };
  const add = (parentId, parentTitle, fields, type, levels, seq) => {
    if (items.length >= itemCount) return undefined;
    const identifier = uuid(rand);
    const item = {
      identifier,
      uri: `${host}/uri/${identifier}`,
      CFDocumentURI: link(docId, title),
      ...fields,
      CFItemType: type,
      educationLevel: levels,
      language: 'en',
      lastChangeDateTime: '2025-01-01T00:00:00+00:00',
    };
    items.push(item);
    associations.push({
      identifier: uuid(rand),
      uri: `${host}/uri/assoc-${items.length}`,
      associationType: 'isChildOf',
      sequenceNumber: seq,
      originNodeURI: link(identifier, fields.fullStatement.slice(0, 40)),
      destinationNodeURI: link(parentId, parentTitle),
      lastChangeDateTime: '2025-01-01T00:00:00+00:00',
    });
    return item;
  };
  const statement = () => `${pick(VERBS)} ${pick(OBJECTS)} ${pick(CONTEXTS)}.`;
  // Standards per cluster, so the tree reaches itemCount with 13 grades × 6 domains × 4 clusters.
  const perCluster = Math.max(1, Math.ceil((itemCount / GRADES.length - 31) / 60));

  for (let round = 0; items.length < itemCount; round++) {
    GRADES.forEach((grade, g) => {
      const gradeLabel = grade === 'KG' ? 'K' : String(Number(grade));
      const gradeTitle = `Grade ${gradeLabel}${round ? ` (part ${round + 1})` : ''}`;
      const gradeItem = add(
        docId,
        title,
        { fullStatement: gradeTitle, humanCodingScheme: `${gradeLabel}${round ? `-${round + 1}` : ''}` },
        'Grade Level',
        [grade],
        g + 1,
      );
      if (!gradeItem) return;
      for (let d = 0; d < 6; d++) {
        const [code, name] = DOMAINS[(g + d) % DOMAINS.length];
        const domainCode = `${gradeLabel}.${code}`;
        const domain = add(
          gradeItem.identifier,
          gradeTitle,
          { fullStatement: name, humanCodingScheme: domainCode },
          'Domain',
          [grade],
          d + 1,
        );
        if (!domain) return;
        for (let c = 0; c < 4; c++) {
          const clusterCode = `${domainCode}.${LETTERS[c]}`;
          const cluster = add(
            domain.identifier,
            name,
            { fullStatement: statement(), humanCodingScheme: clusterCode },
            'Cluster',
            [grade],
            c + 1,
          );
          if (!cluster) return;
          for (let s = 1; s <= perCluster; s++) {
            const standardCode = `${clusterCode}.${s}`;
            const full =
              `${statement()} ${rand() < 0.5 ? `For example, ${pick(VERBS).toLowerCase()} ${pick(OBJECTS)} ${pick(CONTEXTS)}.` : ''}`.trim();
            const standard = add(
              cluster.identifier,
              clusterCode,
              { fullStatement: full, humanCodingScheme: standardCode, listEnumeration: String(s), conceptKeywords: [pick(OBJECTS)] },
              'Standard',
              [grade],
              s,
            );
            if (!standard) return;
            const components = Math.floor(rand() * 4);
            for (let k = 0; k < components; k++) {
              const letter = 'abcd'[k];
              if (
                !add(
                  standard.identifier,
                  standardCode,
                  { fullStatement: statement(), humanCodingScheme: `${standardCode}${letter}`, listEnumeration: letter },
                  'Component',
                  [grade],
                  k + 1,
                )
              )
                return;
            }
          }
        }
      }
    });
  }
  return {
    CFDocument: doc,
    CFItems: items,
    CFAssociations: associations,
    CFDefinitions: { CFConcepts: [], CFSubjects: [], CFLicenses: [], CFItemTypes: [], CFAssociationGroupings: [] },
  };
}
