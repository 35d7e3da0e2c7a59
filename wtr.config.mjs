// Browser tests: Lit elements and the feed layer in Debian Chromium (no browser download).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { countReporter } from './test/wtr-count-reporter.mjs';
import { feedTestRoutes, startForeignServer } from './test/servers/feed-server.mjs';

const foreign = await startForeignServer();

/** Vite's `import css from 'x.css?inline'` and `?raw` as JS modules, as Vite does. */
const viteQueryImports = {
  name: 'vite-query-imports',
  resolveMimeType(ctx) {
    if (ctx.URL.searchParams.has('inline') || ctx.URL.searchParams.has('raw')) return 'js';
  },
  transform(ctx) {
    if (ctx.URL.searchParams.has('inline') || ctx.URL.searchParams.has('raw')) {
      return { body: `export default ${JSON.stringify(ctx.body)};` };
    }
  },
};

/**
 * `executeServerCommand('emulate-timezone', { timezone })`: the test page's clock zone, through the
 * browser's own emulation (a visitor in Montréal or Nouméa); `timezone: undefined` restores it.
 */
const emulateTimezone = {
  name: 'emulate-timezone',
  async executeCommand({ command, payload, session }) {
    if (command !== 'emulate-timezone') return undefined;
    await session.browser.getPage(session.id).emulateTimezone(payload?.timezone);
    return true;
  },
};

// WTR_PLAIN=1: the plainest setup, for a second run of files that ran no test in the first
// (scripts/test.mjs): pages on 127.0.0.1 rather than a name to resolve, one page at a time in
// an ordinary tab (alone, hence in front: requestAnimationFrame and observers run).
const plain = process.env.WTR_PLAIN === '1';

export default {
  files: ['src/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  ...(plain ? { hostname: '127.0.0.1', concurrency: 1 } : { concurrency: 2 }),
  middleware: [feedTestRoutes({ foreignOrigin: foreign.origin })],
  plugins: [
    viteQueryImports,
    emulateTimezone,
    esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: './tsconfig.json' }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox', '--enable-unsafe-swiftshader', '--disable-dev-shm-usage', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync',
        ],
      },
      // Each test page in its own window: a background tab runs neither requestAnimationFrame
      // nor IntersectionObserver, so MapLibre and lazy loading would stall there.
      ...(plain ? {} : { createPage: ({ context }) => context.newPage({ type: 'window' }) }),
    }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"></head>
    <body><script>window.__FOREIGN_ORIGIN__ = ${JSON.stringify(foreign.origin)};</script>
    <script type="module" src="${testFramework}"></script></body></html>`,
  reporters: [defaultReporter(), countReporter()],
  // Per test. Generous: CI machines are shared, and a keyboard walk (40 real Tab presses, each a
  // round trip to the runner) took over 10 s on a loaded one. Never a measure of speed (see bench/).
  testFramework: { config: { timeout: 30000 } },
  testsFinishTimeout: 300000,
};
