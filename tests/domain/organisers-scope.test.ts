// Province-scoped organisers: an organiser for Jambi sees and changes nothing of a Gorontalo event,
// through every domain query an admin command uses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminDirectory } from "../../src/domain/admins.js";
import { checkIn } from "../../src/domain/events/checkin.js";
import { registrationsCsv } from "../../src/domain/events/export.js";
import { createEvent, eventInputOf, listEventsForAdmin, updateEvent } from "../../src/domain/events/events.js";
import { importEvents, parseEventsCsv } from "../../src/domain/events/import.js";
import { renderIssueId } from "../../src/domain/events/messages.js";
import { feedbackCsv } from "../../src/domain/feedback/export.js";
import { eventStats, overallStats } from "../../src/domain/feedback/stats.js";
import { approveStory, countPendingStories, findStory, listPendingStories, rejectStory } from "../../src/domain/feedback/stories.js";
import { saveFeedback } from "../../src/domain/feedback/survey.js";
import {
  ADD_ORGANISER_REFUSAL_KEYS,
  audienceKindsFor,
  canBroadcastTo,
  canCreateEventIn,
  canManageEvent,
  canManageStaff,
  eventForActor,
  eventWhereFor,
  isNationalActor,
  parseProvinceList,
  provinceListErrorMessage,
  provinceNames,
  provincesOf,
  type Actor,
  type ProvinceListError,
} from "../../src/domain/organisers.js";
import type { Event } from "../../src/generated/prisma/client.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";
import { makeEvent, makeUser, NOW } from "./events-fixtures.js";
import { translator } from "./organisers-translate.js";

const OWNER = 1n;
const NATIONAL = 2n;
const JAMBI_ORGANISER = 3n;
const NOBODY = 4n;

let t: TestDatabase;
let admins: AdminDirectory;
let jambi: Actor;
let jambiEvent: Event;
let gorontaloEvent: Event;
let gorontaloToken = "";
let gorontaloStory = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  const db = t.db;
  admins = new AdminDirectory(db, [OWNER]);
  await admins.add(NATIONAL, OWNER);
  const parsed = parseProvinceList("Jambi");
  if (!parsed.ok) throw new Error("Jambi must parse");
  await admins.addOrganiser(JAMBI_ORGANISER, parsed.codes, OWNER);
  const actor = await admins.actorOf(JAMBI_ORGANISER);
  if (!actor) throw new Error("organiser expected");
  jambi = actor;

  jambiEvent = await makeEvent(db, { title: "Temu Alumni Jambi" });
  gorontaloEvent = await makeEvent(db, {
    title: "Temu Alumni Gorontalo",
    province: "75",
    city: "Kota Gorontalo",
    venueName: "ASTON Gorontalo",
    address: "Jl. Sultan Botutihe No. 1",
    timeZone: "Asia/Makassar",
  });
  const siti = await makeUser(db, { province: "75" });
  const reg = await db.registration.create({
    data: { eventId: gorontaloEvent.id, userId: siti.id, status: "confirmed", fullName: "Siti Gorontalo", phone: "+6281234567890", checkInToken: "G".repeat(22) },
  });
  gorontaloToken = reg.checkInToken;
  const answer = { rating: 5, mostUseful: "cerita_sukses", statusBefore: "menganggur", outcome: "usaha", outcomeField: "Kue" } as const;
  const saved = await saveFeedback(db, siti.id, `event:${gorontaloEvent.id}`, { ...answer, suggestion: "Rahasia Gorontalo", story: "Cerita Gorontalo", storyConsent: "named" });
  gorontaloStory = saved.id;
  const rina = await makeUser(db, { province: "15" });
  await saveFeedback(db, rina.id, `event:${jambiEvent.id}`, { ...answer, suggestion: "Saran Jambi", story: "Cerita Jambi", storyConsent: "named" });
});

afterAll(async () => {
  await t.close();
});

