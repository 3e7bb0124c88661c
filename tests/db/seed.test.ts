import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { FaqService } from "../../src/domain/faq/service.js";
import {
  DEFAULT_SEED_DIR, faqContentHash, factContentHash, readSeedFacts, readSeedFaq, readSeedHistory, recordSeedHistory, seedBaseContent,
} from "../../src/domain/seed.js";
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
    expect(await seedBaseContent(t.db)).toEqual({ faqInserted: faq.length, factsInserted: facts.length, faqSkippedDeleted: 0, faqUpdated: 0, factsUpdated: 0 });
    expect(await t.db.faq.count()).toBe(faq.length);
    expect(await t.db.programFact.count()).toBe(facts.length);
    const started = performance.now();
    expect(await seedBaseContent(t.db)).toEqual({ faqInserted: 0, factsInserted: 0, faqSkippedDeleted: 0, faqUpdated: 0, factsUpdated: 0 });
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

    expect(await seedBaseContent(t.db)).toEqual({ faqInserted: 0, factsInserted: 0, faqSkippedDeleted: 0, faqUpdated: 0, factsUpdated: 0 });
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

    expect(await seedBaseContent(t.db)).toEqual({ faqInserted: 1, factsInserted: 1, faqSkippedDeleted: 1, faqUpdated: 0, factsUpdated: 0 });
    expect(await faq.get("sertifikat")).not.toBeNull();
    expect(await faq.get("kanal-resmi")).toBeNull();
  });

  it("reads another directory and refuses an invalid seed file", async () => {
    t = await createTestDatabase(provider);
    const entry = { slug: "uji", category: "program", question: "Pertanyaan uji?", answer: "Jawaban uji yang cukup.", variants: [], keywords: [] };
    const dir = seedDirWith([entry], [{ key: "uji", value: 1, source: "uji", year: 2024 }]);
    expect(await seedBaseContent(t.db, { dir })).toEqual({ faqInserted: 1, factsInserted: 1, faqSkippedDeleted: 0, faqUpdated: 0, factsUpdated: 0 });
    expect((await t.db.programFact.findUnique({ where: { key: "uji" } }))?.value).toBe("1");

    const bad = seedDirWith([{ ...entry, slug: "Bad Slug" }]);
    await expect(seedBaseContent(t.db, { dir: bad })).rejects.toThrow(/faq\.json.*slug/);
  });

  it("defaults to prisma/seed in the repository", () => {
    expect(fs.existsSync(path.join(DEFAULT_SEED_DIR, "faq.json"))).toBe(true);
    expect(fs.existsSync(path.join(DEFAULT_SEED_DIR, "program-facts.json"))).toBe(true);
  });

  it("brings unedited entries and facts of an earlier version up to date, and keeps edited ones", async () => {
    t = await createTestDatabase(provider);
    const entry = { slug: "uji", category: "program", question: "Pertanyaan uji?", answer: "Jawaban versi satu.", variants: [], keywords: [] };
    const other = { ...entry, slug: "uji-dua", answer: "Jawaban kedua versi satu." };
    const fact = { key: "uji", value: "1500-538", source: "uji", year: 2024 };
    const v1 = seedDirWith([entry, other], [fact]);
    recordSeedHistory(v1);
    await seedBaseContent(t.db, { dir: v1 });
    const faq = await FaqService.open(t.db);
    const edited = "Jawaban yang diubah admin.";
    expect((await faq.update((await faq.get("uji-dua"))!.id, { answer: edited })).ok).toBe(true);

    // version 2 changes both entries and the fact; its history knows version 1
    const v2 = seedDirWith(
      [{ ...entry, answer: "Jawaban versi dua." }, { ...other, answer: "Jawaban kedua versi dua." }],
      [{ ...fact, value: "1500-537" }],
    );
    fs.copyFileSync(path.join(v1, "history.json"), path.join(v2, "history.json"));
    recordSeedHistory(v2);
    expect(await seedBaseContent(t.db, { dir: v2 })).toEqual({
      faqInserted: 0, factsInserted: 0, faqSkippedDeleted: 0, faqUpdated: 1, factsUpdated: 1,
    });
    await faq.reload();
    expect((await faq.get("uji"))?.answer).toBe("Jawaban versi dua.");
    expect((await faq.get("uji-dua"))?.answer).toBe(edited);
    expect((await t.db.programFact.findUnique({ where: { key: "uji" } }))?.value).toBe("1500-537");
    // an admin's change to a fact is kept too
    await t.db.programFact.update({ where: { key: "uji" }, data: { value: "1500-999" } });
    const v3 = seedDirWith([entry, other], [{ ...fact, value: "1500-000" }]);
    fs.copyFileSync(path.join(v2, "history.json"), path.join(v3, "history.json"));
    expect((await seedBaseContent(t.db, { dir: v3 })).factsUpdated).toBe(0);
    expect((await t.db.programFact.findUnique({ where: { key: "uji" } }))?.value).toBe("1500-999");
  });

  it("updates a database seeded by the previous base content (the Dukcapil number)", async () => {
    t = await createTestDatabase(provider);
    const history = readSeedHistory();
    const current = readSeedFaq().find((f) => f.slug === "call-center")!;
    const old = { ...current, answer: current.answer.replace("1500-537", "1500-538") };
    expect(history.faq["call-center"]).toContain(faqContentHash(old));
    await seedBaseContent(t.db);
    await t.db.faq.update({ where: { slug: "call-center" }, data: { answer: old.answer } });
    const fact = readSeedFacts().find((f) => f.key === "dukcapil_call_center")!;
    const oldFact = { ...fact, value: "1500-538" };
    expect(history.facts.dukcapil_call_center).toContain(factContentHash(oldFact));
    await t.db.programFact.update({ where: { key: fact.key }, data: { value: "1500-538" } });
    const result = await seedBaseContent(t.db);
    expect(result).toMatchObject({ faqUpdated: 1, factsUpdated: 1 });
    expect((await t.db.faq.findUnique({ where: { slug: "call-center" } }))?.answer).toContain("1500-537");
    expect((await t.db.programFact.findUnique({ where: { key: fact.key } }))?.value).toBe("1500-537");
  });

  it("records every current seed version in history.json (run npm run db:seed-history after editing)", () => {
    const history = readSeedHistory();
    expect(readSeedFaq().filter((f) => !(history.faq[f.slug] ?? []).includes(faqContentHash(f))).map((f) => f.slug)).toEqual([]);
    expect(readSeedFacts().filter((f) => !(history.facts[f.key] ?? []).includes(factContentHash(f))).map((f) => f.key)).toEqual([]);
  });
});
