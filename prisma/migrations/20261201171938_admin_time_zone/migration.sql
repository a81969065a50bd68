-- AlterTable
ALTER TABLE "Admin" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';
