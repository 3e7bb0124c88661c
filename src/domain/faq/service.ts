import type { Db } from "../../db.js";
import type { Faq } from "../../generated/prisma/client.js";
import { faqToCsv, parseFaqCsv, type FaqCsvError } from "./csv.js";
import { validateFaqEntry, type FaqEntry, type FaqEntryInput, type FaqValidationIssue } from "./entry.js";
import { FaqIndex, type FaqAnswer } from "./index.js";
import { classifySmallTalk, type SmallTalkKind } from "./small-talk.js";
import { runStatement } from "../../db-dialect.js";
import { dbDateParam, hotStoreOf, type HotStatement } from "../../hot-store.js";

const RECORD_UNMATCHED: HotStatement = { name: "faq_record_unmatched", text: `INSERT INTO "UnmatchedQuestion" ("text", "createdAt") VALUES ($1, $2)` };

/**
 * The index's entries, on the hot store as its revision (read every few seconds): with both off the ORM, a
 * bot whose FAQ nobody edits never loads the ORM's query compiler for them.
 */
const FAQ_ENTRIES: HotStatement = { name: "faq_entries", text: `SELECT "id", "slug", "category", "question", "answer", "variants", "keywords" FROM "Faq" ORDER BY "id"` };

/** A Faq row as FAQ_ENTRIES reads it. */
type FaqRow = Pick<Faq, "slug" | "category" | "question" | "answer" | "variants" | "keywords"> & { id: number | bigint };

/** What to do with a message typed to the FAQ: small talk gets its own reply, anything else is matched. */
export type FaqReply = FaqAnswer | { kind: "small-talk"; smallTalk: SmallTalkKind };

export type FaqMutationResult =
  | { ok: true; entry: FaqEntry }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid"; issues: FaqValidationIssue[] };

export type FaqImportResult = { ok: true; created: number; updated: number } | { ok: false; errors: FaqCsvError[] };

export interface FaqVoteSummary {
  faqId: number;
  slug: string;
  question: string;
  helpful: number;
  notHelpful: number;
}

export interface UnmatchedQuestionRow {
  id: number;
  text: string;
  createdAt: Date;
}

/**
 * One question waiting in an admin's review list: the same text asked (or voted 👎) several times is
 * one item. `id` is its newest row (an UnmatchedQuestion or a FaqVote), `faqId` the entry a 👎 was on.
 */
export interface ReviewItem {
  id: number;
  text: string;
  count: number;
  lastAt: Date;
  faqId?: number;
}

export type AttachResult = FaqMutationResult | { ok: false; reason: "question_gone" };

/** Counter key bumped by every change made through a FaqService, so other instances reload their index. */
export const FAQ_REVISION_KEY = "faq_revision";
/** How often an instance looks for changes made by the others, by default. */
export const FAQ_REVISION_CHECK_MS = 2_000;

/** Longest unmatched question kept, in characters. */
export const UNMATCHED_MAX_LENGTH = 300;

/** Counter key marking a deleted entry, so the start-up seed does not bring it back. */
export const FAQ_DELETED_PREFIX = "faq_deleted:";

function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export function faqFromRow(row: Pick<Faq, "id" | "slug" | "category" | "question" | "answer" | "variants" | "keywords">): FaqEntry {
  return {
    id: row.id,
    slug: row.slug,
    category: row.category,
    question: row.question,
    answer: row.answer,
    variants: parseList(row.variants),
    keywords: parseList(row.keywords),
  };
}

export function faqToRow(entry: FaqEntryInput) {
  return {
    slug: entry.slug,
    category: entry.category,
    question: entry.question,
    answer: entry.answer,
    variants: JSON.stringify(entry.variants),
    keywords: JSON.stringify(entry.keywords),
  };
}

/**
 * Removes what could identify someone from a question kept for admins: long digit runs (NIK, KK and
 * phone numbers) and e-mail addresses. The question itself is stored without any user id.
 */
export function scrubUnmatched(text: string): string {
  const cleaned = text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[^\s@]+@[^\s@]+\.[^\s@]+/g, "[email]")
    .replace(/\+?\d[\d\s.-]{6,}\d/g, (m) => (m.replace(/\D/g, "").length >= 8 ? "[angka]" : m));
  return Array.from(cleaned).slice(0, UNMATCHED_MAX_LENGTH).join("");
}

