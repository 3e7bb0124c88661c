// Who may do what among the staff. Three kinds of actor:
// - owner: listed in ADMIN_IDS (configuration);
// - national: an admin added with /admin_tambah (the Admin table), every province;
// - organiser: added with /penyelenggara_tambah for one or more provinces (Organiser + OrganiserProvince).
// Every admin query and action asks this file; handlers never compare provinces themselves.
import type { Db } from "../db.js";
import type { Event, Prisma } from "../generated/prisma/client.js";
import { matchProvince, provinceByCodeOrNull } from "./areas.js";
import type { Audience } from "./broadcast/audience.js";

export type Actor =
  | { kind: "owner"; telegramId: bigint }
  | { kind: "national"; telegramId: bigint }
  | { kind: "organiser"; telegramId: bigint; provinces: readonly string[] };

export type ActorKind = Actor["kind"];

/** The province codes an actor is limited to, sorted; null = every province (owners and national admins). */
export function provincesOf(actor: Actor): readonly string[] | null {
  return actor.kind === "organiser" ? actor.provinces : null;
}

export function isNationalActor(actor: Actor): boolean {
  return actor.kind !== "organiser";
}

/** Owners only: adding and removing admins and organisers, limiting announcement chats. */
export function canManageStaff(actor: Actor): boolean {
  return actor.kind === "owner";
}

export function canSeeProvince(actor: Actor, provinceCode: string | null | undefined): boolean {
  const scope = provincesOf(actor);
  if (scope === null) return true;
  return provinceCode !== null && provinceCode !== undefined && scope.includes(provinceCode);
}

/** Edit, publish, cancel, export, statistics, stories, check-in, announcements of one event. */
export function canManageEvent(actor: Actor, event: Pick<Event, "province">): boolean {
  return canSeeProvince(actor, event.province);
}

/** Creating or importing an event in this province. */
export function canCreateEventIn(actor: Actor, provinceCode: string): boolean {
  return canSeeProvince(actor, provinceCode);
}

/** Prisma filter on Event for this actor ({} for national actors). */
export function eventWhereFor(actor: Actor): Prisma.EventWhereInput {
  const scope = provincesOf(actor);
  return scope === null ? {} : { province: { in: [...scope] } };
}

/**
 * The one gate for every command and callback that names an event: the event, or null when it does not
 * exist or belongs to another province — both answered with the same ordinary refusal, so an organiser
 * cannot even learn that another province's event id exists.
 */
export async function eventForActor(db: Db, actor: Actor, eventId: number): Promise<Event | null> {
  if (!Number.isInteger(eventId) || eventId <= 0) return null;
  const event = await db.event.findUnique({ where: { id: eventId } });
  return event && canManageEvent(actor, event) ? event : null;
}

/**
 * Whether an actor may send a broadcast to this audience. National actors: any. Organisers: users of
 * some of their provinces ("provinces" audience within their scope), or participants of one of their
 * events; never everyone, never a role across the country.
 */
export async function canBroadcastTo(db: Db, actor: Actor, audience: Audience): Promise<boolean> {
  const scope = provincesOf(actor);
  if (scope === null) return true;
  switch (audience.kind) {
    case "all":
    case "role":
      return false;
    case "provinces":
      return audience.codes.length > 0 && audience.codes.every((code) => scope.includes(code));
    case "event":
      return (await eventForActor(db, actor, audience.eventId)) !== null;
  }
}

/** Seeing and steering a broadcast (/siaran_status, pause, resume, cancel): organisers only their own. */
export function canControlBroadcast(actor: Actor, broadcast: { createdBy: bigint }): boolean {
  return actor.kind !== "organiser" || broadcast.createdBy === actor.telegramId;
}

/** The audience kinds to offer an actor in /siaran. */
export function audienceKindsFor(actor: Actor): Audience["kind"][] {
  return actor.kind === "organiser" ? ["provinces", "event"] : ["all", "role", "provinces", "event"];
}

// ───────────── Parsing "Jambi, Gorontalo" or "15,75" ─────────────

export type ProvinceListError =
  | { code: "provinces_empty" }
  | { code: "province_unknown"; value: string; suggestions: string[] }
  | { code: "province_code_unknown"; value: string };

export type ProvinceListResult = { ok: true; codes: string[] } | { ok: false; errors: ProvinceListError[] };

