import fs from "node:fs";
import path from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { EDITABLE_FIELDS } from "../../src/bot/features/events/callbacks.js";
import { ISSUE_CODES } from "../../src/domain/events/messages.js";
import { EVENT_STATUSES } from "../../src/domain/events/validation.js";

const root = path.resolve(import.meta.dirname, "../..");

function bundle(lang: string): FluentBundle {
  const b = new FluentBundle(lang, { useIsolating: false });
  for (const name of fs.readdirSync(path.join(root, "locales")).filter((n) => n.startsWith(`${lang}.`) && n.endsWith(".ftl"))) {
    b.addResource(new FluentResource(fs.readFileSync(path.join(root, "locales", name), "utf8")));
  }
  return b;
}

function literalKeys(): string[] {
  const files = [
    ...fs.readdirSync(path.join(root, "src/bot/features/events")).map((n) => path.join(root, "src/bot/features/events", n)),
  ];
  const keys = new Set<string>();
  for (const file of files) {
    for (const m of fs.readFileSync(file, "utf8").matchAll(/["`](events-[a-z0-9_-]+)["`]/g)) keys.add(m[1] ?? "");
  }
  // conversation ids and job names, not messages
  for (const id of ["events-rsvp", "events-admin-create", "events-admin-edit", "events-reminders", "events-offer-expiry", "events-complete"]) keys.delete(id);
  return [...keys];
}

/** Keys built at run time from a code: every code the domain can return must have its sentence. */
function dynamicKeys(): string[] {
  const changeFailures = ["not_found", "not_yours", "wrong_status", "event_not_open", "offer_expired"];
  return [
    ...ISSUE_CODES.map((c) => `events-issue-${c}`),
    ...["not_found", "not_open", "deadline_passed"].map((c) => `events-rsvp-problem-${c}`),
    ...["required", "name_too_short", "name_too_long", "name_invalid", "city_unknown", "gelombang_invalid", "training_empty", "training_too_long", "companions_invalid", "consent_choice"].map((c) => `events-rsvp-error-${c}`),
    ...["event_not_found", "event_not_open", "deadline_passed", "user_not_found", "alumni_only", "too_many_companions", "no_room_for_companions", "consent_missing"].map((c) => `events-rsvp-fail-${c}`),
    ...changeFailures.map((c) => `events-my-cancel-failed-${c}`),
    ...changeFailures.map((c) => `events-offer-fail-${c}`),
    ...EVENT_STATUSES.map((s) => `events-status-${s}`),
    ...EDITABLE_FIELDS.map((f) => `events-admin-field-${f}`),
  ];
}

describe("events locale files", () => {
  it("have every message the events code uses, in Indonesian and English", () => {
    for (const lang of ["id", "en"]) {
      const b = bundle(lang);
      const missing = [...literalKeys(), ...dynamicKeys()].filter((key) => !b.hasMessage(key));
      expect(missing, lang).toEqual([]);
    }
  });

  it("have the same keys in both languages", () => {
    const keysOf = (file: string) => [...fs.readFileSync(path.join(root, "locales", file), "utf8").matchAll(/^(events-[\w-]+)\s*=/gm)].map((m) => m[1]).sort();
    expect(keysOf("en.events.ftl")).toEqual(keysOf("id.events.ftl"));
  });

  it("format without errors", () => {
    const params = { title: "T", when: "w", n: 1, count: 2, max: 2, min: 1, id: "1", value: "v", province: "p", position: 1, seats: 1, line: "2", column: "c", problem: "x", until: "u", code: "k" };
    for (const lang of ["id", "en"]) {
      const b = bundle(lang);
      for (const key of [...literalKeys(), ...dynamicKeys()]) {
        const message = b.getMessage(key);
        if (!message?.value) continue;
        const errors: Error[] = [];
        b.formatPattern(message.value, params, errors);
        expect(errors.filter((e) => !String(e).includes("Unknown variable")), `${lang} ${key}`).toEqual([]);
      }
    }
  });
});
