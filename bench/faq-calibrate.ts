/**
 * How FAQ_THRESHOLDS were chosen: a grid over the two numbers of the direct-answer decision
 * (answerCoverage, answerRunnerUpRatio) on one split of the labelled questions, printing the direct
 * rate, the wrong-direct rate and whether any off-topic question would be answered.
 *
 *   node --import tsx bench/faq-calibrate.ts train
 *
 * Rule used: the highest direct rate on the TRAINING split with a wrong-direct rate of at most 0.005
 * there (a quarter of the 0.02 budget, since in-sample errors understate held-out ones) and no
 * off-topic question answered. The held-out ("test") split is only reported, never used to choose.
 * The shipped values (0.55 / 0.85) were chosen when a batch of fresh training questions had just been
 * added, before entries were adjusted to the ones they missed: re-run after such adjustments, the
 * grid is optimistic (it then allows 0.925), because those questions are answered right by
 * construction. Recalibrate the same way: add fresh questions, run this, then fix content.
 */
import { FAQ_THRESHOLDS, FaqIndex } from "../src/domain/faq/index.js";
import { readSeedFaq } from "../src/domain/seed.js";
import { readLabelledQuestions } from "./faq-eval.js";
const seed = readSeedFaq();
const index = FaqIndex.build(seed.map((e, i) => ({ id: i + 1, ...e })));
const qs = readLabelledQuestions();
const split = process.argv[2] ?? "train";
const lab = qs.filter((q) => q.split === split && q.slug);
const off = qs.filter((q) => q.split === split && !q.slug && !q.kind);
const res: string[] = [];
if (!lab.length) throw new Error(`no labelled questions in split ${split}`);
for (let c = 0.3; c <= 0.81; c += 0.05) for (let r = 0.6; r <= 0.96; r += 0.025) {
  const t = { ...FAQ_THRESHOLDS, answerCoverage: c, answerRunnerUpRatio: r };
  let d = 0, w = 0, offAns = 0;
  for (const q of lab) { const a = index.answer(q.question, t); if (a.kind === "answer") { d++; if (a.entry.slug !== q.slug) w++; } }
  for (const q of off) if (index.answer(q.question, t).kind === "answer") offAns++;
  res.push(`${c.toFixed(2)} ${r.toFixed(3)} direct ${(d / lab.length).toFixed(3)} wrong ${(w / lab.length).toFixed(3)} offAns ${offAns}`);
}
console.log(res.join("\n"));
