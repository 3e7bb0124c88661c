import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Db } from "../db.js";
import { runStatement } from "../db-dialect.js";
import type { Faq, ProgramFact } from "../generated/prisma/client.js";
import type { HotStatement } from "../hot-store.js";
import { faqEntryInputSchema, type FaqEntryInput } from "./faq/entry.js";
import { FAQ_DELETED_PREFIX, faqFromRow, faqToRow } from "./faq/service.js";

/** prisma/seed/ in this repository (faq.json, program-facts.json). */
export const DEFAULT_SEED_DIR = fileURLToPath(new URL("../../prisma/seed/", import.meta.url));

const programFactSchema = z.object({
  key: z.string().trim().min(1).max(100),
  value: z.union([z.string(), z.number()]).transform(String),
  source: z.string().nullish().transform((s) => s ?? null),
  year: z.number().int().min(2000).max(2100).nullish().transform((y) => y ?? null),
});

type FaqContentRow = Pick<Faq, "id" | "slug" | "category" | "question" | "answer" | "variants" | "keywords">;
type FactRow = Pick<ProgramFact, "key" | "value" | "source" | "year">;

/** What the start compares with the seed files: the content of every entry and fact. */
const SEED_SQL = {
  faqs: { name: "seed_faq_content", text: `SELECT "id", "slug", "category", "question", "answer", "variants", "keywords" FROM "Faq"` },
  facts: { name: "seed_fact_content", text: `SELECT "key", "value", "source", "year" FROM "ProgramFact"` },
} satisfies Record<string, HotStatement>;

export interface SeedResult {
  faqInserted: number;
  factsInserted: number;
  /** seed entries left out because an admin deleted them */
  faqSkippedDeleted: number;
  /** entries still as an earlier version of the base content shipped them, brought up to date */
  faqUpdated: number;
  /** facts still as an earlier version shipped them, brought up to date */
  factsUpdated: number;
}

/**
 * Every version of the base content ever shipped, as content hashes per slug (FAQ) and per key
 * (facts): prisma/seed/history.json. A row whose content hashes to one of its shipped versions was
 * never edited by an admin, so the seed may replace it with the current version; a row with any
 * other content was edited and is left alone. `npm run db:seed-history` adds the current versions
 * (a unit test fails until it has been run after a change to faq.json or program-facts.json).
 */
export interface SeedHistory {
  faq: Record<string, string[]>;
  facts: Record<string, string[]>;
}

const historySchema = z.object({
  faq: z.record(z.string(), z.array(z.string())).default({}),
  facts: z.record(z.string(), z.array(z.string())).default({}),
});

function hash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);
}

/** Content hash of an FAQ entry (everything but its id and slug). */
export function faqContentHash(entry: FaqEntryInput): string {
  const { category, question, answer, variants, keywords } = entry;
  return hash([category, question, answer, variants, keywords]);
}

/** Content hash of a programme fact. */
export function factContentHash(fact: { value: string; source: string | null; year: number | null }): string {
  return hash([fact.value, fact.source, fact.year]);
}

export function readSeedHistory(dir = DEFAULT_SEED_DIR): SeedHistory {
  const full = path.join(dir, "history.json");
  if (!fs.existsSync(full)) return { faq: {}, facts: {} };
  return historySchema.parse(JSON.parse(fs.readFileSync(full, "utf8")));
}

/** Adds the current seed files' versions to history.json; returns how many hashes were new. */
export function recordSeedHistory(dir = DEFAULT_SEED_DIR): number {
  const history = readSeedHistory(dir);
  let added = 0;
  const add = (map: Record<string, string[]>, id: string, h: string) => {
    const list = (map[id] ??= []);
    if (!list.includes(h)) {
      list.push(h);
      added++;
    }
  };
  for (const f of readSeedFaq(dir)) add(history.faq, f.slug, faqContentHash(f));
  for (const f of readSeedFacts(dir)) add(history.facts, f.key, factContentHash(f));
  const sorted = (map: Record<string, string[]>) => Object.fromEntries(Object.entries(map).sort(([a], [b]) => a.localeCompare(b)));
  fs.writeFileSync(
    path.join(dir, "history.json"),
    JSON.stringify({ faq: sorted(history.faq), facts: sorted(history.facts) }, null, 1) + "\n",
  );
  return added;
}

