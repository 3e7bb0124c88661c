import type { FaqEntry } from "./entry.js";
import { NEGATED, canonicalWords, colloquialForms, isFunctionWord, isKnownChatWord, tokenOf } from "./normalize.js";
import { maxTypos, nthLargest, pairKey, pushTo, typoDistance } from "./index-util.js";

export { maxTypos, typoDistance };

/**
 * In-memory full-text index over the FAQ: BM25F over three fields (question + variants, keywords,
 * answer), word-order independent, with typo tolerance and splitting of run-together words.
 *
 * Why not an Orama database (checked against @orama/orama 3.1.18):
 * - without `exact`, every query token is also matched as a prefix at full score ("sk" hits "skema",
 *   "hari" hits "harian"); `exact: true` instead filters on the raw stored text, case-sensitively, for
 *   all query words in one property, which cannot work with a normalizer that rewrites words;
 * - `tolerance` is one number for the whole query, so it cannot be 0 for short words, 1 from four
 *   letters and 2 from eight, and a fuzzy hit scores exactly like an exact one;
 * - the confidence decision needs to know how much of the question a document explains (coverage),
 *   which Orama's single score does not expose.
 * The ranking is the same BM25 family Orama uses; the code is small and has no hidden state.
 */

export interface FaqHit {
  faqId: number;
  slug: string;
  score: number;
}

export type FaqAnswer =
  | { kind: "answer"; entry: FaqEntry; related: FaqEntry[] }
  | { kind: "suggest"; options: FaqEntry[] }
  | { kind: "none" };

interface RankedHit {
  doc: number;
  score: number;
  /** idf mass of the question's words this entry matches, weighted by how well they match */
  matched: number;
  /** matched as a share of the question's whole idf mass, 0..1 */
  coverage: number;
  /** whether a topical word of the question is in the entry's question, variants or keywords */
  anchored: boolean;
  /**
   * how well the entry's closest phrasing fits the question, 0..1: the share of the question's idf
   * mass it matches times the share of its own idf mass the question matches
   */
  fit: number;
}

/** One query word: the index tokens it may stand for (with a typo penalty) and its weight. */
interface Slot {
  alternatives: Array<{ token: string; weight: number }>;
  idf: number;
  /** share of idf this word adds to coverage: question words ("berapa", "cara") count half */
  coverageWeight: number;
  /** the alternatives' tokens joined: two words that resolve alike count once */
  key?: string;
}

interface Posting {
  doc: number;
  /** BM25F pseudo term frequency: field-weighted, length-normalised */
  wtf: number;
}

type FieldName = "question" | "keywords" | "answer";

const FIELDS: Record<FieldName, { weight: number; b: number }> = {
  question: { weight: 1.0, b: 0.3 },
  keywords: { weight: 1.0, b: 0.3 },
  answer: { weight: 0.3, b: 0.5 },
};
const K1 = 1.6;
/** match strength of a word found once in the question/keywords (a passing mention in the answer is ~0.5) */
const ANCHOR_STRENGTH = 0.7;
/** score added for two question words found side by side in an entry, times the smaller idf */
const PHRASE_WEIGHT = 0.3;
/**
 * Weights of the phrasing fit, chosen on the training split (bench/faq-calibrate.ts tries others,
 * nothing else changes them). For each entry, its single phrasing (the question or one variant) that
 * fits the question best: the question's idf mass that phrasing matches, times the share of the
 * phrasing's own idf mass the question matches (to `precisionPower`), times `phrasingWeight`, is added
 * to the score. A question worded like one phrasing of an entry leans to that entry even when its words
 * are spread over several entries' texts, and "prakerja itu apa" fits "apa itu Kartu Prakerja" better
 * than "apa itu SK Prakerja", which leaves SK unexplained.
 */
