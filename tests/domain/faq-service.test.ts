import { afterEach, describe, expect, it } from "vitest";
import { FAQ_CSV_COLUMNS, parseFaqCsv } from "../../src/domain/faq/csv.js";
import type { FaqEntryInput } from "../../src/domain/faq/entry.js";
import { FaqService, scrubUnmatched } from "../../src/domain/faq/service.js";
import { seedBaseContent } from "../../src/domain/seed.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function seededService(): Promise<FaqService> {
  t = await createTestDatabase();
  await seedBaseContent(t.db);
  return FaqService.open(t.db);
}

const sample: FaqEntryInput = {
  slug: "jadwal-temu-jambi",
  category: "temu-alumni",
  question: "Kapan Temu Alumni Jambi berikutnya?",
  answer: "Jadwal Temu Alumni berikutnya diumumkan lewat /acara. Pantau terus, ya.",
  variants: ["Temu alumni Jambi tahun depan", "Jadwal kopdar Jambi"],
  keywords: ["jambi", "kopdar"],
};

describe("FaqService", () => {
  it("loads the seeded entries and answers free text", async () => {
    const faq = await seededService();
    expect(faq.size).toBeGreaterThanOrEqual(65);
    const result = faq.answer("brp hr batas beli pelatihan stlh sk");
    expect(result.kind).toBe("answer");
    if (result.kind === "answer") expect(result.entry.slug).toBe("batas-beli-pelatihan");
    expect(faq.answer("resep nasi goreng")).toEqual({ kind: "none" });
  });

  it("shows an edited answer immediately, without a restart", async () => {
    const faq = await seededService();
    const entry = await faq.get("batas-beli-pelatihan");
    expect(entry).not.toBeNull();
    const edited = "Batas membeli pelatihan pertama adalah 15 hari sejak ditetapkan. <b>Jangan sampai terlewat</b>, ya!";
    const result = await faq.update(entry!.id, { answer: edited, keywords: [...entry!.keywords, "tenggat beli"] });
    expect(result.ok).toBe(true);
    const answer = faq.answer("batas beli pelatihan brp hari");
    expect(answer.kind === "answer" && answer.entry.answer).toBe(edited);
  });

  it("remembers a reply only until the index changes", async () => {
    const faq = await seededService();
    const question = "kopdar jambi kapan ya";
    const before = faq.reply(question);
    // the same text again: the reply worked out the first time
    expect(faq.reply(question)).toBe(before);
    expect(before.kind === "answer" && before.entry.slug).not.toBe(sample.slug);
    const created = await faq.create(sample);
    expect(created.ok).toBe(true);
    const after = faq.reply(question);
    expect(after.kind === "answer" && after.entry.slug).toBe(sample.slug);
    if (!created.ok) return;
    await faq.update(created.entry.id, { answer: "Jadwalnya ada di /acara, ya." });
    const edited = faq.reply(question);
    expect(edited.kind === "answer" && edited.entry.answer).toBe("Jadwalnya ada di /acara, ya.");
  });

  it("finds a new entry right after it is created and forgets it after delete", async () => {
    const faq = await seededService();
    expect(faq.search("kopdar jambi", 1)[0]?.slug).not.toBe(sample.slug);
    const created = await faq.create(sample);
    expect(created.ok).toBe(true);
    expect(faq.search("kopdar jambi", 1)[0]?.slug).toBe(sample.slug);
    expect(await faq.create(sample)).toEqual({ ok: false, reason: "invalid", issues: [{ field: "slug", error: "duplicate_slug" }] });
    if (!created.ok) return;
    expect(await faq.delete(created.entry.id)).toBe(true);
    expect(faq.search("kopdar jambi", 1)[0]?.slug).not.toBe(sample.slug);
    expect(await faq.delete(created.entry.id)).toBe(false);
  });

  it("validates entries and reports each bad field as a code", async () => {
    const faq = await seededService();
    const bad = await faq.create({ ...sample, slug: "Bukan Slug!", question: "Hm?", answer: "<script>x</script> jawaban" });
    expect(bad).toEqual({
      ok: false,
      reason: "invalid",
      issues: [
        { field: "slug", error: "invalid_slug" },
        { field: "question", error: "too_short" },
        { field: "answer", error: "invalid_html" },
      ],
    });
    expect(await faq.create({ ...sample, answer: "x".repeat(3501) })).toMatchObject({ issues: [{ field: "answer", error: "too_long" }] });
    expect(await faq.create({ ...sample, answer: "a & b tanpa escape" })).toMatchObject({ issues: [{ field: "answer", error: "invalid_html" }] });
    expect((await faq.create({ ...sample, answer: 'Lihat <a href="https://www.prakerja.go.id">situs</a> &amp; kanal resmi.' })).ok).toBe(true);
    expect(await faq.update(999_999, { answer: "Jawaban yang cukup panjang." })).toEqual({ ok: false, reason: "not_found" });
    const other = await faq.get("sertifikat");
    expect(await faq.update(other!.id, { slug: "batas-umur" })).toMatchObject({ issues: [{ field: "slug", error: "duplicate_slug" }] });
  });

  it("lists by category", async () => {
    const faq = await seededService();
    const alumni = await faq.list({ category: "temu-alumni" });
    expect(alumni.length).toBeGreaterThan(0);
    expect(alumni.every((e) => e.category === "temu-alumni")).toBe(true);
    expect((await faq.list()).length).toBe(faq.size);
  });

  it("counts votes and lists the most downvoted entries", async () => {
    const faq = await seededService();
    const a = (await faq.get("batas-umur"))!;
    const b = (await faq.get("sertifikat"))!;
    const c = (await faq.get("kanal-resmi"))!;
    for (const helpful of [false, false, true]) expect(await faq.recordVote(a.id, helpful)).toBe(true);
    for (const helpful of [false, false, false, true]) await faq.recordVote(b.id, helpful);
    await faq.recordVote(c.id, true);
    expect(await faq.recordVote(999_999, false)).toBe(false);

    const worst = await faq.mostDownvoted(5);
    expect(worst).toEqual([
      { faqId: b.id, slug: "sertifikat", question: b.question, helpful: 1, notHelpful: 3 },
      { faqId: a.id, slug: "batas-umur", question: a.question, helpful: 1, notHelpful: 2 },
    ]);
    expect(await faq.mostDownvoted(1)).toHaveLength(1);
    // votes are anonymous: the table has no user column at all (the question is kept scrubbed, without who asked)
    const columns = await t!.db.$queryRawUnsafe<{ name: string }[]>("PRAGMA table_info(FaqVote)");
    expect(columns.map((col) => col.name).sort()).toEqual(["createdAt", "faqId", "helpful", "id", "question", "reviewedAt"]);
    await faq.recordVote(a.id, false, "nomor sy 081234567890 kok gk bisa");
    expect((await t!.db.faqVote.findFirst({ orderBy: { id: "desc" } }))?.question).toBe("nomor sy [angka] kok gk bisa");
  });

  it("keeps unmatched questions truncated, scrubbed and without who asked", async () => {
    const faq = await seededService();
    await faq.recordUnmatched("   pertama  ");
    await faq.recordUnmatched("nik saya 3201234567890001 hp 0812-3456-7890 email budi@contoh.id kenapa ditolak");
    await faq.recordUnmatched("tanya " + "😀".repeat(400));
    await faq.recordUnmatched("   ");
    // small talk is not a question: never kept
    for (const talk of ["makasih ya min", "assalamualaikum", "ok sip", "-1", "😀".repeat(10)]) await faq.recordUnmatched(talk);
    const rows = await faq.recentUnmatched(10);
    expect(rows).toHaveLength(3);
    expect(rows[0]?.text).toBe("tanya " + "😀".repeat(294));
    expect(rows[1]?.text).toBe("nik saya [angka] hp [angka] email [email] kenapa ditolak");
    expect(rows[2]?.text).toBe("pertama");
    expect(await faq.recentUnmatched(1)).toHaveLength(1);
    const columns = await t!.db.$queryRawUnsafe<{ name: string }[]>("PRAGMA table_info(UnmatchedQuestion)");
    expect(columns.map((col) => col.name).sort()).toEqual(["createdAt", "id", "text"]);
  });

  it("replies to small talk without matching, and matches questions as answer() does", async () => {
    const faq = await seededService();
    expect(faq.reply("makasih ya min")).toEqual({ kind: "small-talk", smallTalk: "thanks" });
    expect(faq.reply("Assalamualaikum")).toEqual({ kind: "small-talk", smallTalk: "salam" });
    expect(faq.reply("ok sip")).toEqual({ kind: "small-talk", smallTalk: "ack" });
    expect(faq.reply("-1")).toEqual({ kind: "small-talk", smallTalk: "noise" });
    expect(faq.smallTalk("halo kak")).toBe("greeting");
    expect(faq.smallTalk("halo kak, insentif kapan cair?")).toBeNull();
    const question = "abis dapet sk paling telat beli pelatihan kapan ya";
    expect(faq.reply(question)).toEqual(faq.answer(question));
  });

  it("keeps short numbers in unmatched questions", () => {
    expect(scrubUnmatched("insentif 600rb x4, batas 15 hari, dukcapil 1500-537")).toBe(
      "insentif 600rb x4, batas 15 hari, dukcapil 1500-537",
    );
  });
});

