// `npm run db:seed`: adds the base content (FAQ, programme facts) that is missing. Never overwrites edits.
import { openDatabase } from "../db.js";
import { seedBaseContent } from "../domain/seed.js";
import { applyMigrations } from "../migrate.js";

await applyMigrations(process.env.DATABASE_URL);
const db = await openDatabase(process.env.DATABASE_URL);
const result = await seedBaseContent(db);
await db.$disconnect();
console.log("Konten dasar:", JSON.stringify(result));
