import { editTelephonyPermissions } from '@/lib/telephony/telephony';
import { editTelephonyPermissionsBody } from '@/lib/api/paths/workflows';
import { apiRoute } from '@/lib/api/route';
import { changeUser } from '@/lib/api/user-answer';

// Edit telephony permissions: those the body leaves out stay as the user has them.
export const PATCH = apiRoute<{ userId: string }>({}, async (ctx) => {
  const input = ctx.body(editTelephonyPermissionsBody);
  return changeUser(ctx, 'edit-telephony-permissions', (user, version) =>
    editTelephonyPermissions(ctx.admin, {
      accountId: user.accountId,
      userId: user.id,
      version,
      inboundCalling: input.inboundCalling ?? user.inboundCalling,
      outboundCalling: input.outboundCalling ?? user.outboundCalling,
      sms: input.sms ?? user.sms,
      notifyUser: input.notify,
    }),
  );
});
