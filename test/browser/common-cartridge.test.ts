import { expect } from '@open-wc/testing';
import type { SelectedItem } from '../../src/events.js';
import { CSM_NAMESPACE, toCurriculumStandardsMetadata } from '../../src/export/common-cartridge.js';

const items: SelectedItem[] = [
  {
    identifier: '6b9f345f-d7cc-11e8-824f-0242ac160002',
    uri: 'https://casenetwork.imsglobal.org/uri/6b9f345f-d7cc-11e8-824f-0242ac160002',
    fullStatement: 'Compare <em>two</em> fractions & explain "why" < 1',
    humanCodingScheme: '4.NF.A.2',
    documentIdentifier: 'c6496676-d7cb-11e8-824f-0242ac160002',
    documentTitle: 'Common Core State Standards for Math',
  },
  {
    identifier: '33a3177c-d7cc-11e8-824f-0242ac160002',
    uri: 'https://example.org/ngss',
    fullStatement: 'Plan and conduct an investigation\u0001',
    documentIdentifier: 'c608881b-d7cb-11e8-824f-0242ac160002',
    documentTitle: 'NGSS',
  },
];

describe('toCurriculumStandardsMetadata', () => {
  it('produces well-formed CC 1.3 curriculum standards metadata, one setOfGUIDs per framework', () => {
    const xml = toCurriculumStandardsMetadata(items, { providerId: 'lms.example', version: '2010' });
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    const root = doc.documentElement;
    expect(root.localName).to.equal('curriculumStandardsMetadataSet');
    expect(root.namespaceURI).to.equal(CSM_NAMESPACE);
    const metadata = root.getElementsByTagName('curriculumStandardsMetadata')[0];
    expect(metadata.getAttribute('providerId')).to.equal('lms.example');
    const sets = [...metadata.getElementsByTagName('setOfGUIDs')];
    expect(sets.map(s => s.getAttribute('region'))).to.deep.equal(['Common Core State Standards for Math', 'NGSS']);
    expect(sets[0].getAttribute('version')).to.equal('2010');
    const labelled = sets[0].getElementsByTagName('labelledGUID')[0];
    expect([...labelled.children].map(c => c.localName)).to.deep.equal(['label', 'GUID']);
    expect(labelled.getElementsByTagName('GUID')[0].textContent).to.equal(items[0].identifier);
    expect(labelled.getElementsByTagName('label')[0].textContent).to.equal('4.NF.A.2 Compare two fractions & explain "why" < 1');
  });

  it('drops characters XML cannot carry, and takes a custom label', () => {
    const xml = toCurriculumStandardsMetadata(items, { label: i => i.identifier.slice(0, 8), declaration: false });
    expect(xml.startsWith('<curriculumStandardsMetadataSet')).to.equal(true);
    expect(xml).to.not.contain('\u0001');
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(doc.getElementsByTagName('label')[1].textContent).to.equal('33a3177c');
  });
});
