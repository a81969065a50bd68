-- CreateTable
CREATE TABLE "UserBatch" (
    "id" TEXT NOT NULL,
    "adminId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "results" JSONB NOT NULL,

    CONSTRAINT "UserBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UserBatch_adminId_createdAt_idx" ON "UserBatch"("adminId", "createdAt");
