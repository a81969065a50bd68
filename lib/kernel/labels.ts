import { z } from 'zod';

const LABELS: Record<string, string> = {
  Team: 'Team',
  EnterpriseDirectory: 'Enterprise (Active Directory)',
  EnterpriseLWA: 'Enterprise (Login with Amazon)',
  EnterpriseOIDC: 'Enterprise (OpenID Connect)',
  PrivateUser: 'Private user',
  SharedDevice: 'Shared device',
  ProTrial: 'Pro trial',
  BusinessCalling: 'Business Calling',
  VoiceConnector: 'Voice Connector',
  TollFree: 'Toll-free',
  DeleteInProgress: 'Deletion queue',
};

/** Enum values as an admin reads them. */
export function label(value: string): string {
  return LABELS[value] ?? value;
}

/** Ids from URLs are user input: anything not shaped like an id is simply not found. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export function isId(value: unknown): value is string {
  return idSchema.safeParse(value).success;
}