export const TUNE = {
  phrasingWeight: 0.2,
  precisionPower: 2,
  /** question words in a phrasing count this much of their idf toward its own mass */
  phrasingFunctionWeight: 1,
  /** see PHRASE_WEIGHT */
  phraseWeight: PHRASE_WEIGHT,
};
/** how many entries rank() orders exactly (search() is asked for at most this many) */
const RANKED_EXACTLY = 10;
/** typo penalty by edit distance */
const TYPO_WEIGHT = [1, 0.75, 0.55] as const;

/** The numbers of the confidence decision (see FaqIndex.answer). */
export interface FaqThresholds {
  readonly noneCoverage: number;
  readonly minMatchedIdf: number;
  readonly answerCoverage: number;
  readonly answerRunnerUpRatio: number;
  readonly suggestShare: number;
  /** a question worded like one phrasing of the best entry (fit at least this) ... */
  readonly answerFit: number;
  /** ... whose runner-up fits at most this share as well, is answered even when the scores are close */
  readonly answerFitRatio: number;
  /** the runner-up may explain at most this much more of the question than the best entry */
  readonly coverageSlack: number;
}

/** Calibrated on the training split of tests/fixtures/faq-questions.json (see bench/faq-calibrate.ts). */
export const FAQ_THRESHOLDS: FaqThresholds = {
  /** below this coverage nothing fits: "none" */
  noneCoverage: 0.45,
  /** the matched idf mass must reach this, or the question said nothing specific: "none" */
  minMatchedIdf: 0.5,
  /** a confident answer needs at least this coverage ... */
  answerCoverage: 0.55,
  /** ... and the runner-up at most this share of the best score */
  answerRunnerUpRatio: 0.85,
  /** suggestions and related entries must score at least this share of the best */
  suggestShare: 0.35,
  answerFit: 0.9,
  answerFitRatio: 0.7,
  coverageSlack: 0.1,
};

export class FaqIndex {
  private readonly postings = new Map<string, Posting[]>();
  private readonly idfByToken = new Map<string, number>();
  /** standard words seen in the entries → their token, for typo matching */
  private readonly surfaceWords = new Map<string, string>();
  private readonly surfaceByLength = new Map<number, string[]>();
  private readonly tokensByLength = new Map<number, string[]>();
  private readonly resolved = new Map<string, Slot[]>();
  /** two tokens (sorted, joined by a space) → entries whose question, variants or keywords have them side by side */
  private readonly pairs = new Map<string, Set<number>>();
  /** per entry, each of its phrasings (question and variants): distinct tokens, their idf and the idf sum */
  private readonly phrasings: Array<Array<{ tokens: string[]; idfs: number[]; total: number }>> = [];
  private readonly byId: Map<number, FaqEntry>;
  private readonly unknownIdf: number;

