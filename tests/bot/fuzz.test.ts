// Fuzz: thousands of random and malformed updates through the real bot (handler harness, real SQLite).
// No update may crash the bot or leave an unhandled rejection; every private text message is answered;
// every pressed button is answered; group chatter, channel posts and edited messages get no reply.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_COMMANDS } from "../../src/bot/commands.js";
import { createLogger } from "../../src/logger.js";
import { BotHarness, type RecordedCall } from "../support/bot-harness.js";
import { onboard, PRIVACY_NOW } from "../support/privacy-fixtures.js";
import { adminCommands, callbackFormats, deepLinkPrefixes as registeredDeepLinkPrefixes } from "../support/registry.js";
import { LogCapture } from "../support/updates.js";

/** mulberry32: the same seed gives the same run (FUZZ_SEED=<n> to replay another one). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const UPDATES = Number(process.env.FUZZ_UPDATES ?? 5000);
const random = rng(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const int = (max: number) => Math.floor(random() * max);

const SNIPPETS = [
  "halo", "Bagaimana cara daftar Prakerja?", "kapan gelombang berikutnya", "jambi", "kalimantan selatn", "ya", "tidak", "1", "0", "-1",
  "Ani Wulandari", "081234567890", "+6281234567890", "<b>tebal</b>", "</i>", "&amp;", "{ $name }", "{", "}", "\\", "%s%s%n",
  "'; DROP TABLE \"User\"; --", "../../etc/passwd", "null", "undefined", "NaN", "[]", "{}", "\u0000", "\u202eRTL", "\u200d\u200d",
  "👍🏽", "👨‍👩‍👧‍👦", "🇮🇩", "ẞ", "ﷺ", "مرحبا", "你好", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "e\u0301\u0301\u0301", "\ud800", "\udfff", "\n\n\n", "   ", "\t",
  "@prakerja_test_bot", "/", "//", "/ start", "#hashtag", "https://t.me/prakerja_test_bot?start=acara_1", "tg://user?id=1",
];
const RANGES: [number, number][] = [
  [0x20, 0x7e], [0xa0, 0x24f], [0x300, 0x36f], [0x400, 0x4ff], [0x600, 0x6ff], [0x900, 0x97f], [0xe00, 0xe7f],
  [0x2000, 0x206f], [0x3040, 0x30ff], [0x4e00, 0x9fff], [0xfe00, 0xfe0f], [0x1f300, 0x1faff], [0x10000, 0x1007f], [0xe000, 0xf8ff],
];

function randomUnicode(length: number): string {
  let out = "";
  while (out.length < length) {
    const [lo, hi] = pick(RANGES);
    out += String.fromCodePoint(lo + int(hi - lo + 1));
  }
  return out;
}

function randomText(): string {
  const r = random();
  if (r < 0.05) return "x".repeat(10_000);
  if (r < 0.08) return randomUnicode(10_000);
  if (r < 0.4) return pick(SNIPPETS);
  if (r < 0.7) return randomUnicode(1 + int(60));
  return Array.from({ length: 1 + int(6) }, () => (random() < 0.5 ? pick(SNIPPETS) : randomUnicode(1 + int(12)))).join(" ");
}

const deepLinkPrefixes = registeredDeepLinkPrefixes();
const COMMANDS = [...new Set([...PUBLIC_COMMANDS, ...adminCommands(), "tarikpersetujuan", "batal", "tidakada", "START", "start@prakerja_test_bot", "start@other_bot"])];
const FORMATS = callbackFormats();

function randomCommand(): string {
  const command = pick(COMMANDS);
  const r = random();
  if (command === "start" && r < 0.5) {
    const prefix = deepLinkPrefixes.length > 0 && random() < 0.7 ? pick(deepLinkPrefixes) : "";
    return `/start ${prefix}${random() < 0.5 ? String(int(100)) : randomUnicode(1 + int(30)).replace(/\s/g, "")}`;
  }
  if (r < 0.4) return `/${command}`;
  if (r < 0.8) return `/${command} ${randomText().slice(0, 200)}`;
  return `/${command}${randomUnicode(1 + int(10))}`;
}

function randomCallbackData(userId: number): string {
  const r = random();
  if (r < 0.1) return randomUnicode(1 + int(40));
  if (r < 0.15) return `main/${int(5)}/${int(5)}/${randomUnicode(3)}`;
  if (r < 0.2) {
    // a genuine, current erase/keep confirmation for the presser: erasure under load
    return `pdel:${random() < 0.5 ? "yes" : "no"}:${random() < 0.5 ? "erase" : "withdraw"}:${userId}:${Math.floor(PRIVACY_NOW.getTime() / 1000).toString(36)}`;
  }
  const format = pick(FORMATS);
  const values = format.fields.map(() => {
    const v = random();
    if (v < 0.4 && format.literals.length > 0) return pick(format.literals);
    if (v < 0.7) return String(int(20));
    if (v < 0.8) return String(userId);
    return randomUnicode(1 + int(8)).replaceAll(":", "");
  });
  if (random() < 0.1) values.push("extra");
  return [format.prefix, ...values].join(":");
}

type Kind =
  | "private-text"
  | "private-long-text"
  | "private-command"
  | "private-other"
  | "callback"
  | "edited-private"
  | "group-text"
  | "group-command"
  | "channel-post"
  | "edited-channel-post"
  | "unknown-type"
  | "malformed";

let h: BotHarness;
const logs = new LogCapture();
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

beforeAll(async () => {
  process.on("unhandledRejection", onRejection);
  h = await BotHarness.create({ now: () => PRIVACY_NOW });
  h.app.kit.deps.logger = createLogger("info", logs);
});
afterAll(async () => {
  process.off("unhandledRejection", onRejection);
  await h.close();
});

describe("fuzz", () => {
  it(`${UPDATES} random and malformed updates: no crash, no unhandled rejection, every private text answered`, { timeout: 600_000 }, async () => {
    // 1,000 people; a tenth onboarded first so consent-only paths are reached too. Nobody sends more than
    // 15 updates, so the per-user flood limit (20 per 10 s) never hides an answer.
    const users = Array.from({ length: 1000 }, (_, i) => ({ id: 8_000_000_000 + i, first_name: i % 7 === 0 ? randomUnicode(1 + int(20)) : `User${i}` }));
    for (const user of users.slice(0, 100)) await onboard(h, user, pick(["11", "15", "31", "63", "94"]));
    const sent = new Map<number, number>(users.map((u) => [u.id, 0]));
    const nextUser = () => {
      for (;;) {
        const user = pick(users);
        const count = sent.get(user.id) ?? 0;
        if (count < 15) {
          sent.set(user.id, count + 1);
          return user;
        }
      }
    };

    const counts = new Map<Kind, number>();
    const failures: string[] = [];
    let messageId = 1;
    const date = Math.floor(PRIVACY_NOW.getTime() / 1000);
    const privateChat = (u: { id: number; first_name: string }) => ({ id: u.id, type: "private" as const, first_name: u.first_name });
    const from = (u: { id: number; first_name: string }) => ({ id: u.id, is_bot: false, first_name: u.first_name, language_code: pick(["id", "en", "jv", undefined]) });
    const group = (id: number) => ({ id: -1_000_000 - id, type: pick(["group", "supergroup"] as const), title: "Grup Alumni" });

    for (let i = 0; i < UPDATES; i++) {
      const user = nextUser();
      const r = random();
      const kind: Kind =
        r < 0.3 ? "private-text" : r < 0.34 ? "private-long-text" : r < 0.54 ? "private-command" : r < 0.6 ? "private-other" : r < 0.76 ? "callback" : r < 0.8 ? "edited-private" : r < 0.85 ? "group-text" : r < 0.88 ? "group-command" : r < 0.91 ? "channel-post" : r < 0.92 ? "edited-channel-post" : r < 0.97 ? "unknown-type" : "malformed";
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      let update: Record<string, unknown>;
      let text = "";
      switch (kind) {
        case "private-text":
        case "private-long-text":
        case "private-command": {
          text = kind === "private-command" ? randomCommand() : kind === "private-long-text" ? (random() < 0.5 ? "a".repeat(10_000) : randomUnicode(10_000)) : randomText();
          if (text.trim() === "") text = `${text}?`;
          const entities = text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]?.length ?? 1 }] : undefined;
          update = { message: { message_id: messageId++, date, chat: privateChat(user), from: from(user), text, ...(entities ? { entities } : {}) } };
          break;
        }
        case "private-other": {
          const content = pick([
            { sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } },
            { photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }], caption: randomText().slice(0, 1024) },
            { document: { file_id: "d", file_unique_id: "d", file_name: "../../x.csv" } },
            { location: { latitude: -6.2, longitude: 106.8 } },
            { contact: { phone_number: "+6281111111111", first_name: "Orang Lain", user_id: 1 } },
            { contact: { phone_number: "+6281234567890", first_name: user.first_name, user_id: user.id } },
            { voice: { file_id: "v", file_unique_id: "v", duration: 1 } },
            { new_chat_members: [] },
          ]);
          update = { message: { message_id: messageId++, date, chat: privateChat(user), from: from(user), ...content } };
          break;
        }
        case "callback": {
          const data = randomCallbackData(user.id);
          update = {
            callback_query: {
              id: `cb${i}`,
              chat_instance: "fuzz",
              from: from(user),
              ...(random() < 0.9
                ? { message: { message_id: int(5000), date, chat: privateChat(user), from: { id: 424242, is_bot: true, first_name: "Bot" }, text: "lama" } }
                : { inline_message_id: "inline" }),
              ...(random() < 0.95 ? { data } : { game_short_name: "game" }),
            },
          };
          break;
        }
        case "edited-private":
          update = { edited_message: { message_id: messageId++, date, edit_date: date, chat: privateChat(user), from: from(user), text: randomText() } };
          break;
        case "group-text":
        case "group-command": {
          text = kind === "group-command" ? randomCommand() : randomText();
          const entities = text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]?.length ?? 1 }] : undefined;
          update = { message: { message_id: messageId++, date, chat: group(int(50)), from: from(user), text, ...(entities ? { entities } : {}) } };
          break;
        }
        case "channel-post":
        case "edited-channel-post": {
          const post = { message_id: messageId++, date, chat: { id: -100_777, type: "channel", title: "Kanal" }, text: random() < 0.3 ? randomCommand() : randomText() };
          update = kind === "channel-post" ? { channel_post: post } : { edited_channel_post: { ...post, edit_date: date } };
          break;
        }
        case "unknown-type":
          update = pick([
            { poll: { id: "p", question: "?", options: [], total_voter_count: 0, is_closed: false, is_anonymous: true, type: "regular", allows_multiple_answers: false } },
            { my_chat_member: { chat: privateChat(user), from: from(user), date, old_chat_member: { status: "member", user: from(user) }, new_chat_member: { status: "kicked", user: from(user), until_date: 0 } } },
            { my_chat_member: { chat: privateChat(user), from: from(user), date, old_chat_member: { status: "kicked", user: from(user), until_date: 0 }, new_chat_member: { status: "member", user: from(user) } } },
            { inline_query: { id: "iq", from: from(user), query: randomText().slice(0, 50), offset: "" } },
            { chosen_inline_result: { result_id: "r", from: from(user), query: "" } },
            { message_reaction: { chat: privateChat(user), message_id: 1, date, old_reaction: [], new_reaction: [{ type: "emoji", emoji: "👍" }] } },
            { chat_join_request: { chat: group(1), from: from(user), user_chat_id: user.id, date } },
            { business_message: { message_id: 1, date, chat: privateChat(user), text: "x" } },
            { some_future_update: { anything: [1, 2, 3] } },
            {},
          ]);
          break;
        case "malformed":
        default:
          update = pick([
            { message: { message_id: messageId++, date, chat: privateChat(user), text: "tanpa pengirim" } },
            { message: { message_id: messageId++, date, chat: { id: user.id, type: "private" }, from: { id: user.id, is_bot: false, first_name: "" }, text: "" } },
            { message: { message_id: messageId++, date, chat: privateChat(user), from: from(user), text: "/", entities: [{ type: "bot_command", offset: 0, length: 50 }] } },
            { message: { message_id: messageId++, date, chat: privateChat(user), from: from(user), text: "/start", entities: [{ type: "bot_command", offset: 3, length: -2 }] } },
            { message: { message_id: messageId++, date, chat: privateChat(user), from: { ...from(user), is_bot: true }, text: "/start" } },
            { callback_query: { id: `m${i}`, chat_instance: "x", from: from(user) } },
            { callback_query: { id: `m${i}`, chat_instance: "x", from: from(user), data: "", message: { message_id: 1, date, chat: privateChat(user) } } },
            { message: { message_id: messageId++, date, chat: { id: -5, type: "weird" }, from: from(user), text: "hmm" } },
          ]);
      }

      const before = h.calls.length;
      try {
        await h.handle(update as never);
      } catch (error) {
        failures.push(`#${i} ${kind}: handleUpdate rejected: ${String(error)}`);
        continue;
      }
      const calls: RecordedCall[] = h.calls.slice(before);
      const sendsTo = (chatId: number) => calls.filter((c) => (c.method.startsWith("send") || c.method === "copyMessage") && Number(c.payload.chat_id) === chatId);
      if (kind === "private-text" || kind === "private-long-text" || kind === "private-command") {
        if (sendsTo(user.id).length === 0) failures.push(`#${i} ${kind}: no reply to ${JSON.stringify(text.slice(0, 80))} (calls: ${calls.map((c) => c.method).join(",") || "none"})`);
      }
      if (kind === "callback" && (update.callback_query as { data?: string }).data !== undefined) {
        if (!calls.some((c) => c.method === "answerCallbackQuery")) failures.push(`#${i} callback ${JSON.stringify((update.callback_query as { data: string }).data)} not answered`);
      }
      // a group text that starts with "/" is a command to Telegram (it gets the pointer to the private chat)
      if (kind === "group-text" && !text.startsWith("/") && calls.length > 0) failures.push(`#${i} group chatter answered: ${calls.map((c) => c.method).join(",")}`);
      if ((kind === "channel-post" || kind === "edited-channel-post" || kind === "edited-private") && calls.length > 0) failures.push(`#${i} ${kind} answered: ${calls.map((c) => c.method).join(",")}`);
      if (kind === "group-command" && calls.some((c) => Number(c.payload.chat_id) !== Number((update.message as { chat: { id: number } }).chat.id))) {
        failures.push(`#${i} group command caused a call outside the group`);
      }
    }

    const errors = logs.entries().filter((e) => e.level === 50);
    const summary = Object.fromEntries([...counts].sort());
    console.info(`fuzz seed ${SEED}: ${UPDATES} updates ${JSON.stringify(summary)}; ${h.calls.length} API calls; errors logged: ${errors.length}; failures: ${failures.length}; unhandled rejections: ${rejections.length}`);
    fs.mkdirSync(path.join(import.meta.dirname, "../artifacts"), { recursive: true });
    fs.writeFileSync(path.join(import.meta.dirname, "../artifacts/fuzz-summary.json"), JSON.stringify({ seed: SEED, updates: UPDATES, kinds: summary, apiCalls: h.calls.length, errorsLogged: errors.length, failures: failures.slice(0, 50), errors: errors.slice(0, 20) }, null, 2));

    expect(rejections).toEqual([]);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(errors.slice(0, 5)).toEqual([]);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(UPDATES);
  });
});
