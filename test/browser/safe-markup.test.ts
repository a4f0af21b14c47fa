import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { parseInline, parseMarkup, plainText, safeHref } from '../../src/text/safe-markup.js';
import { renderMarkup } from '../../src/text/render-markup.js';

async function rendered(source: string): Promise<HTMLElement> {
  const host = await fixture<HTMLElement>(html`<div></div>`);
  render(renderMarkup(source), host);
  return host;
}

describe('safe markup', () => {
  it('keeps the inline HTML CCSS uses: em, sup, sub', async () => {
    const host = await rendered('Use <em>x</em><sup>2</sup> and H<sub>2</sub>O.');
    expect(host.querySelector('em')!.textContent).to.equal('x');
    expect(host.querySelector('sup')!.textContent).to.equal('2');
    expect(host.querySelector('sub')!.textContent).to.equal('2');
  });

  it('keeps literal < and > used as maths as text', async () => {
    const host = await rendered('Compare using >, =, and < symbols: 3 < 5 > 2.');
    expect(host.textContent).to.equal('Compare using >, =, and < symbols: 3 < 5 > 2.');
  });

  it('renders Markdown emphasis, strong, code, lists and line breaks', async () => {
    const host = await rendered('A _table_ and **bold** and `code`\nsecond line\n\n- one\n- two\n\n1. first');
    expect(host.querySelector('em')!.textContent).to.equal('table');
    expect(host.querySelector('strong')!.textContent).to.equal('bold');
    expect(host.querySelector('code')!.textContent).to.equal('code');
    expect(host.querySelector('br')).to.exist;
    expect([...host.querySelectorAll('ul li')].map(li => li.textContent)).to.deep.equal(['one', 'two']);
    expect(host.querySelector('ol li')!.textContent).to.equal('first');
  });

  it('renders the OpenSALT Markdown table and shows LaTeX as source', async () => {
    const source =
      'This contains a _table_ in markdown:\r\n\r\n| Column 1 | Column 2 |\r\n| --- | --- |\r\n| data 1 | data 2|\r\n\r\n Here is a math equation $x = {-b \\pm \\sqrt{b^2-4ac} \\over 2a}$';
    const host = await rendered(source);
    expect([...host.querySelectorAll('th')].map(th => th.textContent)).to.deep.equal(['Column 1', 'Column 2']);
    expect([...host.querySelectorAll('td')].map(td => td.textContent)).to.deep.equal(['data 1', 'data 2']);
    expect(host.querySelector('code.math')!.textContent).to.equal('x = {-b \\pm \\sqrt{b^2-4ac} \\over 2a}');
  });

  it('does not take currency for maths', () => {
    expect(plainText('earn $25 an hour, or $2.50 more')).to.equal('earn $25 an hour, or $2.50 more');
    expect(parseInline('earn $25 an hour, or $2.50').every(n => typeof n === 'string')).to.equal(true);
  });

  it('makes only http(s) links clickable', async () => {
    const host = await rendered('[ok](https://example.org/a) [bad](javascript:alert(1)) [data](data:text/html,x) [rel](/x)');
    const links = [...host.querySelectorAll('a')];
    expect(links.map(a => a.getAttribute('href'))).to.deep.equal(['https://example.org/a']);
    expect(links[0].getAttribute('rel')).to.contain('noopener');
    expect(host.textContent).to.contain('bad');
    expect(safeHref(' javascript:alert(1)')).to.equal(undefined);
    expect(safeHref('HTTPS://EXAMPLE.ORG')).to.equal('https://example.org/');
  });

  it('never creates elements from other markup', async () => {
    const host = await rendered('<img src=x onerror=alert(1)><script>alert(1)</script><a href="javascript:x">a</a><iframe src=x>');
    expect(host.querySelectorAll('img, script, a, iframe').length).to.equal(0);
    expect(host.textContent).to.contain('<img src=x onerror=alert(1)>');
  });

  it('tolerates unbalanced tags', () => {
    const nodes = parseInline('<em>open <sup>nested</em> after</sup> end');
    expect(plainText('<em>open <sup>nested</em> after</sup> end')).to.equal('open nested after end');
    expect(nodes.length).to.be.greaterThan(0);
  });

  it('splits paragraphs on blank lines', () => {
    expect(parseMarkup('a\n\nb').map(b => b.type)).to.deep.equal(['p', 'p']);
  });
});