describe("actors", () => {
  it("tells owners, national admins and organisers apart; isAdmin stays national-only", async () => {
    expect(await admins.actorOf(OWNER)).toEqual({ kind: "owner", telegramId: OWNER });
    expect(await admins.actorOf(NATIONAL)).toEqual({ kind: "national", telegramId: NATIONAL });
    expect(jambi).toEqual({ kind: "organiser", telegramId: JAMBI_ORGANISER, provinces: ["15"] });
    expect(await admins.actorOf(NOBODY)).toBeNull();
    expect(await admins.isAdmin(JAMBI_ORGANISER)).toBe(false);
    expect(provincesOf(jambi)).toEqual(["15"]);
    expect(provincesOf({ kind: "national", telegramId: NATIONAL })).toBeNull();
    expect(canManageStaff(jambi)).toBe(false);
    expect(isNationalActor(jambi)).toBe(false);
    expect(isNationalActor({ kind: "national", telegramId: NATIONAL })).toBe(true);
    expect(canCreateEventIn(jambi, "15")).toBe(true);
    expect(canCreateEventIn(jambi, "75")).toBe(false);
    expect(canManageStaff({ kind: "owner", telegramId: OWNER })).toBe(true);
    expect(audienceKindsFor(jambi)).toEqual(["provinces", "event"]);
    expect(eventWhereFor(jambi)).toEqual({ province: { in: ["15"] } });
  });

  it("refuses to narrow an owner or a national admin, replaces an organiser's provinces, lists everyone", async () => {
    expect(await admins.addOrganiser(OWNER, ["15"], OWNER)).toEqual({ ok: false, reason: "is_owner" });
    expect(await admins.addOrganiser(NATIONAL, ["15"], OWNER)).toEqual({ ok: false, reason: "is_national" });
    expect(await admins.addOrganiser(10n, [], OWNER)).toEqual({ ok: false, reason: "no_provinces" });
    expect(await admins.addOrganiser(10n, ["75", "15", "75"], OWNER)).toEqual({ ok: true, created: true, provinces: ["15", "75"] });
    expect(await admins.addOrganiser(10n, ["63"], OWNER)).toEqual({ ok: true, created: false, provinces: ["63"] });
    expect(await admins.actorOf(10n)).toEqual({ kind: "organiser", telegramId: 10n, provinces: ["63"] });
    expect(await admins.listStaff()).toEqual([
      { telegramId: OWNER, kind: "owner", provinces: [] },
      { telegramId: NATIONAL, kind: "national", provinces: [] },
      { telegramId: JAMBI_ORGANISER, kind: "organiser", provinces: ["15"] },
      { telegramId: 10n, kind: "organiser", provinces: ["63"] },
    ]);
    expect(await admins.removeOrganiser(10n)).toBe(true);
    expect(await admins.removeOrganiser(10n)).toBe(false);
    expect(await admins.actorOf(10n)).toBeNull();
    expect(await t.db.organiserProvince.count({ where: { telegramId: 10n } })).toBe(0);
  });
});

describe("province lists", () => {
  it("reads names, aliases and BPS codes, sorted and without repeats", () => {
    expect(parseProvinceList("Jambi, Gorontalo")).toEqual({ ok: true, codes: ["15", "75"] });
    expect(parseProvinceList("15,75")).toEqual({ ok: true, codes: ["15", "75"] });
    expect(parseProvinceList("gorontalo; 15 ; jatim, Kalimantan Selatn, 75")).toEqual({ ok: true, codes: ["15", "35", "63", "75"] });
    expect(provinceNames(["75", "15"])).toBe("Jambi, Gorontalo");
  });

  it("explains each error with a locale key that exists in both languages", () => {
    const id = translator("id");
    const en = translator("en");
    expect(id(provinceListErrorMessage({ code: "province_unknown", value: "Jamby", suggestions: ["Jambi"] }).key, { value: "Jamby", suggestions: "Jambi" })).toBe(
      'Provinsi "Jamby" tidak dikenali. Mungkin maksudnya: Jambi?',
    );
    const errors: ProvinceListError[] = [{ code: "provinces_empty" }, { code: "province_code_unknown", value: "99" }, { code: "province_unknown", value: "X", suggestions: [] }];
    for (const error of errors) {
      const { key, params } = provinceListErrorMessage(error);
      expect(id(key, params).length).toBeGreaterThan(0);
      expect(en(key, params).length).toBeGreaterThan(0);
    }
    for (const key of Object.values(ADD_ORGANISER_REFUSAL_KEYS)) expect(id(key, { id: "42" }).length).toBeGreaterThan(0);
  });

  it("names every value it cannot place", () => {
    expect(parseProvinceList(" , ")).toEqual({ ok: false, errors: [{ code: "provinces_empty" }] });
    const result = parseProvinceList("Jambi, 99, Atlantis");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { code: "province_code_unknown", value: "99" },
      { code: "province_unknown", value: "Atlantis", suggestions: [] },
    ]);
  });
});

