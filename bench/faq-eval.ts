import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FaqIndex } from "../src/domain/faq/index.js";
import type { SmallTalkKind } from "../src/domain/faq/small-talk.js";

/**
 * The labelled questions (tests/fixtures/faq-questions.json) and the figures the bench and the unit
 * tests compute on them. Each question carries a split: "train" questions are the ones the matching
 * thresholds were calibrated on, "test" questions are held out and only reported. The split is a
 * hash of the question text (FNV-1a, 30 % test), so it is fixed, not chosen, and a new question
 * lands in a split by the same rule (a unit test checks every stored split against it).
 */
export type FaqSplit = "train" | "test";

export interface LabelledQuestion {
  question: string;
  /** expected entry, or null when no entry should answer (off-topic, gibberish, small talk) */
  slug: string | null;
  /** small talk: what the message is instead of a question */
  kind?: SmallTalkKind;
  split: FaqSplit;
}

export const FIXTURE_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), "../tests/fixtures/faq-questions.json");

/** Share of questions held out for the test split, in percent. */
export const TEST_SHARE_PERCENT = 30;

/** The split a question belongs to: FNV-1a of its text, modulo 100. */
export function splitOf(question: string): FaqSplit {
  let h = 0x811c9dc5;
  for (const ch of question) {
    h ^= ch.codePointAt(0) as number;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 100 < TEST_SHARE_PERCENT ? "test" : "train";
}

export function readLabelledQuestions(file = FIXTURE_PATH): LabelledQuestion[] {
  return JSON.parse(fs.readFileSync(file, "utf8")) as LabelledQuestion[];
}

export interface FaqFigures {
  /** questions with an expected entry */
  n: number;
  /** the expected entry ranked first */
  top1: number;
  /** the expected entry in the first three */
  top3: number;
  /** answered directly (no "Maksudmu yang mana?"), right or wrong */
  directRate: number;
  /** answered directly with the wrong entry: the worst outcome */
  wrongDirect: number;
  /** the right fact in the reply itself: a direct answer with the expected entry */
  rightDirect: number;
  /** the expected entry among the offered choices (answer or suggestion) */
  offered: number;
  misses: string[];
}

/** Figures of an index on labelled questions (those with a slug). */
export function faqFigures(index: FaqIndex, questions: readonly LabelledQuestion[]): FaqFigures {
  const labelled = questions.filter((q): q is LabelledQuestion & { slug: string } => q.slug !== null);
  let top1 = 0;
  let top3 = 0;
  let direct = 0;
  let wrong = 0;
  let offered = 0;
  const misses: string[] = [];
  for (const { question, slug } of labelled) {
    const hits = index.search(question, 3).map((h) => h.slug);
    if (hits[0] === slug) top1++;
    if (hits.includes(slug)) top3++;
    const result = index.answer(question);
    if (result.kind === "answer") {
      direct++;
      if (result.entry.slug !== slug) wrong++;
      else offered++;
      if (result.entry.slug !== slug) misses.push(`WRONG ${question} → ${result.entry.slug} (want ${slug})`);
    } else if (result.kind === "suggest") {
      if (result.options.some((o) => o.slug === slug)) offered++;
      misses.push(`suggest ${question} → ${result.options.map((o) => o.slug).join(", ")} (want ${slug})`);
    } else {
      misses.push(`none ${question} (want ${slug})`);
    }
  }
  const n = labelled.length || 1;
  const ratio = (x: number) => Number((x / n).toFixed(4));
  return {
    n: labelled.length,
    top1: ratio(top1),
    top3: ratio(top3),
    directRate: ratio(direct),
    wrongDirect: ratio(wrong),
    rightDirect: ratio(direct - wrong),
    offered: ratio(offered),
    misses,
  };
}