describe("FAQ CSV", () => {
  it("exports UTF-8 with a BOM and the Indonesian columns, and imports its own export unchanged", async () => {
    const faq = await seededService();
    const before = await faq.list();
    const csv = await faq.exportCsv();
    expect(csv.startsWith("\uFEFF" + FAQ_CSV_COLUMNS.join(",") + "\n")).toBe(true);
    expect(csv).toContain("Rp3.500.000");

    const result = await faq.importCsv(csv);
    expect(result).toEqual({ ok: true, created: 0, updated: before.length });
    expect(await faq.list()).toEqual(before);
  });

  it("imports edits and new rows, upserting by slug, and the answers change at once", async () => {
    const faq = await seededService();
    const count = faq.size;
    const csv = await faq.exportCsv();
    const newAnswer = "Sertifikat muncul di dashboard dalam satu hari kerja. Kalau belum, tunggu sebentar lagi.";
    const edited = csv
      .replace(/^(sertifikat,pelatihan,[^,]+,)"[^"]*"/m, `$1"${newAnswer}"`)
      .concat(`${sample.slug},${sample.category},${sample.question},"${sample.answer}",${sample.variants.join("|")},${sample.keywords.join("|")}\n`);
    expect(await faq.importCsv(edited)).toEqual({ ok: true, created: 1, updated: count });
    const answer = faq.answer("sertif blm keluar");
    expect(answer.kind === "answer" && answer.entry.answer).toBe(newAnswer);
    expect(faq.search("kopdar jambi", 1)[0]?.slug).toBe(sample.slug);
    expect((await faq.get(sample.slug))?.variants).toEqual(sample.variants);
  });

  it("imports nothing when any row is bad, and reports every bad row with its line", async () => {
    const faq = await seededService();
    const before = await faq.list();
    const csv = [
      "slug,kategori,pertanyaan,jawaban,variasi,kata_kunci",
      "batas-umur,syarat,Berapa batas umur ikut Prakerja?,Jawaban yang sudah diubah dan valid.,a|b,umur",
      "slug baru!,syarat,Pertanyaan valid?,Jawaban yang valid juga.,,",
      'multi-baris,syarat,Pertanyaan valid?,"Jawaban',
      'dua baris <x>.",,',
      "pendek,syarat,Hm,Jawaban yang valid juga.,,",
      "batas-umur,syarat,Pertanyaan valid?,Jawaban yang valid juga.,,",
      "kolom-kurang,syarat,Pertanyaan valid?",
    ].join("\n");
    const result = await faq.importCsv(csv);
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 3, column: "slug", error: "invalid_slug" },
        { line: 4, column: "jawaban", error: "invalid_html" },
        { line: 6, column: "pertanyaan", error: "too_short" },
        { line: 7, column: "slug", error: "duplicate_slug" },
        { line: 8, error: "column_count" },
      ],
    });
    expect(await faq.list()).toEqual(before);
    expect(faq.answer("umur 60 masih bisa?")).toMatchObject({ kind: "answer", entry: { answer: before.find((e) => e.slug === "batas-umur")?.answer } });
  });

  it("reports file-level problems", () => {
    expect(parseFaqCsv("")).toEqual({ ok: false, errors: [{ line: 1, error: "empty_file" }] });
    expect(parseFaqCsv("\uFEFF")).toEqual({ ok: false, errors: [{ line: 1, error: "empty_file" }] });
    expect(parseFaqCsv("slug,kategori,pertanyaan\n")).toEqual({
      ok: false,
      errors: [
        { line: 1, column: "jawaban", error: "missing_column" },
        { line: 1, column: "variasi", error: "missing_column" },
        { line: 1, column: "kata_kunci", error: "missing_column" },
      ],
    });
    const unclosed = parseFaqCsv('slug,kategori,pertanyaan,jawaban,variasi,kata_kunci\na,b,c,"tidak ditutup\n');
    expect(unclosed.ok).toBe(false);
    if (!unclosed.ok) expect(unclosed.errors[0]?.error).toBe("csv_syntax");
  });

  it("reads a file saved with semicolons by a spreadsheet set to Indonesian", () => {
    const result = parseFaqCsv(
      "\uFEFFslug;kategori;pertanyaan;jawaban;variasi;kata_kunci\r\ncontoh;program;Apa contoh ini?;Ini contoh jawaban, dengan koma.;satu|dua;kunci\r\n",
    );
    expect(result).toEqual({
      ok: true,
      entries: [
        {
          line: 2,
          slug: "contoh",
          category: "program",
          question: "Apa contoh ini?",
          answer: "Ini contoh jawaban, dengan koma.",
          variants: ["satu", "dua"],
          keywords: ["kunci"],
        },
      ],
    });
  });
});