/** Replies remembered per index (see FaqService.reply), oldest forgotten first. */
const REMEMBERED_REPLIES = 2_000;
/** Longer texts are worked out every time: they are rarely typed twice, and would cost memory. */
const REMEMBERED_TEXT_MAX = 200;

/**
 * The FAQ knowledge base over Prisma, with its search index kept in memory. Every change made
 * through this service rebuilds the index before it returns, so the next question already sees it,
 * and bumps a revision in the database: other instances on the same database (`refresh`) see that
 * it moved and rebuild theirs within `checkEveryMs`.
 */
export class FaqService {
  private index: FaqIndex = FaqIndex.build([]);
  /** replies already worked out on the current index, by the exact text asked */
  private replies = new Map<string, FaqReply>();
  private bySlug = new Map<string, FaqEntry>();
  private reloadsStarted = 0;
  private reloadsApplied = 0;
  /** the revision the current index was built at */
  private revision = 0;
  private checkedAt = 0;
  private checking: Promise<void> | null = null;

  private constructor(
    private readonly db: Db,
    private readonly checkEveryMs: number,
  ) {}

  /** Loads the entries and builds the index. */
  static async open(db: Db, options: { checkEveryMs?: number } = {}): Promise<FaqService> {
    const service = new FaqService(db, options.checkEveryMs ?? FAQ_REVISION_CHECK_MS);
    await service.reload();
    return service;
  }

  /** Rebuilds the index from the database (also call it after changing Faq rows elsewhere). */
  async reload(): Promise<void> {
    const ticket = ++this.reloadsStarted;
    // the revision first: a change landing between the two reads only causes one more reload later
    const revision = await this.readRevision();
    const rows = await runStatement<FaqRow>(this.db, FAQ_ENTRIES, []);
    const entries = rows.map((row) => faqFromRow({ ...row, id: Number(row.id) }));
    const index = FaqIndex.build(entries);
    // when reloads overlap, the one that started last read the newest rows: never replace it with older
    if (ticket > this.reloadsApplied) {
      this.index = index;
      this.replies = new Map();
      this.bySlug = new Map(entries.map((entry) => [entry.slug, entry]));
      this.reloadsApplied = ticket;
      this.revision = revision;
      this.checkedAt = Date.now();
    }
  }

  /**
   * Picks up changes another instance made: at most once per `checkEveryMs` reads the revision (one
   * primary-key lookup) and reloads when it moved. Callers at the same moment share one check; a
   * failed check keeps the current index.
   */
  async refresh(): Promise<void> {
    if (Date.now() - this.checkedAt < this.checkEveryMs) return;
    this.checking ??= (async () => {
      try {
        if ((await this.readRevision()) !== this.revision) await this.reload();
      } catch {
        // the database is busy or gone: answer from the index we have, try again at the next interval
      } finally {
        this.checkedAt = Date.now();
        this.checking = null;
      }
    })();
    return this.checking;
  }

  private async readRevision(): Promise<number> {
    return (await hotStoreOf(this.db).counterValue(FAQ_REVISION_KEY)) ?? 0;
  }

  /** After a change: moves the revision for the other instances, then rebuilds this one's index. */
  private async changed(): Promise<void> {
    const key = FAQ_REVISION_KEY;
    await this.db.counter.upsert({ where: { key }, create: { key, value: 1 }, update: { value: { increment: 1 } } });
    await this.reload();
  }

  get size(): number {
    return this.index.size;
  }

  /** Answer, suggestions, or nothing for a user's free-text question. */
  answer(text: string): FaqAnswer {
    return this.index.answer(text);
  }

  /**
   * Like `answer`, but small talk ("makasih min", "assalamualaikum", "ok sip", "-1") first comes back
   * as `{ kind: "small-talk" }`: reply with SMALL_TALK_REPLY_KEYS[smallTalk] and record nothing.
   */
  reply(text: string): FaqReply {
    // Many people type the same few questions in the same words ("cara daftar prakerja", "makasih min");
    // ranking is most of a question's CPU, and its result only changes with the index, so a reply is
    // remembered until the index is rebuilt. The caller must not change the reply it gets.
    const known = this.replies.get(text);
    if (known) return known;
    const smallTalk = classifySmallTalk(text);
    const reply: FaqReply = smallTalk ? { kind: "small-talk", smallTalk } : this.index.answer(text);
    if (text.length <= REMEMBERED_TEXT_MAX) {
      if (this.replies.size >= REMEMBERED_REPLIES) this.replies.delete(this.replies.keys().next().value as string);
      this.replies.set(text, reply);
    }
    return reply;
  }

