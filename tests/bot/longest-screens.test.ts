// The longest screens the bot can produce, filled to the limits the bot itself accepts (event titles of
// 120 characters, descriptions of 2,000, FAQ answers of 3,500 with 20 variants and 40 keywords, stories
// of 2,000) and full of characters that must be escaped. The real bot runs through bot.handleUpdate; its
// outgoing calls go through its HTML transformer to a stand-in for Telegram that parses every text as
// Telegram does and refuses what Telegram refuses. Every message and edit must fit in 4,096 characters
// and every caption in 1,024 after entity parsing, nothing may be refused, and what the screen is for
// must still be there (the last item of a long list, the end of a long text).
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatText } from "../../src/emulator/entities.js";
import { FAQ_LIMITS } from "../../src/domain/faq/entry.js";
import { LIMITS } from "../../src/domain/events/validation.js";
import { STORY_MAX_LENGTH } from "../../src/domain/feedback/survey.js";
import { BotHarness, type RecordedCall, type TestUserInfo } from "../support/bot-harness.js";
import { onboard } from "../support/privacy-fixtures.js";

const NOW = new Date("2027-06-20T03:00:00Z");
const HOUR = 3600_000;
const admin: TestUserInfo = { id: 900001, first_name: "Admin" };
const ani: TestUserInfo = { id: 7801, first_name: "Ani & Budi <3" };
const APOLOGY = "Maaf, ada kendala di sistem kami";

let h: BotHarness;
beforeEach(async () => {
  h = await BotHarness.create({ now: () => NOW, telegram: "strict" });
});
afterEach(async () => {
  await h.close();
});

/** Text of exactly `length` characters: `head`, then hostile filler, then `tail` at the very end. */
function filled(length: number, head: string, tail = ""): string {
  const filler = ' Ani & Budi <3 "kata" </i> <b>';
  let text = head;
  while (text.length < length - tail.length) text += filler;
  return text.slice(0, length - tail.length) + tail;
}

/** An event title of the longest length accepted, with a marker that tells them apart. */
const longTitle = (n: number) => filled(LIMITS.titleMax, `Temu Alumni <Jambi> & "Jejaring" ke-${n}`);

/** What Telegram shows of a recorded call: the text or caption after entity parsing. */
function shown(call: RecordedCall): string {
  const isText = call.method === "sendMessage" || call.method === "editMessageText";
  const raw = call.payload[isText ? "text" : "caption"];
  if (typeof raw !== "string") return "";
  return formatText(raw, call.payload.parse_mode, call.payload[isText ? "entities" : "caption_entities"]).text;
}

/** Every call was accepted, fits Telegram's limits, and none is the apology for a failure. Returns what was shown. */
function expectAllFit(calls: RecordedCall[]): string[] {
  expect(h.refusals.map((r) => `${r.method}: ${r.description}`)).toEqual([]);
  const texts: string[] = [];
  for (const call of calls) {
    const text = shown(call);
    if (call.method === "sendMessage" || call.method === "editMessageText") expect(text.length, `${call.method}: ${text.slice(0, 80)}`).toBeLessThanOrEqual(4096);
    else expect(text.length, `${call.method} caption: ${text.slice(0, 80)}`).toBeLessThanOrEqual(1024);
    expect(text).not.toContain(APOLOGY);
    if (text) texts.push(text);
  }
  return texts;
}

/** Words of a text, so pieces cut at line breaks and spaces compare with the whole. */
const words = (text: string) => text.split(/\s+/).filter(Boolean).join(" ");
/** Whether `part` appears whole in what was shown, across the pieces of a split message too. */
const appearsIn = (texts: string[], part: string) => words(texts.join("\n")).includes(words(part));

const button = (calls: RecordedCall[], label: string | RegExp) => {
  const found = BotHarness.buttons(calls).find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
  expect(found, `button ${String(label)} in ${JSON.stringify(BotHarness.buttons(calls).map((b) => b.text))}`).toBeDefined();
  return found!.data!;
};

async function upcomingEvents(count: number) {
  const events = [];
  for (let n = 1; n <= count; n++) {
    events.push(
      await h.db.event.create({
        data: {
          title: longTitle(n),
          description: filled(LIMITS.descriptionMax, `Deskripsi acara ke-${n}:`, " AKHIR-DESKRIPSI"),
          province: "15",
          city: "Kota Jambi",
          venueName: filled(LIMITS.venueMax, "Aula <Dinas> & Co"),
          address: filled(LIMITS.addressMax, "Jl. A & B <no> 9"),
          startsAt: new Date(NOW.getTime() + (48 + n) * HOUR),
          endsAt: new Date(NOW.getTime() + (52 + n) * HOUR),
          timeZone: "Asia/Jakarta",
          capacity: 100_000,
          status: n % 4 === 0 ? "draft" : "published",
        },
      }),
    );
  }
  return events;
}

