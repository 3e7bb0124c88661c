import { describe, expect, it } from "vitest";
import { canonicalWords, informalDictionarySize, isFunctionWord, normalize, stemWord, tokenOf } from "../../src/domain/faq/normalize.js";

const words = (text: string) => canonicalWords(text).join(" ");

describe("canonicalWords", () => {
  it("lowercases and strips punctuation and emoji", () => {
    expect(words("Halo!!! KAPAN insentif CAIR??? 🙏😭")).toBe("kapan insentif cair");
  });

  it("collapses letters repeated for emphasis", () => {
    expect(words("bingung bangettt")).toBe("bingung");
    expect(words("gaaak lolossss")).toBe("tidak_lolos");
  });

  it("reads reduplication written with 2 or a hyphen as the base word", () => {
    expect(words("sy gak lolos2")).toBe("saya tidak_lolos");
    expect(words("syarat-syarat")).toBe("syarat");
    expect(words("ciri2 penipuan")).toBe("ciri penipuan");
  });

  it("turns amounts into plain numbers and multipliers into 'kali'", () => {
    expect(words("insentif 600rb x4 kan?")).toBe("insentif 600000 kali 4 kan");
    expect(words("Rp600.000 × 4")).toBe("600000 kali 4");
    expect(words("600 ribu 4x")).toBe("600000 4 kali");
    expect(words("saldo 3,5jt")).toBe("saldo 3500000");
    expect(words("Rp3.500.000")).toBe("3500000");
    expect(words("18,9 juta")).toBe("18900000");
    expect(words("50k")).toBe("50000");
    expect(words("1x24 jam")).toBe("1 kali 24 jam");
  });

  it("splits letters from digits", () => {
    expect(words("umur25")).toBe("umur 25");
    expect(words("15hari")).toBe("15 hari");
  });

  it("has a dictionary of at least 80 informal spellings", () => {
    expect(informalDictionarySize).toBeGreaterThanOrEqual(80);
  });

  it.each([
    // question words
    ["gimana gmn gmana bgmn", "bagaimana"],
    ["brp", "berapa"],
    ["knp", "kenapa"],
    ["kpn", "kapan"],
    // negation
    ["gak ga nggak ngga enggak gk tdk", "tidak"],
    ["blm belom", "belum"],
    // aspect and modality
    ["udh udah sdh", "sudah"],
    ["msh", "masih"],
    ["bs", "bisa"],
    ["hrs", "harus"],
    // pronouns
    ["sy aku gw gue", "saya"],
    // time
    ["hr", "hari"],
    ["thn", "tahun"],
    ["skrg", "sekarang"],
    ["stlh abis habis", "setelah"],
    ["lg", "lagi"],
    // connectives
    ["yg", "yang"],
    ["krn", "karena"],
    ["utk buat", "untuk"],
    ["dgn", "dengan"],
    ["tp", "tapi"],
    ["jd", "jadi"],
    ["sm", "sama"],
    ["aja", "saja"],
    ["kalo klo", "kalau"],
    // verbs and nouns
    ["dpt dapet", "dapat"],
    ["pake", "pakai"],
    ["duit", "uang"],
    ["cair dicairin cairin dicairkan", "cair"],
    ["lwt", "lewat"],
    ["sertif", "sertifikat"],
    ["insetif intensif", "insentif"],
    ["pns", "asn"],
  ])("maps %j to %j", (informal, standard) => {
    expect(new Set(canonicalWords(informal))).toEqual(new Set([standard]));
  });

  it("expands abbreviations to several words", () => {
    expect(words("kk")).toBe("kartu keluarga");
    expect(words("irt")).toBe("ibu rumah tangga");
  });

  it("keeps domain abbreviations", () => {
    expect(words("sk nik ktp otp")).toBe("sk nik ktp otp");
  });

  it("maps phrases", () => {
    expect(words("lupa kata sandi")).toBe("lupa password");
    expect(words("daftar pra kerja")).toBe("daftar prakerja");
    expect(words("apa itu sk")).toBe("pengertian sk");
    expect(words("sk itu apa")).toBe("sk pengertian");
  });

  it("tells 'jam berapa' (the time) from 'berapa jam' (how many hours)", () => {
    expect(words("jam berapa sekarang")).toBe("pukul berapa sekarang");
    expect(words("pelatihan berapa jam")).toBe("pelatihan berapa jam");
  });

  it("reads 'berapa banyak' as asking for a number ('banyak' alone is a stop word)", () => {
    expect(words("brp byk penerima")).toBe("berapa jumlah penerima");
  });

  it("tells 'paling telat' (a deadline) from 'telat' (being late)", () => {
    expect(words("paling telat beli pelatihan kapan")).toBe("paling lambat beli pelatihan kapan");
    expect(words("telat beli pelatihan")).toBe("telat beli pelatihan");
  });

  it("reads a negator and the word it negates as one word, whatever the chat spelling", () => {
    expect(words("insentif gak cair2")).toBe("insentif tidak_cair");
    expect(words("otp blm masuk")).toBe("otp tidak_masuk");
    expect(words("gagal lolos trs gmn")).toBe("tidak_lolos terus bagaimana");
    expect(normalize("nik tdk terdaftar")).toEqual(normalize("NIK belum terdaftar"));
  });

  it("leaves a negator that asks yes or no, or that negates a modal, as a word of its own", () => {
    expect(words("bisa ga ikut lagi")).toBe("bisa tidak ikut lagi");
    expect(words("cek lolos apa ga")).toBe("cek lolos apa tidak");
    expect(words("insentif cair ga")).toBe("insentif cair tidak");
    expect(words("ga bisa login")).toBe("tidak bisa masuk");
    expect(words("gelombang 5 belum 2")).toBe("gelombang 5 belum 2");
  });

  it("tells 'buat apa' (what it is for) from 'dapat apa' (what one gets)", () => {
    expect(words("kartu prakerja buat apa")).toBe("kartu prakerja guna tujuan");
    expect(words("ikut prakerja dapet apa")).toBe("ikut prakerja manfaat");
  });

  it("drops fillers and forms of address", () => {
    expect(words("min tolong dong kak")).toBe("");
  });

  it("reads text with HTML entities and tags", () => {
    expect(words("<b>Rp50.000</b> &amp; sertifikat")).toBe("50000 sertifikat");
  });
});

