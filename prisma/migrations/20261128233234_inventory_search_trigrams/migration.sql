CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "PhoneNumber_e164_trgm_idx" ON "PhoneNumber" USING GIN ("e164" gin_trgm_ops);
