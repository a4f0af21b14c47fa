// The local CASE provider as the browser tests see it: the real provider over real HTTP on a
// loopback port, plus fault-injection prefixes for error tests. Test infrastructure only.
//   /ims/case/v1p0|v1p1/...            data/frameworks + test/fixtures
//   /v1p0-only/ims/case/v1p0/...       same data; /v1p0-only/ims/case/v1p1/* answers 404
//   /auth/ims/case/...                 needs `Authorization: Bearer secret-token`
//   /mutable/ims/case/...              a provider the tests change through POST /__admin/put
//   /mirror/ims/case/...               a second provider: CCSS Math (a mirror) and the district framework
//   /mirror-auth/ims/case/...          the same, needing `Authorization: Bearer mirror-token`
//   /fault/<kind>/ims/case/...         status/<code>, html, empty, truncated, wrong-shape,
//                                      slow/<ms>, drop, flaky/<n> (n × 503 then OK), no-cors
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createCaseProvider, imsxStatus } from '../server/case-provider.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function startTestProvider() {
  const dirs = [`${root}data/frameworks`, `${root}test/fixtures`];
  const main = await createCaseProvider({ dirs });
  const auth = await createCaseProvider({ dirs, token: 'secret-token' });
  const mutable = await createCaseProvider({ dirs: [] });
  const mirrorFiles = ['ccss-math-casenetwork-v1p0.json', 'demo-district-equivalents.json'].map(f => `${root}data/frameworks/${f}`);
  const mirror = await createCaseProvider({ dirs: mirrorFiles });
  const mirrorAuth = await createCaseProvider({ dirs: mirrorFiles, token: 'mirror-token' });
  const flakyCounts = new Map();

  const delegate = (provider, prefix, req, res) => {
    req.url = req.url.slice(prefix.length) || '/';
    if (!provider.handle(req, res)) {
      res.writeHead(404, { 'Access-Control-Allow-Origin': '*' });
      res.end();
    }
  };

  const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Retry-After, X-Total-Count' };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = url.pathname;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Headers': 'Authorization, Accept, If-None-Match, If-Modified-Since',
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      });
      return res.end();
    }
    if (path === '/__admin/put' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      try {
        const pkg = mutable.put(body);
        res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ etag: pkg.etag }));
      } catch (error) {
        res.writeHead(400, cors);
        return res.end(String(error));
      }
    }
    if (path === '/__admin/reset' && req.method === 'POST') {
      await mutable.reload();
      res.writeHead(204, cors);
      return res.end();
    }
    if (path.startsWith('/v1p0-only/')) {
      if (path.includes('/ims/case/v1p1')) {
        res.writeHead(404, { ...cors, 'Content-Type': 'application/json' });
        return res.end(JSON.stringify(imsxStatus(404, 'No CASE 1.1 here.')));
      }
      return delegate(main, '/v1p0-only', req, res);
    }
    if (path.startsWith('/auth/')) return delegate(auth, '/auth', req, res);
    if (path.startsWith('/mutable/')) return delegate(mutable, '/mutable', req, res);
    if (path.startsWith('/mirror/')) return delegate(mirror, '/mirror', req, res);
    if (path.startsWith('/mirror-auth/')) return delegate(mirrorAuth, '/mirror-auth', req, res);

    const fault = /^\/fault\/([a-z-]+)(?:\/(\d+))?(\/.*)$/.exec(path);
    if (fault) {
      const [, kind, arg, rest] = fault;
      const prefix = path.slice(0, path.length - rest.length);
      switch (kind) {
        case 'status': {
          const status = Number(arg);
          const headers = { ...cors, 'Content-Type': 'application/json' };
          if (url.searchParams.has('retryAfter')) headers['Retry-After'] = url.searchParams.get('retryAfter');
          res.writeHead(status, headers);
          return res.end(JSON.stringify(imsxStatus(status, `Injected ${status}.`)));
        }
        case 'html':
          res.writeHead(200, { ...cors, 'Content-Type': 'text/html' });
          return res.end('<!doctype html><html><body><form>Log in</form></body></html>');
        case 'empty':
          res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
          return res.end('');
        case 'truncated':
          res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
          return res.end('{"CFDocument":{"identifier":"x","title":"Trunc');
        case 'wrong-shape':
          res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
          return res.end('{"hello":"world","CFDocuments":"nope"}');
        case 'slow':
          await new Promise(resolve => setTimeout(resolve, Number(arg ?? 1000)));
          return delegate(main, prefix, req, res);
        case 'drop':
          return req.socket.destroy();
        case 'no-cors':
          req.url = rest + url.search;
          return main.handle(req, {
            // Strip CORS headers: the browser must reject the response.
            setHeader() {},
            writeHead: (status, headers) => res.writeHead(status, { ...headers }),
            end: body => res.end(body),
          });
        case 'flaky': {
          const key = `${arg}:${rest}${url.search}`;
          const seen = flakyCounts.get(key) ?? 0;
          flakyCounts.set(key, seen + 1);
          if (seen < Number(arg)) {
            res.writeHead(503, { ...cors, 'Content-Type': 'application/json', 'Retry-After': '0' });
            return res.end(JSON.stringify(imsxStatus(503, 'Try again.')));
          }
          return delegate(main, prefix, req, res);
        }
        default:
          break;
      }
    }
    if (!main.handle(req, res)) {
      res.writeHead(404, cors);
      res.end();
    }
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}
