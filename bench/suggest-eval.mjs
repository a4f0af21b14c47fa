// The quality of suggested standards: recall@5 and MRR of the built-in ranking against plain
// fuse.js search over the same text, on the hand-labelled descriptions in bench/suggest-eval.json.
// Runs in Node on the built ES modules (`npm run build` first). `node bench/suggest-eval.mjs`
// prints the table; bench/run.mjs calls `evaluateSuggestions()` and keeps the figures.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const FRAMEWORKS = { ccss: 'ccss-math-casenetwork-v1p0.json', ngss: 'ngss-science-opensalt-v1p0.json' };
const K = 5;

export async function evaluateSuggestions() {
  const { normalizePackage } = await import(`${root}dist/model/normalize.js`);
  const { SearchIndex } = await import(`${root}dist/search/search-index.js`);
  const { FrameworkTree } = await import(`${root}dist/tree/tree-model.js`);
  const { suggest, isHeadingItem } = await import(`${root}dist/search/suggest.js`);
  const { cases } = JSON.parse(readFileSync(`${root}bench/suggest-eval.json`, 'utf8'));

  const sources = {};
  for (const [name, file] of Object.entries(FRAMEWORKS)) {
    const framework = normalizePackage(JSON.parse(readFileSync(`${root}data/frameworks/${file}`, 'utf8')));
    const tree = new FrameworkTree(framework);
    const fuse = new Fuse(framework.items, {
      keys: ['humanCodingScheme', 'abbreviatedStatement', 'fullStatement', 'conceptKeywords', 'notes'],
      ignoreLocation: true,
    });
    sources[name] = { framework, tree, index: SearchIndex.build(framework.items), fuse };
  }

  const rankers = {
    builtIn: (source, text) =>
      suggest(source.index, text, { isHeading: item => isHeadingItem(item, source.tree.childrenOf(item.key).length > 0) }).suggestions.map(
        s => s.key,
      ),
    fuse: (source, text) =>
      source.fuse
        .search(text)
        .slice(0, 10)
        .map(r => r.item.key),
  };

  const report = {};
  for (const split of ['tune', 'test']) {
    const chosen = cases.filter(c => c.split === split);
    report[split] = { cases: chosen.length };
    for (const [name, rank] of Object.entries(rankers)) {
      let recall = 0;
      let reciprocal = 0;
      for (const c of chosen) {
        const source = sources[c.framework];
        const codeOf = key => source.framework.itemsByKey.get(key)?.humanCodingScheme;
        const wanted = new Set(c.codes);
        const codes = rank(source, c.text).map(codeOf);
        // Recall@5 over the labelled codes a case has (at most 5 can be found).
        const found = new Set(codes.slice(0, K).filter(code => wanted.has(code)));
        recall += found.size / Math.min(K, wanted.size);
        const first = codes.findIndex(code => wanted.has(code));
        reciprocal += first >= 0 ? 1 / (first + 1) : 0;
      }
      report[split][name] = { recallAt5: recall / chosen.length, mrr: reciprocal / chosen.length };
    }
  }
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = await evaluateSuggestions();
  const pct = n => `${Math.round(n * 1000) / 10}%`;
  console.log('| set | cases | built-in recall@5 | built-in MRR | fuse.js recall@5 | fuse.js MRR |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [split, r] of Object.entries(report)) {
    console.log(
      `| ${split} | ${r.cases} | ${pct(r.builtIn.recallAt5)} | ${r.builtIn.mrr.toFixed(2)} | ${pct(r.fuse.recallAt5)} | ${r.fuse.mrr.toFixed(2)} |`,
    );
  }
}
