// `npm run admin:create -- --email a@b.example --name "A B" [--role ReadOnly]`: adds an admin
// who administers every account, with a random one-time password printed once. This is how a
// production database gets its first admin; the demo credentials never reach production.
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { closeDatabase, getDatabase } from '../lib/db/client';
import { createAdmin } from '../lib/admins/create-admin';
import { adminNameField } from '../lib/admins/schemas';

const argsSchema = z.object({
  email: z.string().trim().email('--email must be an email address'),
  name: z.string({ error: '--name is required' }).pipe(adminNameField),
  role: z.enum(['Administrator', 'ReadOnly']).default('Administrator'),
});

async function main() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => i.message).join('\n'));
    console.error('Usage: npm run admin:create -- --email admin@your.org --name "Your Name" [--role Administrator|ReadOnly]');
    process.exit(2);
  }
  const db = await getDatabase();
  try {
    const existing = await db.prisma.admin.findUnique({ where: { email: parsed.data.email.toLowerCase() }, select: { id: true } });
    if (existing) throw new Error(`An admin with the email ${parsed.data.email} already exists.`);
    const password = crypto.randomBytes(18).toString('base64url');
    const admin = await createAdmin({ ...parsed.data, password, allAccounts: true });
    console.log(`Created ${parsed.data.role} ${admin.email} for all accounts.`);
    console.log(`One-time password (shown once, store it safely): ${password}`);
  } finally {
    await closeDatabase();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
