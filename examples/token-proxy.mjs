// A tiny token-issuing endpoint for protected CASE APIs (e.g. the CASE Network), for your backend.
//
// The OAuth 2 client secret stays on the server: the picker asks this endpoint for a short-lived
// bearer token through its `tokenProvider` property:
//
//   picker.tokenProvider = async () => (await fetch('/case-token', { credentials: 'same-origin' })).text();
//
// Run it on its own (for a quick try):
//   CASE_TOKEN_URL=https://…/oauth2/token CASE_CLIENT_ID=… CASE_CLIENT_SECRET=… node examples/token-proxy.mjs
// or mount `createTokenProxy(...).handle` in your own server behind your users' authentication.
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

/**
 * @param {{ tokenUrl: string, clientId: string, clientSecret: string, scope?: string,
 *           fetch?: typeof fetch, path?: string, now?: () => number }} options
 */
export function createTokenProxy({
  tokenUrl,
  clientId,
  clientSecret,
  scope,
  fetch = globalThis.fetch,
  path = '/case-token',
  now = Date.now,
}) {
  let cached; // { token, expiresAt }
  let pending;

  /** A valid access token, fetched with the client-credentials grant and reused until shortly before it expires. */
  async function getToken() {
    if (cached && cached.expiresAt > now()) return cached.token;
    pending ??= (async () => {
      const body = new URLSearchParams({ grant_type: 'client_credentials' });
      if (scope) body.set('scope', scope);
      const response = await fetch(tokenUrl, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body,
      });
      if (!response.ok) throw new Error(`token endpoint answered HTTP ${response.status}`);
      const json = await response.json();
      if (typeof json.access_token !== 'string') throw new Error('token endpoint sent no access_token');
      const lifetime = Number(json.expires_in) > 0 ? Number(json.expires_in) : 300;
      cached = { token: json.access_token, expiresAt: now() + Math.max(0, lifetime - 60) * 1000 };
      return cached.token;
    })().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  /** Node `(req, res)` handler; answers GET `path` with the token as text. Returns false otherwise. */
  async function handle(req, res) {
    if (new URL(req.url ?? '/', 'http://x').pathname !== path) return false;
    if (req.method !== 'GET') {
      res.writeHead(405, { Allow: 'GET' });
      res.end();
      return true;
    }
    try {
      const token = await getToken();
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(token);
    } catch (error) {
      // Never echo upstream details: they could include the client id or secret.
      console.error(`[token-proxy] ${error.message}`);
      res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('Could not obtain a CASE access token.');
    }
    return true;
  }

  return { getToken, handle };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { CASE_TOKEN_URL, CASE_CLIENT_ID, CASE_CLIENT_SECRET, CASE_SCOPE, PORT = '8787' } = process.env;
  if (!CASE_TOKEN_URL || !CASE_CLIENT_ID || !CASE_CLIENT_SECRET) {
    console.error('Set CASE_TOKEN_URL, CASE_CLIENT_ID and CASE_CLIENT_SECRET.');
    process.exit(1);
  }
  const proxy = createTokenProxy({
    tokenUrl: CASE_TOKEN_URL,
    clientId: CASE_CLIENT_ID,
    clientSecret: CASE_CLIENT_SECRET,
    scope: CASE_SCOPE,
  });
  createServer(async (req, res) => {
    if (!(await proxy.handle(req, res))) {
      res.writeHead(404);
      res.end();
    }
  }).listen(Number(PORT), '127.0.0.1', () => console.log(`[token-proxy] http://127.0.0.1:${PORT}/case-token`));
}
