// `npm run db:migrate`: applies pending Prisma migrations to DATABASE_URL.
import { applyMigrations } from "../migrate.js";

const applied = await applyMigrations(process.env.DATABASE_URL);
console.log(applied.length > 0 ? `Migrasi diterapkan: ${applied.join(", ")}` : "Basis data sudah mutakhir.");
