import { describe, expect, it } from "vitest";
import type { FaqEntry } from "../../src/domain/faq/entry.js";
import { FaqIndex, maxTypos, typoDistance } from "../../src/domain/faq/index.js";
import { readSeedFaq } from "../../src/domain/seed.js";

let nextId = 1;
function entry(slug: string, question: string, answer: string, variants: string[] = [], keywords: string[] = []): FaqEntry {
  return { id: nextId++, slug, category: "uji", question, answer, variants, keywords };
}

const entries = [
  entry("batas-umur", "Berapa batas usia ikut Kartu Prakerja?", "Peserta harus berusia 18 sampai 64 tahun.", ["Umur berapa boleh daftar?"], ["umur", "usia"]),
  entry("sertifikat", "Kapan sertifikat pelatihan muncul?", "Sertifikat muncul di dashboard dalam satu hari kerja.", ["Sertifikat belum keluar"], ["sertifikat", "unduh"]),
  entry("insentif-cair", "Kapan insentif masuk ke rekening?", "Insentif dikirim 3–5 hari kerja setelah jadwalnya muncul.", ["Insentif cair kapan"], ["pencairan", "transfer"]),
  entry("gelombang", "Kapan gelombang berikutnya dibuka?", "Bot ini tidak bisa memastikan jadwal gelombang.", ["Gelombang selanjutnya kapan"], ["jadwal", "gelombang"]),
  entry("cara-daftar", "Bagaimana cara mendaftar Kartu Prakerja?", "Daftar di prakerja.go.id dengan email aktif.", ["Langkah daftar Prakerja"], ["daftar", "registrasi"]),
  entry("penipuan", "Bagaimana mengenali penipuan?", "Situs resmi berakhiran go.id.", ["Ciri-ciri Prakerja palsu"], ["penipuan", "palsu", "hoaks"]),
];
const index = FaqIndex.build(entries);

const top = (q: string) => index.search(q, 3)[0]?.slug;

describe("typo tolerance", () => {
  it("allows no typo below 4 letters, 1 from 4 letters and 2 from 8", () => {
    expect([3, 4, 7, 8, 12].map(maxTypos)).toEqual([0, 1, 1, 2, 2]);
  });

  it("counts a swap of neighbouring letters as one typo", () => {
    expect(typoDistance("daftar", "dafatr")).toBe(1);
    expect(typoDistance("daftar", "daftra")).toBe(1);
    expect(typoDistance("daftar", "dfatra")).toBeGreaterThan(1); // two swaps
  });

  it("finds entries through typos", () => {
    expect(top("sertifkat blm muncul")).toBe("sertifikat"); // one letter missing, 10 letters
    expect(top("insetnif kapan msuk")).toBe("insentif-cair"); // swap
    expect(top("gelombng brikutnya kpn")).toBe("gelombang");
    expect(top("penipuuan")).toBe("penipuan");
  });

  it("does not stretch short words", () => {
    // "umu" is 3 letters: no fuzzy match to "umur"
    expect(index.search("umu", 3)).toEqual([]);
  });
});

describe("ranking", () => {
  it("is independent of word order", () => {
    const a = index.search("batas umur berapa", 6);
    const b = index.search("berapa umur batas", 6);
    expect(a.map((h) => h.slug)).toEqual(b.map((h) => h.slug));
    expect(a[0]?.slug).toBe("batas-umur");
    expect(a[0]?.score).toBeCloseTo(b[0]?.score ?? 0, 10);
  });

  it("splits words typed without spaces", () => {
    expect(top("caradaftar prakerja")).toBe("cara-daftar");
  });

  it("answers a negated question with the entry about the problem, not the one about the normal process", () => {
    const withProblem = FaqIndex.build([
      ...entries,
      entry("insentif-belum-masuk", "Insentif belum masuk, apa yang harus dilakukan?", "Cek rekening yang terhubung.", ["Insentif tidak cair"], ["belum diterima"]),
    ]);
    expect(withProblem.search("insentif gak cair2", 1)[0]?.slug).toBe("insentif-belum-masuk");
    expect(withProblem.search("insentif kok blm diterima", 1)[0]?.slug).toBe("insentif-belum-masuk");
    expect(withProblem.search("insentif cair kapan", 1)[0]?.slug).toBe("insentif-cair");
  });

  it("reads a negation no entry has as the two words, and a chat form of the negated word as its standard form", () => {
    // no entry says "tidak ditransfer": the same as the negator standing apart
    expect(index.search("insentif ga ditransfer", 3)).toEqual(index.search("insentif ditransfer ga", 3));
    // "kekeluar" is a chat form of "keluar"; an entry has "belum keluar"
    expect(index.search("sertifikat gk kekeluar", 1)[0]?.score).toBeCloseTo(index.search("sertifikat ga keluar", 1)[0]?.score ?? 0, 10);
  });

  it("returns faqId, slug and score, best first", () => {
    const hits = index.search("kapan insentif cair", 3);
    expect(hits[0]).toMatchObject({ faqId: entries[2]?.id, slug: "insentif-cair" });
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((x, y) => y - x));
    expect(index.search("kapan", 1)).toHaveLength(1);
  });

  it("returns nothing for an empty or unknown query", () => {
    expect(index.search("", 3)).toEqual([]);
    expect(index.search("🙏🙏", 3)).toEqual([]);
    expect(index.search("qwertyuiop", 3)).toEqual([]);
  });
});

