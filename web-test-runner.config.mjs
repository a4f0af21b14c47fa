import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS, findChromium } from './scripts/browser.mjs';
import { startTestProvider } from './test/provider-server.mjs';
import { summaryReporter } from './test/summary-reporter.mjs';

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
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  filterBrowserLogs: ({ args }) => !args.some(arg => typeof arg === 'string' && arg.includes('Lit is in dev mode')),
  reporters: [defaultReporter(), summaryReporter()],
};
