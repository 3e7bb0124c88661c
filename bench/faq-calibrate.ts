/**
 * How FAQ_THRESHOLDS were chosen: a grid over the numbers of the direct-answer decision (answerCoverage,
 * answerRunnerUpRatio, answerFit, answerFitRatio, coverageSlack) on one split of the labelled
 * questions, scored on the real entries alone AND on them padded to 500 with the bench's distractors
 * (what bench/faq.ts measures), printing for each the direct rate, the wrong-direct rate and whether any
 * off-topic question would be answered.
 *
 *   node --import tsx bench/faq-calibrate.ts train          # the grid, best first
 *   node --import tsx bench/faq-calibrate.ts train misses   # training questions not answered right
 *   node --import tsx bench/faq-calibrate.ts train unseen   # the same, as if their wording were new
 *
 * Rule used: NO wrong direct answer on the training split, with and without distractors, and no
 * off-topic question answered; then the highest direct rate; ties go to the stricter numbers. Entries
 * have been given phrasings modelled on training questions, so in-sample errors understate held-out
 * ones: hence zero, not a share of the 0.02 budget. The held-out ("test") split is only reported,
 * never used to choose, and its individual misses are never printed: `misses` refuses that split.
 * `unseen` estimates held-out behaviour from the training split alone: each training question is asked
 * of an index built without the phrasings that share half or more of its words (Jaccard of the search
 * tokens), i.e. without the variants modelled on it, and the figures and the misses are printed
 * (about 20 s). On the current content that estimate is top-1 0.955, direct 0.857, wrong direct 0.003
 * with the chosen thresholds; it was 0.942 / 0.845 / 0.010 before the fixes of issue 15, each checked
 * on it (the sisa-saldo wording, "paling telat", "berapa banyak", "pas", "beneran", the stems of
 * "tentukan", "tunai" and "terlambat": 0.951 / 0.848 / 0.007), then 0.955 / 0.857 / 0.003 after a
 * negation read as one word ("gak cair" → tidak_cair; "gagal" too: 0.951 → 0.953; not "bukan", not
 * through "bisa", not dropping yes/no tags, which cost top-1), "buat apa" read as the purpose and the
 * offline-training and what-is-Prakerja entries sharpened. It also chose BM25's k1 (1.6: 1.4-1.8 give top-1 0.951, wrong
 * 0.007; 1.2 gives 0.949 / 0.009) and confirmed the phrasing and pair weights (rechecked before those
 * fixes, with the field weights: no other value gave a better top-1).
 * Current values: 0.55 / 0.85 / 0.9 / 0.7 / 0.1. Recalibrate the same way after adding fresh training
 * questions, before fixing content for the ones they miss.
 */
import { FAQ_THRESHOLDS, FaqIndex, type FaqThresholds } from "../src/domain/faq/index.js";
import { normalize } from "../src/domain/faq/normalize.js";
import { readSeedFaq } from "../src/domain/seed.js";
import { distractorEntries } from "./faq.js";
import { readLabelledQuestions } from "./faq-eval.js";

const seed = readSeedFaq();
const indexes = [seed, [...seed, ...distractorEntries(Math.max(0, 500 - seed.length))]].map((entries) =>
  FaqIndex.build(entries.map((e, i) => ({ id: i + 1, ...e }))),
);
const qs = readLabelledQuestions();
const split = process.argv[2] ?? "train";
const lab = qs.filter((q) => q.split === split && q.slug);
const off = qs.filter((q) => q.split === split && !q.slug && !q.kind);
if (!lab.length) throw new Error(`no labelled questions in split ${split}`);

if (process.argv[3] === "misses") {
  if (split !== "train") throw new Error("misses are printed for the training split only");
  const index = indexes[0] as FaqIndex;
  for (const q of lab) {
    const a = index.answer(q.question);
    if (a.kind === "answer" && a.entry.slug === q.slug) continue;
    const hits = index.explain(q.question, 3).map((h) => `${h.slug} ${h.score.toFixed(2)} c${h.coverage.toFixed(2)} f${h.fit.toFixed(2)}`);
    console.log(`${a.kind === "answer" ? "WRONG" : a.kind} | ${q.question} | want ${q.slug} | ${hits.join(" · ")}`);
  }
  process.exit(0);
}

