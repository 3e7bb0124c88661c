import { afterEach, describe, expect, it } from "vitest";
import {
  SUGGESTION_MAX_LENGTH,
  answersSchema,
  checkFreeText,
  eventScope,
  findFeedback,
  isFeedbackScope,
  saveFeedback,
  scopeEventId,
  type SurveyAnswersInput,
} from "../../src/domain/feedback/survey.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";
import { makeEvent, makeUser } from "../support/feedback-fixtures.js";

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const base: SurveyAnswersInput = {
  rating: 4,
  mostUseful: "materi",
  suggestion: "Mohon adakan pelatihan offline di Jambi",
  statusBefore: "menganggur",
  outcome: "bekerja",
  outcomeField: "Administrasi perkantoran",
  story: null,
  storyConsent: "none",
};

describe("answer schema", () => {
  it("accepts a full answer set and normalises blank text to null", () => {
    const parsed = answersSchema.parse({ ...base, suggestion: "   ", outcomeField: " Kuliner " });
    expect(parsed.suggestion).toBeNull();
    expect(parsed.outcomeField).toBe("Kuliner");
    expect(parsed.storyConsent).toBe("none");
  });

  it("rejects ratings outside 1–5 and unknown choices", () => {
    expect(answersSchema.safeParse({ ...base, rating: 0 }).success).toBe(false);
    expect(answersSchema.safeParse({ ...base, rating: 6 }).success).toBe(false);
    expect(answersSchema.safeParse({ ...base, rating: 3.5 }).success).toBe(false);
    expect(answersSchema.safeParse({ ...base, outcome: "kaya" }).success).toBe(false);
    expect(answersSchema.safeParse({ ...base, statusBefore: "pensiun" }).success).toBe(false);
    expect(answersSchema.safeParse({ ...base, mostUseful: "makan" }).success).toBe(false);
  });

  it("refuses a suggestion over 2,000 characters", () => {
    expect(answersSchema.safeParse({ ...base, suggestion: "a".repeat(SUGGESTION_MAX_LENGTH) }).success).toBe(true);
    expect(answersSchema.safeParse({ ...base, suggestion: "a".repeat(SUGGESTION_MAX_LENGTH + 1) }).success).toBe(false);
  });

  it("keeps the 'other' text only with 'lainnya' and the field only with an outcome that has one", () => {
    const other = answersSchema.parse({ ...base, mostUseful: "lainnya", mostUsefulOther: "Makan siangnya" });
    expect(other.mostUsefulOther).toBe("Makan siangnya");
    const notOther = answersSchema.parse({ ...base, mostUseful: "jejaring", mostUsefulOther: "x" });
    expect(notOther.mostUsefulOther).toBeNull();
    const none = answersSchema.parse({ ...base, outcome: "belum", outcomeField: "x" });
    expect(none.outcomeField).toBeNull();
  });
});

describe("checkFreeText", () => {
  it("states the limit and the length when the text is too long", () => {
    expect(checkFreeText("x".repeat(2001), SUGGESTION_MAX_LENGTH)).toEqual({ ok: false, reason: "too_long", length: 2001, max: 2000 });
    expect(checkFreeText("  halo  ", SUGGESTION_MAX_LENGTH)).toEqual({ ok: true, text: "halo" });
    expect(checkFreeText("   ", SUGGESTION_MAX_LENGTH)).toEqual({ ok: false, reason: "empty" });
  });

  it("counts an emoji as one character", () => {
    expect(checkFreeText("🙏".repeat(2000), SUGGESTION_MAX_LENGTH).ok).toBe(true);
  });
});

describe("scopes", () => {
  it("parses event and programme scopes and refuses anything else", () => {
    expect(eventScope(12)).toBe("event:12");
    expect(scopeEventId("event:12")).toBe(12);
    expect(scopeEventId("program")).toBeNull();
    expect(() => scopeEventId("event:abc")).toThrow();
    expect(() => scopeEventId("event:0")).toThrow();
    expect(isFeedbackScope("event:3")).toBe(true);
    expect(isFeedbackScope("lainnya")).toBe(false);
  });
});

