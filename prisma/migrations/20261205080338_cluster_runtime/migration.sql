-- AlterTable
ALTER TABLE "Broadcast" ADD COLUMN "progressText" TEXT;

-- AlterTable
ALTER TABLE "BroadcastRecipient" ADD COLUMN "claimedBy" TEXT;
ALTER TABLE "BroadcastRecipient" ADD COLUMN "leaseUntil" DATETIME;

-- CreateTable
CREATE TABLE "InboxUpdate" (
    "updateId" BIGINT NOT NULL PRIMARY KEY,
    "chatKey" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "availableAt" DATETIME,
    "claimedBy" TEXT,
    "leaseUntil" DATETIME,
    "lastError" TEXT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RateBucket" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "tat" REAL NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE INDEX "InboxUpdate_status_updateId_idx" ON "InboxUpdate"("status", "updateId");

-- CreateIndex
CREATE INDEX "InboxUpdate_chatKey_status_updateId_idx" ON "InboxUpdate"("chatKey", "status", "updateId");

