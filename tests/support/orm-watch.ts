import type { Db } from "../../src/db.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { attachHotStore, hotStoreOf } from "../../src/hot-store.js";

/** The client's members that go through the ORM's query compiler: raw queries, transactions, model delegates. */
const ORM_MEMBERS = new Set<string>([
  "$queryRaw",
  "$queryRawUnsafe",
  "$executeRaw",
  "$executeRawUnsafe",
  "$transaction",
  ...Object.values(Prisma.ModelName).map((name) => name.charAt(0).toLowerCase() + name.slice(1)),
]);

/**
 * The database as seen through a recorder of every ORM member read (`db.user`, `db.$transaction` …), with
 * the same hot store: code that needs no ORM query leaves `used` empty (the query compiler is loaded by the
 * first ORM query, raw ones included, and stays in memory).
 */
export function watchOrm(db: Db): { db: Db; used: string[] } {
  const used: string[] = [];
  const watched = new Proxy(db, {
    get(target, member) {
      if (typeof member === "string" && ORM_MEMBERS.has(member)) used.push(member);
      const value: unknown = Reflect.get(target, member, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  attachHotStore(watched, hotStoreOf(db));
  return { db: watched, used };
}
