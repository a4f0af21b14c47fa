#!/usr/bin/env node
// Serves CASE CFPackage JSON files over the CASE REST API (v1p0 and v1p1).
// Usage: case-provider <folder or file...> [--port 5174] [--host 127.0.0.1] [--token SECRET]
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createCaseProvider, imsxStatus } from './case-provider.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: process.env.CASE_PROVIDER_PORT ?? '5174' },
    host: { type: 'string', default: '127.0.0.1' },
    token: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help || positionals.length === 0) {
  console.log('Usage: case-provider <folder or file...> [--port 5174] [--host 127.0.0.1] [--token SECRET]');
  process.exit(values.help ? 0 : 1);
}

const provider = await createCaseProvider({
  dirs: positionals,
  token: values.token,
  log: line => console.log(`[case-provider] ${line}`),
});
const server = createServer((req, res) => {
  if (!provider.handle(req, res)) {
    res.writeHead(404, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
    res.end(JSON.stringify(imsxStatus(404, 'Not a CASE API path. Try /ims/case/v1p0/CFDocuments')));
  }
});
server.listen(Number(values.port), values.host, () => {
  const { port } = server.address();
  console.log(`[case-provider] http://${values.host}:${port}/ims/case/v1p0 and /ims/case/v1p1`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
