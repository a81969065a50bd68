import 'server-only';
import { getUser, type UserDetails } from '@/lib/directory/users';
import type { SessionAdmin } from '@/lib/kernel/session-admin';
import { findUser, USER_NOT_FOUND } from './lookup';
import { toApiUser } from './paths/users';
import { ApiRefusal, etag, json, type ErrorResponder } from './route';

// What the /api/v1/users routes share: the user a path names (404 when missing or out of the
// token's reach, the same answer), and the user as they are now, with their ETag.

type Caller = { admin: SessionAdmin; error: ErrorResponder };

/** The user of `/users/{userId}`; a 404 (answered by the wrapper) when missing or not reachable. */
export async function pathUser(ctx: Caller & { params: { userId: string } }): Promise<UserDetails> {
  const user = await findUser(ctx.admin, ctx.params.userId);
  if (!user) throw new ApiRefusal(ctx.error('not-found', USER_NOT_FOUND));
  return user;
}

/** The user as a JSON answer with `ETag: "v<version>"`. */
export function userAnswer(user: UserDetails, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('ETag', etag(user.version));
  return json(toApiUser(user), { ...init, headers });
}

/** Reads the user again after a change and answers with them as they are now. */
export async function userAnswerAfter(ctx: Caller, user: { accountId: string; id: string }, init?: ResponseInit): Promise<Response> {
  const now = await getUser(ctx.admin, user.accountId, user.id);
  if (!now) return ctx.error('not-found', USER_NOT_FOUND);
  return userAnswer(now, init);
}