  private constructor(private readonly entries: readonly FaqEntry[]) {
    const n = entries.length;
    this.byId = new Map(entries.map((e) => [e.id, e]));
    const fieldTokens: Record<FieldName, string[][]> = { question: [], keywords: [], answer: [] };
    const phrasingTokens: string[][][] = [];
    for (const entry of entries) {
      const texts: Record<FieldName, string[]> = {
        question: [entry.question, ...entry.variants],
        keywords: entry.keywords,
        answer: [entry.answer],
      };
      phrasingTokens.push(texts.question.map((text) => [...new Set(canonicalWords(text).flatMap((w) => tokenOf(w) ?? []))]));
      for (const field of Object.keys(FIELDS) as FieldName[]) {
        const tokens: string[] = [];
        for (const text of texts[field]) {
          let previous: string | null = null;
          for (const word of canonicalWords(text)) {
            const token = tokenOf(word);
            if (!token) continue;
            tokens.push(token);
            if (!/^\d+$/.test(word)) this.surfaceWords.set(word, token);
            if (previous && field !== "answer" && previous !== token) {
              const key = pairKey(previous, token);
              let docs = this.pairs.get(key);
              if (!docs) this.pairs.set(key, (docs = new Set()));
              docs.add(fieldTokens[field].length);
            }
            previous = token;
          }
        }
        fieldTokens[field].push(tokens);
      }
    }

    const weightedTf = new Map<string, Map<number, number>>();
    for (const field of Object.keys(FIELDS) as FieldName[]) {
      const { weight, b } = FIELDS[field];
      const lists = fieldTokens[field];
      const average = lists.reduce((sum, l) => sum + l.length, 0) / Math.max(1, n) || 1;
      lists.forEach((tokens, doc) => {
        const norm = 1 - b + (b * tokens.length) / average;
        const counts = new Map<string, number>();
        for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
        for (const [token, count] of counts) {
          let perDoc = weightedTf.get(token);
          if (!perDoc) weightedTf.set(token, (perDoc = new Map()));
          perDoc.set(doc, (perDoc.get(doc) ?? 0) + (weight * count) / norm);
        }
      });
    }
    for (const [token, perDoc] of weightedTf) {
      this.postings.set(token, [...perDoc].map(([doc, wtf]) => ({ doc, wtf })));
      this.idfByToken.set(token, Math.log(1 + (n - perDoc.size + 0.5) / (perDoc.size + 0.5)));
      pushTo(this.tokensByLength, token.length, token);
    }
    for (const list of phrasingTokens) {
      this.phrasings.push(
        list.map((tokens) => {
          const idfs = tokens.map((t) => (this.idfByToken.get(t) ?? 0) * (isFunctionWord(t) ? TUNE.phrasingFunctionWeight : 1));
          return { tokens, idfs, total: idfs.reduce((a, b) => a + b, 0) };
        }),
      );
    }
    for (const word of this.surfaceWords.keys()) pushTo(this.surfaceByLength, word.length, word);
    // a word the FAQ never uses is at least as telling as the rarest word it does use
    this.unknownIdf = Math.log(1 + (n + 0.5) / 0.5);
  }

  static build(entries: readonly FaqEntry[]): FaqIndex {
    return new FaqIndex([...entries]);
  }

  get size(): number {
    return this.entries.length;
  }

  entry(faqId: number): FaqEntry | undefined {
    return this.byId.get(faqId);
  }

  /** Ranked entries for a free-text question, best first (the first RANKED_EXACTLY in exact order). */
  search(query: string, limit = 10): FaqHit[] {
    return this.rank(query)
      .slice(0, limit)
      .map((hit) => {
        const entry = this.entries[hit.doc] as FaqEntry;
        return { faqId: entry.id, slug: entry.slug, score: hit.score };
      });
  }

  /**
   * The confidence decision: a direct answer only when the best entry explains most of the question
   * and is clearly ahead; a short list when it is close; nothing when the question is off-topic.
   */
  answer(query: string, thresholds: FaqThresholds = FAQ_THRESHOLDS): FaqAnswer {
    // digits and punctuation alone ("-1", "2") ask nothing, even when the FAQ mentions the number
    if (!/\p{L}/u.test(query)) return { kind: "none" };
    const hits = this.rank(query);
    const best = hits[0];
    const t = thresholds;
    if (!best || !best.anchored || best.coverage < t.noneCoverage || best.matched < t.minMatchedIdf) {
      return { kind: "none" };
    }
    const close = hits.filter((h) => h.score >= best.score * t.suggestShare);
    const runnerUp = hits[1];
    // clearly ahead: the runner-up scores well below the best and does not explain more of the question
    const clearlyAhead =
      !runnerUp ||
      (runnerUp.score <= best.score * t.answerRunnerUpRatio && runnerUp.coverage <= best.coverage + t.coverageSlack) ||
      // worded like one of the best entry's phrasings, and clearly less like any of the runner-up's
      (best.fit >= t.answerFit && runnerUp.fit <= best.fit * t.answerFitRatio);
    if (best.coverage >= t.answerCoverage && clearlyAhead) {
      const entry = this.entries[best.doc] as FaqEntry;
      return { kind: "answer", entry, related: this.related(entry, close.slice(1)) };
    }
    return { kind: "suggest", options: close.slice(0, 3).map((h) => this.entries[h.doc] as FaqEntry) };
  }