describe("saveFeedback", () => {
  it("stores an event answer with its event id and no story review when no story was given", async () => {
    t = await createTestDatabase();
    const user = await makeUser(t.db);
    const event = await makeEvent(t.db);
    const saved = await saveFeedback(t.db, user.id, eventScope(event.id), base);
    expect(saved).toMatchObject({
      userId: user.id,
      eventId: event.id,
      scope: `event:${event.id}`,
      rating: 4,
      mostUseful: "materi",
      mostUsefulOther: null,
      suggestion: "Mohon adakan pelatihan offline di Jambi",
      statusBefore: "menganggur",
      outcome: "bekerja",
      outcomeField: "Administrasi perkantoran",
      story: null,
      storyConsent: "none",
      storyStatus: "none",
    });
  });

  it("stores a programme answer without an event", async () => {
    t = await createTestDatabase();
    const user = await makeUser(t.db);
    const saved = await saveFeedback(t.db, user.id, "program", base);
    expect(saved.eventId).toBeNull();
    expect(saved.scope).toBe("program");
  });

  it("refuses an event that does not exist", async () => {
    t = await createTestDatabase();
    const user = await makeUser(t.db);
    await expect(saveFeedback(t.db, user.id, "event:999", base)).rejects.toThrow(/999/);
  });

  it("replaces the previous answers when the survey is taken again (the latest counts)", async () => {
    t = await createTestDatabase();
    const user = await makeUser(t.db);
    const event = await makeEvent(t.db);
    await saveFeedback(t.db, user.id, eventScope(event.id), base);
    await saveFeedback(t.db, user.id, eventScope(event.id), { ...base, rating: 2, outcome: "belum", suggestion: "Jadwal terlalu mepet" });
    const rows = await t.db.feedback.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rating: 2, outcome: "belum", outcomeField: null, suggestion: "Jadwal terlalu mepet" });
    // another scope is a separate answer
    await saveFeedback(t.db, user.id, "program", base);
    expect(await t.db.feedback.count({ where: { userId: user.id } })).toBe(2);
    expect((await findFeedback(t.db, user.id, eventScope(event.id)))?.rating).toBe(2);
  });

  it("sends a story to review only when publication is allowed", async () => {
    t = await createTestDatabase();
    const user = await makeUser(t.db);
    const named = await saveFeedback(t.db, user.id, "program", { ...base, story: "Saya kini membuka usaha katering.", storyConsent: "named" });
    expect(named.storyStatus).toBe("pending");

    const declined = await saveFeedback(t.db, user.id, "program", { ...base, story: "Saya kini membuka usaha katering.", storyConsent: "none" });
    expect(declined.storyStatus).toBe("none");
    expect(declined.storyConsent).toBe("none");

    const anonymous = await saveFeedback(t.db, user.id, "program", { ...base, story: "Cerita saya", storyConsent: "anonymous" });
    expect(anonymous.storyStatus).toBe("pending");

    const consentWithoutStory = await saveFeedback(t.db, user.id, "program", { ...base, story: "  ", storyConsent: "named" });
    expect(consentWithoutStory.storyStatus).toBe("none");
    expect(consentWithoutStory.story).toBeNull();
  });

  it("keeps a reviewed story's verdict when the story and consent are unchanged, and re-reviews a changed one", async () => {
    t = await createTestDatabase();
    const user = await makeUser(t.db);
    const story = { ...base, story: "Dari menganggur jadi barista.", storyConsent: "anonymous" as const };
    const first = await saveFeedback(t.db, user.id, "program", story);
    await t.db.feedback.update({ where: { id: first.id }, data: { storyStatus: "approved" } });

    const sameStory = await saveFeedback(t.db, user.id, "program", { ...story, rating: 5 });
    expect(sameStory.storyStatus).toBe("approved");

    const otherConsent = await saveFeedback(t.db, user.id, "program", { ...story, storyConsent: "named" });
    expect(otherConsent.storyStatus).toBe("pending");

    await t.db.feedback.update({ where: { id: first.id }, data: { storyStatus: "approved" } });
    const withdrawn = await saveFeedback(t.db, user.id, "program", { ...story, storyConsent: "none" });
    expect(withdrawn.storyStatus).toBe("none");
  });
});
