// Province-scoped organisers (issue 16, part 1): an organiser for Jambi tries every admin command and every
// callback format the features declare (walked from the registry) on a Gorontalo event, its participant,
// her feedback and story, a broadcast to its participants and its check-in code. Every attempt gets the
// ordinary refusal, no reply or file carries anything of Gorontalo, and nothing changes in the database.
import { afterAll, beforeEach, afterEach, describe, expect, it } from "vitest";
import { createBroadcast } from "../../src/domain/broadcast/queue.js";
import { reserveSeat } from "../../src/domain/events/rsvp.js";
import { BotHarness, type RecordedCall } from "../support/bot-harness.js";
import { diff, snapshot } from "../support/pii-scan.js";
import { onboard, OWNER, PRIVACY_NOW } from "../support/privacy-fixtures.js";
import { adminCommands, callbackFormats } from "../support/registry.js";

let h: BotHarness;
const victim = { id: 5_750_000_001, first_name: "Nurul", fullName: "Nurul Hidayah Gorontalo", phone: "+6285299990001", story: "Cerita Nurul tentang usaha karawo." };
const GORONTALO_TITLE = "Temu Alumni Limboto Rahasia";
/** Personal data of the Gorontalo participant: never in any reply to the organiser. */
const SECRETS = [victim.fullName, victim.phone, victim.story, "Pemasaran Karawo", "Kabupaten Gorontalo lagi"];
/** Published events are public (/acara, inline mode), but the admin tools never show another province's. */
const ADMIN_SECRETS = [...SECRETS, GORONTALO_TITLE];
const BUTTON_EXPIRED = "Tombol ini sudah tidak berlaku. Ketik /menu untuk mulai lagi.";
const ORGANISER_BASE = 7_700_000_000;

beforeEach(async () => {
  h = await BotHarness.create({ now: () => PRIVACY_NOW });
});
afterEach(async () => {
  await h.close();
});

const tried = { commands: 0, callbacks: 0 };
afterAll(() => console.info(`organiser crossings tried: ${tried.commands} commands, ${tried.callbacks} callbacks`));

/** Jambi organisers taking turns, so none of them exceeds the per-user flood limit (20 updates in 10 s). */
class Organisers {
  private index = 0;
  private used = 0;
  constructor(readonly ids: number[]) {}
  static async forJambi(h: BotHarness, count: number): Promise<Organisers> {
    const ids = Array.from({ length: count }, (_, i) => ORGANISER_BASE + i);
    for (const id of ids) expect(await h.app.kit.deps.admins.addOrganiser(BigInt(id), ["15"], BigInt(OWNER.id))).toMatchObject({ ok: true });
    return new Organisers(ids);
  }
  next(): { id: number; first_name: string } {
    if (this.used >= 14) {
      this.index = (this.index + 1) % this.ids.length;
      this.used = 0;
    }
    this.used++;
    return { id: this.ids[this.index] ?? ORGANISER_BASE, first_name: "Rahmat" };
  }
  owns(key: string): boolean {
    return this.ids.some((id) => key === String(id) || key === `conv:${id}`);
  }
}

function event(title: string, province: string, city: string, timeZone: string) {
  return h.db.event.create({
    data: { title, province, city, venueName: "Aula", address: "Jl. Contoh 1", startsAt: new Date("2027-03-10T02:00:00Z"), endsAt: new Date("2027-03-10T08:00:00Z"), timeZone, capacity: 10, maxCompanions: 1, status: "published" },
  });
}

