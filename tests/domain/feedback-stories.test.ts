import { afterEach, describe, expect, it } from "vitest";
import {
  approveStory,
  authorDisplayName,
  countApprovedStories,
  countPendingStories,
  findStory,
  listApprovedStories,
  listPendingStories,
  rejectStory,
} from "../../src/domain/feedback/stories.js";
import { saveFeedback, type SurveyAnswersInput } from "../../src/domain/feedback/survey.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";
import { makeEvent, makeUser } from "../support/feedback-fixtures.js";

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const base: SurveyAnswersInput = { rating: 5, mostUseful: "cerita_sukses", statusBefore: "menganggur", outcome: "usaha", outcomeField: "Kopi" };

describe("stories", () => {
  it("lists only stories offered for publication, reviews them once, and shows approved ones with the chosen name", async () => {
    t = await createTestDatabase();
    const db = t.db;
    const event = await makeEvent(db, { title: "Temu Alumni Jambi" });
    const rina = await makeUser(db, { firstName: "Rina", province: "15" });
    const anon = await makeUser(db, { firstName: "Joko", province: "75" });
    const private_ = await makeUser(db, { firstName: "Tono", province: "15" });
    const noProvince = await makeUser(db, { firstName: "Wati", province: null });
    const rejected = await makeUser(db, { firstName: "Dedi" });

    const a = await saveFeedback(db, rina.id, `event:${event.id}`, { ...base, story: "Saya buka kedai kopi.", storyConsent: "named" });
    const b = await saveFeedback(db, anon.id, "program", { ...base, story: "Kini saya bekerja di hotel.", storyConsent: "anonymous" });
    await saveFeedback(db, private_.id, "program", { ...base, story: "Hanya untuk panitia.", storyConsent: "none" });
    const d = await saveFeedback(db, noProvince.id, "program", { ...base, story: "Usaha jahit berkembang.", storyConsent: "anonymous" });
    const e = await saveFeedback(db, rejected.id, "program", { ...base, story: "Iklan produk saya!", storyConsent: "named" });

    const pending = await listPendingStories(db);
    expect(pending.map((s) => s.id)).toEqual([a.id, b.id, d.id, e.id]);
    expect(await countPendingStories(db)).toBe(4);
    expect(pending[0]).toMatchObject({
      story: "Saya buka kedai kopi.",
      consent: "named",
      author: { kind: "named", name: "Rina" },
      displayName: "Rina",
      eventTitle: "Temu Alumni Jambi",
    });
    expect(pending[1]).toMatchObject({
      consent: "anonymous",
      author: { kind: "anonymous", provinceName: "Gorontalo" },
      displayName: "Alumni Prakerja dari Gorontalo",
      eventTitle: null,
    });
    expect(pending[2]?.displayName).toBe("Alumni Prakerja");

    expect(await approveStory(db, a.id)).toBe(true);
    expect(await approveStory(db, a.id)).toBe(false); // already reviewed
    expect(await rejectStory(db, a.id)).toBe(false); // a verdict is not flipped by a second admin
    expect(await approveStory(db, b.id)).toBe(true);
    expect(await rejectStory(db, e.id)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await approveStory(db, d.id)).toBe(true);

    const approved = await listApprovedStories(db);
    // newest approval first; the rejected and the private story never appear
    expect(approved.map((s) => [s.displayName, s.story])).toEqual([
      ["Alumni Prakerja", "Usaha jahit berkembang."],
      ["Alumni Prakerja dari Gorontalo", "Kini saya bekerja di hotel."],
      ["Rina", "Saya buka kedai kopi."],
    ]);
    expect(approved.map((s) => s.story).join(" ")).not.toContain("Hanya untuk panitia");
    expect(approved.map((s) => s.story).join(" ")).not.toContain("Iklan");
    expect(await countApprovedStories(db)).toBe(3);
    expect(await countPendingStories(db)).toBe(0);
    expect((await listApprovedStories(db, { limit: 1, offset: 1 })).length).toBe(1);
    expect((await findStory(db, e.id))?.status).toBe("rejected");
  });

  it("takes a story off the public list when its author withdraws consent, and hides the name of an erased author", async () => {
    t = await createTestDatabase();
    const db = t.db;
    const user = await makeUser(db, { firstName: "Rina", province: "15" });
    const saved = await saveFeedback(db, user.id, "program", { ...base, story: "Kedai kopi.", storyConsent: "named" });
    await approveStory(db, saved.id);
    expect((await listApprovedStories(db)).map((s) => s.displayName)).toEqual(["Rina"]);

    // the author's data erased: the row stays as an anonymous aggregate, the name goes
    await db.feedback.update({ where: { id: saved.id }, data: { userId: null } });
    expect((await listApprovedStories(db)).map((s) => s.displayName)).toEqual(["Alumni Prakerja"]);

    await db.feedback.update({ where: { id: saved.id }, data: { userId: user.id } });
    await saveFeedback(db, user.id, "program", { ...base, story: "Kedai kopi.", storyConsent: "none" });
    expect(await listApprovedStories(db)).toEqual([]);
  });

  it("renders authors", () => {
    expect(authorDisplayName({ kind: "named", name: "Sari" })).toBe("Sari");
    expect(authorDisplayName({ kind: "anonymous", provinceName: "Papua Selatan" })).toBe("Alumni Prakerja dari Papua Selatan");
    expect(authorDisplayName({ kind: "anonymous", provinceName: null })).toBe("Alumni Prakerja");
  });
});
