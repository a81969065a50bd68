-- AlterTable
ALTER TABLE "PhoneNumber" ADD COLUMN     "deletionRequestedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PhoneNumberImport" (
    "id" TEXT NOT NULL,
    "adminId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "entries" JSONB NOT NULL,
    "acceptedCount" INTEGER NOT NULL,
    "rejectedCount" INTEGER NOT NULL,
    "committedAt" TIMESTAMP(3),
    "addedCount" INTEGER,

    CONSTRAINT "PhoneNumberImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PhoneNumberImport_adminId_createdAt_idx" ON "PhoneNumberImport"("adminId", "createdAt");

-- CreateIndex
CREATE INDEX "PhoneNumber_status_e164_idx" ON "PhoneNumber"("status", "e164");

-- CreateIndex
CREATE INDEX "PhoneNumber_status_deletionRequestedAt_idx" ON "PhoneNumber"("status", "deletionRequestedAt");