  /** The ranking with what the decision looks at (coverage, anchoring), for calibration and admin tools. */
  explain(query: string, limit = 3): Array<FaqHit & { coverage: number; anchored: boolean; matched: number; fit: number }> {
    return this.rank(query)
      .slice(0, limit)
      .map((hit) => {
        const entry = this.entries[hit.doc] as FaqEntry;
        return { faqId: entry.id, slug: entry.slug, score: hit.score, coverage: hit.coverage, anchored: hit.anchored, matched: hit.matched, fit: hit.fit };
      });
  }

  private related(entry: FaqEntry, close: RankedHit[]): FaqEntry[] {
    const related = close.slice(0, 3).map((h) => this.entries[h.doc] as FaqEntry);
    for (const other of this.entries) {
      if (related.length >= 3) break;
      if (other.category === entry.category && other.id !== entry.id && !related.includes(other)) related.push(other);
    }
    return related;
  }

  private rank(query: string): RankedHit[] {
    const slots = this.slots(query);
    const totalIdf = slots.reduce((sum, s) => sum + s.idf * s.coverageWeight, 0);
    if (totalIdf === 0) return [];
    const totals = new Map<number, { score: number; matched: number; anchored: boolean; fit: number }>();
    for (const slot of slots) {
      const bestInSlot = new Map<number, { score: number; strength: number }>();
      for (const { token, weight } of slot.alternatives) {
        const idf = this.idfByToken.get(token) ?? 0;
        for (const { doc, wtf } of this.postings.get(token) ?? []) {
          const saturation = (wtf * (K1 + 1)) / (wtf + K1);
          const score = weight * idf * saturation;
          const current = bestInSlot.get(doc);
          // strength: how well the word is matched (1 = in the question or keywords; less for a
          // passing mention in the answer text or a typo)
          if (!current || score > current.score) bestInSlot.set(doc, { score, strength: weight * Math.min(1, saturation) });
        }
      }
      for (const [doc, { score, strength }] of bestInSlot) {
        const total = totals.get(doc) ?? { score: 0, matched: 0, anchored: false, fit: 0 };
        total.score += score;
        total.matched += slot.idf * slot.coverageWeight * strength;
        if (slot.coverageWeight === 1 && strength >= ANCHOR_STRENGTH) total.anchored = true;
        totals.set(doc, total);
      }
    }
    // two words of the question that stand side by side in an entry's question, variants or keywords
    // ("sisa saldo", "ganti nomor", "temu alumni") say more than the two words apart; in either order
    // and wherever they are in the question, so the ranking stays independent of word order
    for (let i = 0; i < slots.length; i++) {
      for (let j = i + 1; j < slots.length; j++) {
        const a = slots[i] as Slot;
        const b = slots[j] as Slot;
        if (a.coverageWeight < 1 && b.coverageWeight < 1) continue;
        const bonus = TUNE.phraseWeight * Math.min(a.idf, b.idf);
        const rewarded = new Map<number, number>();
        for (const x of a.alternatives) {
          for (const y of b.alternatives) {
            for (const doc of this.pairs.get(pairKey(x.token, y.token)) ?? []) {
              rewarded.set(doc, Math.max(rewarded.get(doc) ?? 0, bonus * Math.min(x.weight, y.weight)));
            }
          }
        }
        for (const [doc, add] of rewarded) {
          const total = totals.get(doc);
          if (total) total.score += add;
        }
      }
    }
    if (TUNE.phrasingWeight > 0) {
      const query = new Map<string, { slot: number; weight: number }>();
      slots.forEach((slot, i) => {
        const mass = slot.idf * slot.coverageWeight;
        for (const alt of slot.alternatives) {
          const known = query.get(alt.token);
          if (!known || known.weight * (slots[known.slot] as Slot).idf < alt.weight * mass) query.set(alt.token, { slot: i, weight: alt.weight });
        }
      });
      const perSlot = new Float64Array(slots.length);
      // the bonus is at most phrasingWeight × totalIdf: an entry that cannot reach the first
      // RANKED_EXACTLY with it is left without (the order past those is not needed anywhere)
      const cutoff = nthLargest(totals.values(), RANKED_EXACTLY) - TUNE.phrasingWeight * totalIdf;
      for (const [doc, total] of totals) {
        if (total.score < cutoff) continue;
        let bestShare = 0;
        for (const phrasing of this.phrasings[doc] ?? []) {
          perSlot.fill(0);
          let own = 0;
          for (let k = 0; k < phrasing.tokens.length; k++) {
            const hit = query.get(phrasing.tokens[k] as string);
            if (!hit) continue;
            own += (phrasing.idfs[k] as number) * hit.weight;
            if (hit.weight > (perSlot[hit.slot] as number)) perSlot[hit.slot] = hit.weight;
          }
          if (own === 0) continue;
          let share = 0;
          for (let i = 0; i < slots.length; i++) {
            const slot = slots[i] as Slot;
            share += slot.idf * slot.coverageWeight * (perSlot[i] as number);
          }
          // how much of the phrasing the question explains: "apa itu SK prakerja" fits "prakerja itu
          // apa" less well than "apa itu kartu prakerja" does, since SK is left unexplained
          const precision = phrasing.total > 0 ? own / phrasing.total : 1;
          const fit = (share / totalIdf) * precision;
          if (fit > total.fit) total.fit = fit;
          share *= precision ** TUNE.precisionPower;
          if (share > bestShare) bestShare = share;
        }
        total.score += TUNE.phrasingWeight * bestShare;
      }
    }
    return [...totals]
      .map(([doc, { score, matched, anchored, fit }]) => ({ doc, score, matched, anchored, fit, coverage: matched / totalIdf }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  /** Query words as slots; repeated words count once. */
  private slots(query: string): Slot[] {
    const slots: Slot[] = [];
    const seen = new Set<string>();
    for (const word of canonicalWords(query)) {
      if (seen.has(word)) continue;
      seen.add(word);
      for (const slot of this.resolveWord(word)) {
        const key = (slot.key ??= slot.alternatives.map((a) => a.token).join("|"));
        if (key && slots.some((s) => s.key === key)) continue;
        slots.push(slot);
      }
    }
    return slots;
  }

  private resolveWord(word: string): Slot[] {
    let slots = this.resolved.get(word);
    if (!slots) {
      slots = this.resolveUncached(word, true);
      if (this.resolved.size > 10_000) this.resolved.clear();
      this.resolved.set(word, slots);
    }
    return slots;
  }

  private resolveUncached(word: string, allowSplit: boolean): Slot[] {
    const token = tokenOf(word);
    if (!token) return [];
    const idf = this.idfByToken.get(token);
    if (idf !== undefined) {
      return [{ alternatives: [{ token, weight: 1 }], idf, coverageWeight: isFunctionWord(token) ? 0.5 : 1 }];
    }
    // a negation no entry has ("tidak_kehapus"): the negated word's own reading, negated when an entry
    // has that ("tidak_terhapus"), else "tidak" and the word apart, as if never folded
    if (word.startsWith(NEGATED)) {
      const [inner, ...rest] = this.resolveUncached(word.slice(NEGATED.length), allowSplit);
      const negated = rest.length > 0 ? [] : (inner?.alternatives ?? []).map((a) => ({ ...a, token: NEGATED + a.token })).filter((a) => this.idfByToken.has(a.token));
      if (negated.length > 0) {
        return [{ alternatives: negated, idf: Math.max(...negated.map((a) => this.idfByToken.get(a.token) as number)), coverageWeight: 1 }];
      }
      return [...this.resolveUncached("tidak", false), ...(inner ? [inner, ...rest] : [])];
    }
    // numbers the FAQ does not mention (an age, a year, a gelombang) say nothing about the topic
    if (/^\d+$/.test(word)) return [];
    // a chat verb form ("dibatalin", "ngambil", "kehapus") of a word the FAQ uses
    for (const form of colloquialForms(word)) {
      const formToken = tokenOf(form);
      const formIdf = formToken === null ? undefined : this.idfByToken.get(formToken);
      if (formToken !== null && formIdf !== undefined) {
        return [{ alternatives: [{ token: formToken, weight: 1 }], idf: formIdf, coverageWeight: isFunctionWord(formToken) ? 0.5 : 1 }];
      }
    }
    const fuzzy = this.fuzzy(word, token);
    if (fuzzy) return [fuzzy];
    if (allowSplit) {
      const parts = this.split(word);
      if (parts) return parts.flatMap((part) => this.resolveUncached(part, false));
    }
    return [{ alternatives: [], idf: this.unknownIdf, coverageWeight: 1 }];
  }

  /** Closest known words within the typo budget for the word's length. */
  private fuzzy(word: string, token: string): Slot | null {
    let bestDistance = Infinity;
    let candidates: string[] = [];
    const consider = (candidate: string, candidateToken: string, allowed: number, from: string) => {
      const d = typoDistance(from, candidate);
      if (d > allowed || d > bestDistance) return;
      if (d < bestDistance) {
        bestDistance = d;
        candidates = [];
      }
      if (!candidates.includes(candidateToken)) candidates.push(candidateToken);
    };
    const wordBudget = maxTypos(word.length);
    for (let len = word.length - wordBudget; len <= word.length + wordBudget; len++) {
      for (const w of this.surfaceByLength.get(len) ?? []) consider(w, this.surfaceWords.get(w) as string, wordBudget, word);
    }
    const tokenBudget = maxTypos(token.length);
    for (let len = token.length - tokenBudget; len <= token.length + tokenBudget; len++) {
      for (const t of this.tokensByLength.get(len) ?? []) consider(t, t, tokenBudget, token);
    }
    if (!candidates.length || bestDistance === 0) return null;
    const weight = TYPO_WEIGHT[bestDistance] ?? 0;
    const alternatives = candidates.slice(0, 3).map((t) => ({ token: t, weight }));
    const idf = Math.max(...alternatives.map((a) => this.idfByToken.get(a.token) ?? 0));
    return { alternatives, idf, coverageWeight: 1 };
  }

  /**
   * Splits words typed without spaces ("caradaftar", "gmndaftar") into the fewest known words, at
   * least one of them a word the FAQ uses.
   */
  private split(word: string): string[] | null {
    if (word.length < 6 || word.length > 40) return null;
    const isIndexWord = (w: string) => {
      const t = tokenOf(w);
      return w.length >= 3 && (this.surfaceWords.has(w) || (t !== null && this.idfByToken.has(t)));
    };
    const known = (w: string) => w.length >= 2 && (isIndexWord(w) || isKnownChatWord(w));
    const best: Array<string[] | null> = new Array(word.length + 1).fill(null);
    best[0] = [];
    for (let end = 2; end <= word.length; end++) {
      for (let start = Math.max(0, end - 20); start <= end - 2; start++) {
        const before = best[start];
        const piece = word.slice(start, end);
        if (!before || !known(piece)) continue;
        const candidate = [...before, piece];
        const current = best[end];
        if (!current || candidate.length < current.length) best[end] = candidate;
      }
    }
    const parts = best[word.length];
    if (!parts || parts.length < 2 || !parts.some(isIndexWord)) return null;
    return parts.flatMap((p) => canonicalWords(p));
  }
}
