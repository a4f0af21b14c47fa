import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { startTestProvider } from './test/provider-server.mjs';
import { summaryReporter } from './test/summary-reporter.mjs';

/** The system Chromium: CHROME_PATH first, then the usual install paths. */
function findChromium() {
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

const provider = await startTestProvider();
process.on('exit', () => provider.close());

const files = process.env.TEST_FILES ?? 'test/browser/**/*.test.ts';

export default {
  files,
  nodeResolve: { exportConditions: ['development'] },
  concurrency: 1,
  testsFinishTimeout: 10 * 60_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 20_000 } },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    {
      name: 'case-provider-origin',
      serve(context) {
        if (context.path === '/__case-provider.js') {
          return { body: `export const PROVIDER_ORIGIN = ${JSON.stringify(provider.origin)};`, type: 'js' };
        }
      },
    },
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: findChromium(),
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-quic',
          '--disable-dev-shm-usage',
        ],
      },
    }),
  ],
  filterBrowserLogs: ({ args }) =>
    !args.some(arg => typeof arg === 'string' && arg.includes('Lit is in dev mode')),
  reporters: [defaultReporter(), summaryReporter()],
};