/**
 * Province names or BPS codes separated by commas or semicolons ("Jambi, Gorontalo", "15,75",
 * "jatim; 63"), each checked against the official list. Codes come back sorted and without repeats.
 * Names are matched like everywhere else in the bot (aliases, small typos); an ambiguous or unknown
 * name is an error with suggestions, never a guess.
 */
export function parseProvinceList(text: string): ProvinceListResult {
  const parts = text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts.length === 0) return { ok: false, errors: [{ code: "provinces_empty" }] };
  const codes = new Set<string>();
  const errors: ProvinceListError[] = [];
  for (const part of parts) {
    if (/^\d{1,2}$/.test(part)) {
      const province = provinceByCodeOrNull(part.padStart(2, "0"));
      if (province) codes.add(province.code);
      else errors.push({ code: "province_code_unknown", value: part });
      continue;
    }
    const { match, candidates } = matchProvince(part);
    if (match) codes.add(match.code);
    else errors.push({ code: "province_unknown", value: part, suggestions: candidates.slice(0, 3).map((p) => p.name) });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, codes: [...codes].sort() };
}

/** The locale key and parameters that explain a province-list error (locales/*.organisers.ftl). */
export function provinceListErrorMessage(error: ProvinceListError): { key: string; params: Record<string, string> } {
  switch (error.code) {
    case "provinces_empty":
      return { key: "organisers-provinces-empty", params: {} };
    case "province_code_unknown":
      return { key: "organisers-province-code-unknown", params: { value: error.value } };
    case "province_unknown":
      return error.suggestions.length > 0
        ? { key: "organisers-province-unknown-suggest", params: { value: error.value, suggestions: error.suggestions.join(", ") } }
        : { key: "organisers-province-unknown", params: { value: error.value } };
  }
}

/** The locale key for a refused /penyelenggara_tambah (parameter: id). */
export const ADD_ORGANISER_REFUSAL_KEYS = {
  is_owner: "organisers-add-is-owner",
  is_national: "organisers-add-is-national",
  no_provinces: "organisers-provinces-empty",
} as const satisfies Record<Extract<AddOrganiserResult, { ok: false }>["reason"], string>;

/** "Jambi, Gorontalo": the everyday names of codes, in code order. */
export function provinceNames(codes: readonly string[]): string {
  return [...codes]
    .sort()
    .map((code) => provinceByCodeOrNull(code)?.name ?? code)
    .join(", ");
}

// ───────────── Storage ─────────────

export interface StaffMember {
  telegramId: bigint;
  kind: ActorKind;
  /** province codes for organisers; empty for owners and national admins */
  provinces: string[];
}

export type AddOrganiserResult =
  | { ok: true; created: boolean; provinces: string[] }
  | { ok: false; reason: "is_owner" | "is_national" | "no_provinces" };

/**
 * Organisers stored in the database. AdminDirectory (./admins.ts) combines them with the owners and the
 * national admins into one `actorOf`.
 */
export class OrganiserStore {
  constructor(private readonly db: Db) {}

  /** Adds an organiser or replaces their provinces (codes must come from parseProvinceList). */
  async set(telegramId: bigint, codes: readonly string[], addedBy: bigint): Promise<{ created: boolean }> {
    const unique = [...new Set(codes)].sort();
    return this.db.$transaction(async (tx) => {
      const existing = await tx.organiser.findUnique({ where: { telegramId } });
      if (existing) await tx.organiserProvince.deleteMany({ where: { telegramId } });
      else await tx.organiser.create({ data: { telegramId, addedBy } });
      await tx.organiserProvince.createMany({ data: unique.map((province) => ({ telegramId, province })) });
      if (existing) await tx.organiser.update({ where: { telegramId }, data: { addedBy } });
      return { created: existing === null };
    });
  }

  async remove(telegramId: bigint): Promise<boolean> {
    const result = await this.db.organiser.deleteMany({ where: { telegramId } });
    return result.count > 0;
  }

  async list(): Promise<{ telegramId: bigint; provinces: string[] }[]> {
    const rows = await this.db.organiser.findMany({ include: { provinces: true }, orderBy: { createdAt: "asc" } });
    return rows.map((row) => ({ telegramId: row.telegramId, provinces: row.provinces.map((p) => p.province).sort() }));
  }
}