/** A Gorontalo meetup with a participant who left every kind of trace; a Jambi meetup of the organiser's own. */
async function gorontaloFootprint() {
  await onboard(h, victim, "75");
  const user = await h.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(victim.id) } });
  const gorontalo = await event(GORONTALO_TITLE, "75", "Kabupaten Gorontalo", "Asia/Makassar");
  const jambi = await event("Temu Alumni Jambi Terbuka", "15", "Kota Jambi", "Asia/Jakarta");
  const reserved = await reserveSeat(h.db, { eventId: gorontalo.id, userId: user.id, fullName: victim.fullName, city: "Kabupaten Gorontalo", gelombang: 40, training: "Pemasaran Karawo", phone: victim.phone, companions: 0, now: PRIVACY_NOW });
  if (!reserved.ok) throw new Error("reserve failed");
  const feedback = await h.db.feedback.create({
    data: {
      userId: user.id,
      eventId: gorontalo.id,
      scope: `event:${gorontalo.id}`,
      storyStatus: "pending",
      rating: 4,
      mostUseful: "lainnya",
      mostUsefulOther: "Bertemu mentor",
      suggestion: "Kabupaten Gorontalo lagi",
      statusBefore: "menganggur",
      outcome: "usaha",
      outcomeField: "Karawo",
      story: victim.story,
      storyConsent: "named",
    },
  });
  const broadcast = await createBroadcast(h.db, { createdBy: OWNER.id, text: "Pengingat untuk peserta Limboto", audience: { kind: "event", eventId: gorontalo.id, segment: "confirmed" } as never, progressChatId: OWNER.id, now: PRIVACY_NOW });
  return { gorontalo, jambi, registration: reserved.registration, feedback, broadcast };
}

function sentTexts(calls: RecordedCall[]): string[] {
  return calls.flatMap((c) => {
    const texts = [c.payload.text, c.payload.caption].filter((t): t is string => typeof t === "string");
    const file = (c.payload.document ?? c.payload.photo) as { fileData?: unknown } | undefined;
    if (file?.fileData instanceof Uint8Array) texts.push(Buffer.from(file.fileData).toString("utf8"));
    const markup = c.payload.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined;
    for (const row of markup?.inline_keyboard ?? []) for (const b of row) texts.push(b.text);
    return texts;
  });
}

function expectNoSecrets(calls: RecordedCall[], what: string, secrets: readonly string[] = ADMIN_SECRETS): void {
  const all = sentTexts(calls).join("\n");
  for (const secret of secrets) expect(all.includes(secret), `${what} revealed "${secret}"`).toBe(false);
}

const ignoreTimestamps = (table: string, column: string) => table === "Session" && column === "updatedAt";

