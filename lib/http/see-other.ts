import { getRedirectError } from 'next/dist/client/components/redirect';
import { RedirectStatusCode } from 'next/dist/client/components/redirect-status-code';

/**
 * Like `redirect()`, but with status 303 See Other. `redirect()` answers 307 while a page renders,
 * and a page renders in answer to a form posted without JavaScript too: a 307 makes the browser
 * post the form again to the new address, which answers "Server Action unavailable". A 303
 * turns it into a plain GET, for pages and posts alike. (Next exports the helper only from its
 * internals; `redirect()` itself is built on it.)
 */
export function seeOther(url: string): never {
  throw getRedirectError(url, 'replace' as never, RedirectStatusCode.SeeOther);
}
