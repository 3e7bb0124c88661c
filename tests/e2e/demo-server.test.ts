/**
 * The demo (`npm run demo`) without a browser: the real bot process against the embedded emulator, and the
 * page's HTTP API — send a message and see it (and the bot's answers) arrive on the event stream, press
 * inline buttons (edits arrive in place), reply keyboards, venues, documents in both directions.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db.js";
import { parseEventsCsv } from "../../src/domain/events/import.js";
import { DEMO_CHANNEL, PERSONAS, entitiesToHtml, exampleEvents, sampleEventsCsv, startDemo, type ChangeBatch, type ChatSnapshot, type Demo, type ViewMessage } from "../../src/demo/index.js";
import { parseTyped } from "../../src/demo/markup.js";
import { autoEntities } from "../../src/demo/render.js";
import { templateDatabase } from "../support/db.js";

interface SseEvent {
  event: string;
  id?: string;
  data: unknown;
}

/** A minimal EventSource over fetch: collects every event and lets the test wait for one. */
class EventStream {
  readonly events: SseEvent[] = [];
  private readonly controller = new AbortController();
  private waiters: { test: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];
  private cursor = 0;

  static async open(url: string): Promise<EventStream> {
    const stream = new EventStream();
    const res = await fetch(url, { signal: stream.controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    void stream.pump(res.body as ReadableStream<Uint8Array>);
    return stream;
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const e: Partial<SseEvent> & { event: string } = { event: "message" };
          const data: string[] = [];
          for (const line of frame.split("\n")) {
            if (line.startsWith("event: ")) e.event = line.slice(7);
            else if (line.startsWith("id: ")) e.id = line.slice(4);
            else if (line.startsWith("data: ")) data.push(line.slice(6));
          }
          if (data.length === 0) continue;
          const event = { ...e, data: JSON.parse(data.join("\n")) as unknown };
          this.events.push(event);
          this.waiters = this.waiters.filter((w) => {
            if (!w.test(event)) return true;
            w.resolve(event);
            return false;
          });
        }
      }
    } catch {
      // aborted by close()
    }
  }

  /** The first event after the previous wait that passes the test. */
  async next(test: (e: SseEvent) => boolean, timeoutMs = 15_000): Promise<SseEvent> {
    for (; this.cursor < this.events.length; this.cursor++) {
      const e = this.events[this.cursor] as SseEvent;
      if (test(e)) {
        this.cursor++;
        return e;
      }
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms; got: ${this.events.map((e) => e.event).join(", ")}`)), timeoutMs);
      this.waiters.push({
        test,
        resolve: (e) => {
          clearTimeout(timer);
          this.cursor = this.events.length;
          resolve(e);
        },
      });
    });
  }

  /** The next message change (new/edit/delete) in a chat that passes the test. */
  async change(chatId: number, test: (c: ChangeBatch["changes"][number]) => boolean, timeoutMs?: number): Promise<{ change: ChangeBatch["changes"][number]; batch: ChangeBatch }> {
    const e = await this.next((ev) => ev.event === "changes" && (ev.data as ChangeBatch).changes.some((c) => c.chatId === chatId && test(c)), timeoutMs);
    const batch = e.data as ChangeBatch;
    return { change: batch.changes.find((c) => c.chatId === chatId && test(c)) as ChangeBatch["changes"][number], batch };
  }

  close(): void {
    this.controller.abort();
  }
}

const [siti, budi, admin] = PERSONAS as [(typeof PERSONAS)[number], (typeof PERSONAS)[number], (typeof PERSONAS)[number]];
const plain = (m: ViewMessage): string => (m.html ?? "").replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'");
const has = (text: string) => (c: ChangeBatch["changes"][number]) => c.kind === "new" && c.message.fromBot && plain(c.message).includes(text);

let demo: Demo;
let dir: string;
let stream: EventStream;

async function post(route: string, body: unknown, headers: Record<string, string> = { "x-demo": "1" }) {
  const res = await fetch(`${demo.url}${route}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function buttonData(m: ViewMessage, label: string): string {
  const button = (m.inlineKeyboard ?? []).flat().find((b) => b.text === label);
  if (!button?.data) throw new Error(`no button ${label} in ${JSON.stringify(m.inlineKeyboard)}`);
  return button.data;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "prakerja-demo-server-"));
  const databaseFile = path.join(dir, "demo.db");
  fs.copyFileSync(templateDatabase, databaseFile);
  demo = await startDemo({ port: 0, databaseFile, onBotOutput: () => undefined });
  stream = await EventStream.open(`${demo.url}/api/events`);
}, 120_000);

