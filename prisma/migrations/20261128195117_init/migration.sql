-- CreateEnum
CREATE TYPE "AdminRole" AS ENUM ('Administrator', 'ReadOnly');

-- CreateEnum
CREATE TYPE "AccountType" AS ENUM ('Team', 'EnterpriseDirectory', 'EnterpriseLWA', 'EnterpriseOIDC');

-- CreateEnum
CREATE TYPE "AccountStatus" AS ENUM ('Active', 'Suspended');

-- CreateEnum
CREATE TYPE "License" AS ENUM ('Basic', 'Plus', 'Pro', 'ProTrial');

-- CreateEnum
CREATE TYPE "UserType" AS ENUM ('PrivateUser', 'SharedDevice');

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('Unregistered', 'Registered', 'Suspended');

-- CreateEnum
CREATE TYPE "InvitationStatus" AS ENUM ('Pending', 'Accepted', 'Failed');

-- CreateEnum
CREATE TYPE "PhoneNumberType" AS ENUM ('Local', 'TollFree');

-- CreateEnum
CREATE TYPE "PhoneNumberProductType" AS ENUM ('BusinessCalling', 'VoiceConnector');

-- CreateEnum
CREATE TYPE "PhoneNumberStatus" AS ENUM ('Unassigned', 'Assigned', 'DeleteInProgress');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('Done', 'Denied', 'Conflict', 'Invalid');

-- CreateTable
CREATE TABLE "Admin" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "AdminRole" NOT NULL,
    "allAccounts" BOOLEAN NOT NULL DEFAULT false,
    "disabledAt" TIMESTAMP(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Admin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdminAccount" (
    "adminId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,

    CONSTRAINT "AdminAccount_pkey" PRIMARY KEY ("adminId","accountId")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "AccountType" NOT NULL,
    "status" "AccountStatus" NOT NULL DEFAULT 'Active',
    "defaultLicense" "License" NOT NULL DEFAULT 'Pro',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "userType" "UserType" NOT NULL DEFAULT 'PrivateUser',
    "license" "License" NOT NULL,
    "registrationStatus" "RegistrationStatus" NOT NULL DEFAULT 'Unregistered',
    "invitationStatus" "InvitationStatus" NOT NULL DEFAULT 'Pending',
    "inboundCalling" BOOLEAN NOT NULL DEFAULT false,
    "outboundCalling" BOOLEAN NOT NULL DEFAULT false,
    "sms" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "telephonyChangedAt" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PhoneNumber" (
    "id" TEXT NOT NULL,
    "e164" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "type" "PhoneNumberType" NOT NULL,
    "productType" "PhoneNumberProductType" NOT NULL,
    "status" "PhoneNumberStatus" NOT NULL DEFAULT 'Unassigned',
    "canInboundCall" BOOLEAN NOT NULL DEFAULT true,
    "canOutboundCall" BOOLEAN NOT NULL DEFAULT true,
    "canSms" BOOLEAN NOT NULL DEFAULT true,
    "canMms" BOOLEAN NOT NULL DEFAULT false,
    "callingName" TEXT,
    "accountId" TEXT,
    "userId" TEXT,
    "assignedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PhoneNumber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssignmentHistory" (
    "id" TEXT NOT NULL,
    "phoneNumberId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assignedById" TEXT NOT NULL,
    "unassignedAt" TIMESTAMP(3),
    "unassignedById" TEXT,

    CONSTRAINT "AssignmentHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "adminId" TEXT,
    "adminEmail" TEXT,
    "action" TEXT NOT NULL,
    "outcome" "AuditOutcome" NOT NULL,
    "accountId" TEXT,
    "userId" TEXT,
    "phoneNumberId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "detail" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Admin_email_key" ON "Admin"("email");

-- CreateIndex
CREATE INDEX "AdminAccount_accountId_idx" ON "AdminAccount"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_name_key" ON "Account"("name");

-- CreateIndex
CREATE INDEX "User_accountId_fullName_id_idx" ON "User"("accountId", "fullName", "id");

-- CreateIndex
CREATE UNIQUE INDEX "User_accountId_email_key" ON "User"("accountId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "PhoneNumber_e164_key" ON "PhoneNumber"("e164");

-- CreateIndex
CREATE UNIQUE INDEX "PhoneNumber_userId_key" ON "PhoneNumber"("userId");

-- CreateIndex
CREATE INDEX "PhoneNumber_status_productType_e164_idx" ON "PhoneNumber"("status", "productType", "e164");

-- CreateIndex
CREATE INDEX "PhoneNumber_accountId_idx" ON "PhoneNumber"("accountId");

-- CreateIndex
CREATE INDEX "AssignmentHistory_phoneNumberId_assignedAt_idx" ON "AssignmentHistory"("phoneNumberId", "assignedAt");

-- CreateIndex
CREATE INDEX "AssignmentHistory_userId_assignedAt_idx" ON "AssignmentHistory"("userId", "assignedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_at_id_idx" ON "AuditEvent"("at", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_accountId_at_idx" ON "AuditEvent"("accountId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_userId_at_idx" ON "AuditEvent"("userId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_phoneNumberId_at_idx" ON "AuditEvent"("phoneNumberId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_adminId_at_idx" ON "AuditEvent"("adminId", "at");

-- AddForeignKey
ALTER TABLE "AdminAccount" ADD CONSTRAINT "AdminAccount_adminId_fkey" FOREIGN KEY ("adminId") REFERENCES "Admin"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdminAccount" ADD CONSTRAINT "AdminAccount_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhoneNumber" ADD CONSTRAINT "PhoneNumber_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhoneNumber" ADD CONSTRAINT "PhoneNumber_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentHistory" ADD CONSTRAINT "AssignmentHistory_phoneNumberId_fkey" FOREIGN KEY ("phoneNumberId") REFERENCES "PhoneNumber"("id") ON DELETE CASCADE ON UPDATE CASCADE;
