import fs from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Debian's Chromium builds, in the order the suite prefers them: the headless shell (Chromium's
 * own headless build, the one Playwright itself runs for headless tests; same Blink and V8, no
 * browser UI around them, about a third of the CPU per page here: decision 020), then the full
 * browser. Playwright cannot download its own browser on these machines.
 */
export const DEBIAN_CHROMIUMS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

/**
 * The Chromium the e2e suite drives: CHROMIUM_PATH, else the first of DEBIAN_CHROMIUMS that is
 * installed, else Playwright's own if it is installed. Null when there is none, so that
 * `npm test` can stop at once and say how to get one.
 */
export function chromiumPath(env: Record<string, string | undefined> = process.env): {
  path: string | undefined;
  found: boolean;
  tried: string[];
} {
  if (env.CHROMIUM_PATH) return { path: env.CHROMIUM_PATH, found: fs.existsSync(env.CHROMIUM_PATH), tried: [env.CHROMIUM_PATH] };
  const debian = DEBIAN_CHROMIUMS.find((candidate) => fs.existsSync(candidate));
  if (debian) return { path: debian, found: true, tried: [debian] };
  let bundled = '';
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core') as { chromium: { executablePath(): string } };
    bundled = chromium.executablePath();
  } catch {
    // no Playwright browser registry: nothing more to try
  }
  return {
    path: undefined,
    found: Boolean(bundled && fs.existsSync(bundled)),
    tried: [...DEBIAN_CHROMIUMS, ...(bundled ? [bundled] : [])],
  };
}

export const INSTALL_HINT =
  'The end-to-end tests need Chromium. Install Debian’s headless build: `apt-get install ' +
  'chromium-headless-shell` (as root; it lands in /usr/bin/chromium-headless-shell; the full ' +
  '`chromium` package works too), or set CHROMIUM_PATH to a Chromium or Chrome executable.';
