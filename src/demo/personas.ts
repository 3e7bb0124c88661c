import type { EmuUser } from "../emulator/index.js";

/** Who can be "typing" on the demo page. Each one has its own private chat with the bot (chat id = user id). */
export interface Persona {
  key: PersonaKey;
  /** what the switch at the top of the page says */
  label: string;
  user: EmuUser & { first_name: string };
  /** the admin's id goes into ADMIN_IDS, so this persona is an owner-admin */
  admin: boolean;
  /** the number a "Bagikan nomor telepon" button shares */
  phone: string;
}

export type PersonaKey = "pengguna1" | "pengguna2" | "admin";

export const PERSONAS: readonly Persona[] = [
  { key: "pengguna1", label: "Pengguna 1", admin: false, phone: "+6281200000001", user: { id: 6_100_000_001, first_name: "Siti", last_name: "Rahmawati", language_code: "id" } },
  { key: "pengguna2", label: "Pengguna 2", admin: false, phone: "+6281200000002", user: { id: 6_100_000_002, first_name: "Budi", last_name: "Santoso", language_code: "id" } },
  { key: "admin", label: "Admin", admin: true, phone: "+6281200000099", user: { id: 6_100_000_099, first_name: "Rina", last_name: "(Admin)", language_code: "id" } },
];

/** A persona by key ("admin") or by user id ("6100000099"); undefined for anything else. */
export function findPersona(ref: unknown): Persona | undefined {
  if (typeof ref !== "string" && typeof ref !== "number") return undefined;
  const value = String(ref);
  return PERSONAS.find((p) => p.key === value || String(p.user.id) === value);
}

export function personaByChat(chatId: number): Persona | undefined {
  return PERSONAS.find((p) => p.user.id === chatId);
}
