import { defineConfig } from 'prisma/config';

// The CLI only generates the client here; migrations run through lib/db/migrations.ts (on every
// open, and `npm run db:migrate`, scripts/db-migrate.ts).
// `prisma migrate deploy` still works where its engine can be fetched, given DATABASE_URL.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/unused' },
});