describe("answer", () => {
  it("answers when one entry is clearly best, with related entries", () => {
    const result = index.answer("umur brp boleh ikut prakerja");
    expect(result.kind).toBe("answer");
    if (result.kind !== "answer") return;
    expect(result.entry.slug).toBe("batas-umur");
    expect(result.related.length).toBeLessThanOrEqual(3);
    expect(result.related.map((r) => r.slug)).not.toContain("batas-umur");
  });

  it("suggests when the question fits several entries about as well", () => {
    const twins = FaqIndex.build([
      ...entries,
      entry("insentif-survei", "Berapa insentif survei?", "Rp50.000 untuk tiap survei.", ["Uang survei berapa"], ["survei"]),
      entry("insentif-besar", "Berapa besar insentif?", "Rp600.000 sekali.", ["Nominal insentif"], ["nominal"]),
    ]);
    const result = twins.answer("insentif brp");
    expect(result.kind).toBe("suggest");
    if (result.kind !== "suggest") return;
    expect(result.options.map((o) => o.slug)).toEqual(expect.arrayContaining(["insentif-survei", "insentif-besar"]));
    expect(result.options.length).toBeLessThanOrEqual(3);
  });

  it("needs a topical word: a bare question word is not enough", () => {
    expect(index.answer("kapan")).toEqual({ kind: "none" });
    expect(index.answer("berapa ya kak")).toEqual({ kind: "none" });
  });

  it("says nothing for off-topic questions and gibberish", () => {
    for (const q of ["resep nasi goreng", "asdfghjkl", "jadwal kereta jakarta bandung", "halo kak", ""]) {
      expect(index.answer(q)).toEqual({ kind: "none" });
    }
  });

  it("works on an empty knowledge base", () => {
    const empty = FaqIndex.build([]);
    expect(empty.search("apa saja", 3)).toEqual([]);
    expect(empty.answer("apa saja")).toEqual({ kind: "none" });
  });
});

describe("on the seed FAQ", () => {
  const seed = FaqIndex.build(readSeedFaq().map((e, i) => ({ id: i + 1, ...e })));
  const first = (q: string) => seed.search(q, 1)[0]?.slug;
  /** the entry answered directly (no "did you mean"), or undefined */
  const direct = (q: string) => {
    const reply = seed.answer(q);
    return reply.kind === "answer" ? reply.entry : undefined;
  };

  it("tells whether trainings can be offline (the kinds of training) from where offline classes are", () => {
    expect(first("pelatihannya bisa offline?")).toBe("jenis-pelatihan");
    expect(first("kelas offline terdekat di mana")).toBe("pelatihan-luring");
  });

  it("tells what the programme is for (its purpose) from what one gets by joining (the benefits)", () => {
    expect(first("program prakerja itu tujuannya apa")).toBe("apa-itu-prakerja");
    expect(first("kalau ikut prakerja dapet apa aja")).toBe("manfaat-program");
  });

  it("reads \"has Prakerja closed?\" as a question about the next wave, not about the dashboard's statuses", () => {
    expect(first("prakerja udah ditutup ya?")).toBe("kapan-gelombang-dibuka");
    expect(first("menunggu gelombang ditutup artinya apa")).toBe("status-dashboard");
  });

  it("answers an alumnus telling of a new job or business with where to share the story", () => {
    expect(first("aku udah buka usaha setelah prakerja")).toBe("kirim-masukan");
    expect(first("saya dapat kerja berkat prakerja")).toBe("kirim-masukan");
  });

  it("answers someone laid off (PHK) with who may join while working or looking for work", () => {
    for (const question of ["saya di phk bisa daftar prakerja", "kena PHK boleh ikut?"]) {
      expect(direct(question)?.slug, question).toBe("sudah-bekerja");
    }
  });

  it("answers a lost meetup ticket or QR code with /rsvpku, where the ticket is shown again; other tickets stay unanswered", () => {
    for (const question of ["qr code saya hilang", "tiket acara saya mana", "saya lupa qr check in"]) {
      const entry = direct(question);
      expect(entry?.slug, question).toBe("cek-rsvp");
      expect(entry?.answer, question).toContain("Tampilkan tiket");
    }
    expect(seed.answer("tiket konser murah").kind).toBe("none");
  });

  it("answers a message claiming a prize or lottery win in Prakerja's name with the signs of fraud; a missing OTP text is not fraud", () => {
    for (const question of ["saya dapat sms katanya menang prakerja, itu asli?", "dapet wa menang undian prakerja beneran ga", "ada pesan saya dapat hadiah dari prakerja"]) {
      const entry = direct(question);
      expect(entry?.slug, question).toBe("ciri-penipuan");
      expect(entry?.answer, question).toContain("menang hadiah atau undian");
    }
    expect(direct("sms kode otp tidak masuk")?.slug).toBe("verifikasi-nomor-hp");
  });
});
