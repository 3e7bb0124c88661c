import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Db } from "../db.js";
import { faqEntryInputSchema, type FaqEntryInput } from "./faq/entry.js";
import { FAQ_DELETED_PREFIX, faqToRow } from "./faq/service.js";

/** prisma/seed/ in this repository (faq.json, program-facts.json). */
export const DEFAULT_SEED_DIR = fileURLToPath(new URL("../../prisma/seed/", import.meta.url));

const programFactSchema = z.object({
  key: z.string().trim().min(1).max(100),
  value: z.union([z.string(), z.number()]).transform(String),
  source: z.string().nullish().transform((s) => s ?? null),
  year: z.number().int().min(2000).max(2100).nullish().transform((y) => y ?? null),
});

export interface SeedResult {
  faqInserted: number;
  factsInserted: number;
  /** seed entries left out because an admin deleted them */
  faqSkippedDeleted: number;
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
 * Inserts the base FAQ entries whose slug is missing and the programme facts whose key is missing.
 * Never overwrites anything: an entry an admin edited stays as edited, and an entry an admin deleted
 * stays deleted. Runs at every start, so the common case (nothing missing) costs two small queries.
 */
export async function seedBaseContent(db: Db, options: { dir?: string } = {}): Promise<SeedResult> {
  const dir = options.dir ?? DEFAULT_SEED_DIR;
  const faqs = readSeedFaq(dir);
  const facts = readSeedFacts(dir);

  const [faqRows, factRows] = await Promise.all([
    db.faq.findMany({ select: { slug: true } }),
    db.programFact.findMany({ select: { key: true } }),
  ]);
  const haveSlugs = new Set(faqRows.map((r) => r.slug));
  const haveKeys = new Set(factRows.map((r) => r.key));
  let missingFaqs = faqs.filter((f) => !haveSlugs.has(f.slug));
  const missingFacts = facts.filter((f) => !haveKeys.has(f.key));
  if (!missingFaqs.length && !missingFacts.length) return { faqInserted: 0, factsInserted: 0, faqSkippedDeleted: 0 };

  let faqSkippedDeleted = 0;
  if (missingFaqs.length) {
    const deleted = await db.counter.findMany({
      where: { key: { in: missingFaqs.map((f) => FAQ_DELETED_PREFIX + f.slug) } },
      select: { key: true },
    });
    const deletedSlugs = new Set(deleted.map((d) => d.key.slice(FAQ_DELETED_PREFIX.length)));
    faqSkippedDeleted = missingFaqs.filter((f) => deletedSlugs.has(f.slug)).length;
    missingFaqs = missingFaqs.filter((f) => !deletedSlugs.has(f.slug));
  }

  // upsert with an empty update: a row another process inserted meanwhile is left untouched
  await db.$transaction([
    ...missingFaqs.map((f) => db.faq.upsert({ where: { slug: f.slug }, create: faqToRow(f), update: {} })),
    ...missingFacts.map((f) => db.programFact.upsert({ where: { key: f.key }, create: f, update: {} })),
  ]);
  return { faqInserted: missingFaqs.length, factsInserted: missingFacts.length, faqSkippedDeleted };
}
