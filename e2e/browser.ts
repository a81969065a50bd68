import fs from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The Chromium the e2e suite drives: CHROMIUM_PATH, else Debian's /usr/bin/chromium (Playwright
 * cannot download its own browser here), else Playwright's own if it is installed. Null when
 * there is none, so that `npm test` can stop at once and say how to get one.
 */
export function chromiumPath(env: Record<string, string | undefined> = process.env): {
  path: string | undefined;
  found: boolean;
  tried: string[];
} {
  if (env.CHROMIUM_PATH) return { path: env.CHROMIUM_PATH, found: fs.existsSync(env.CHROMIUM_PATH), tried: [env.CHROMIUM_PATH] };
  if (fs.existsSync('/usr/bin/chromium')) return { path: '/usr/bin/chromium', found: true, tried: ['/usr/bin/chromium'] };
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
    tried: ['/usr/bin/chromium', ...(bundled ? [bundled] : [])],
  };
}

export const INSTALL_HINT =
  'The end-to-end tests need Chromium. Install Debian’s: `apt-get install chromium` (as root) ' +
  '(it lands in /usr/bin/chromium), or set CHROMIUM_PATH to a Chromium or Chrome executable.';
