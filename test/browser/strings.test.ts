import { expect } from '@open-wc/testing';
import { formatDate, formatNumber, plural, prepareFormats } from '../../src/strings.js';

describe('formatting (strings)', () => {
  it('words dates in the language, and leaves what is not a date as it is', () => {
    expect(formatDate('2018-10-24T12:00:00Z', 'en')).to.equal('Oct 24, 2018');
    expect(formatDate('2018-10-24T12:00:00Z', 'fr')).to.equal('24 oct. 2018');
    expect(formatDate('soon', 'en')).to.equal('soon');
  });

  it('falls back to an ISO date for a language tag Intl rejects', () => {
    expect(() => prepareFormats('not a tag!')).not.to.throw();
    expect(formatDate('2018-10-24T12:00:00Z', 'not a tag!')).to.equal('2018-10-24');
  });

  it('counts with the plural rules and digit grouping of the language', () => {
    expect(plural(1, 'framework', 'frameworks', 'en')).to.equal('1 framework');
    expect(plural(1234, 'framework', 'frameworks', 'en')).to.equal('1,234 frameworks');
    expect(formatNumber(1234, 'fr')).to.equal('1\u202f234');
  });
});
