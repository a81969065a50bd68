-- DropIndex
DROP INDEX "AuditEvent_accountId_at_idx";

-- DropIndex
DROP INDEX "AuditEvent_adminId_at_idx";

-- DropIndex
DROP INDEX "AuditEvent_at_id_idx";

-- DropIndex
DROP INDEX "AuditEvent_phoneNumberId_at_idx";

-- DropIndex
DROP INDEX "AuditEvent_userId_at_idx";

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_accountId_seq_idx" ON "AuditEvent"("accountId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_userId_seq_idx" ON "AuditEvent"("userId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_phoneNumberId_seq_idx" ON "AuditEvent"("phoneNumberId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_adminId_seq_idx" ON "AuditEvent"("adminId", "seq");
