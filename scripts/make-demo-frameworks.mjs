// Writes three small demo frameworks into data/frameworks, hand-made from the CCSS Math file
// (deterministic; run again to refresh): a district framework whose standards are `exactMatchOf`
// CCSS standards, a grade 4 revision whose standards replace CCSS ones (`replacedBy`, held in the
// revision's package, as crosswalks are) with one already expired, and a deprecated framework.
// See data/frameworks/ATTRIBUTION.md.
import { readFileSync, writeFileSync } from 'node:fs';

const dir = new URL('../data/frameworks/', import.meta.url);
const ccss = JSON.parse(readFileSync(new URL('ccss-math-casenetwork-v1p0.json', dir), 'utf8'));
const byCode = new Map(ccss.CFItems.filter(i => i.humanCodingScheme).map(i => [i.humanCodingScheme, i]));
const ccssDoc = ccss.CFDocument;
const id = (prefix, n) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
const link = (item, title = item.humanCodingScheme ?? item.title) => ({ title, identifier: item.identifier, uri: item.uri });
const stamp = '2025-06-01T00:00:00+00:00';

function framework({ prefix, title, creator, adoptionStatus, notes, items }) {
  const docId = id(prefix, 0);
  const document = {
    identifier: docId,
    uri: `https://case.example.org/uri/${docId}`,
    creator,
    title,
    lastChangeDateTime: stamp,
    adoptionStatus,
    language: 'en',
    subject: ['Mathematics'],
    notes,
  };
  const docLink = { title, identifier: docId, uri: document.uri };
  const CFItems = [];
  const CFAssociations = [];
  items.forEach((spec, n) => {
    const item = {
      identifier: id(prefix, n + 1),
      uri: `https://case.example.org/uri/${id(prefix, n + 1)}`,
      fullStatement: spec.statement,
      humanCodingScheme: spec.code,
      CFItemType: 'Standard',
      educationLevel: spec.grades,
      lastChangeDateTime: stamp,
      language: 'en',
      ...(spec.statusEndDate ? { statusEndDate: spec.statusEndDate } : {}),
    };
    CFItems.push(item);
    const assoc = (k, type, origin, destination) => ({
      identifier: id(prefix, 1000 + n * 10 + k),
      uri: `https://case.example.org/uri/${id(prefix, 1000 + n * 10 + k)}`,
      associationType: type,
      originNodeURI: origin,
      destinationNodeURI: destination,
      lastChangeDateTime: stamp,
      ...(type === 'isChildOf' ? { sequenceNumber: n + 1 } : {}),
    });
    CFAssociations.push(assoc(0, 'isChildOf', link(item), docLink));
    if (spec.sameAs) CFAssociations.push(assoc(1, 'exactMatchOf', link(item), link(spec.sameAs)));
    if (spec.replaces) CFAssociations.push(assoc(2, 'replacedBy', link(spec.replaces), link(item)));
  });
  return { CFDocument: document, CFItems, CFAssociations };
}

const pick = code => {
  const item = byCode.get(code);
  if (!item) throw new Error(`no CCSS item ${code}`);
  return item;
};

const district = framework({
  prefix: 'd15c0000',
  title: 'Springfield District Math Priorities (demo)',
  creator: 'Springfield Public Schools (fictional)',
  adoptionStatus: 'Adopted',
  notes: 'A hand-made demo district framework: each standard is the same as (exactMatchOf) a CCSS Math standard.',
  items: ['3.NF.A.1', '4.NF.A.1', '4.NF.A.2', '5.NF.A.1', '4.NBT.A.1', '6.RP.A.1'].map(code => ({
    code: `SPS.${code}`,
    statement: pick(code).fullStatement,
    grades: pick(code).educationLevel,
    sameAs: pick(code),
  })),
});

const revision = framework({
  prefix: 'de7a0000',
  title: 'CCSS Math Grade 4 Revision (demo)',
  creator: 'Demo State Department of Education (fictional)',
  adoptionStatus: 'Adopted',
  notes: 'A hand-made demo revision: its standards replace CCSS Math grade 4 ones (replacedBy, held here); 4.R.OA.3 has already expired.',
  items: [
    { code: '4.R.NF.1', from: '4.NF.A.1' },
    { code: '4.R.NF.2', from: '4.NF.A.2' },
    { code: '4.R.NBT.1', from: '4.NBT.A.1' },
    { code: '4.R.OA.3', from: '4.OA.A.3', statusEndDate: '2024-06-30' },
  ].map(({ code, from, statusEndDate }) => ({
    code,
    statement: `${pick(from).fullStatement} (Revised.)`,
    grades: ['04'],
    replaces: pick(from),
    statusEndDate,
  })),
});

const deprecated = framework({
  prefix: 'dead0000',
  title: 'Legacy State Math Standards 2010 (demo, deprecated)',
  creator: 'Demo State Department of Education (fictional)',
  adoptionStatus: 'Deprecated',
  notes: 'A hand-made demo of a deprecated framework.',
  items: ['K.CC.A.1', '1.OA.A.1', '2.NBT.A.1'].map(code => ({
    code: `L.${code}`,
    statement: pick(code).fullStatement,
    grades: pick(code).educationLevel,
  })),
});

for (const [file, pkg] of [
  ['demo-district-equivalents.json', district],
  ['demo-ccss-grade4-revision.json', revision],
  ['demo-deprecated-framework.json', deprecated],
]) {
  writeFileSync(new URL(file, dir), `${JSON.stringify(pkg, null, 2)}\n`);
  console.log(`${file}: ${pkg.CFItems.length} items (links to ${ccssDoc.title})`);
}
