import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { DEFAULT_FROM, describeSmtpUrl, mailConfig, redactCredentials, retryDelayMs } from './mail-config';

const saved = { ...process.env };
afterEach(() => {
  for (const key of ['SMTP_URL', 'SMTP_FROM', 'SMTP_MAX_ATTEMPTS', 'SMTP_RETRY_BASE_MS', 'SMTP_SWEEP_MS']) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

test('without SMTP_URL nothing is sent; with it, defaults for the rest', () => {
  delete process.env.SMTP_URL;
  assert.equal(mailConfig(), null);
  process.env.SMTP_URL = 'smtp://127.0.0.1:2525';
  assert.deepEqual(mailConfig(), {
    url: 'smtp://127.0.0.1:2525',
    from: DEFAULT_FROM,
    maxAttempts: 5,
    retryBaseMs: 30_000,
    sweepMs: 30_000,
  });
  process.env.SMTP_MAX_ATTEMPTS = 'zero';
  assert.throws(() => mailConfig(), /SMTP_MAX_ATTEMPTS must be a whole number/);
});

test('back-off: the base, then four times longer each time', () => {
  assert.deepEqual(
    [1, 2, 3, 4].map((n) => retryDelayMs(n, 30_000)),
    [30_000, 120_000, 480_000, 1_920_000],
  );
});

test('the mail server is described, and errors logged, without its user name and password', () => {
  const url = 'smtp://mailer:s3cr%21t@mail.example:587';
  assert.equal(describeSmtpUrl(url), 'smtp://mail.example:587');
  assert.equal(
    redactCredentials(`Invalid login for mailer with s3cr!t at ${url}`, url),
    'Invalid login for *** with *** at smtp://mail.example:587',
  );
});
