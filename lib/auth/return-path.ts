/**
 * Where to go after signing in: only a path on this site. Anything else ("//evil.example",
 * "https://…", "/\\evil") becomes the Accounts page, so the login page is no open redirect.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/accounts';
  }
  try {
    const url = new URL(value, 'http://switchboard.invalid');
    if (url.origin !== 'http://switchboard.invalid') return '/accounts';
    return url.pathname + url.search + url.hash;
  } catch {
    return '/accounts';
  }
}
