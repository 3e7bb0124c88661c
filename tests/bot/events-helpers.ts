// Helpers for the events handler tests (not a test file itself).
import type { InputFile } from "grammy";
import type { Message, Update } from "grammy/types";
import { BotHarness, type RecordedCall, type TestUserInfo } from "../support/bot-harness.js";

let messageId = 50_000;

function baseMessage(user: TestUserInfo): Omit<Message, "text"> {
  return {
    message_id: ++messageId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: user.id, type: "private", first_name: user.first_name ?? "Tester" },
    from: { id: user.id, is_bot: false, first_name: user.first_name ?? "Tester", language_code: "id" },
  } as Omit<Message, "text">;
}

/** The user taps Telegram's share-contact button (or forwards someone else's contact with `userId`). */
export async function shareContact(h: BotHarness, user: TestUserInfo, phone: string, userId = user.id): Promise<RecordedCall[]> {
  const before = h.calls.length;
  await h.handle({ message: { ...baseMessage(user), contact: { phone_number: phone, first_name: user.first_name ?? "Tester", user_id: userId } } as Update["message"] });
  return h.calls.slice(before);
}

export async function sendLocation(h: BotHarness, user: TestUserInfo, latitude: number, longitude: number): Promise<RecordedCall[]> {
  const before = h.calls.length;
  await h.handle({ message: { ...baseMessage(user), location: { latitude, longitude } } as Update["message"] });
  return h.calls.slice(before);
}

export async function sendSticker(h: BotHarness, user: TestUserInfo): Promise<RecordedCall[]> {
  const before = h.calls.length;
  await h.handle({
    message: { ...baseMessage(user), sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } } as Update["message"],
  });
  return h.calls.slice(before);
}

export async function sendDocument(h: BotHarness, user: TestUserInfo, fileName: string, caption: string, size = 100): Promise<RecordedCall[]> {
  const before = h.calls.length;
  await h.handle({
    message: { ...baseMessage(user), caption, document: { file_id: `file-${fileName}`, file_unique_id: `u-${fileName}`, file_name: fileName, mime_type: "text/csv", file_size: size } } as Update["message"],
  });
  return h.calls.slice(before);
}

/** Texts of messages and captions of photos and documents, in order. */
export function allTexts(calls: RecordedCall[]): string[] {
  return calls
    .filter((c) => ["sendMessage", "editMessageText", "sendPhoto", "sendDocument"].includes(c.method))
    .map((c) => String(c.payload.text ?? c.payload.caption ?? ""));
}

/** Labels of the reply keyboard (not inline) in the last message of these calls that has one. */
export function replyKeyboard(calls: RecordedCall[]): { text: string; request_contact?: boolean }[] {
  const last = [...calls].reverse().find((c) => (c.payload.reply_markup as { keyboard?: unknown } | undefined)?.keyboard !== undefined);
  const markup = last?.payload.reply_markup as { keyboard: ({ text: string; request_contact?: boolean } | string)[][] } | undefined;
  return (markup?.keyboard ?? []).flat().map((b) => (typeof b === "string" ? { text: b } : b));
}

export function fileOf(call: RecordedCall | undefined, field: "document" | "photo"): { name: string; bytes: Buffer } {
  const file = call?.payload[field] as InputFile | undefined;
  const data = (file as unknown as { fileData: Buffer } | undefined)?.fileData;
  return { name: file?.filename ?? "", bytes: Buffer.isBuffer(data) ? data : Buffer.alloc(0) };
}

export function sentTo(calls: RecordedCall[], chatId: number | bigint): RecordedCall[] {
  return calls.filter((c) => String(c.payload.chat_id) === String(chatId));
}

export const texts = BotHarness.texts;
export const buttons = BotHarness.buttons;
