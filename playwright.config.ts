import fs from 'node:fs';
import { defineConfig, type LaunchOptions } from '@playwright/test';

// scripts/test-e2e.ts prepares the database and builds the app, then runs Playwright with these.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// Debian's chromium by default (Playwright cannot download its own browser here); CHROMIUM_PATH
// picks another, and with neither, Playwright's own browser is used if it is installed.
const executablePath = process.env.CHROMIUM_PATH || (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const launchOptions: LaunchOptions = {
  executablePath,
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

const modes = [
  { name: 'chromium', javaScriptEnabled: true },
  { name: 'chromium-no-js', javaScriptEnabled: false },
] as const;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  // Generous limits, not performance targets: the suite shares 2 cores between two browsers, the
  // server and PostgreSQL, and multi-step journeys (two admins, a dozen pages) took over 30 s
  // there. Timings are measured by `npm run bench`, never asserted here.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: { baseURL, trace: 'retain-on-failure', launchOptions },
  projects: modes.flatMap(({ name, javaScriptEnabled }) => [
    // Signs in once through the real form and keeps the session for the other tests.
    { name: `setup ${name}`, testMatch: /sign-in\.setup\.ts/, use: { javaScriptEnabled } },
    {
      name,
      testMatch: /\.spec\.ts/,
      // Markup does not depend on the database: scripts/test.ts checks accessibility once, on the
      // embedded run, and skips it on the PostgreSQL run (E2E_SKIP_ACCESSIBILITY=1).
      testIgnore: process.env.E2E_SKIP_ACCESSIBILITY === '1' ? [/accessibility\.spec\.ts/, /keyboard\.spec\.ts/] : [],
      dependencies: [`setup ${name}`],
      use: { javaScriptEnabled, storageState: `.e2e/state/${name}.json` },
    },
  ]),
  webServer: {
    command: `npx next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
