// `npm start`: two local CASE providers and the Vite dev server with the demo. The state's
// provider (/ims/case/…) serves data/frameworks but the district framework; a second one
// (/district/ims/case/…) mirrors CCSS Math and adds the district framework, as a district's own
// server next to the CASE Network would. The dev server proxies both, so the demo works from
// any host name.
import { readdirSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer } from 'vite';
import { createCaseProvider } from '../server/case-provider.mjs';
import { generateFramework } from './generate-framework.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const providerPort = Number(process.env.CASE_PROVIDER_PORT ?? 5174);
const host = process.env.HOST ?? '127.0.0.1';

const data = `${root}data/frameworks`;
const DISTRICT = 'demo-district-equivalents.json';
const provider = await createCaseProvider({
  dirs: readdirSync(data)
    .filter(f => f.endsWith('.json') && f !== DISTRICT)
    .map(f => `${data}/${f}`),
  log: line => console.log(`[case-provider] ${line}`),
});
const district = await createCaseProvider({
  dirs: [`${data}/ccss-math-casenetwork-v1p0.json`, `${data}/${DISTRICT}`],
  log: line => console.log(`[district provider] ${line}`),
});
// A large framework to feel the speed with: generated at start (deterministic), never real standards.
const large = generateFramework(20_000, {
  seed: 20_000,
  identifier: 'f0000000-0000-4000-8000-000000020000',
  title: 'Generated Mathematics Framework, 20,000 items (generated for performance)',
});
large.CFDocument.creator = 'case-standards-picker (generated for performance)';
provider.put(JSON.stringify(large), '(generated)');

const providerServer = createHttpServer((req, res) => {
  if (req.url.startsWith('/district/')) {
    req.url = req.url.slice('/district'.length);
    if (district.handle(req, res)) return;
  } else if (provider.handle(req, res)) {
    return;
  }
  res.writeHead(404, { 'Content-Type': 'text/plain' });
  res.end('Not a CASE API path. Try /ims/case/v1p0/CFDocuments\n');
});
await new Promise((resolve, reject) => {
  providerServer.once('error', reject);
  providerServer.listen(providerPort, host, resolve);
});
const providerOrigin = `http://${host}:${providerServer.address().port}`;

const vite = await createViteServer({
  configFile: `${root}vite.config.ts`,
  root,
  server: {
    host,
    open: process.env.CI || process.env.NO_OPEN ? false : '/demo/',
    proxy: {
      '/ims/case': { target: providerOrigin, changeOrigin: true },
      '/district/ims/case': { target: providerOrigin, changeOrigin: true },
    },
  },
});
await vite.listen();

console.log(`\n  CASE provider: ${providerOrigin}/ims/case/v1p0/CFDocuments`);
console.log(`  District:      ${providerOrigin}/district/ims/case/v1p0/CFDocuments`);
console.log(`  Demo:          ${vite.resolvedUrls?.local[0] ?? 'http://localhost:5173/'}demo/\n`);

const stop = async () => {
  await vite.close();
  providerServer.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
