// Bytes per row on PostgreSQL, measured: a fresh migrated database seeded with N rows in the tables that
// grow with users and traffic, then pg_total_relation_size (heap + indexes + TOAST) per table ÷ rows.
// The README's sizing table for 10 million users is computed from these figures.
//   node --import tsx bench/pg-sizes.ts [rows]        (default 100,000; PostgreSQL from TEST_POSTGRES_URL)
import pg from "pg";
import { applyMigrations } from "../src/migrate.js";
import { createEmptyDatabase, dropDatabase } from "../tests/support/postgres.js";

const N = Number(process.argv[2] ?? 100_000);
// what the emulator (like Telegram) posts for a short text message; the inbox stores it as JSON text
const UPDATE = (i: number) =>
  JSON.stringify({
    update_id: i,
    message: { message_id: i, from: { id: 700000000 + i, is_bot: false, first_name: "Siti", language_code: "id" }, chat: { id: 700000000 + i, first_name: "Siti", type: "private" }, date: 1764921600, text: "/bantuan", entities: [{ offset: 0, length: 8, type: "bot_command" }] },
  });

const { url, name } = await createEmptyDatabase("sizes");
try {
  await applyMigrations(url);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const q = (sql: string, params: unknown[] = []) => c.query(sql, params);
  await q(`INSERT INTO "User" ("telegramId","firstName","role","province","consentAt","consentVersion","language","updatedAt")
           SELECT 700000000 + g, 'Siti', 'alumni', '15', now(), '2026-11', 'id', now() FROM generate_series(1, $1) g`, [N]);
  // a session as grammY stores it for a chat outside a conversation (language and menu state)
  await q(`INSERT INTO "Session" ("key","value","updatedAt") SELECT 'c' || (700000000 + g), '{"lang":"id","__language_code":"id"}', now() FROM generate_series(1, $1) g`, [N]);
  await q(`INSERT INTO "Event" ("title","province","city","venueName","address","startsAt","endsAt","timeZone","capacity","status","updatedAt")
           VALUES ('Temu Alumni Prakerja Jambi','15','Kota Jambi','Aula','Jl. Sultan Agung No. 9', now(), now(), 'Asia/Jakarta', 0, 'published', now())`);
  await q(`INSERT INTO "Registration" ("eventId","userId","status","fullName","city","gelombang","phone","checkInToken","updatedAt")
           SELECT 1, g, 'confirmed', 'Siti Rahmawati', 'Kota Jambi', 12, '+6281234567890', md5(g::text), now() FROM generate_series(1, $1) g`, [N]);
  await q(`INSERT INTO "Broadcast" ("createdBy","text","audience","status","updatedAt") VALUES (1, 'Temu Alumni', 'all', 'done', now())`);
  await q(`INSERT INTO "BroadcastRecipient" ("broadcastId","telegramId","status","attempts","sentAt","messageId","updatedAt")
           SELECT 1, 700000000 + g, 'sent', 1, now(), g, now() FROM generate_series(1, $1) g`, [N]);
  for (let i = 0; i < N; i += 10_000) {
    const ids = Array.from({ length: Math.min(10_000, N - i) }, (_, k) => i + k + 1);
    await q(`INSERT INTO "InboxUpdate" ("updateId","chatKey","payload","status","attempts","receivedAt","updatedAt")
             SELECT u, (700000000 + u)::text, p, 'done', 1, now(), now() FROM unnest($1::bigint[], $2::text[]) AS t(u, p)`, [ids, ids.map(UPDATE)]);
  }
  await q("VACUUM ANALYZE");
  const rows = await q(`SELECT relname AS table, n_live_tup::bigint AS rows, pg_total_relation_size(relid) AS bytes
                        FROM pg_stat_user_tables WHERE relname IN ('User','Session','Registration','BroadcastRecipient','InboxUpdate') ORDER BY relname`);
  const out = rows.rows.map((r: { table: string; rows: string; bytes: string }) => ({ table: r.table, rows: Number(r.rows), bytes: Number(r.bytes), bytes_per_row: Math.round(Number(r.bytes) / Math.max(1, Number(r.rows))) }));
  console.log(JSON.stringify(out, null, 2));
  await c.end();
} finally {
  await dropDatabase(name);
}
