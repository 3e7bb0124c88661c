// `npm run db:copy -- --from file:./data/bot.db --to postgresql://…`: see src/db-copy.ts.
import { copySqliteToPostgres } from "../db-copy.js";

function arg(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

const from = arg("--from");
const to = arg("--to");
if (!from || !to) {
  console.error("usage: npm run db:copy -- --from file:./data/bot.db --to postgresql://user@host:5432/db");
  process.exit(2);
}
try {
  const report = await copySqliteToPostgres(from, to, { onTable: (table, rows) => console.log(`  ${table}: ${rows} rows`) });
  console.log(`Copied ${report.rows} rows in ${report.tables.length} tables in ${(report.ms / 1000).toFixed(1)} s (${Math.round(report.rowsPerSecond)} rows/s).`);
} catch (error) {
  console.error(`db:copy: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
