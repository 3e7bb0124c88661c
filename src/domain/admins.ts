import type { Db } from "../db.js";

/**
 * The one place that decides who is an admin: the owners listed in ADMIN_IDS, plus admins the owners
 * added at run time (stored in the Admin table).
 */
export class AdminDirectory {
  constructor(
    private readonly db: Db,
    private readonly owners: readonly bigint[],
  ) {}

  isOwner(telegramId: number | bigint): boolean {
    return this.owners.includes(BigInt(telegramId));
  }

  async isAdmin(telegramId: number | bigint): Promise<boolean> {
    if (this.isOwner(telegramId)) return true;
    const row = await this.db.admin.findUnique({ where: { telegramId: BigInt(telegramId) } });
    return row !== null;
  }

  async add(telegramId: bigint, addedBy: bigint): Promise<void> {
    await this.db.admin.upsert({ where: { telegramId }, create: { telegramId, addedBy }, update: {} });
  }

  /** Owners cannot be removed at run time: they come from the configuration. */
  async remove(telegramId: bigint): Promise<boolean> {
    const result = await this.db.admin.deleteMany({ where: { telegramId } });
    return result.count > 0;
  }

  async list(): Promise<{ telegramId: bigint; owner: boolean }[]> {
    const rows = await this.db.admin.findMany({ orderBy: { createdAt: "asc" } });
    return [
      ...this.owners.map((telegramId) => ({ telegramId, owner: true })),
      ...rows.filter((row) => !this.owners.includes(row.telegramId)).map((row) => ({ telegramId: row.telegramId, owner: false })),
    ];
  }
}
