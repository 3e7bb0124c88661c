import type { Db } from "../db.js";
import { hotStoreOf, type StaffRows } from "../hot-store.js";
import { OrganiserStore, type Actor, type AddOrganiserResult, type StaffMember } from "./organisers.js";

/**
 * The one place that decides who is an admin: the owners listed in ADMIN_IDS, plus admins the owners
 * added at run time (stored in the Admin table), plus province-scoped organisers (./organisers.ts).
 * `isAdmin` stays true for owners and national admins only, so a handler that has not learnt about
 * scopes yet never hands an organiser national powers; scoped handlers ask `actorOf`.
 */
export class AdminDirectory {
  private readonly organisers: OrganiserStore;

  constructor(
    private readonly db: Db,
    private readonly owners: readonly bigint[],
  ) {
    this.organisers = new OrganiserStore(db);
  }

  isOwner(telegramId: number | bigint): boolean {
    return this.owners.includes(BigInt(telegramId));
  }

  /** True for owners and national admins (never for organisers). */
  async isAdmin(telegramId: number | bigint): Promise<boolean> {
    if (this.isOwner(telegramId)) return true;
    return (await this.staffRows(BigInt(telegramId))).national;
  }

  /** The staff tables' rows about one person. Asked at every update that reaches a staff branch: one prepared statement of the hot store (../hot-store.ts). */
  private staffRows(telegramId: bigint): Promise<StaffRows> {
    return hotStoreOf(this.db).staffRows(telegramId);
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

  /** Who this person is among the staff, or null for everyone else. Owner beats national beats organiser. */
  async actorOf(telegramId: number | bigint): Promise<Actor | null> {
    const id = BigInt(telegramId);
    if (this.isOwner(id)) return { kind: "owner", telegramId: id };
    const { national, provinces } = await this.staffRows(id);
    if (national) return { kind: "national", telegramId: id };
    return provinces.length > 0 ? { kind: "organiser", telegramId: id, provinces } : null;
  }

  /**
   * /penyelenggara_tambah: makes someone an organiser for these provinces (codes from parseProvinceList),
   * or replaces the provinces of an existing organiser. Owners and national admins are refused: they
   * already see every province, and a narrower role would be a surprise.
   */
  async addOrganiser(telegramId: bigint, codes: readonly string[], addedBy: bigint): Promise<AddOrganiserResult> {
    if (codes.length === 0) return { ok: false, reason: "no_provinces" };
    if (this.isOwner(telegramId)) return { ok: false, reason: "is_owner" };
    if (await this.db.admin.findUnique({ where: { telegramId } })) return { ok: false, reason: "is_national" };
    const { created } = await this.organisers.set(telegramId, codes, addedBy);
    return { ok: true, created, provinces: [...new Set(codes)].sort() };
  }

  /** /penyelenggara_hapus. */
  removeOrganiser(telegramId: bigint): Promise<boolean> {
    return this.organisers.remove(telegramId);
  }

  /** /admin_daftar: owners, national admins, then organisers with their provinces. */
  async listStaff(): Promise<StaffMember[]> {
    const admins = await this.list();
    const organisers = await this.organisers.list();
    const national = new Set(admins.map((a) => a.telegramId));
    return [
      ...admins.map((a): StaffMember => ({ telegramId: a.telegramId, kind: a.owner ? "owner" : "national", provinces: [] })),
      ...organisers
        .filter((o) => !national.has(o.telegramId))
        .map((o): StaffMember => ({ telegramId: o.telegramId, kind: "organiser", provinces: o.provinces })),
    ];
  }
}