async function endedEvents(count: number) {
  const events = [];
  for (let n = 1; n <= count; n++) {
    events.push(
      await h.db.event.create({
        data: {
          title: longTitle(n),
          province: "15",
          city: "Kota Jambi",
          venueName: "Aula Dinas",
          address: "Jl. Sultan Agung 9",
          startsAt: new Date(NOW.getTime() - (30 + n) * HOUR),
          endsAt: new Date(NOW.getTime() - (26 + n) * HOUR),
          timeZone: "Asia/Jakarta",
          status: "published",
        },
      }),
    );
  }
  return events;
}

async function person(n: number) {
  return h.db.user.create({ data: { telegramId: BigInt(500_000 + n), firstName: filled(64, `Peserta <${n}> &`), role: "alumni", province: "15", consentAt: NOW, consentVersion: "1" } });
}

describe("the longest screens fit Telegram's limits", () => {
  it("/acara_admin: every page of 23 events with the longest titles fits, and the last event is on the last page", async () => {
    const events = await upcomingEvents(23);
    let calls = await h.send(admin, "/acara_admin");
    const pages: string[][] = [expectAllFit(calls)];
    for (let page = 1; BotHarness.buttons(calls).some((b) => b.text === "▶️"); page++) {
      calls = await h.click(admin, button(calls, "▶️"));
      expect(calls.filter((c) => c.method === "editMessageText")).toHaveLength(1);
      pages.push(expectAllFit(calls));
      expect(page).toBeLessThan(10);
    }
    expect(pages).toHaveLength(5);
    for (const event of events) expect(pages.some((texts) => appearsIn(texts, event.title)), event.title).toBe(true);
    expect(appearsIn(pages.at(-1)!, events.at(-1)!.title)).toBe(true);

    // the management view of the last one: the longest description, venue and address whole
    const manage = await h.click(admin, button(calls, `⚙️ Kelola #${events.at(-1)!.id}`));
    const view = expectAllFit(manage);
    expect(appearsIn(view, events.at(-1)!.description)).toBe(true);
    expect(appearsIn(view, events.at(-1)!.address)).toBe(true);
  });

  it("/statistik: the choice, the overall and per-event figures, the chart and CSV captions of 12 events with 120 answers fit", async () => {
    const events = await endedEvents(12);
    for (let n = 0; n < 120; n++) {
      const user = await person(n);
      const event = events[n % events.length]!;
      await h.db.registration.create({ data: { eventId: event.id, userId: user.id, status: "confirmed", fullName: user.firstName, checkInToken: randomUUID(), checkedInAt: event.startsAt } });
      await h.db.feedback.create({
        data: {
          userId: user.id,
          eventId: event.id,
          scope: `event:${event.id}`,
          rating: 1 + (n % 5),
          mostUseful: "jejaring",
          suggestion: filled(1000, `Saran <${n}> & pelatihan lanjutan, jadwal offline, materi digital${n % 7} pemasaran${n % 11}`),
          statusBefore: "menganggur",
          outcome: n % 2 ? "bekerja" : "usaha",
          outcomeField: filled(200, "Bidang <IT> & data"),
        },
      });
    }
    const choice = await h.send(admin, "/statistik");
    expectAllFit(choice);
    const overall = await h.click(admin, button(choice, "📊 Semua acara dan program"));
    const overallTexts = expectAllFit(overall);
    expect(overallTexts.join("\n")).toContain("12 acara");
    expect(overall.some((c) => c.method === "sendPhoto")).toBe(true);

    const last = events.at(-1)!;
    const single = await h.send(admin, `/statistik ${last.id}`);
    const singleTexts = expectAllFit(single);
    expect(appearsIn(singleTexts, last.title)).toBe(true);
    expect(single.some((c) => c.method === "sendPhoto")).toBe(true);
    const csv = await h.click(admin, button(single, "📄 Unduh CSV masukan"));
    const caption = expectAllFit(csv);
    expect(csv.some((c) => c.method === "sendDocument")).toBe(true);
    expect(caption.join("\n")).toContain("(10 jawaban)");
  });

  describe("FAQ", () => {
    /** A piece of an answer in the FAQ's HTML: tags, escaped characters, a line break. */
    const FAQ_CHUNK = "\nAni &amp; Budi &lt;3 <b>penting</b> <i>catatan</i> &quot;kata&quot;";
    /** 30 entries at every limit: question, answer (valid HTML, ends with a marker), variants, keywords. */
    async function longFaq() {
      const entries = [];
      for (let n = 1; n <= 30; n++) {
        const tail = ` <i>AKHIR-JAWABAN-${n}</i>`;
        let answer = `<b>Jawaban ${n}</b> &amp; rinciannya:`;
        while (answer.length + FAQ_CHUNK.length + tail.length <= FAQ_LIMITS.answerMax) answer += FAQ_CHUNK;
        answer += tail;
        entries.push(
          await h.db.faq.create({
            data: {
              slug: `panjang-${n}`,
              category: "panjang",
              question: filled(FAQ_LIMITS.questionMax, `Pertanyaan panjang nomor ${n} tentang <insentif> & "pelatihan"`, `?`),
              answer,
              variants: JSON.stringify(Array.from({ length: FAQ_LIMITS.maxVariants }, (_, v) => filled(FAQ_LIMITS.phraseMax, `variasi ${n}.${v} <a> &`, ` AKHIR-VARIASI-${v}`))),
              keywords: JSON.stringify(Array.from({ length: FAQ_LIMITS.maxKeywords }, (_, k) => filled(FAQ_LIMITS.keywordMax, `kunci${n}x${k} &`))),
            },
          }),
        );
      }
      return entries;
    }

    it("/faq_admin: every list page, the longest entry and its edit prompts fit, and show the entry whole", async () => {
      const entries = await longFaq();
      const panel = await h.send(admin, "/faq_admin");
      expectAllFit(panel);
      let calls = await h.click(admin, button(panel, /Daftar/));
      const pages = [expectAllFit(calls)];
      while (BotHarness.buttons(calls).some((b) => b.text === "▶️")) {
        calls = await h.click(admin, button(calls, "▶️"));
        pages.push(expectAllFit(calls));
      }
      const last = entries.at(-1)!;
      expect(pages.at(-1)!.join("\n")).toContain(`#${last.id}`);

      // the entry as admins see it: the whole answer, every variant and keyword
      const view = await h.click(admin, button(calls, new RegExp(`^#${last.id} `)));
      const details = expectAllFit(view);
      expect(appearsIn(details, last.question)).toBe(true);
      expect(details.join("\n")).toContain(`AKHIR-JAWABAN-${30}`);
      for (const variant of JSON.parse(last.variants) as string[]) expect(appearsIn(details, variant), variant).toBe(true);
      for (const keyword of JSON.parse(last.keywords) as string[]) expect(appearsIn(details, keyword), keyword).toBe(true);

      // editing shows the current value whole, to copy and change
      const which = await h.click(admin, button(view, /Ubah|Edit/));
      for (const field of ["Jawaban", "Variasi"]) {
        const prompt = await h.click(admin, button(which, new RegExp(field)));
        const current = expectAllFit(prompt);
        if (field === "Jawaban") expect(appearsIn(current, last.answer)).toBe(true);
        else for (const variant of JSON.parse(last.variants) as string[]) expect(appearsIn(current, variant), variant).toBe(true);
        await h.send(admin, "/batal");
      }
    });

    it("the longest answer reaches a user whole, and so does the edit after a vote", async () => {
      const entries = await longFaq();
      const last = entries.at(-1)!;
      // the answer as a "related question" button brings it
      const answer = await h.click(ani, `faqq:${last.id}`);
      const shownAnswer = expectAllFit(answer);
      expect(shownAnswer.join("\n")).toContain("AKHIR-JAWABAN-30");
      const voted = await h.click(ani, button(answer, /👍/));
      expect(expectAllFit(voted).join("\n")).toContain("AKHIR-JAWABAN-30");
    });
  });

  it("/dataku: a person with 60 registrations, feedback and a long story sees every event and the footer", async () => {
    await onboard(h, ani);
    const user = await h.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(ani.id) } });
    const events = await endedEvents(60);
    for (const event of events) {
      await h.db.registration.create({ data: { eventId: event.id, userId: user.id, status: "confirmed", fullName: ani.first_name, checkInToken: randomUUID(), checkedInAt: event.startsAt } });
      await h.db.feedback.create({
        data: { userId: user.id, eventId: event.id, scope: `event:${event.id}`, rating: 5, mostUseful: "jejaring", outcome: "bekerja", story: filled(STORY_MAX_LENGTH, "Cerita <saya> &", " AKHIR-CERITA"), storyConsent: "named", storyStatus: "pending" },
      });
    }
    h.calls.length = 0;
    const calls = await h.send(ani, "/dataku");
    const texts = expectAllFit(calls);
    for (const event of events) expect(appearsIn(texts, event.title), event.title).toBe(true);
    expect(texts.join("\n")).toContain("Rincian lengkapnya ada di berkas JSON terlampir");
    const document = calls.find((c) => c.method === "sendDocument");
    expect(document).toBeDefined();
  });

  it("/cerita_admin: five pending stories of 2,000 characters, each shown whole in turn", async () => {
    const events = await endedEvents(5);
    const stories = [];
    for (const [n, event] of events.entries()) {
      const user = await person(n);
      const story = filled(STORY_MAX_LENGTH, `Cerita <${n}> & "perjalanan" saya:`, ` AKHIR-CERITA-${n}`);
      stories.push(story);
      await h.db.feedback.create({
        data: { userId: user.id, eventId: event.id, scope: `event:${event.id}`, rating: 5, mostUseful: "jejaring", outcome: "usaha", story, storyConsent: n % 2 ? "named" : "anonymous", storyStatus: "pending" },
      });
    }
    let calls = await h.send(admin, "/cerita_admin");
    const seen: string[] = [];
    for (let n = 0; n < stories.length; n++) {
      const texts = expectAllFit(calls);
      seen.push(...texts);
      calls = await h.click(admin, button(calls, /Setujui|Terbitkan|✅/));
    }
    expectAllFit(calls);
    for (const story of stories) expect(appearsIn(seen, story), story.slice(0, 20)).toBe(true);
    for (const event of events) expect(appearsIn(seen, event.title)).toBe(true);
  });
});
