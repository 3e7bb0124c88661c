-- CreateTable
CREATE TABLE "Organiser" (
    "telegramId" BIGINT NOT NULL PRIMARY KEY,
    "addedBy" BIGINT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OrganiserProvince" (
    "telegramId" BIGINT NOT NULL,
    "province" TEXT NOT NULL,

    PRIMARY KEY ("telegramId", "province"),
    CONSTRAINT "OrganiserProvince_telegramId_fkey" FOREIGN KEY ("telegramId") REFERENCES "Organiser" ("telegramId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AnnouncementChat" (
    "chatId" BIGINT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "username" TEXT,
    "addedBy" BIGINT,
    "provinces" TEXT NOT NULL DEFAULT '',
    "organisers" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AnnouncementPost" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatId" BIGINT NOT NULL,
    "messageId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,
    "postedBy" BIGINT NOT NULL,
    "renderedHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AnnouncementPost_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "AnnouncementChat" ("chatId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "OrganiserProvince_province_idx" ON "OrganiserProvince"("province");

-- CreateIndex
CREATE INDEX "AnnouncementPost_eventId_idx" ON "AnnouncementPost"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "AnnouncementPost_chatId_messageId_key" ON "AnnouncementPost"("chatId", "messageId");