afterAll(async () => {
  stream?.close();
  await demo?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm run demo: the page's HTTP API", { timeout: 60_000 }, () => {
  it("serves the chat page, its assets and the demo state", async () => {
    const page = await fetch(demo.url);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain('<html lang="id">');
    expect(html).toContain("Coba bot tanpa Telegram");
    for (const asset of ["/app.js", "/page.js", "/view.js", "/style.css", "/favicon.svg"]) expect((await fetch(`${demo.url}${asset}`)).status).toBe(200);
    expect((await fetch(`${demo.url}/tidak-ada`)).status).toBe(404);

    const state = (await (await fetch(`${demo.url}/api/state`)).json()) as { personas: { key: string; id: number; admin: boolean }[]; status: { state: string } };
    expect(state.status.state).toBe("running");
    expect(state.personas.map((p) => p.key)).toEqual(["pengguna1", "pengguna2", "admin"]);
    expect(state.personas.filter((p) => p.admin).map((p) => String(p.id))).toEqual([demo.adminIds]);
    // the bot registered its Indonesian command menu with the emulator
    const commands = (await (await fetch(`${demo.url}/api/commands`)).json()) as { commands: { command: string }[] };
    expect(commands.commands.map((c) => c.command)).toContain("start");
  });

  it("starts the event stream with a snapshot of every persona's chat", async () => {
    const snapshot = await stream.next((e) => e.event === "snapshot");
    const chats = (snapshot.data as { chats: Record<string, ChatSnapshot> }).chats;
    expect(Object.keys(chats).sort()).toEqual(PERSONAS.map((p) => String(p.user.id)).sort());
  });

  it("sends a message, streams the bot's answers, and clicks buttons whose messages are edited in place", async () => {
    expect((await post("/api/send", { user: "pengguna1", text: "/start" })).status).toBe(200);
    const mine = await stream.change(siti.user.id, (c) => c.kind === "new" && !c.message.fromBot);
    expect(mine.change.message.html).toBe('<a href="#" class="cmd" data-command="/start">/start</a>');

    const welcome = await stream.change(siti.user.id, has("Halo, Siti!"));
    expect(welcome.change.message.html).toContain("<b>Temu Alumni Kartu Prakerja</b>");
    const consent = (await stream.change(siti.user.id, has("boleh aku menyimpan"))).change.message;
    // commands inside the bot's text are clickable, like in Telegram's apps
    expect(consent.html).toContain('data-command="/dataku"');

    const yes = buttonData(consent, "✅ Setuju");
    const click = await post("/api/click", { user: "pengguna1", messageId: consent.id, data: yes });
    expect(click.status).toBe(200);
    expect(typeof click.body.callbackQueryId).toBe("string");
    const edited = await stream.change(siti.user.id, (c) => c.kind === "edit" && c.message.id === consent.id);
    expect(edited.change.message.inlineKeyboard).toBeUndefined();
    expect(edited.change.message.edited).toBe(true);
    // the same button again: it is gone
    expect((await post("/api/click", { user: "pengguna1", messageId: consent.id, data: yes })).status).toBe(409);

    const role = (await stream.change(siti.user.id, has("Kamu termasuk yang mana?"))).change.message;
    await post("/api/click", { user: "pengguna1", messageId: role.id, data: buttonData(role, "🎓 Alumni Prakerja") });
    const roleEdit = await stream.change(siti.user.id, (c) => c.kind === "edit" && c.message.id === role.id);
    expect(plain(roleEdit.change.message)).toBe("Peran: 🎓 Alumni Prakerja");

    await stream.change(siti.user.id, has("provinsi mana"));
    await post("/api/send", { user: "pengguna1", text: "Jambi" });
    await stream.change(siti.user.id, has("Sip, provinsimu Jambi"));
    await stream.change(siti.user.id, has("Mau ngapain hari ini?"));

    // the same chat through the non-streaming endpoint
    const chat = (await (await fetch(`${demo.url}/api/chat?user=pengguna1`)).json()) as ChatSnapshot;
    expect(chat.messages.find((m) => m.id === consent.id)?.inlineKeyboard).toBeUndefined();
    expect(chat.messages.filter((m) => !m.fromBot).map(plain)).toEqual(["/start", "Jambi"]);
    // nothing leaked into the other personas' chats
    expect(((await (await fetch(`${demo.url}/api/chat?user=pengguna2`)).json()) as ChatSnapshot).messages).toEqual([]);
  });

  it("lists the example meetups, shows a venue, and offers a reply keyboard in the RSVP conversation", async () => {
    await post("/api/send", { user: "pengguna1", text: "/acara" });
    const list = (await stream.change(siti.user.id, has("[Contoh]"))).change.message;
    const text = plain(list);
    expect(text.indexOf("Jambi")).toBeLessThan(text.indexOf("Gorontalo")); // her province first
    expect(text).toContain("WIB");

    await post("/api/click", { user: "pengguna1", messageId: list.id, data: buttonData(list, "📍 Lokasi 1") });
    const venue = (await stream.change(siti.user.id, (c) => c.kind === "new" && c.message.venue !== undefined)).change.message.venue;
    expect(venue?.title).toBe("Kedai Kopi Contoh");
    expect(venue?.mapUrl).toMatch(/^https:\/\/www\.openstreetmap\.org\/\?mlat=-1\.6101&mlon=103\.6131/);

    await post("/api/click", { user: "pengguna1", messageId: list.id, data: buttonData(list, "📝 Daftar 1") });
    const ask = await stream.change(siti.user.id, has("nama lengkapmu"));
    expect(ask.batch.keyboards[String(siti.user.id)]?.rows.flat().map((b) => b.text)).toEqual(["Siti Rahmawati"]);
    await post("/api/send", { user: "pengguna1", text: "/batal" });
    const left = await stream.next((e) => e.event === "changes" && (e.data as ChangeBatch).changes.some((c) => c.chatId === siti.user.id && c.message.fromBot));
    expect((left.data as ChangeBatch).keyboards[String(siti.user.id)]).toBeNull();

    // the share-contact button sends the persona's (fake) number as a contact
    expect((await post("/api/contact", { user: "pengguna1" })).status).toBe(200);
    const contact = await stream.change(siti.user.id, (c) => c.kind === "new" && c.message.contact !== undefined);
    expect(contact.change.message.contact).toEqual({ phone: siti.phone, name: "Siti Rahmawati" });
  });

  it("downloads a document the bot sent (/dataku)", async () => {
    await post("/api/send", { user: "pengguna1", text: "/dataku" });
    const doc = (await stream.change(siti.user.id, (c) => c.kind === "new" && c.message.document !== undefined)).change.message.document;
    expect(doc?.name).toMatch(/^dataku-.*\.json$/);
    const res = await fetch(`${demo.url}${doc?.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="dataku-.*\.json"/);
    const body = await res.text();
    expect(() => JSON.parse(body)).not.toThrow();
    expect(body).toContain(String(siti.user.id));
    expect((await fetch(`${demo.url}/api/files/tidak-ada`)).status).toBe(404);
  });

  it("lets the admin import the sample CSV as a document with the caption /impor_acara", async () => {
    const csv = await fetch(`${demo.url}/api/contoh-acara.csv`);
    expect(csv.headers.get("content-disposition")).toContain("contoh-acara.csv");
    const bytes = Buffer.from(await csv.arrayBuffer());
    const res = await fetch(`${demo.url}/api/document?user=admin&name=contoh-acara.csv&caption=${encodeURIComponent("/impor_acara")}`, {
      method: "POST",
      headers: { "x-demo": "1", "content-type": "application/octet-stream" },
      body: bytes,
    });
    expect(res.status).toBe(200);
    const sent = (await stream.change(admin.user.id, (c) => c.kind === "new" && !c.message.fromBot)).change.message;
    expect(sent.document?.name).toBe("contoh-acara.csv");
    expect(plain(sent)).toBe("/impor_acara");
    // the admin can download what they sent, byte for byte
    expect(Buffer.from(await (await fetch(`${demo.url}${sent.document?.url}`)).arrayBuffer()).equals(bytes)).toBe(true);
    await stream.change(admin.user.id, has("2 acara berhasil diimpor"));
  });

  it("shows the demo channel: the admin posts an event card there with /umumkan", async () => {
    const state = (await (await fetch(`${demo.url}/api/state`)).json()) as { channel: { key: string; id: number; title: string } };
    expect(state.channel).toMatchObject({ key: "kanal", id: DEMO_CHANNEL.id, title: DEMO_CHANNEL.title });
    await post("/api/send", { user: "admin", text: "/umumkan" });
    const pick = (await stream.change(admin.user.id, has("Umumkan acara"))).change.message;
    const first = (pick.inlineKeyboard ?? []).flat()[0];
    await post("/api/click", { user: "admin", messageId: pick.id, data: first?.data });
    const chats = (await stream.change(admin.user.id, has("Kirim kartu"))).change.message;
    await post("/api/click", { user: "admin", messageId: chats.id, data: buttonData(chats, `📢 ${DEMO_CHANNEL.title}`) });
    const card = (await stream.change(DEMO_CHANNEL.id, (c) => c.kind === "new" && c.message.fromBot)).change.message;
    expect(plain(card)).toContain("[Contoh]");
    expect((card.inlineKeyboard ?? []).flat()[0]).toMatchObject({ text: "Daftar", kind: "url", url: expect.stringContaining("start=acara_") });
    await stream.change(admin.user.id, has("sudah dikirim"));
    const channel = (await (await fetch(`${demo.url}/api/chat?user=kanal`)).json()) as ChatSnapshot;
    expect(channel.messages.map((m) => m.id)).toEqual([card.id]);
  });

  it("answers inline queries typed on the page and shares a chosen card into the chat", async () => {
    const answer = (await post("/api/inline", { user: "admin", query: "jambi" })).body as { queryId: string; results: { id: string; title: string }[] };
    expect(answer.results.length).toBeGreaterThan(0);
    expect(answer.results.every((r) => r.title.includes("Jambi"))).toBe(true);
    expect((await post("/api/inline", { user: "admin", query: "" })).body.results).not.toEqual([]);
    const chosen = await post("/api/inline/choose", { user: "admin", queryId: answer.queryId, resultId: answer.results[0]?.id });
    expect(chosen.status).toBe(200);
    const shared = (await stream.change(admin.user.id, (c) => c.kind === "new" && !c.message.fromBot)).change.message;
    expect(plain(shared)).toContain(answer.results[0]?.title ?? "?");
    expect((shared.inlineKeyboard ?? []).flat()[0]).toMatchObject({ text: "Daftar", kind: "url" });
    expect((await post("/api/inline/choose", { user: "admin", queryId: "999", resultId: "x" })).status).toBe(409);
  });

  it("offers a location button under /acara and lists the nearest meetups for a shared location", async () => {
    await post("/api/send", { user: "pengguna1", text: "/acara" });
    const prompt = await stream.change(siti.user.id, has("Kirim lokasi"));
    expect(prompt.batch.keyboards[String(siti.user.id)]?.rows.flat()).toEqual([expect.objectContaining({ text: "📍 Kirim lokasi", kind: "location" })]);
    await post("/api/location", { user: "pengguna1", latitude: -1.61, longitude: 103.61 });
    await stream.change(siti.user.id, has("Acara terdekat"));
    const list = plain((await stream.change(siti.user.id, has("Jarak"))).change.message);
    expect(list).toMatch(/^1\. .*Jambi/m);
    expect(list).toMatch(/Jarak: \d+,\d km/);
  });

  it("refuses requests a page on another site could make, unknown personas and empty input", async () => {
    expect((await post("/api/send", { user: "pengguna1", text: "halo" }, {})).status).toBe(403);
    expect((await post("/api/send", { user: "nobody", text: "halo" })).status).toBe(400);
    expect((await post("/api/send", { user: "pengguna2", text: "   " })).status).toBe(400);
    const form = await fetch(`${demo.url}/api/send`, { method: "POST", headers: { "x-demo": "1", "content-type": "text/plain" }, body: "user=pengguna1&text=halo" });
    expect(form.status).toBe(415);
    expect(((await (await fetch(`${demo.url}/api/chat?user=pengguna2`)).json()) as ChatSnapshot).messages).toEqual([]);
    expect(budi.user.id).not.toBe(siti.user.id);
  });
});

describe("demo data and rendering", () => {
  it("seeded the example meetups, marked as examples, in Jambi, Kalimantan Selatan and Gorontalo", async () => {
    const db = await openDatabase(`file:${demo.databaseFile}`);
    try {
      const examples = await db.event.findMany({ where: { isExample: true }, orderBy: { startsAt: "asc" } });
      expect(examples.length).toBeGreaterThanOrEqual(4);
      expect(examples.every((e) => e.title.startsWith("[Contoh]") && e.status === "published")).toBe(true);
      expect(new Set(examples.map((e) => e.province))).toEqual(new Set(["15", "63", "75"]));
      expect(examples.every((e) => e.startsAt.getTime() > Date.now())).toBe(true);
    } finally {
      await db.$disconnect();
    }
    expect(demo.examplesSeeded).toBe(4);
  });

  it("example dates are relative to now, in the daytime of the venue's zone", () => {
    const now = new Date("2027-03-10T18:30:00Z"); // 01.30 WIB
    for (const e of exampleEvents(now)) {
      expect(e.startsAt.getTime()).toBeGreaterThan(now.getTime());
      const offset = e.province === "15" ? 7 : 8;
      const hour = (e.startsAt.getUTCHours() + offset) % 24;
      expect(hour).toBeGreaterThanOrEqual(9);
      expect(hour).toBeLessThanOrEqual(19);
    }
  });

  it("the sample CSV passes the real import checks", () => {
    const result = parseEventsCsv(sampleEventsCsv(new Date()), { now: new Date() });
    expect(result.ok ? result.events.map((e) => e.title) : result.errors).toEqual(["[Contoh] Temu Alumni Prakerja Muaro Jambi", "[Contoh] Temu Alumni Prakerja Banjarbaru"]);
  });

  it("renders entities as HTML and escapes everything else", () => {
    expect(entitiesToHtml("<b>x</b> & 'y'", [])).toBe("&lt;b&gt;x&lt;/b&gt; &amp; &#39;y&#39;");
    expect(entitiesToHtml("tebal miring", [{ type: "bold", offset: 0, length: 12 }, { type: "italic", offset: 6, length: 6 }])).toBe("<b>tebal <i>miring</i></b>");
    // overlapping entities are closed and reopened, so the HTML stays well-formed
    expect(entitiesToHtml("abcdef", [{ type: "bold", offset: 0, length: 4 }, { type: "italic", offset: 2, length: 4 }])).toBe("<b>ab<i>cd</i></b><i>ef</i>");
    expect(entitiesToHtml("klik", [{ type: "text_link", offset: 0, length: 4, url: "javascript:alert(1)" }])).toBe("<span>klik</span>");
    expect(entitiesToHtml("situs", [{ type: "text_link", offset: 0, length: 5, url: 'https://x.id/?a="b"' }])).toBe('<a href="https://x.id/?a=&quot;b&quot;" target="_blank" rel="noopener noreferrer">situs</a>');
    expect(entitiesToHtml("😀 a<b", [{ type: "bold", offset: 3, length: 3 }])).toBe("😀 <b>a&lt;b</b>");
    expect(autoEntities("lihat prakerja.go.id. Ketik /batal, siaran #1 #Prakerja").map((e) => e.type)).toEqual(["bot_command", "hashtag", "url"]);
  });

  it("turns the app's typing shortcuts into entities", () => {
    expect(parseTyped("**Penting:** daftar di [sini](https://prakerja.go.id) __sekarang__ /acara")).toEqual({
      text: "Penting: daftar di sini sekarang /acara",
      entities: [
        { type: "bold", offset: 0, length: 8 },
        { type: "text_link", offset: 19, length: 4, url: "https://prakerja.go.id" },
        { type: "italic", offset: 24, length: 8 },
        { type: "bot_command", offset: 33, length: 6 },
      ],
    });
    expect(parseTyped("2 ** 3 biasa")).toEqual({ text: "2 ** 3 biasa", entities: [] });
  });
});
