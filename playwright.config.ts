import os from 'node:os';
import { defineConfig, type LaunchOptions } from '@playwright/test';
import { chromiumPath } from './e2e/browser';
import { assertLocalEnvironment } from './lib/test/local';

// scripts/test.ts makes the data (e2e/prepare.ts) and the production build, then runs Playwright
// with these; see docs/testing.md. It never runs against a database that is not on this machine.
assertLocalEnvironment();
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

const launchOptions: LaunchOptions = {
  executablePath: chromiumPath().path,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  // As many as the machine has cores (E2E_WORKERS to choose): the server and the browsers share them.
  workers: Number(process.env.E2E_WORKERS) || os.availableParallelism(),
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  // Generous limits, not performance targets: on 2 cores two browsers, the server and PostgreSQL
  // share the machine, and multi-step journeys (two admins, a dozen pages) took over 30 s there.
  // Timings are measured by `npm run bench`, never asserted here.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // A failed test keeps its trace: every action, console message and request. Not DOM snapshots,
  // screenshots or sources: recording those for every test (and throwing them away when it
  // passes) cost about 15 % of the run's CPU on 2 cores; the error context and the actions say
  // what happened, and PWTRACE=full brings them back when a failure needs the pictures.
  use: {
    baseURL,
    trace:
      process.env.PWTRACE === 'full'
        ? 'retain-on-failure'
        : { mode: 'retain-on-failure', snapshots: false, screenshots: false, sources: false },
    launchOptions,
  },
  projects: [
    // Every spec of a user journey, in a browser with JavaScript on and one with it off. Each signs
    // in with a session cookie minted for its own admin (e2e/session.ts), except the sign-in specs.
    { name: 'chromium', testMatch: [/\.spec\.ts$/, /\.rendered\.ts$/], use: { javaScriptEnabled: true } },
    { name: 'chromium-no-js', testMatch: /\.spec\.ts$/, use: { javaScriptEnabled: false } },
    // Checks of pages as first served (e2e/accessibility.rendered.ts) run in `chromium` only: the
    // server renders the same HTML whether the browser runs scripts or not.
    // Requests no browser would send (forged fields, raw posts): run once, and launch no browser.
    { name: 'http', testMatch: /\.http\.ts$/ },
  ],
  webServer: {
    command: `npx next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
