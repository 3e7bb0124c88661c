import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CallbackData } from "../../src/bot/callback.js";
import { PUBLIC_COMMANDS } from "../../src/bot/commands.js";
import { CommandRegistry } from "../../src/bot/registry.js";
import { adminCommands, callbackFormats, userCommands } from "../support/registry.js";

describe("command registry", () => {
  it("rejects a command declared twice, by two features or as user and admin", () => {
    const registry = new CommandRegistry();
    registry.declare("one", { user: ["tanya"], admin: ["siaran"] });
    expect(() => registry.declare("two", { user: ["tanya"] })).toThrow("command /tanya declared twice (one and two)");
    expect(() => registry.declare("three", { admin: ["tanya"] })).toThrow("command /tanya declared twice (one and three)");
    expect(() => registry.declare("four", { user: ["siaran"] })).toThrow("command /siaran declared twice (one and four)");
    expect(registry.commands().map((c) => c.command)).toEqual(["tanya", "siaran"]);
  });

  it("rejects a callback prefix declared twice", () => {
    const registry = new CommandRegistry();
    const first = new CallbackData("xy", ["id"], z.object({ id: z.coerce.number() }));
    const second = new CallbackData("xy", ["kind"], z.object({ kind: z.enum(["a", "b"]) }));
    registry.declare("one", { callbacks: [first] });
    expect(() => registry.declare("two", { callbacks: [second] })).toThrow('callback prefix "xy" declared twice (one and two)');
    expect(registry.callbacks()).toEqual([{ prefix: "xy", fields: ["id"], literals: [], feature: "one" }]);
  });

  it("reads the enum values a callback accepts", () => {
    const cb = new CallbackData("zz", ["action", "id"], z.object({ action: z.enum(["yes", "no"]), id: z.string().regex(/^\d+$/).transform(Number) }));
    expect(cb.literals()).toEqual(["yes", "no"]);
  });

  it("the bot's command menu lists exactly the commands features declare for users", () => {
    expect(userCommands()).toEqual([...PUBLIC_COMMANDS].sort());
  });

  it("every feature's commands and buttons are declared: admin commands and callback formats", () => {
    expect(adminCommands()).toEqual(
      [
        "acara_admin",
        "admin_daftar",
        "admin_hapus",
        "admin_tambah",
        "buatacara",
        "cerita_admin",
        "checkin",
        "ekspor",
        "faq_admin",
        "faq_impor",
        "faq_ringkasan",
        "impor_acara",
        "penyelenggara_hapus",
        "penyelenggara_tambah",
        "siaran",
        "siaran_batal",
        "siaran_jeda",
        "siaran_lanjut",
        "siaran_status",
        "statistik",
        "umumkan",
      ].sort(),
    );
    const prefixes = callbackFormats().map((f) => f.prefix);
    expect(prefixes).toEqual(expect.arrayContaining(["consent", "role", "prov", "provp", "pdel", "pmenu", "evr", "rsv", "ofr", "faqv", "faqq", "bcc", "fbrv", "lang"]));
    expect(callbackFormats().find((f) => f.prefix === "pmenu")?.literals).toEqual(["data", "erase", "withdraw"]);
  });
});