describe("an organiser for Jambi and a Gorontalo event", () => {
  it("gets the ordinary refusal for the event itself (edit, export, statistics, announcement all start here)", async () => {
    expect(canManageEvent(jambi, gorontaloEvent)).toBe(false);
    expect(canManageEvent(jambi, jambiEvent)).toBe(true);
    expect(await eventForActor(t.db, jambi, gorontaloEvent.id)).toBeNull();
    expect((await eventForActor(t.db, jambi, jambiEvent.id))?.id).toBe(jambiEvent.id);
    expect((await eventForActor(t.db, { kind: "national", telegramId: NATIONAL }, gorontaloEvent.id))?.id).toBe(gorontaloEvent.id);
  });

  it("cannot export its registrations nor read its figures", async () => {
    const scope = { provinces: provincesOf(jambi) };
    expect(await registrationsCsv(t.db, gorontaloEvent.id, scope)).toBeNull();
    expect(await eventStats(t.db, gorontaloEvent.id, scope)).toBeNull();
    expect((await registrationsCsv(t.db, gorontaloEvent.id))?.content.toString("utf8")).toContain("Siti Gorontalo");
    expect((await eventStats(t.db, jambiEvent.id, scope))?.answers).toBe(1);
  });

  it("does not see it in /acara_admin", async () => {
    const mine = await listEventsForAdmin(t.db, { now: NOW, pageSize: 50, provinces: provincesOf(jambi) });
    expect(mine.items.map((i) => i.event.id)).toEqual([jambiEvent.id]);
    const all = await listEventsForAdmin(t.db, { now: NOW, pageSize: 50, provinces: provincesOf({ kind: "owner", telegramId: OWNER }) });
    expect(all.items.map((i) => i.event.id).sort()).toEqual([jambiEvent.id, gorontaloEvent.id].sort());
  });

  it("cannot edit it, nor move its own event to Gorontalo, nor create one there", async () => {
    const before = await t.db.event.findUniqueOrThrow({ where: { id: gorontaloEvent.id } });
    expect(await updateEvent(t.db, gorontaloEvent.id, { title: "Diubah" }, { now: NOW, provinces: provincesOf(jambi) })).toEqual({ ok: false, reason: "not_found" });
    const moved = await updateEvent(t.db, jambiEvent.id, { province: "75", city: "Kota Gorontalo" }, { now: NOW, provinces: provincesOf(jambi) });
    expect(moved.ok).toBe(false);
    if (!moved.ok && moved.reason === "invalid") expect(moved.issues.map((i) => i.code)).toEqual(["province_not_allowed"]);
    const created = await createEvent(t.db, { ...eventInputOf(gorontaloEvent), startsAt: new Date("2027-04-01T01:00:00Z"), endsAt: new Date("2027-04-01T05:00:00Z"), rsvpDeadline: null }, { now: NOW, provinces: provincesOf(jambi) });
    expect(created.ok).toBe(false);
    if (!created.ok) expect(created.issues.map((i) => `${i.code}:${i.params.value}`)).toEqual(["province_not_allowed:Gorontalo"]);
    expect(await t.db.event.findUniqueOrThrow({ where: { id: gorontaloEvent.id } })).toEqual(before);
    expect((await t.db.event.findUniqueOrThrow({ where: { id: jambiEvent.id } })).province).toBe("15");
  });

  it("cannot check in its participants, and nothing is recorded", async () => {
    expect(await checkIn(t.db, gorontaloToken, { now: NOW, provinces: provincesOf(jambi) })).toEqual({ status: "not_found" });
    expect((await t.db.registration.findUniqueOrThrow({ where: { checkInToken: gorontaloToken } })).checkedInAt).toBeNull();
  });

  it("finds none of its answers, figures or stories", async () => {
    const scope = { provinces: provincesOf(jambi) };
    const csv = (await feedbackCsv(t.db, undefined, scope)).toString("utf8");
    expect(csv).toContain("Saran Jambi");
    expect(csv).not.toContain("Gorontalo");
    expect((await feedbackCsv(t.db, gorontaloEvent.id, scope)).toString("utf8").trim().split("\r\n")).toHaveLength(1);
    const stats = await overallStats(t.db, scope);
    expect(stats.scope).toEqual({ kind: "overall", events: 1 });
    expect(stats.registrations).toBe(0);
    expect(stats.answers).toBe(1);
    expect(stats.themes.flat().join(" ")).not.toContain("rahasia");
    expect((await overallStats(t.db)).answers).toBe(2);

    expect((await listPendingStories(t.db, 10, scope)).map((s) => s.story)).toEqual(["Cerita Jambi"]);
    expect(await countPendingStories(t.db, scope)).toBe(1);
    expect(await findStory(t.db, gorontaloStory, scope)).toBeNull();
    expect(await approveStory(t.db, gorontaloStory, scope)).toBe(false);
    expect(await rejectStory(t.db, gorontaloStory, scope)).toBe(false);
    expect((await t.db.feedback.findUniqueOrThrow({ where: { id: gorontaloStory } })).storyStatus).toBe("pending");
  });

  it("may broadcast only to its provinces and its events' participants", async () => {
    expect(await canBroadcastTo(t.db, jambi, { kind: "all" })).toBe(false);
    expect(await canBroadcastTo(t.db, jambi, { kind: "role", role: "alumni" })).toBe(false);
    expect(await canBroadcastTo(t.db, jambi, { kind: "provinces", codes: ["15"] })).toBe(true);
    expect(await canBroadcastTo(t.db, jambi, { kind: "provinces", codes: ["15", "75"] })).toBe(false);
    expect(await canBroadcastTo(t.db, jambi, { kind: "event", eventId: jambiEvent.id, segment: "confirmed" })).toBe(true);
    expect(await canBroadcastTo(t.db, jambi, { kind: "event", eventId: gorontaloEvent.id, segment: "confirmed" })).toBe(false);
    expect(await canBroadcastTo(t.db, { kind: "national", telegramId: NATIONAL }, { kind: "all" })).toBe(true);
  });

  it("cannot import a row for Gorontalo: the error names the line, and nothing is saved", async () => {
    const csv = [
      "judul,provinsi,kota,tempat,alamat,mulai,selesai,kapasitas,deskripsi",
      "Temu Alumni Muaro Jambi,Jambi,Muaro Jambi,Aula Desa,Jl. Lintas 1,2027-05-01T09:00:00+07:00,2027-05-01T12:00:00+07:00,50,Berbagi",
      "Temu Alumni Limboto,Gorontalo,Kabupaten Gorontalo,Aula Limboto,Jl. Limboto 2,2027-05-02T09:00:00+08:00,2027-05-02T12:00:00+08:00,50,Berbagi",
    ].join("\n");
    const parsed = parseEventsCsv(csv, { now: NOW, provinces: provincesOf(jambi) });
    expect(parsed).toEqual({ ok: false, errors: [{ line: 3, code: "province_not_allowed", field: "provinsi", params: { value: "Gorontalo" } }] });
    expect(renderIssueId("province_not_allowed", { value: "Gorontalo" })).toContain("Gorontalo");
    const count = await t.db.event.count();
    expect((await importEvents(t.db, csv, { now: NOW, provinces: provincesOf(jambi) })).ok).toBe(false);
    expect(await t.db.event.count()).toBe(count);
    expect(parseEventsCsv(csv, { now: NOW }).ok).toBe(true);
  });
});