function readSeed<T>(dir: string, file: string, schema: z.ZodType<T, unknown>): T[] {
  const full = path.join(dir, file);
  const parsed = z.array(schema).safeParse(JSON.parse(fs.readFileSync(full, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid seed file ${full}: ${issue?.path.join(".")} ${issue?.message}`);
  }
  return parsed.data;
}

export type ProgramFactSeed = z.infer<typeof programFactSchema>;

/** The base FAQ entries from faq.json, validated (throws on an invalid file). */
export function readSeedFaq(dir = DEFAULT_SEED_DIR): FaqEntryInput[] {
  return readSeed(dir, "faq.json", faqEntryInputSchema);
}

/** The programme facts from program-facts.json, validated (throws on an invalid file). */
export function readSeedFacts(dir = DEFAULT_SEED_DIR): ProgramFactSeed[] {
  return readSeed(dir, "program-facts.json", programFactSchema);
}

/**
 * Inserts the base FAQ entries whose slug is missing and the programme facts whose key is missing, and
 * brings up to date the ones still exactly as an earlier version shipped them (see SeedHistory).
 * Never overwrites an edit: an entry or fact an admin changed stays as changed, and an entry an admin
 * deleted stays deleted. Runs at every start; with nothing to do it costs two small reads.
 */
export async function seedBaseContent(db: Db, options: { dir?: string } = {}): Promise<SeedResult> {
  const dir = options.dir ?? DEFAULT_SEED_DIR;
  const faqs = readSeedFaq(dir);
  const facts = readSeedFacts(dir);
  const history = readSeedHistory(dir);

  // read on the hot store: at every start this is all there is to do, and the ORM is not needed for it
  const [faqRows, factRows] = await Promise.all([runStatement<FaqContentRow>(db, SEED_SQL.faqs, []), runStatement<FactRow>(db, SEED_SQL.facts, [])]);
  const rowBySlug = new Map(faqRows.map((r) => [r.slug, r]));
  const factByKey = new Map(factRows.map((r) => [r.key, r]));
  let missingFaqs = faqs.filter((f) => !rowBySlug.has(f.slug));
  const missingFacts = facts.filter((f) => !factByKey.has(f.key));

  // unedited rows of an earlier version: their content is one the base content shipped, not the current one
  const staleFaqs = faqs.filter((f) => {
    const row = rowBySlug.get(f.slug);
    if (!row) return false;
    const { id: _id, slug: _slug, ...current } = faqFromRow(row);
    const have = faqContentHash({ slug: f.slug, ...current });
    return have !== faqContentHash(f) && (history.faq[f.slug] ?? []).includes(have);
  });
  const staleFacts = facts.filter((f) => {
    const row = factByKey.get(f.key);
    if (!row) return false;
    const have = factContentHash(row);
    return have !== factContentHash(f) && (history.facts[f.key] ?? []).includes(have);
  });

  const result: SeedResult = {
    faqInserted: 0, factsInserted: 0, faqSkippedDeleted: 0, faqUpdated: staleFaqs.length, factsUpdated: staleFacts.length,
  };
  if (!missingFaqs.length && !missingFacts.length && !staleFaqs.length && !staleFacts.length) return result;

  if (missingFaqs.length) {
    const deleted = await db.counter.findMany({
      where: { key: { in: missingFaqs.map((f) => FAQ_DELETED_PREFIX + f.slug) } },
      select: { key: true },
    });
    const deletedSlugs = new Set(deleted.map((d) => d.key.slice(FAQ_DELETED_PREFIX.length)));
    result.faqSkippedDeleted = missingFaqs.filter((f) => deletedSlugs.has(f.slug)).length;
    missingFaqs = missingFaqs.filter((f) => !deletedSlugs.has(f.slug));
  }

  // upsert with an empty update: a row another process inserted meanwhile is left untouched; an
  // update is conditional on the content read above, so an edit made meanwhile is not overwritten.
  // One transaction, statement by statement: on PostgreSQL each is a round trip, and the first seeding
  // (a hundred-odd rows) can outlast Prisma's default 5 s transaction timeout on a loaded machine.
  await db.$transaction(
    async (tx) => {
      for (const f of missingFaqs) await tx.faq.upsert({ where: { slug: f.slug }, create: faqToRow(f), update: {} });
      for (const f of missingFacts) await tx.programFact.upsert({ where: { key: f.key }, create: f, update: {} });
      for (const f of staleFaqs) {
        const row = rowBySlug.get(f.slug)!;
        await tx.faq.updateMany({
          where: { id: row.id, question: row.question, answer: row.answer, variants: row.variants, keywords: row.keywords, category: row.category },
          data: faqToRow(f),
        });
      }
      for (const f of staleFacts) {
        const row = factByKey.get(f.key)!;
        await tx.programFact.updateMany({
          where: { key: f.key, value: row.value, source: row.source, year: row.year },
          data: { value: f.value, source: f.source, year: f.year },
        });
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  result.faqInserted = missingFaqs.length;
  result.factsInserted = missingFacts.length;
  return result;
}
