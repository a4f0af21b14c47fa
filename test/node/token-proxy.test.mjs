// The auth recipe: a token-issuing proxy for the OAuth 2 client-credentials flow.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { createTokenProxy } from '../../examples/token-proxy.mjs';
import { createCaseProvider } from '../../server/case-provider.mjs';

function listen(handler) {
  const server = createServer(handler);
  return new Promise(resolve =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` })),
  );
}

describe('token proxy (OAuth 2 client credentials)', () => {
  let oauth;
  let proxy;
  let provider;
  let issued = 0;
  const secret = 'client-secret-never-leaves-the-server';

  before(async () => {
    oauth = await listen(async (req, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      const expected = `Basic ${Buffer.from(`picker:${secret}`).toString('base64')}`;
      if (req.headers.authorization !== expected || new URLSearchParams(body).get('grant_type') !== 'client_credentials') {
        res.writeHead(401, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ error: 'invalid_client', error_description: `bad secret ${secret}` }));
      }
      issued++;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ access_token: `token-${issued}`, token_type: 'Bearer', expires_in: 3600 }));
    });
    const tokens = createTokenProxy({ tokenUrl: `${oauth.origin}/token`, clientId: 'picker', clientSecret: secret });
    proxy = await listen(async (req, res) => {
      if (!(await tokens.handle(req, res))) {
        res.writeHead(404);
        res.end();
      }
    });
    const cases = await createCaseProvider({ dirs: ['data/frameworks'], token: 'token-1' });
    provider = await listen((req, res) => cases.handle(req, res));
  });

  after(() => [oauth, proxy, provider].forEach(s => s.server.close()));

  it('issues a token once and reuses it until it nears expiry', async () => {
    const first = await (await fetch(`${proxy.origin}/case-token`)).text();
    const [second, third] = await Promise.all([1, 2].map(async () => (await fetch(`${proxy.origin}/case-token`)).text()));
    assert.equal(first, 'token-1');
    assert.equal(second, 'token-1');
    assert.equal(third, 'token-1');
    assert.equal(issued, 1);
  });

  it('the token opens a protected CASE provider', async () => {
    const token = await (await fetch(`${proxy.origin}/case-token`)).text();
    const url = `${provider.origin}/ims/case/v1p0/CFDocuments`;
    assert.equal((await fetch(url)).status, 401);
    assert.equal((await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).status, 200);
  });

  it('never returns the client secret, even when the token endpoint fails', async () => {
    const broken = createTokenProxy({ tokenUrl: `${oauth.origin}/token`, clientId: 'picker', clientSecret: 'wrong' });
    const server = await listen((req, res) => broken.handle(req, res));
    try {
      const response = await fetch(`${server.origin}/case-token`);
      assert.equal(response.status, 502);
      const text = await response.text();
      assert.ok(!text.includes(secret) && !text.includes('wrong'), text);
      assert.equal(response.headers.get('cache-control'), 'no-store');
    } finally {
      server.server.close();
    }
  });

  it('refreshes an expired token', async () => {
    let clock = 0;
    const tokens = createTokenProxy({ tokenUrl: `${oauth.origin}/token`, clientId: 'picker', clientSecret: secret, now: () => clock });
    const a = await tokens.getToken();
    clock += 3_600_000;
    const b = await tokens.getToken();
    assert.notEqual(a, b);
  });
});
