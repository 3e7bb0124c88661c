import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { saveFeedback } from "../../src/domain/feedback/survey.js";
import { BotHarness } from "../support/bot-harness.js";
import { FEEDBACK_NOW, endedEvent, labels, participant, press, texts } from "../support/feedback-bot.js";

let h: BotHarness;
const sari = { id: 7501, first_name: "Sari" };
const tono = { id: 7502, first_name: "Tono" };
const admin = { id: 900001, first_name: "Admin" };

beforeEach(async () => {
  h = await BotHarness.create({ now: () => FEEDBACK_NOW });
});
afterEach(async () => {
  await h.close();
});

describe("the feedback survey (/masukan)", () => {
  it("walks through every question, refuses a suggestion over 2,000 characters, and keeps a declined story private", async () => {
    const event = await endedEvent(h);
    const user = await participant(h, sari, event.id, { checkedIn: true });

    let calls = await h.send(sari, "/masukan");
    expect(texts(calls)).toContain("Kamu mau memberi masukan untuk apa?");
    expect(labels(calls)).toEqual(["🤝 Temu Alumni Prakerja Jambi", "🎓 Program Kartu Prakerja secara umum"]);

    calls = await press(h, sari, calls, "🤝 Temu Alumni Prakerja Jambi");
    expect(texts(calls)).toContain("Masukan: Temu Alumni Prakerja Jambi");
    expect(texts(calls)).toContain("berapa nilaimu?");
    expect(labels(calls)).toEqual(["⭐ 1", "⭐ 2", "⭐ 3", "⭐ 4", "⭐ 5"]);

    // typing instead of pressing gets a reminder, the question stays open
    const typed = await h.send(sari, "empat");
    expect(texts(typed)).toContain("Silakan pilih salah satu tombol");

    calls = await press(h, sari, calls, "⭐ 4");
    expect(texts(calls)).toContain("➡️ ⭐ 4");
    expect(texts(calls)).toContain("Apa yang paling berguna buatmu?");
    calls = await press(h, sari, calls, "✏️ Lainnya");
    expect(texts(calls)).toContain("Tulis singkat apa yang paling berguna");
    calls = await h.send(sari, "Sesi tanya jawab dengan HRD");
    expect(texts(calls)).toContain("Apa saranmu supaya lebih baik?");
    expect(texts(calls)).toContain("maksimal 2.000 karakter");

    // too long: refused politely with the limit stated, nothing saved, asked again
    const tooLong = await h.send(sari, "Pelatihan offline di Jambi. ".repeat(90).trim());
    expect(texts(tooLong)).toContain("tulisanmu 2.519 karakter, sedangkan batasnya 2.000 karakter");
    expect(await h.db.feedback.count()).toBe(0);

    calls = await h.send(sari, "Tolong adakan pelatihan offline di Jambi");
    expect(texts(calls)).toContain("Sebelum ikut Prakerja, apa kesibukanmu?");
    calls = await press(h, sari, calls, "Belum bekerja / mencari kerja");
    expect(texts(calls)).toContain("bagaimana keadaanmu sekarang?");
    calls = await press(h, sari, calls, "💼🏪 Bekerja dan punya usaha");
    expect(texts(calls)).toContain("Di bidang apa?");
    calls = await h.send(sari, "Kuliner");
    expect(texts(calls)).toContain("Punya cerita sukses");
    calls = await h.send(sari, "Setelah pelatihan digital marketing, warung saya kini laris lewat online.");
    expect(texts(calls)).toContain("Bolehkah ceritamu kami tampilkan");
    expect(labels(calls)).toEqual(["✅ Boleh, dengan nama depanku", "🕶 Boleh, tanpa nama (anonim)", "🔒 Jangan dipublikasikan"]);
    calls = await press(h, sari, calls, "🔒 Jangan dipublikasikan");
    expect(texts(calls)).toContain("Masukanmu untuk <b>Temu Alumni Prakerja Jambi</b> sudah tersimpan");
    expect(texts(calls)).toContain("tidak akan dipublikasikan");

    const saved = await h.db.feedback.findUniqueOrThrow({ where: { userId_scope: { userId: user.id, scope: `event:${event.id}` } } });
    expect(saved).toMatchObject({
      eventId: event.id,
      rating: 4,
      mostUseful: "lainnya",
      mostUsefulOther: "Sesi tanya jawab dengan HRD",
      suggestion: "Tolong adakan pelatihan offline di Jambi",
      statusBefore: "menganggur",
      outcome: "keduanya",
      outcomeField: "Kuliner",
      story: "Setelah pelatihan digital marketing, warung saya kini laris lewat online.",
      storyConsent: "none",
      storyStatus: "none",
    });

    // the declined story is never offered for review nor shown
    expect(texts(await h.send(admin, "/cerita_admin"))).toContain("Tidak ada cerita yang menunggu tinjauan");
    expect(texts(await h.send(sari, "/cerita"))).toContain("Belum ada cerita sukses yang dipublikasikan");
    // the survey is over: free text is no longer taken as an answer
    expect(await h.db.feedback.count()).toBe(1);
  });

  it("takes the survey again for the same event and keeps only the latest answers; skips optional questions", async () => {
    const event = await endedEvent(h);
    const user = await participant(h, sari, event.id);

    async function takeSurvey(rating: string, outcome: string, suggestion: string | null) {
      let calls = await h.click(sari, `fbo:e:${event.id}`);
      calls = await press(h, sari, calls, rating);
      calls = await press(h, sari, calls, "📚 Materi atau workshop");
      calls = suggestion === null ? await press(h, sari, calls, "Lewati ⏭") : await h.send(sari, suggestion);
      calls = await press(h, sari, calls, "Pelajar / baru lulus");
      calls = await press(h, sari, calls, outcome);
      if (outcome !== "⏳ Belum bekerja atau berusaha") calls = await press(h, sari, calls, "Lewati ⏭");
      return press(h, sari, calls, "Lewati ⏭");
    }

    // earlier answers (stored as the survey stores them; the per-user flood limit keeps one test from
    // walking the survey twice within ten seconds)
    await saveFeedback(h.db, user.id, `event:${event.id}`, {
      rating: 5,
      mostUseful: "jejaring",
      suggestion: "Jadwalnya terlalu mepet",
      statusBefore: "menganggur",
      outcome: "bekerja",
      outcomeField: "Gudang",
      story: "Cerita lama",
      storyConsent: "named",
    });
    const again = await h.click(sari, `fbo:e:${event.id}`);
    expect(texts(again)).toContain("Kamu sudah pernah mengisi masukan ini");
    await h.send(sari, "/batal");

    const second = await takeSurvey("⭐ 2", "⏳ Belum bekerja atau berusaha", null);
    expect(texts(second)).toContain("sudah tersimpan");
    const rows = await h.db.feedback.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rating: 2, mostUseful: "materi", suggestion: null, statusBefore: "pelajar", outcome: "belum", outcomeField: null, story: null, storyStatus: "none" });
  });

  it("offers the programme survey to everyone with consent, and only participants the event survey", async () => {
    const event = await endedEvent(h);
    await participant(h, sari, event.id);
    // Tono is onboarded but never registered
    await participant(h, tono, (await endedEvent(h, "Temu Alumni Gorontalo")).id);

    const refused = await h.click(tono, `fbo:e:${event.id}`);
    expect(texts(refused)).toContain("hanya bisa diisi oleh peserta yang terdaftar");

    let calls = await h.click(tono, "fbo:p:0");
    expect(texts(calls)).toContain("Masukan: Program Kartu Prakerja");
    calls = await press(h, tono, calls, "⭐ 3");
    calls = await press(h, tono, calls, "ℹ️ Informasi program");
    calls = await press(h, tono, calls, "Lewati ⏭");
    calls = await press(h, tono, calls, "Bekerja");
    calls = await press(h, tono, calls, "💼 Bekerja");
    calls = await h.send(tono, "Administrasi");
    calls = await h.send(tono, "Sekarang saya admin gudang di Jambi.");
    calls = await press(h, tono, calls, "🕶 Boleh, tanpa nama (anonim)");
    expect(texts(calls)).toContain("ditinjau admin dulu");
    const row = await h.db.feedback.findFirstOrThrow({ where: { scope: "program" } });
    expect(row).toMatchObject({ eventId: null, rating: 3, storyConsent: "anonymous", storyStatus: "pending" });

    // a future event cannot be reviewed yet
    const future = await h.db.event.update({ where: { id: event.id }, data: { startsAt: new Date("2027-07-01T02:00:00Z"), endsAt: new Date("2027-07-01T08:00:00Z") } });
    expect(texts(await h.click(sari, `fbo:e:${future.id}`))).toContain("belum berlangsung");
  });

  it("asks for consent first, and answers forged or stale survey buttons politely", async () => {
    const stranger = { id: 7599, first_name: "Asing" };
    expect(texts(await h.send(stranger, "/masukan"))).toContain("aku perlu persetujuanmu");
    expect(texts(await h.click(stranger, "fbo:p:0"))).toContain("aku perlu persetujuanmu");
    expect(await h.db.feedback.count()).toBe(0);

    const event = await endedEvent(h);
    await participant(h, sari, event.id);
    for (const data of ["fbo:e:0", "fbo:x:1", "fbo:e:abc", "fbq:rating:9", "fbq:rating:4"]) {
      const calls = await h.click(sari, data);
      const answer = calls.find((c) => c.method === "answerCallbackQuery");
      expect(answer?.payload.text, data).toMatch(/tidak berlaku/);
    }
    expect(await h.db.feedback.count()).toBe(0);
  });

  it("opens from the main menu's Masukan button", async () => {
    const event = await endedEvent(h);
    await participant(h, sari, event.id);
    const menu = await h.send(sari, "/menu");
    const calls = await press(h, sari, menu, "💬 Masukan");
    expect(texts(calls)).toContain("Kamu mau memberi masukan untuk apa?");
  });
});
