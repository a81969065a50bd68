import { seeOther } from './see-other';

/**
 * Answers "Page not found" for an id that does not exist or that this admin may not see (the
 * same answer, so ids reveal nothing). Not `notFound()`: in Next.js 16 a notFound() thrown while
 * rendering is served as an empty page whose content only appears once JavaScript runs
 * (vercel/next.js#62228), which leaves an admin without JavaScript with a blank screen. An
 * unmatched URL is server-rendered from app/not-found.tsx with status 404, so go there.
 */
export function pageNotFound(): never {
  seeOther('/not-found');
}
