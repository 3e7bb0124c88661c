// /dataku and /hapusdata for an organiser: the new tables are exported and leave no trace of the person.
import { afterEach, describe, expect, it } from "vitest";
import { AdminDirectory } from "../../src/domain/admins.js";
import { applyMyChatMember, limitChat, recordPost } from "../../src/domain/announcements.js";
import { collectPersonalData, erasePersonalData, TABLE_POLICY } from "../../src/domain/privacy.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";
import { tableNames, tracesOf } from "../support/pii-scan.js";

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const ORGANISER = 5_550_001_234n;
const OTHER = 5_550_009_876n;

describe("an organiser's personal data", () => {
  it("is classified, exported, and erased from every new table", async () => {
    t = await createTestDatabase();
    const db = t.db;
    expect((await tableNames(db)).filter((table) => !(table in TABLE_POLICY))).toEqual([]);
    const admins = new AdminDirectory(db, [1n]);
    await admins.addOrganiser(ORGANISER, ["15"], 1n);
    await admins.addOrganiser(OTHER, ["75"], ORGANISER);
    await applyMyChatMember(db, { chat: { id: -100, type: "channel", title: "Prakerja Jambi" }, from: { id: Number(ORGANISER) }, newStatus: "administrator", canPostMessages: true });
    await limitChat(db, -100n, { organisers: [ORGANISER, OTHER] });
    await recordPost(db, { chatId: -100n, messageId: 7, eventId: 3, postedBy: ORGANISER, card: { text: "x", replyMarkup: null } });

    const { data } = await collectPersonalData(db, ORGANISER);
    expect(data.organiser.row).toMatchObject({ telegramId: ORGANISER.toString(), provinces: [{ province: "15" }] });
    expect(data.organiser.organisersAdded).toHaveLength(1);
    expect(data.organiser.announcementChatsAdded).toHaveLength(1);
    expect(data.organiser.announcementChatsAllowed).toHaveLength(1);
    expect(data.organiser.announcementPosts).toEqual([expect.objectContaining({ messageId: 7, eventId: 3 })]);

    const result = await erasePersonalData(db, ORGANISER);
    expect(result.organiserRemoved).toBe(true);
    expect(await tracesOf(db, ORGANISER)).toEqual([]);
    expect(await admins.actorOf(ORGANISER)).toBeNull();
    expect(await admins.actorOf(OTHER)).toEqual({ kind: "organiser", telegramId: OTHER, provinces: ["75"] });
    expect((await db.announcementChat.findUniqueOrThrow({ where: { chatId: -100n } })).organisers).toBe(OTHER.toString());
    expect(await db.announcementPost.count()).toBe(1);
  });
});
