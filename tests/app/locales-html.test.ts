// Every message of every locale, rendered through the bot's real translation (i18n + the HTML-safe
// wrapper) with hostile values for each of its variables, must be HTML that Telegram accepts: the
// emulator's strict Telegram-HTML parser refuses what Telegram refuses (and a bare "&"). A message that
// would put a value into HTML unescaped, or that carries broken markup itself, fails here.
import fs from "node:fs";
import path from "node:path";
import { FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { htmlSafe, createI18n, LANGUAGES, LOCALES_DIR } from "../../src/bot/i18n.js";
import { escapeHtml, Html, trustedHtml } from "../../src/bot/format.js";
import { parseHtml } from "../../src/emulator/entities.js";
import { HOSTILE_VALUES } from "../support/hostile.js";


interface MessageVariables {
  id: string;
  /** every variable the message (its value and attributes, and messages it references) reads */
  variables: Set<string>;
  /** variables shown as text (not only used to choose a variant) */
  shown: Set<string>;
  /** variables formatted by a function (NUMBER, DATETIME): numbers, never text people type */
  numeric: Set<string>;
}

type Node = unknown;

/** Walks the runtime AST of @fluent/bundle (the parsed resource the bot itself uses). */
function collect(node: Node, out: MessageVariables, messages: Map<string, Node[]>, seen: Set<string>, asSelector = false, inFunction = false): void {
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const child of node) collect(child, out, messages, seen, asSelector, inFunction);
    return;
  }
  const n = node as Record<string, unknown>;
  switch (n.type) {
    case "var":
      out.variables.add(String(n.name));
      if (inFunction) out.numeric.add(String(n.name));
      else if (!asSelector) out.shown.add(String(n.name));
      return;
    case "select":
      collect(n.selector, out, messages, seen, true);
      for (const variant of (n.variants as { value: Node }[]) ?? []) collect(variant.value, out, messages, seen);
      return;
    case "func":
      // NUMBER($count) and the like format a number: the value is not shown as typed text
      collect(n.args, out, messages, seen, true, true);
      return;
    case "mesg": {
      const name = String(n.name);
      if (seen.has(name)) return;
      seen.add(name);
      for (const part of messages.get(name) ?? []) collect(part, out, messages, seen, asSelector);
      return;
    }
    default:
      for (const value of Object.values(n)) collect(value, out, messages, seen, asSelector, inFunction);
  }
}

function messagesOf(language: string): MessageVariables[] {
  const bodies = new Map<string, Node[]>();
  for (const file of fs.readdirSync(LOCALES_DIR).filter((name) => name.endsWith(".ftl") && name.split(".")[0] === language)) {
    const resource = new FluentResource(fs.readFileSync(path.join(LOCALES_DIR, file), "utf8"));
    for (const message of resource.body) {
      if (message.id.startsWith("-")) continue;
      bodies.set(message.id, [message.value, message.attributes]);
    }
  }
  return [...bodies.entries()].map(([id, parts]) => {
    const result: MessageVariables = { id, variables: new Set(), shown: new Set(), numeric: new Set() };
    collect(parts, result, bodies, new Set([id]));
    return result;
  });
}

const i18n = createI18n();

describe("locale messages are Telegram HTML whatever the values", () => {
  for (const language of LANGUAGES) {
    const messages = messagesOf(language);
    const t = htmlSafe((key, params) => i18n.t(language, key, params));

    it(`${language}: finds the messages and their variables`, () => {
      expect(messages.length).toBeGreaterThan(300);
      expect(messages.find((m) => m.id === "welcome")?.shown.has("name")).toBe(true);
    });

    it(`${language}: every message parses with hostile values for every variable, and shows them as typed`, () => {
      const refused: string[] = [];
      for (const message of messages) {
        for (const value of HOSTILE_VALUES) {
          const params = Object.fromEntries([...message.variables].map((name) => [name, message.numeric.has(name) ? 7 : value]));
          const rendered = t(message.id, params);
          try {
            const parsed = parseHtml(rendered);
            if ([...message.shown].some((name) => !message.numeric.has(name)) && !parsed.text.includes(value.trim())) refused.push(`${message.id} (${JSON.stringify(value)}): value not shown as typed in ${JSON.stringify(parsed.text)}`);
          } catch (error) {
            refused.push(`${message.id} (${JSON.stringify(value)}): ${(error as { description?: string }).description ?? String(error)}`);
          }
        }
      }
      expect(refused).toEqual([]);
    });
  }

  it("escapes plain strings and keeps Html values and numbers", () => {
    const t = htmlSafe((key, params) => i18n.t("id", key, params));
    expect(t("welcome", { name: "Ani & Budi <3" })).toContain("Ani &amp; Budi &lt;3");
    expect(t("welcome", { name: escapeHtml("<b>Rina") })).toContain("&lt;b&gt;Rina");
    expect(t("welcome", { name: trustedHtml("<i>Rina</i>") })).toContain("<i>Rina</i>");
    // wrapping twice never escapes twice
    expect(htmlSafe(t as never)("welcome", { name: "&" })).toContain("&amp;");
    expect(escapeHtml(escapeHtml("&"))).toBeInstanceOf(Html);
    expect(String(escapeHtml(escapeHtml("&")))).toBe("&amp;");
  });
});
