import { describe, expect, it } from "vitest";
import { FAQ_LIMITS, isAllowedTelegramHtml } from "../../src/domain/faq/entry.js";
import { readSeedFacts, readSeedFaq } from "../../src/domain/seed.js";

const faq = readSeedFaq();
const facts = readSeedFacts();
const text = (e: { question: string; answer: string; variants: string[] }) => [e.question, e.answer, ...e.variants].join("\n");

/**
 * Sentences in an answer: a list introduced by a colon belongs to its sentence; otherwise each
 * sentence ends with . ! or ? (numbered steps ending with a full stop count one each).
 */
function sentenceCount(html: string): number {
  const units: string[] = [];
  for (const line of html.replace(/<[^>]+>/g, "").split("\n").map((l) => l.trim()).filter(Boolean)) {
    const listItem = /^(?:•|\d+\.\s|\/\w+\s–)/.test(line);
    if (listItem && units.length) units[units.length - 1] += " " + line.replace(/^(?:•|\d+\.)\s*/, "");
    else units.push(line);
  }
  return units.reduce((n, u) => n + Math.max(1, u.match(/[.!?](?=\s|$)/g)?.length ?? 0), 0);
}

describe("seed FAQ content", () => {
  it("has at least 65 valid entries with unique slugs", () => {
    expect(faq.length).toBeGreaterThanOrEqual(65);
    expect(new Set(faq.map((e) => e.slug)).size).toBe(faq.length);
  });

  it("covers every category the bot offers", () => {
    expect(new Set(faq.map((e) => e.category))).toEqual(
      new Set([
        "program", "syarat", "pendaftaran", "seleksi", "setelah-lolos", "insentif", "pelatihan",
        "kanal-resmi", "penipuan", "privasi", "temu-alumni", "bot",
      ]),
    );
  });

  it.each(faq.map((e) => [e.slug, e] as const))("%s: 3–20 variants, keywords, 2–6 sentences, Telegram HTML", (_slug, e) => {
    expect(e.variants.length).toBeGreaterThanOrEqual(3);
    // chat phrasings are what the matcher learns from: as many as the entry form allows
    expect(e.variants.length).toBeLessThanOrEqual(FAQ_LIMITS.maxVariants);
    expect(e.keywords.length).toBeGreaterThan(0);
    const sentences = sentenceCount(e.answer);
    expect(sentences).toBeGreaterThanOrEqual(2);
    expect(sentences).toBeLessThanOrEqual(6);
    expect(isAllowedTelegramHtml(e.answer)).toBe(true);
    // speaks to the user as "kamu", never "Anda"
    expect(text(e)).not.toMatch(/\bAnda\b/);
  });

  it("states the skema normal rules and mentions old rules only as 2020–2022", () => {
    const bySlug = new Map(faq.map((e) => [e.slug, e]));
    expect(bySlug.get("batas-beli-pelatihan")?.answer).toMatch(/15 hari/);
    for (const e of faq) {
      if (/30 hari/.test(e.answer)) expect(e.answer).toMatch(/2020–2022/);
      // "Rp600.000 × 4" was the 2020–2022 incentive ("lebih dari 4 kali" in batas-mencoba is about gelombang)
      if (/600\.000[^.]*(?:×\s*4|4 kali|empat kali)/.test(e.answer)) expect(e.answer).toMatch(/2020–2022/);
    }
    expect(bySlug.get("insentif-600rb-4-kali")?.answer).toMatch(/satu kali/);
    expect(bySlug.get("besaran-insentif")?.answer).toMatch(/Rp4\.200\.000/);
  });

  it("never says a gelombang is open now", () => {
    for (const e of faq) {
      expect(e.answer).not.toMatch(/(?:sudah|telah|masih|sedang) (?:di)?buka\b(?! saat ini atau)/);
      expect(e.answer).not.toMatch(/gelombang \d+/i);
    }
  });

  it("does not present the 2020 call-centre number, and names Kemnaker only to say it is not the operator", () => {
    for (const e of faq) {
      expect(e.answer).not.toMatch(/25541246/);
      for (const sentence of e.answer.split(/(?<=[.!?])\s/)) {
        if (/Kemnaker/.test(sentence)) expect(sentence).toMatch(/\bbukan\b/);
      }
    }
  });

  it("links only to official go.id sites", () => {
    for (const e of faq) {
      for (const [, href] of e.answer.matchAll(/href="([^"]+)"/g)) expect(href).toMatch(/^https:\/\/[a-z.]*prakerja\.go\.id\b/);
    }
  });
});

describe("seed programme facts", () => {
  it("holds the key figures", () => {
    const value = new Map(facts.map((f) => [f.key, f.value]));
    expect(Object.fromEntries(
      ["deadline_days_first_training", "training_balance", "incentive_after_training", "survey_incentive",
        "survey_incentive_times", "total_benefit", "reach_people", "age_min", "age_max", "max_per_kk"].map((k) => [k, value.get(k)]),
    )).toEqual({
      deadline_days_first_training: "15",
      training_balance: "3500000",
      incentive_after_training: "600000",
      survey_incentive: "50000",
      survey_incentive_times: "2",
      total_benefit: "4200000",
      reach_people: "18900000",
      age_min: "18",
      age_max: "64",
      max_per_kk: "2",
    });
    expect(new Set(facts.map((f) => f.key)).size).toBe(facts.length);
    for (const f of facts) {
      expect(f.source).toBeTruthy();
      expect(f.year).toBeGreaterThanOrEqual(2020);
    }
  });

  it("adds up: balance + incentive + surveys = total", () => {
    const n = (k: string) => Number(facts.find((f) => f.key === k)?.value);
    expect(n("training_balance") + n("incentive_after_training") + n("survey_incentive") * n("survey_incentive_times")).toBe(
      n("total_benefit"),
    );
  });
});
