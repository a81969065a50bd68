-- CreateTable
CREATE TABLE "PhoneNumberChangeFile" (
    "id" TEXT NOT NULL,
    "adminId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rows" JSONB NOT NULL,
    "dryRun" JSONB NOT NULL,
    "appliedAt" TIMESTAMP(3),
    "results" JSONB,

    CONSTRAINT "PhoneNumberChangeFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PhoneNumberChangeFile_adminId_createdAt_idx" ON "PhoneNumberChangeFile"("adminId", "createdAt");