  /** The kind of small talk a message is, or null when it is (or may be) a question. */
  smallTalk(text: string): SmallTalkKind | null {
    return classifySmallTalk(text);
  }

  /** Entries ranked for a query (for admins looking for the entry to edit). */
  search(text: string, limit = 10): FaqEntry[] {
    return this.index
      .search(text, limit)
      .map((hit) => this.index.entry(hit.faqId))
      .filter((e): e is FaqEntry => e !== undefined);
  }

  /**
   * An entry as the matcher sees it, from memory: what users are shown (the FAQ menu, a question's
   * button). As fresh as the answers to typed questions: this instance's changes at once, another
   * instance's after `refresh`. Admin tools read the database with `get`.
   */
  shown(idOrSlug: number | string): FaqEntry | null {
    return (typeof idOrSlug === "number" ? this.index.entry(idOrSlug) : this.bySlug.get(idOrSlug)) ?? null;
  }

  /** The entry as stored now (admin tools, which edit it). */
  async get(idOrSlug: number | string): Promise<FaqEntry | null> {
    const row = await this.db.faq.findUnique({
      where: typeof idOrSlug === "number" ? { id: idOrSlug } : { slug: idOrSlug },
    });
    return row ? faqFromRow(row) : null;
  }

  async list(options: { category?: string } = {}): Promise<FaqEntry[]> {
    const rows = await this.db.faq.findMany({
      where: options.category ? { category: options.category } : {},
      orderBy: [{ category: "asc" }, { id: "asc" }],
    });
    return rows.map(faqFromRow);
  }

  async create(input: unknown): Promise<FaqMutationResult> {
    const result = validateFaqEntry(input);
    if (!result.ok) return { ok: false, reason: "invalid", issues: result.issues };
    if (await this.db.faq.findUnique({ where: { slug: result.entry.slug }, select: { id: true } })) {
      return { ok: false, reason: "invalid", issues: [{ field: "slug", error: "duplicate_slug" }] };
    }
    const row = await this.db.faq.create({ data: faqToRow(result.entry) });
    await this.changed();
    return { ok: true, entry: faqFromRow(row) };
  }

  /** Changes some fields of an entry; the merged entry is validated as a whole. */
  async update(id: number, patch: Partial<FaqEntryInput>): Promise<FaqMutationResult> {
    const existing = await this.get(id);
    if (!existing) return { ok: false, reason: "not_found" };
    const { id: _id, ...current } = existing;
    const result = validateFaqEntry({ ...current, ...patch });
    if (!result.ok) return { ok: false, reason: "invalid", issues: result.issues };
    if (result.entry.slug !== existing.slug) {
      const taken = await this.db.faq.findUnique({ where: { slug: result.entry.slug }, select: { id: true } });
      if (taken) return { ok: false, reason: "invalid", issues: [{ field: "slug", error: "duplicate_slug" }] };
    }
    const row = await this.db.faq.update({ where: { id }, data: faqToRow(result.entry) });
    await this.changed();
    return { ok: true, entry: faqFromRow(row) };
  }

  /** Deletes an entry (and its votes) and remembers the slug so the seed does not restore it. */
  async delete(id: number): Promise<boolean> {
    const row = await this.db.faq.findUnique({ where: { id }, select: { slug: true } });
    if (!row) return false;
    const key = FAQ_DELETED_PREFIX + row.slug;
    await this.db.$transaction([
      this.db.faq.delete({ where: { id } }),
      this.db.counter.upsert({ where: { key }, create: { key, value: 1 }, update: { value: { increment: 1 } } }),
    ]);
    await this.changed();
    return true;
  }

  /**
   * Stores an anonymous vote, with the question that was asked when known (scrubbed like an
   * unanswered one, never who asked). False when the entry no longer exists.
   */
  async recordVote(faqId: number, helpful: boolean, question?: string | null): Promise<boolean> {
    if (!(await this.db.faq.findUnique({ where: { id: faqId }, select: { id: true } }))) return false;
    const asked = question ? scrubUnmatched(question) || null : null;
    await this.db.faqVote.create({ data: { faqId, helpful, question: asked } });
    return true;
  }

