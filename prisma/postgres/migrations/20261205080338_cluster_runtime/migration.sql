-- AlterTable
ALTER TABLE "Broadcast" ADD COLUMN     "progressText" TEXT;

-- AlterTable
ALTER TABLE "BroadcastRecipient" ADD COLUMN     "claimedBy" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "InboxUpdate" (
    "updateId" BIGINT NOT NULL,
    "chatKey" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "availableAt" TIMESTAMP(3),
    "claimedBy" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboxUpdate_pkey" PRIMARY KEY ("updateId")
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "RateBucket" (
    "name" TEXT NOT NULL,
    "tat" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "RateBucket_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "InboxUpdate_status_updateId_idx" ON "InboxUpdate"("status", "updateId");

-- CreateIndex
CREATE INDEX "InboxUpdate_chatKey_status_updateId_idx" ON "InboxUpdate"("chatKey", "status", "updateId");