describe("the learning loop", () => {
  it("attaches an unanswered question to an entry as a phrasing: matched at once, gone from the list", async () => {
    const faq = await seededService();
    const db = t!.db;
    const question = "rekening mrongos kliwon zzqx";
    expect(faq.answer(question).kind).not.toBe("answer");
    await faq.recordUnmatched(question);
    await faq.recordUnmatched(question);
    await faq.recordUnmatched("pertanyaan lain yang belum terjawab zzqy");
    const row = await db.unmatchedQuestion.findFirst({ where: { text: question } });
    const target = (await faq.get("ganti-rekening"))!;
    const result = await faq.attachUnmatched(row!.id, target.id);
    expect(result.ok).toBe(true);
    expect(faq.search(question, 1)[0]?.slug).toBe("ganti-rekening");
    expect((await faq.get(target.id))!.variants.at(-1)).toBe(question);
    expect((await db.unmatchedQuestion.findMany()).map((u) => u.text)).toEqual(["pertanyaan lain yang belum terjawab zzqy"]);
    // a row already handled elsewhere, or an entry deleted meanwhile, is reported, nothing changes
    expect(await faq.attachUnmatched(row!.id, target.id)).toEqual({ ok: false, reason: "question_gone" });
    const other = (await db.unmatchedQuestion.findFirst())!;
    expect(await faq.attachUnmatched(other.id, 999_999)).toEqual({ ok: false, reason: "not_found" });
    expect(await faq.dismissUnmatched(other.id)).toBe(true);
    expect(await db.unmatchedQuestion.count()).toBe(0);
  });

  it("counts the most asked unanswered questions of a period", async () => {
    const faq = await seededService();
    for (const q of ["zzqa satu", "zzqb dua", "zzqb dua"]) await faq.recordUnmatched(q);
    expect(await faq.topUnmatched(new Date(Date.now() - 86_400_000))).toEqual([
      { text: "zzqb dua", count: 2 },
      { text: "zzqa satu", count: 1 },
    ]);
    expect(await faq.topUnmatched(new Date(Date.now() + 86_400_000))).toEqual([]);
  });
});