  /** Keeps a question nobody could answer, without who asked it, truncated and scrubbed (never small talk). */
  async recordUnmatched(text: string): Promise<void> {
    if (classifySmallTalk(text)) return;
    const clean = scrubUnmatched(text);
    // one statement on the hot store: a question nobody could answer is an ordinary update's work
    if (clean) await runStatement(this.db, RECORD_UNMATCHED, [clean, dbDateParam(new Date())]);
  }

  /** Entries with the most "not helpful" votes first (only those with at least one). */
  async mostDownvoted(limit = 10): Promise<FaqVoteSummary[]> {
    const groups = await this.db.faqVote.groupBy({ by: ["faqId", "helpful"], _count: { _all: true } });
    const tally = new Map<number, { helpful: number; notHelpful: number }>();
    for (const g of groups) {
      const t = tally.get(g.faqId) ?? { helpful: 0, notHelpful: 0 };
      if (g.helpful) t.helpful += g._count._all;
      else t.notHelpful += g._count._all;
      tally.set(g.faqId, t);
    }
    const worst = [...tally]
      .filter(([, t]) => t.notHelpful > 0)
      .sort(
        ([idA, a], [idB, b]) =>
          b.notHelpful - a.notHelpful ||
          b.notHelpful / (b.helpful + b.notHelpful) - a.notHelpful / (a.helpful + a.notHelpful) ||
          idA - idB,
      )
      .slice(0, limit);
    const rows = await this.db.faq.findMany({
      where: { id: { in: worst.map(([id]) => id) } },
      select: { id: true, slug: true, question: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return worst.flatMap(([faqId, t]) => {
      const row = byId.get(faqId);
      return row ? [{ faqId, slug: row.slug, question: row.question, ...t }] : [];
    });
  }

  /**
   * The learning loop: a question people typed becomes a new phrasing (variant) of an entry, which the
   * matcher uses at once (the update reloads the index here and moves the revision for the others).
   * Nothing changes when the entry already has that phrasing; a full list of variants is refused.
   */
  async addPhrasing(faqId: number, text: string): Promise<FaqMutationResult> {
    const entry = await this.get(faqId);
    if (!entry) return { ok: false, reason: "not_found" };
    const same = (v: string) => v.trim().toLowerCase() === text.trim().toLowerCase();
    if (same(entry.question) || entry.variants.some(same)) return { ok: true, entry };
    return this.update(faqId, { variants: [...entry.variants, text.trim()] });
  }

  /** An unanswered question becomes a phrasing of an entry; every row with the same text leaves the list. */
  async attachUnmatched(unmatchedId: number, faqId: number): Promise<AttachResult> {
    const row = await this.db.unmatchedQuestion.findUnique({ where: { id: unmatchedId } });
    if (!row) return { ok: false, reason: "question_gone" };
    const result = await this.addPhrasing(faqId, row.text);
    if (result.ok) await this.db.unmatchedQuestion.deleteMany({ where: { text: row.text } });
    return result;
  }

  /** Removes an unanswered question (and its repeats) from the list, e.g. once it became a new entry. */
  async dismissUnmatched(unmatchedId: number): Promise<boolean> {
    const row = await this.db.unmatchedQuestion.findUnique({ where: { id: unmatchedId } });
    if (!row) return false;
    await this.db.unmatchedQuestion.deleteMany({ where: { text: row.text } });
    return true;
  }

  /** The unanswered questions to review: one item per text, the most asked (then the newest) first. */
  async unmatchedQueue(since?: Date): Promise<ReviewItem[]> {
    const groups = await this.db.unmatchedQuestion.groupBy({
      by: ["text"],
      where: since ? { createdAt: { gte: since } } : {},
      _count: { _all: true },
      _max: { id: true, createdAt: true },
    });
    return sortQueue(groups.map((g) => ({ id: g._max.id ?? 0, text: g.text, count: g._count._all, lastAt: g._max.createdAt ?? new Date(0) })));
  }

  /** The 👎 questions not reviewed yet: one item per text with the entry of its newest 👎, the most voted first. */
  async downvotedQueue(since?: Date): Promise<ReviewItem[]> {
    const groups = await this.db.faqVote.groupBy({
      by: ["question"],
      where: { helpful: false, reviewedAt: null, question: { not: null }, ...(since ? { createdAt: { gte: since } } : {}) },
      _count: { _all: true },
      _max: { id: true, createdAt: true },
    });
    const ids = groups.map((g) => g._max.id ?? 0);
    const entryOf = new Map((await this.db.faqVote.findMany({ where: { id: { in: ids } }, select: { id: true, faqId: true } })).map((v) => [v.id, v.faqId]));
    return sortQueue(
      groups.flatMap((g) => {
        const id = g._max.id ?? 0;
        const faqId = entryOf.get(id);
        return g.question && faqId ? [{ id, text: g.question, count: g._count._all, lastAt: g._max.createdAt ?? new Date(0), faqId }] : [];
      }),
    );
  }

  /** A 👎 vote that carries its question and is not reviewed yet. */
  async downvote(voteId: number): Promise<{ question: string } | null> {
    const row = await this.db.faqVote.findUnique({ where: { id: voteId }, select: { helpful: true, question: true, reviewedAt: true } });
    return row && !row.helpful && row.question && !row.reviewedAt ? { question: row.question } : null;
  }

  /** A 👎 question becomes a phrasing of an entry; its 👎 votes are marked reviewed (never deleted). */
  async attachDownvoted(voteId: number, faqId: number): Promise<AttachResult> {
    const vote = await this.downvote(voteId);
    if (!vote) return { ok: false, reason: "question_gone" };
    const result = await this.addPhrasing(faqId, vote.question);
    if (result.ok) await this.markReviewed(vote.question);
    return result;
  }

  /** Takes a 👎 question (all its 👎 votes) off the list; the votes themselves stay counted. */
  async dismissDownvoted(voteId: number): Promise<boolean> {
    const vote = await this.downvote(voteId);
    if (!vote) return false;
    await this.markReviewed(vote.question);
    return true;
  }

  private async markReviewed(question: string): Promise<void> {
    await this.db.faqVote.updateMany({ where: { helpful: false, question, reviewedAt: null }, data: { reviewedAt: new Date() } });
  }

  async unmatched(id: number): Promise<UnmatchedQuestionRow | null> {
    return this.db.unmatchedQuestion.findUnique({ where: { id } });
  }

  /** Unanswered questions since a date, the most asked first (for the weekly digest). */
  async topUnmatched(since: Date, limit = 5): Promise<Array<{ text: string; count: number }>> {
    const groups = await this.db.unmatchedQuestion.groupBy({
      by: ["text"],
      where: { createdAt: { gte: since } },
      _count: { _all: true },
    });
    return groups
      .map((g) => ({ text: g.text, count: g._count._all }))
      .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
      .slice(0, limit);
  }

  async recentUnmatched(limit = 20): Promise<UnmatchedQuestionRow[]> {
    return this.db.unmatchedQuestion.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
  }

  async exportCsv(): Promise<string> {
    const rows = await this.db.faq.findMany({ orderBy: { id: "asc" } });
    return faqToCsv(rows.map(faqFromRow));
  }

  /**
   * Imports a CSV made with `exportCsv` (or by hand): every row is validated first; if any row is
   * bad nothing is written and every problem is reported with its line. Rows are matched by slug:
   * existing entries are updated, new slugs are created.
   */
  async importCsv(text: string): Promise<FaqImportResult> {
    const parsed = parseFaqCsv(text);
    if (!parsed.ok) return parsed;
    const existing = new Set(
      (
        await this.db.faq.findMany({
          where: { slug: { in: parsed.entries.map((e) => e.slug) } },
          select: { slug: true },
        })
      ).map((r) => r.slug),
    );
    await this.db.$transaction(
      parsed.entries.map(({ line: _line, ...entry }) => {
        const data = faqToRow(entry);
        return this.db.faq.upsert({ where: { slug: entry.slug }, create: data, update: data });
      }),
    );
    await this.changed();
    const updated = parsed.entries.filter((e) => existing.has(e.slug)).length;
    return { ok: true, created: parsed.entries.length - updated, updated };
  }
}

function sortQueue(items: ReviewItem[]): ReviewItem[] {
  return items.sort((a, b) => b.count - a.count || b.lastAt.getTime() - a.lastAt.getTime() || b.id - a.id);
}
