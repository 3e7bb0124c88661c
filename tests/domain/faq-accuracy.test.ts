import { distance } from "fastest-levenshtein";
import { describe, expect, it } from "vitest";
import { faqFigures, readLabelledQuestions, splitOf, type FaqFigures } from "../../bench/faq-eval.js";
import { FaqIndex } from "../../src/domain/faq/index.js";
import { readSeedFaq } from "../../src/domain/seed.js";

const questions = readLabelledQuestions();
const seed = readSeedFaq();
const index = FaqIndex.build(seed.map((e, i) => ({ id: i + 1, ...e })));
const labelled = questions.filter((q): q is typeof q & { slug: string } => q.slug !== null);
const offTopic = questions.filter((q) => q.slug === null && !q.kind);
const train = questions.filter((q) => q.split === "train");
const heldOut = questions.filter((q) => q.split === "test");

function report(name: string, f: FaqFigures): void {
  console.log(
    `FAQ ${name}: ${f.n} questions (${seed.length} entries): top-1 ${f.top1}, top-3 ${f.top3}, ` +
      `direct ${f.directRate}, wrong direct ${f.wrongDirect}, right fact in the reply ${f.rightDirect}`,
  );
}

describe("FAQ matching on the labelled questions", () => {
  it("has enough questions, all labelled with existing entries, split by the fixed rule", () => {
    expect(labelled.length).toBeGreaterThanOrEqual(300);
    expect(offTopic.length).toBeGreaterThanOrEqual(20);
    const slugs = new Set(seed.map((e) => e.slug));
    expect(labelled.filter((q) => !slugs.has(q.slug))).toEqual([]);
    // every entry is reachable by at least one question
    const covered = new Set(labelled.map((q) => q.slug));
    expect([...slugs].filter((s) => !covered.has(s))).toEqual([]);
    // the split is the hash of the question, never chosen by hand
    expect(questions.filter((q) => q.split !== splitOf(q.question)).map((q) => q.question)).toEqual([]);
    expect(heldOut.filter((q) => q.slug).length).toBeGreaterThanOrEqual(100);
    expect(new Set(questions.map((q) => q.question)).size).toBe(questions.length);
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

  it("training split (what the thresholds were calibrated on)", () => {
    const f = faqFigures(index, train);
    report("training split", f);
    if (f.misses.length) console.log("training split, not answered directly with the right entry:\n  " + f.misses.join("\n  "));
    expect(f.top1).toBeGreaterThanOrEqual(0.95);
    expect(f.wrongDirect).toBeLessThanOrEqual(0.02);
  });

  it("held-out split: no worse than the figures reached (regression guard)", () => {
    const f = faqFigures(index, heldOut);
    report("held-out split", f);
    expect(f.top1).toBeGreaterThanOrEqual(0.94);
    expect(f.top3).toBeGreaterThanOrEqual(0.99);
    expect(f.directRate).toBeGreaterThanOrEqual(0.89);
    expect(f.wrongDirect).toBeLessThanOrEqual(0.03);
  });

  // Issue 15's targets on the held-out split, on the real entries alone (the bench measures them with
  // distractors too). Met since the tenth session's wordings; an expected failure until then.
  it("held-out split meets the issue 15 targets: top-1 >= 0.95, direct >= 0.85, wrong direct <= 0.02", () => {
    const f = faqFigures(index, heldOut);
    expect(f.top1).toBeGreaterThanOrEqual(0.95);
    expect(f.directRate).toBeGreaterThanOrEqual(0.85);
    expect(f.wrongDirect).toBeLessThanOrEqual(0.02);
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
