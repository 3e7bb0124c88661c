import fs from "node:fs";
import path from "node:path";
import { distance } from "fastest-levenshtein";
import { describe, expect, it } from "vitest";
import { FaqIndex } from "../../src/domain/faq/index.js";
import { readSeedFaq } from "../../src/domain/seed.js";

interface LabelledQuestion {
  question: string;
  /** expected entry, or null when nothing should fit (off-topic, gibberish) */
  slug: string | null;
}

const fixture = path.resolve(import.meta.dirname, "../fixtures/faq-questions.json");
const questions = JSON.parse(fs.readFileSync(fixture, "utf8")) as LabelledQuestion[];
const seed = readSeedFaq();
const index = FaqIndex.build(seed.map((e, i) => ({ id: i + 1, ...e })));
const labelled = questions.filter((q): q is { question: string; slug: string } => q.slug !== null);
const offTopic = questions.filter((q) => q.slug === null);

describe("FAQ matching on the labelled questions", () => {
  it("has enough questions, all labelled with existing entries", () => {
    expect(labelled.length).toBeGreaterThanOrEqual(160);
    expect(offTopic.length).toBeGreaterThanOrEqual(20);
    const slugs = new Set(seed.map((e) => e.slug));
    expect(labelled.filter((q) => !slugs.has(q.slug))).toEqual([]);
    // every entry is reachable by at least one question
    const covered = new Set(labelled.map((q) => q.slug));
    expect([...slugs].filter((s) => !covered.has(s))).toEqual([]);
  });

  it("uses phrasings different from the entries' own question and variants", () => {
    const surface = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    const own = seed.flatMap((e) => [e.question, ...e.variants].map(surface));
    const tooClose = questions.filter((q) => {
      const s = surface(q.question);
      return own.some((o) => 1 - distance(s, o) / Math.max(s.length, o.length) >= 0.9);
    });
    expect(tooClose).toEqual([]);
  });

  it("ranks the right entry first for >= 90% and in the top 3 for >= 97%", () => {
    let top1 = 0;
    let top3 = 0;
    let answered = 0;
    let wrongAnswers = 0;
    const misses: string[] = [];
    for (const { question, slug } of labelled) {
      const hits = index.search(question, 3).map((h) => h.slug);
      if (hits[0] === slug) top1++;
      else misses.push(`${question} → ${hits.join(", ")} (want ${slug})`);
      if (hits.includes(slug)) top3++;
      const result = index.answer(question);
      if (result.kind === "answer") {
        answered++;
        if (result.entry.slug !== slug) wrongAnswers++;
      }
    }
    const n = labelled.length;
    console.log(
      `FAQ accuracy on ${n} labelled questions (${seed.length} entries): top-1 ${(top1 / n).toFixed(3)}, ` +
        `top-3 ${(top3 / n).toFixed(3)}, answered directly ${(answered / n).toFixed(3)}, ` +
        `confident wrong answers ${wrongAnswers}`,
    );
    if (misses.length) console.log("top-1 misses:\n  " + misses.join("\n  "));
    expect(top1 / n).toBeGreaterThanOrEqual(0.9);
    expect(top3 / n).toBeGreaterThanOrEqual(0.97);
    // never a confident wrong answer (at most 1 in 100)
    expect(wrongAnswers / n).toBeLessThanOrEqual(0.01);
  });

  it("never answers off-topic questions or gibberish (at most one suggestion)", () => {
    const kinds = offTopic.map(({ question }) => ({ question, kind: index.answer(question).kind }));
    const notNone = kinds.filter((k) => k.kind !== "none");
    console.log(
      `FAQ off-topic: ${offTopic.length} questions, ${kinds.length - notNone.length} none` +
        (notNone.length ? `, not none: ${notNone.map((k) => `${k.question} (${k.kind})`).join("; ")}` : ""),
    );
    expect(kinds.filter((k) => k.kind === "answer")).toEqual([]);
    expect(notNone.length).toBeLessThanOrEqual(1);
  });
});
