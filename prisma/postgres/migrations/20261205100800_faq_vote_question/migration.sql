-- AlterTable
ALTER TABLE "FaqVote" ADD COLUMN     "question" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "FaqVote_helpful_reviewedAt_idx" ON "FaqVote"("helpful", "reviewedAt");

