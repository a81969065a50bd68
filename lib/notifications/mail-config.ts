// How email leaves Switchboard, from the environment. Without SMTP_URL nothing is sent: messages
// stay Pending in the outbox, where the Outbox page shows them.

export type MailConfig = {
  /** smtp://user:pass@host:port or smtps://…, as nodemailer takes it. */
  url: string;
  from: string;
  /** Attempts before a message is marked Failed. */
  maxAttempts: number;
  /** The wait after the first failed attempt; each later wait is four times the one before. */
  retryBaseMs: number;
  /** How often each server process looks for messages that are due. */
  sweepMs: number;
};

export const DEFAULT_FROM = 'Switchboard <no-reply@switchboard.invalid>';

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not "${raw}".`);
  return value;
}

/** The mail settings, or null when SMTP_URL is not set (nothing is sent). */
export function mailConfig(): MailConfig | null {
  const url = process.env.SMTP_URL?.trim();
  if (!url) return null;
  return {
    url,
    from: process.env.SMTP_FROM?.trim() || DEFAULT_FROM,
    maxAttempts: positiveInt('SMTP_MAX_ATTEMPTS', 5),
    retryBaseMs: positiveInt('SMTP_RETRY_BASE_MS', 30_000),
    sweepMs: positiveInt('SMTP_SWEEP_MS', 30_000),
  };
}

/** The server's address without its user name and password, for logs and pages. */
export function describeSmtpUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(an SMTP_URL that is not a valid URL)';
  }
}

/** An error message with the URL's credentials (if they appear in it) taken out. */
export function redactCredentials(message: string, url: string): string {
  let out = message.split(url).join(describeSmtpUrl(url));
  try {
    const u = new URL(url);
    for (const secret of [u.password, decodeURIComponent(u.password), u.username, decodeURIComponent(u.username)]) {
      if (secret && secret.length >= 3) out = out.split(secret).join('***');
    }
  } catch {
    /* not a URL: nothing of it to hide but itself */
  }
  return out;
}

/** Wait before attempt `attempt + 1`, after `attempt` failed ones: base, 4×base, 16×base, … */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return baseMs * 4 ** Math.max(0, attempt - 1);
}