describe("normalize", () => {
  it("stems, removes stop words and keeps the words that carry a question's meaning", () => {
    expect(normalize("brp hr batas beli pelatihan stlh sk")).toEqual(["berapa", "hari", "batas", "beli", "latih", "setelah", "sk"]);
    expect(normalize("umur 60 masih bisa?")).toEqual(["umur", "60", "masih", "bisa"]);
    expect(normalize("sy gak lolos2 hrs daftar ulang?")).toEqual(["tidak_lolos", "harus", "daftar", "ulang"]);
    expect(normalize("saldo bs dicairin ga")).toEqual(["saldo", "bisa", "cair", "tidak"]);
    // "itu beneran?" asks whether something is genuine
    expect(normalize("ada yg ngaku petugas, itu beneran?")).toEqual(normalize("ada yang mengaku petugas, itu asli?"));
    // "pas daftar": "when registering", as "saat daftar"
    expect(normalize("no kk ditolak pas daftar")).toEqual(normalize("nomor kk ditolak saat daftar"));
  });

  it("gives inflected forms one token", () => {
    expect(new Set(normalize("pendaftaran mendaftar terdaftar daftar"))).toEqual(new Set(["daftar"]));
    expect(new Set(normalize("penerima menerima diterima"))).toEqual(new Set(["terima"]));
  });

  it("does not conflate words the stemmer gets wrong", () => {
    expect(stemWord("berapa")).not.toBe(stemWord("apa"));
    expect(stemWord("ditemukan")).not.toBe(stemWord("temu")); // Gelombang Tidak Ditemukan vs Temu Alumni
    expect(stemWord("berikutnya")).not.toBe(stemWord("ikut"));
    expect(stemWord("pemerintah")).not.toBe(stemWord("perintah"));
    expect(stemWord("ketentuan")).not.toBe(stemWord("tentukan")); // the rules vs who decides
    expect(normalize("yg nentuin lolos")).toEqual(normalize("yang menentukan lolos"));
    expect(stemWord("tunai")).not.toBe(stemWord("tuna")); // cash vs "tuna rungu"
    expect(stemWord("terlambat")).toBe(stemWord("telat")); // being late, not the deadline "paling lambat"
    expect(stemWord("terlambat")).not.toBe(stemWord("lambat"));
  });

  it("drops words that only link a sentence, so they cannot match the words they look like", () => {
    expect(normalize("termasuk berdasarkan")).toEqual([]); // not "masuk", not "dasar"
    expect(normalize("insentif 600rb x4 kan?")).toEqual(["insentif", "600000", "kali", "4"]);
  });

  it("marks question words as function words even when the stemmer changes them", () => {
    for (const word of ["berapa", "kenapa", "mengapa", "apakah", "bagaimana", "sendiri", "kapan", "membuat"]) {
      expect(isFunctionWord(tokenOf(word) as string)).toBe(true);
    }
    expect(isFunctionWord(tokenOf("insentif") as string)).toBe(false);
  });

  it("returns nothing for greetings or emoji only", () => {
    expect(normalize("halo kak 🙏")).toEqual([]);
    expect(normalize("😂😂😂")).toEqual([]);
  });
});
