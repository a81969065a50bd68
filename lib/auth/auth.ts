import 'server-only';
import crypto from 'node:crypto';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { signInSchema } from './sign-in-schema';
import { verifyAdminCredentials } from '@/lib/auth/credentials';
import { clientAddress } from './sign-in-throttle';
import { authSecret } from './secret';
import { SESSION_MAX_AGE_SECONDS } from './session-lifetime';

// Lazy, so that the secret is read (or, for the embedded demo, created) when a request needs
// it, not when `next build` loads this module.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  // Switchboard is reached directly or through the operator's own reverse proxy; see docs/deploy.
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  logger: {
    // A wrong password is an expected outcome (audited in the data layer), not a server error.
    error(error) {
      // `type`, not `name`: class names do not survive minification.
      if ((error as { type?: string }).type === 'CredentialsSignin') return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const address = clientAddress(request.headers.get('x-forwarded-for'));
        const admin = await verifyAdminCredentials(parsed.data.email, parsed.data.password, address);
        if (!admin) return null;
        return { id: admin.id, email: admin.email, name: admin.name, sessionVersion: admin.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion;
        // This session's own id, so that Sign out can end it and only it (EndedSession), and
        // when it began, so that it ends 8 hours later whatever refreshes it.
        token.sid = crypto.randomBytes(16).toString('base64url');
        token.signedInAt = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    // What next-auth's session endpoint would say; Switchboard does not serve it
    // (app/api/auth/[...nextauth]/route.ts), and it names nothing internal either way.
    session({ session }) {
      return { expires: session.expires } as typeof session;
    },
  },
}));
