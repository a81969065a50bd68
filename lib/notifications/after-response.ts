import 'server-only';
import { after } from 'next/server';
import { kickDelivery } from './deliver';

/**
 * For a server action whose change queued an email: delivers it once the response has gone, so
 * the admin's request never waits on the mail server, nor fails with it (kickDelivery never throws).
 */
export function deliverAfterResponse(result: { notified: boolean }): void {
  if (result.notified) after(() => kickDelivery());
}
