-- AlterEnum
ALTER TYPE "InvitationStatus" ADD VALUE 'Sent';

-- AlterEnum
ALTER TYPE "OutboxKind" ADD VALUE 'Invitation';

-- DropIndex
DROP INDEX "Account_name_key";

-- DropIndex
DROP INDEX "User_accountId_email_key";

-- AlterTable (by hand: existing accounts get their key before it becomes required; the
-- application computes it the same way for new names, lib/directory/names.ts, with NFKC too)
ALTER TABLE "Account" ADD COLUMN     "nameKey" TEXT;
UPDATE "Account" SET "nameKey" = lower(btrim(normalize("name", NFKC)));
ALTER TABLE "Account" ALTER COLUMN "nameKey" SET NOT NULL;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "activeEmail" TEXT,
ADD COLUMN     "removedAt" TIMESTAMP(3),
ADD COLUMN     "removedById" TEXT;

-- By hand: every existing user is in their account; a removed user has no active email, and an
-- active email is the user's email (Prisma cannot express CHECK constraints; it leaves them be).
UPDATE "User" SET "activeEmail" = "email";
ALTER TABLE "User" ADD CONSTRAINT "User_activeEmail_check"
  CHECK (("removedAt" IS NULL) = ("activeEmail" IS NOT NULL) AND ("activeEmail" IS NULL OR "activeEmail" = "email"));

-- CreateTable
CREATE TABLE "UserImport" (
    "id" TEXT NOT NULL,
    "adminId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "entries" JSONB NOT NULL,
    "acceptedCount" INTEGER NOT NULL,
    "rejectedCount" INTEGER NOT NULL,
    "committedAt" TIMESTAMP(3),
    "addedCount" INTEGER,

    CONSTRAINT "UserImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UserImport_adminId_createdAt_idx" ON "UserImport"("adminId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Account_nameKey_key" ON "Account"("nameKey");

-- CreateIndex
CREATE INDEX "User_accountId_email_idx" ON "User"("accountId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "User_accountId_activeEmail_key" ON "User"("accountId", "activeEmail");
