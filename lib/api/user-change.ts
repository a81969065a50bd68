import 'server-only';
import type { UserDetails } from '@/lib/directory/users';
import { DomainError } from '@/lib/kernel/errors';
import { deliverAfterResponse } from '@/lib/notifications/after-response';
import type { ChangeResult } from '@/lib/telephony/telephony';
import { findUser, USER_NOT_FOUND } from './lookup';
import { toApiUser } from './paths/users';
import { problemFromDomainError } from './problem';
import { etag, json, type ApiContext } from './route';

// What the three workflow routes (app/api/v1/users/[userId]/phone-number, …/telephony-permissions)
// share: find the user the path names, make the change with the version If-Match named (or the
// one just read), and answer with the user as they are after it and their ETag.

type Change = (user: UserDetails, version: number) => Promise<ChangeResult | Response>;

export async function changeUser(
  ctx: ApiContext<{ userId: string }>,
  change: Change,
  status: (result: ChangeResult) => number = () => 200,
): Promise<Response> {
  const ifMatch = ctx.ifMatch();
  const user = await findUser(ctx.admin, ctx.params.userId);
  if (!user) return ctx.error('not-found', USER_NOT_FOUND);
  let result: ChangeResult | Response;
  try {
    result = await change(user, ifMatch ?? user.version);
  } catch (err) {
    // With If-Match the wrapper answers any conflict 412. That is right when the version it named
    // is no longer current; when it still is, the conflict is about something else (a number
    // someone else holds), and re-reading the user would not help: 409, as without If-Match.
    if (err instanceof DomainError && err.kind === 'conflict' && ifMatch !== undefined) {
      const now = await findUser(ctx.admin, user.id);
      if (now?.version === ifMatch) return problemFromDomainError(err);
    }
    throw err;
  }
  if (result instanceof Response) return result;
  deliverAfterResponse(result);
  const after = await findUser(ctx.admin, user.id);
  if (!after) return ctx.error('not-found', USER_NOT_FOUND);
  return json(toApiUser(after), { status: status(result), headers: { ETag: etag(after.version) } });
}
