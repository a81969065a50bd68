/**
 * Sessions last a working day from the sign-in that started them, not next-auth's default 30
 * days, and not sliding: lib/auth/session.ts refuses a cookie whose `signedInAt` is older,
 * however often next-auth refreshed it.
 */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
