import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { FaqService } from "../../src/domain/faq/service.js";
import { DEFAULT_SEED_DIR, readSeedFacts, readSeedFaq, seedBaseContent } from "../../src/domain/seed.js";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "../support/db.js";

let t: TestDatabase | undefined;
const tempDirs: string[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function seedDirWith(faq: unknown, facts: unknown = []): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prakerja-seed-"));
  tempDirs.push(dir);
  fs.writeFileSync(path.join(dir, "faq.json"), JSON.stringify(faq));
  fs.writeFileSync(path.join(dir, "program-facts.json"), JSON.stringify(facts));
  return dir;
}

describeEachProvider("seedBaseContent", (provider) => {
  it("inserts every entry and fact once, then nothing", async () => {
    t = await createTestDatabase(provider);
    const faq = readSeedFaq();
    const facts = readSeedFacts();
    expect(await seedBaseContent(t.db)).toEqual({ faqInserted: faq.length, factsInserted: facts.length, faqSkippedDeleted: 0 });
    expect(await t.db.faq.count()).toBe(faq.length);
    expect(await t.db.programFact.count()).toBe(facts.length);
    const started = performance.now();
    expect(await seedBaseContent(t.db)).toEqual({ faqInserted: 0, factsInserted: 0, faqSkippedDeleted: 0 });
    console.log(`seed with nothing missing: ${(performance.now() - started).toFixed(1)} ms`);
    expect(await t.db.faq.count()).toBe(faq.length);
    const deadline = await t.db.programFact.findUnique({ where: { key: "deadline_days_first_training" } });
    expect(deadline).toMatchObject({ value: "15", year: 2023 });
  });

  it("keeps an answer an admin edited, and a fact an admin changed", async () => {
    t = await createTestDatabase(provider);
    await seedBaseContent(t.db);
    const faq = await FaqService.open(t.db);
    const entry = (await faq.get("batas-umur"))!;
    const edited = "Usia peserta 18–64 tahun. Jawaban ini diubah oleh admin.";
    expect((await faq.update(entry.id, { answer: edited })).ok).toBe(true);
    await t.db.programFact.update({ where: { key: "reach_people" }, data: { value: "19000000" } });

    expect(await seedBaseContent(t.db)).toEqual({ faqInserted: 0, factsInserted: 0, faqSkippedDeleted: 0 });
    expect((await faq.get("batas-umur"))?.answer).toBe(edited);
    expect((await t.db.programFact.findUnique({ where: { key: "reach_people" } }))?.value).toBe("19000000");
  });

  it("restores an entry that went missing, but not one an admin deleted", async () => {
    t = await createTestDatabase(provider);
    await seedBaseContent(t.db);
    const faq = await FaqService.open(t.db);
    await t.db.faq.delete({ where: { slug: "sertifikat" } }); // lost outside the admin tools
    expect(await faq.delete((await faq.get("kanal-resmi"))!.id)).toBe(true);
    await t.db.programFact.delete({ where: { key: "age_max" } });

    expect(await seedBaseContent(t.db)).toEqual({ faqInserted: 1, factsInserted: 1, faqSkippedDeleted: 1 });
    expect(await faq.get("sertifikat")).not.toBeNull();
    expect(await faq.get("kanal-resmi")).toBeNull();
  });

  it("reads another directory and refuses an invalid seed file", async () => {
    t = await createTestDatabase(provider);
    const entry = { slug: "uji", category: "program", question: "Pertanyaan uji?", answer: "Jawaban uji yang cukup.", variants: [], keywords: [] };
    const dir = seedDirWith([entry], [{ key: "uji", value: 1, source: "uji", year: 2024 }]);
    expect(await seedBaseContent(t.db, { dir })).toEqual({ faqInserted: 1, factsInserted: 1, faqSkippedDeleted: 0 });
    expect((await t.db.programFact.findUnique({ where: { key: "uji" } }))?.value).toBe("1");

    const bad = seedDirWith([{ ...entry, slug: "Bad Slug" }]);
    await expect(seedBaseContent(t.db, { dir: bad })).rejects.toThrow(/faq\.json.*slug/);
  });

  it("defaults to prisma/seed in the repository", () => {
    expect(fs.existsSync(path.join(DEFAULT_SEED_DIR, "faq.json"))).toBe(true);
    expect(fs.existsSync(path.join(DEFAULT_SEED_DIR, "program-facts.json"))).toBe(true);
  });
});