describe("an organiser for Jambi and a Gorontalo event", () => {
  it("sees only Jambi in the admin lists", async () => {
    const { jambi } = await gorontaloFootprint();
    const [organiser] = (await Organisers.forJambi(h, 1)).ids;
    const me = { id: organiser ?? 0, first_name: "Rahmat" };
    const list = await h.send(me, "/acara_admin");
    expect(sentTexts(list).join("\n")).toContain(jambi.title);
    expectNoSecrets(list, "/acara_admin");
    const stats = await h.send(me, "/statistik");
    expect(sentTexts(stats).join("\n")).toContain(jambi.title);
    expectNoSecrets(stats, "/statistik");
    expectNoSecrets(await h.send(me, "/ekspor"), "/ekspor");
    expect(BotHarness.texts(await h.send(me, "/cerita_admin"))).toEqual(["Tidak ada cerita yang menunggu tinjauan. 👍"]);
  });

  it("EVERY admin command naming the Gorontalo event, its participant, story, broadcast or check-in code is refused and changes nothing", { timeout: 300_000 }, async () => {
    const f = await gorontaloFootprint();
    const args = ["", ` ${f.gorontalo.id}`, ` #${f.gorontalo.id}`, ` ${f.registration.checkInToken}`, ` ${f.registration.id}`, ` ${f.feedback.id}`, ` ${f.broadcast.id}`];
    const commands = adminCommands();
    const pool = await Organisers.forJambi(h, Math.ceil((commands.length * args.length) / 14) + 2);
    const before = await snapshot(h.db);
    for (const command of commands) {
      for (const arg of args) {
        const calls = await h.send(pool.next(), `/${command}${arg}`);
        expectNoSecrets(calls, `/${command}${arg}`);
        expect(calls.filter((c) => c.method.startsWith("send")).length, `/${command}${arg} answered`).toBeGreaterThan(0);
        tried.commands++;
      }
    }
    // a check-in code of Gorontalo reads as unknown
    expect(BotHarness.texts(await h.send(pool.next(), `/checkin ${f.registration.checkInToken}`))[0]).toContain("Kode check-in tidak dikenal");
    const changes = diff(before, await snapshot(h.db), ignoreTimestamps).filter((c) => !(c.table === "Session" && pool.owns(String((c.after ?? c.before)?.key))));
    expect(changes).toEqual([]);
    expect((await h.db.registration.findUniqueOrThrow({ where: { id: f.registration.id } })).checkedInAt).toBeNull();
  });

  it("EVERY callback format filled with the Gorontalo ids is answered with the ordinary refusal and changes nothing", { timeout: 300_000 }, async () => {
    const f = await gorontaloFootprint();
    const ids = [f.gorontalo.id, f.registration.id, f.feedback.id, f.broadcast.id].map(String);
    const payloads = new Set<string>();
    for (const format of callbackFormats()) {
      for (const id of ids) {
        payloads.add([format.prefix, ...format.fields.map(() => id)].join(":"));
        for (const literal of format.literals) {
          if (format.fields.length === 2) payloads.add(`${format.prefix}:${literal}:${id}`);
          if (format.fields.length === 2) payloads.add(`${format.prefix}:${id}:${literal}`);
        }
      }
      // /umumkan: the Gorontalo event to any chat
      if (format.fields.length === 2 && format.literals.length === 0) payloads.add(`${format.prefix}:${f.gorontalo.id}:-1001234567890`);
    }
    await h.db.announcementChat.create({ data: { chatId: -1001234567890n, type: "channel", title: "Kanal Nasional", addedBy: BigInt(OWNER.id) } });
    const pool = await Organisers.forJambi(h, Math.ceil(payloads.size / 14) + 2);
    const before = await snapshot(h.db);
    const adminPrefixes = new Set(callbackFormats().filter((c) => ["eventsAdmin", "feedbackAdmin", "announce", "broadcastAdmin", "faqAdmin"].includes(c.feature)).map((c) => c.prefix));
    for (const data of payloads) {
      if (Buffer.byteLength(data) > 64) continue;
      const calls = await h.click(pool.next(), data);
      const answers = calls.filter((c) => c.method === "answerCallbackQuery");
      expect(answers.length, `answered once: ${data}`).toBe(1);
      const prefix = data.split(":")[0] ?? "";
      expectNoSecrets(calls, data, adminPrefixes.has(prefix) ? ADMIN_SECRETS : SECRETS);
      // the admin buttons that name something of Gorontalo: the ordinary refusal, nothing else sent
      if (adminPrefixes.has(prefix) && !["ael", "fbsa"].includes(prefix)) {
        expect(answers[0]?.payload.text, data).toBe(BUTTON_EXPIRED);
        expect(calls.filter((c) => c.method.startsWith("send")), data).toEqual([]);
      }
      tried.callbacks++;
    }
    const changes = diff(before, await snapshot(h.db), ignoreTimestamps).filter((c) => !(c.table === "Session" && pool.owns(String((c.after ?? c.before)?.key))));
    expect(changes).toEqual([]);
    expect(await h.db.announcementPost.count()).toBe(0);
  });

  it("imports only Jambi rows: a Gorontalo row is an error naming its line, and nothing is imported", async () => {
    const [organiser] = (await Organisers.forJambi(h, 1)).ids;
    const me = { id: organiser ?? 0, first_name: "Rahmat" };
    const { sendDocument } = await import("./events-helpers.js");
    const csv = [
      "judul,provinsi,kota,tempat,alamat,mulai,selesai,kapasitas,deskripsi",
      "Temu Jambi,Jambi,Kota Jambi,Aula,Jl. A 1,2027-04-10T09:00:00+07:00,2027-04-10T12:00:00+07:00,50,",
      "Temu Gorontalo,Gorontalo,Kota Gorontalo,Aula,Jl. B 2,2027-04-11T09:00:00+08:00,2027-04-11T12:00:00+08:00,50,",
    ].join("\n");
    h.app.bot.api.config.use((prev, method, payload, signal) => (method === "getFile" ? Promise.resolve({ ok: true, result: { file_id: "f", file_unique_id: "u", file_path: "documents/acara.csv" } } as never) : prev(method, payload, signal)));
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => (String(input).includes("/file/bot") ? new Response(csv) : realFetch(input, init))) as typeof fetch;
    try {
      const calls = await sendDocument(h, me, "acara.csv", "/impor_acara");
      const reply = BotHarness.texts(calls).join("\n");
      expect(reply).toContain("Baris 3");
      expect(await h.db.event.count()).toBe(0);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
