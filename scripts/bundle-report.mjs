// `npm run bundle-report [-- --write]`: what each module costs in the one-file bundle. Bundles
// the same entry as `dist/case-standards-picker.bundle.js` with esbuild (minified, with a
// metafile), and prints the bytes each package, folder and file adds. Gzip is not additive, so
// a module's gzip figure is its share of the minified bytes times the whole bundle's gzip size.
// `--write` puts the tables into the README between the `bundle-report` markers.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/case-standards-picker.bundle.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  metafile: true,
  outfile: 'bundle-report.js',
  logLevel: 'warning',
});
const output = result.outputFiles.find(f => f.path.endsWith('.js'));
const totalMin = output.contents.length;
const totalGzip = gzipSync(output.contents, { level: 9 }).length;
const inputs = Object.values(result.metafile.outputs).find(o => o.entryPoint)?.inputs ?? {};

/** `node_modules/lit-html/…` → `lit-html`; `src/picker/views/x.ts` → `src/picker/views`. */
const packageOf = path => {
  const parts = path.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return parts.slice(0, -1).join('/') || path;
  return parts[at + 1].startsWith('@') ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1];
};
const groups = new Map();
for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
  const key = packageOf(path);
  groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
}
const kib = bytes => (bytes / 1024).toFixed(1);
const row = (name, bytes) =>
  `| ${name} | ${kib(bytes)} | ${kib((bytes / totalMin) * totalGzip)} | ${((bytes / totalMin) * 100).toFixed(1)} % |`;
const header = ['| module | KiB minified | ≈ KiB gzip | share |', '|---|---:|---:|---:|'];
const byGroup = [...groups].sort((a, b) => b[1] - a[1]);
const byFile = Object.entries(inputs)
  .map(([path, { bytesInOutput }]) => [path.replace(/^.*node_modules\//, ''), bytesInOutput])
  .sort((a, b) => b[1] - a[1])
  .slice(0, 20);

const report = [
  `esbuild bundle of \`src/case-standards-picker.bundle.ts\`: ${kib(totalMin)} KiB minified, ${kib(totalGzip)} KiB gzip.`,
  '',
  'By package and folder:',
  '',
  ...header,
  ...byGroup.map(([name, bytes]) => row(`\`${name}\``, bytes)),
  '',
  'The 20 largest files:',
  '',
  ...header,
  ...byFile.map(([name, bytes]) => row(`\`${name}\``, bytes)),
].join('\n');
console.log(report);

if (process.argv.includes('--write')) {
  const readme = fileURLToPath(new URL('../README.md', import.meta.url));
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bundle-report -->';
  const end = '<!-- /bundle-report -->';
  if (!text.includes(start) || !text.includes(end)) throw new Error(`README.md has no ${start} … ${end} markers`);
  writeFileSync(readme, `${text.slice(0, text.indexOf(start) + start.length)}\n${report}\n${text.slice(text.indexOf(end))}`);
  console.log('\nwrote the report into README.md');
}
