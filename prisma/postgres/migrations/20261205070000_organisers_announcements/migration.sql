-- CreateTable
CREATE TABLE "Organiser" (
    "telegramId" BIGINT NOT NULL,
    "addedBy" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organiser_pkey" PRIMARY KEY ("telegramId")
);

-- CreateTable
CREATE TABLE "OrganiserProvince" (
    "telegramId" BIGINT NOT NULL,
    "province" TEXT NOT NULL,

    CONSTRAINT "OrganiserProvince_pkey" PRIMARY KEY ("telegramId","province")
);

-- CreateTable
CREATE TABLE "AnnouncementChat" (
    "chatId" BIGINT NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "username" TEXT,
    "addedBy" BIGINT,
    "provinces" TEXT NOT NULL DEFAULT '',
    "organisers" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnnouncementChat_pkey" PRIMARY KEY ("chatId")
);

-- CreateTable
CREATE TABLE "AnnouncementPost" (
    "id" SERIAL NOT NULL,
    "chatId" BIGINT NOT NULL,
    "messageId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,
    "postedBy" BIGINT NOT NULL,
    "renderedHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnnouncementPost_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrganiserProvince_province_idx" ON "OrganiserProvince"("province");

-- CreateIndex
CREATE INDEX "AnnouncementPost_eventId_idx" ON "AnnouncementPost"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "AnnouncementPost_chatId_messageId_key" ON "AnnouncementPost"("chatId", "messageId");

-- AddForeignKey
ALTER TABLE "OrganiserProvince" ADD CONSTRAINT "OrganiserProvince_telegramId_fkey" FOREIGN KEY ("telegramId") REFERENCES "Organiser"("telegramId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnouncementPost" ADD CONSTRAINT "AnnouncementPost_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "AnnouncementChat"("chatId") ON DELETE CASCADE ON UPDATE CASCADE;