if (process.argv[3] === "unseen") {
  if (split !== "train") throw new Error("unseen is computed on the training split only");
  let top1 = 0, directs = 0, wrong = 0;
  for (const q of lab) {
    const words = new Set(normalize(q.question));
    const similar = (text: string) => {
      const own = new Set(normalize(text));
      const shared = [...words].filter((w) => own.has(w)).length;
      return shared / (words.size + own.size - shared || 1) >= 0.5;
    };
    const index = FaqIndex.build(seed.map((e, i) => ({ id: i + 1, ...e, variants: e.variants.filter((v) => !similar(v)) })));
    const first = index.search(q.question, 1)[0];
    if (first?.slug === q.slug) top1++;
    const a = index.answer(q.question);
    if (a.kind === "answer") {
      directs++;
      if (a.entry.slug !== q.slug) wrong++;
    }
    if (first?.slug !== q.slug || (a.kind === "answer" && a.entry.slug !== q.slug)) {
      const hits = index.explain(q.question, 2).map((h) => `${h.slug} ${h.score.toFixed(2)} c${h.coverage.toFixed(2)} f${h.fit.toFixed(2)}`);
      console.log(`${a.kind === "answer" && a.entry.slug !== q.slug ? "WRONG" : "top-1 miss"} | ${q.question} | want ${q.slug} | ${hits.join(" · ")}`);
    }
  }
  const n = lab.length;
  console.log(`unseen wording, training split: top-1 ${(top1 / n).toFixed(3)}, direct ${(directs / n).toFixed(3)}, wrong direct ${(wrong / n).toFixed(3)}`);
  process.exit(0);
}

// the ranking does not depend on the thresholds: rank once, decide many times
type Ranked = ReturnType<FaqIndex["explain"]>;
const rankAll = (list: typeof qs) => indexes.flatMap((ix) => list.map((q) => ({ slug: q.slug, hits: /\p{L}/u.test(q.question) ? ix.explain(q.question, 2) : [] })));
const labelled = rankAll(lab);
const offTopic = rankAll(off);

/** The decision of FaqIndex.answer on ranked hits: the slug answered directly, or null. */
function direct(hits: Ranked, t: FaqThresholds): string | null {
  const [best, runnerUp] = hits;
  if (!best || !best.anchored || best.coverage < t.noneCoverage || best.matched < t.minMatchedIdf) return null;
  const ahead =
    !runnerUp ||
    (runnerUp.score <= best.score * t.answerRunnerUpRatio && runnerUp.coverage <= best.coverage + t.coverageSlack) ||
    (best.fit >= t.answerFit && runnerUp.fit <= best.fit * t.answerFitRatio);
  return best.coverage >= t.answerCoverage && ahead ? best.slug : null;
}

const rows: Array<{ line: string; d: number; w: number; o: number }> = [];
for (let c = 0.3; c <= 0.81; c += 0.05) for (let r = 0.6; r <= 0.96; r += 0.025)
  for (const fit of [0.7, 0.8, 0.9, 2]) for (const fitRatio of [0.5, 0.6, 0.7]) for (const slack of [0, 0.05, 0.1, 0.2]) {
    const t = { ...FAQ_THRESHOLDS, answerCoverage: c, answerRunnerUpRatio: r, answerFit: fit, answerFitRatio: fitRatio, coverageSlack: slack };
    let d = 0, w = 0, o = 0;
    for (const { slug, hits } of labelled) {
      const a = direct(hits, t);
      if (a) { d++; if (a !== slug) w++; }
    }
    for (const { hits } of offTopic) if (direct(hits, t)) o++;
    const n = labelled.length;
    rows.push({ d, w, o, line: `${c.toFixed(2)} ${r.toFixed(3)} fit ${fit} ${fitRatio} slack ${slack} direct ${(d / n).toFixed(3)} wrong ${(w / n).toFixed(3)} offAns ${o}` });
  }
rows.sort((a, b) => Number(a.w > 0 || a.o > 0) - Number(b.w > 0 || b.o > 0) || b.d - a.d);
console.log(rows.slice(0, 40).map((r) => r.line).join("\n"));
