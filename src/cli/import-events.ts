// npm run events:import -- file.csv [--draft]
// Imports meetups from a CSV file (same format and checks as /impor_acara in the bot): all rows or none.
import fs from "node:fs";
import { openDatabase } from "../db.js";
import { databaseFile, isPostgresUrl } from "../db-url.js";
import { applyMigrations } from "../migrate.js";
import { importEvents } from "../domain/events/import.js";
import { renderImportErrorId } from "../domain/events/messages.js";

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => !a.startsWith("--"));
  const draft = argv.includes("--draft");
  const file = args[0];
  if (!file) {
    console.error("Pemakaian: npm run events:import -- acara.csv [--draft]");
    return 2;
  }
  if (!fs.existsSync(file)) {
    console.error(`Berkas tidak ditemukan: ${file}`);
    return 2;
  }
  const url = process.env.DATABASE_URL;
  // SQLite: an absolute file URL (the folder is created); PostgreSQL: the URL as given
  const target = isPostgresUrl(url) ? (url as string) : `file:${databaseFile(url)}`;
  await applyMigrations(target);
  const db = await openDatabase(target);
  try {
    const result = await importEvents(db, fs.readFileSync(file, "utf8"), { status: draft ? "draft" : "published" });
    if (!result.ok) {
      console.error(`Tidak ada acara yang diimpor: ${result.errors.length} masalah ditemukan.`);
      for (const error of result.errors) console.error(`  ${renderImportErrorId(error)}`);
      return 1;
    }
    console.log(`${result.count} acara berhasil diimpor${draft ? " sebagai draf" : " dan langsung tayang"} (id: ${result.eventIds.join(", ")}).`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
