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
for (let c = 0.3; c <= 0.81; c += 0.05) for (let r = 0.6; r <= 0.96; r += 0.025) {
  const t = { ...FAQ_THRESHOLDS, answerCoverage: c, answerRunnerUpRatio: r };
  let d = 0, w = 0, offAns = 0;
  for (const q of lab) { const a = index.answer(q.question, t); if (a.kind === "answer") { d++; if (a.entry.slug !== q.slug) w++; } }
  for (const q of off) if (index.answer(q.question, t).kind === "answer") offAns++;
  res.push(`${c.toFixed(2)} ${r.toFixed(3)} direct ${(d / lab.length).toFixed(3)} wrong ${(w / lab.length).toFixed(3)} offAns ${offAns}`);
}
console.log(res.join("\n"));
