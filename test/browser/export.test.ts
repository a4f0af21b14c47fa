import { expect, fixture } from '@open-wc/testing';
import '../../src/case-standards-picker.js';
import { toCsv } from '../../src/export/csv.js';
import { CCSS_ID, nextEvent, v1p0 } from '../helpers.js';
import type { ExportItem } from '../../src/events.js';
import { CSM_NAMESPACE, toCurriculumStandardsMetadata } from '../../src/export/common-cartridge.js';
import { toAlignmentJsonLd } from '../../src/export/alignment.js';

const items: ExportItem[] = [
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

describe('toCsv', () => {
  it('writes code, statement, GUID, URI and framework, quoted per RFC 4180', () => {
    const csv = toCsv(items);
    const lines = csv.split('\r\n');
    expect(lines[0]).to.equal('code,statement,GUID,URI,framework');
    expect(lines[1]).to.equal(
      `4.NF.A.2,"Compare two fractions & explain ""why"" < 1",${items[0].identifier},${items[0].uri},Common Core State Standards for Math`,
    );
    expect(lines.at(-1)).to.equal('');
  });

  it('neutralises spreadsheet formulas in provider text', () => {
    const csv = toCsv([{ ...items[0], humanCodingScheme: '=HYPERLINK("http://x")', fullStatement: '+1' }]);
    expect(csv.split('\r\n')[1].startsWith(`"'=HYPERLINK(""http://x"")",'+1,`)).to.equal(true);
  });
});

describe('copy buttons', () => {
  it('copy one item from the details, and the whole selection', async () => {
    const copied: string[] = [];
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void copied.push(t) } });
    try {
      const el = document.createElement('case-standards-picker');
      Object.assign(el, { endpoint: v1p0, noCache: true, multiple: true });
      const loaded = nextEvent(el, 'case-framework-load');
      el.framework = CCSS_ID;
      await fixture(el);
      await loaded;
      await el.updateComplete;
      const rows = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="treeitem"]')];
      rows()[0].querySelector<HTMLElement>('[part~="toggle"]')!.click();
      await el.updateComplete;
      await new Promise(r => requestAnimationFrame(r)); // the toggle moves focus to its row
      await el.updateComplete;
      rows()[1].click();
      rows()[2].click();
      await el.updateComplete;
      const details = el.shadowRoot!.querySelector('[part~="details"]')!;
      [...details.querySelectorAll('button')].find(b => b.textContent === 'Copy')!.click();
      const copyAll = [...el.shadowRoot!.querySelectorAll('[part~="selection"] button')].find(
        b => b.textContent === 'Copy all',
      ) as HTMLElement;
      copyAll.click();
      await new Promise(r => setTimeout(r, 50));
      expect(copied[0]).to.match(/^MP2 Reason abstractly and quantitatively\. — https:\/\/casenetwork/);
      expect(copied[1].split('\n').map(l => l.split(' ')[0])).to.deep.equal(['MP1', 'MP2']);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
  });
});

describe('toAlignmentJsonLd', () => {
  it('gives schema.org AlignmentObjects (CASE URI, GUID, framework), in a graph or on a LearningResource', () => {
    const graph = toAlignmentJsonLd([...items, { ...items[0], identifier: 'gone', status: 'not-found' }]) as {
      '@context': string;
      '@graph': Record<string, string>[];
    };
    expect(graph['@context']).to.equal('https://schema.org');
    expect(graph['@graph']).to.have.length(2);
    expect(graph['@graph'][0]).to.deep.equal({
      '@type': 'AlignmentObject',
      alignmentType: 'teaches',
      targetName: '4.NF.A.2',
      targetDescription: 'Compare two fractions & explain "why" < 1',
      targetUrl: items[0].uri,
      identifier: items[0].identifier,
      educationalFramework: 'Common Core State Standards for Math',
    });
    const resource = toAlignmentJsonLd(items, { alignmentType: 'assesses', resource: { name: 'Quiz', url: 'https://lms.example/q/1' } });
    expect(resource['@type']).to.equal('LearningResource');
    expect(resource.name).to.equal('Quiz');
    const alignments = resource.educationalAlignment as Record<string, string>[];
    expect(alignments.map(a => a.alignmentType)).to.deep.equal(['assesses', 'assesses']);
    expect(JSON.parse(JSON.stringify(resource))).to.deep.equal(resource);
  });
});

describe('downloads from the selection tray', () => {
  it('export-csv and export-cc download the selection (not-found identifiers left out)', async () => {
    const el = document.createElement('case-standards-picker');
    Object.assign(el, {
      endpoint: v1p0,
      noCache: true,
      multiple: true,
      framework: CCSS_ID,
      value: `${items[0].identifier} 00000000-0000-4000-8000-00000000dead`,
    });
    await fixture(el);
    await nextEvent(el, 'case-value-resolve');
    await el.updateComplete;
    const saved: { name: string; blob: Blob }[] = [];
    const blobs = new Map<string, Blob>();
    const createObjectURL = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, blob);
      return url;
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob: blobs.get(this.href)! });
    };
    try {
      el.shadowRoot!.querySelector<HTMLElement>('[part~="export-csv"]')!.click();
      el.shadowRoot!.querySelector<HTMLElement>('[part~="export-cc"]')!.click();
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(saved.map(s => s.name)).to.deep.equal(['standards.csv', 'curriculum-standards.xml']);
    const csv = await saved[0].blob.text();
    expect(csv.split('\r\n').filter(Boolean)).to.have.length(2); // header and the one standard found
    expect(csv).to.contain(items[0].identifier);
    const xml = new DOMParser().parseFromString(await saved[1].blob.text(), 'application/xml');
    expect([...xml.getElementsByTagName('GUID')].map(g => g.textContent)).to.deep.equal([items[0].identifier]);
    expect(saved[0].blob.type).to.contain('text/csv');
  });
});
