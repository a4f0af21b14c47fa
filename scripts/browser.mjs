// Shared by the test runner config, the node-side browser tests and the benchmark: where the
// system Chromium is, how to start it here, and a tiny static file server.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

/** CHROME_PATH, then the usual install paths. */
export function findChromium() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ].filter(Boolean);
  const found = candidates.find(path => existsSync(path));
  if (!found) {
    throw new Error(
      `No Chromium found. Set CHROME_PATH, or install one (Debian: apt-get install -y chromium). Tried: ${candidates.join(', ')}`,
    );
  }
  return found;
}

/** Flags for headless Chromium as root on a closed network (see ../shared/TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** Playwright launch options for the system Chromium. */
export const launchOptions = () => ({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/**
 * Serves files under `root` on a loopback port. `handle(req, res)` runs first and may answer
 * (return true). Resolves with `{ origin, close }`.
 */
export async function serveStatic(root, handle = () => false) {
  const base = resolve(root);
  const server = createServer((req, res) => {
    if (handle(req, res)) return;
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = join(base, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(base) || !existsSync(file)) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise(done => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise(done => server.close(done)) };
}
