-- AlterTable
ALTER TABLE "FaqVote" ADD COLUMN "question" TEXT;
ALTER TABLE "FaqVote" ADD COLUMN "reviewedAt" DATETIME;

-- CreateIndex
CREATE INDEX "FaqVote_helpful_reviewedAt_idx" ON "FaqVote"("helpful", "reviewedAt");

