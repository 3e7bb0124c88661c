// Hand-made updates the BotHarness has no shortcut for: group and channel messages, edited messages.
import type { TestUserInfo } from "./bot-harness.js";

let nextMessageId = 500_000;

export function groupMessage(user: TestUserInfo, chat: { id: number; type: "group" | "supergroup"; title?: string }, text: string) {
  const command = text.startsWith("/") ? [{ type: "bot_command" as const, offset: 0, length: text.split(/\s/)[0]?.length ?? 1 }] : undefined;
  return {
    message: {
      message_id: ++nextMessageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chat.id, type: chat.type, title: chat.title ?? "Alumni Prakerja Jambi" },
      from: { id: user.id, is_bot: false, first_name: user.first_name ?? "Tester" },
      text,
      ...(command ? { entities: command } : {}),
    },
  };
}

export function channelPost(chatId: number, text: string, edited = false) {
  const post = { message_id: ++nextMessageId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: "channel" as const, title: "Info Prakerja" }, text };
  return edited ? { edited_channel_post: { ...post, edit_date: post.date } } : { channel_post: post };
}

export function editedPrivateMessage(user: TestUserInfo, text: string) {
  const date = Math.floor(Date.now() / 1000);
  return {
    edited_message: {
      message_id: ++nextMessageId,
      date,
      edit_date: date,
      chat: { id: user.id, type: "private" as const, first_name: user.first_name ?? "Tester" },
      from: { id: user.id, is_bot: false, first_name: user.first_name ?? "Tester" },
      text,
    },
  };
}

/** A Writable-like sink for pino: collects every JSON line. */
export class LogCapture {
  readonly lines: string[] = [];
  write(chunk: string): void {
    for (const line of chunk.split("\n")) if (line.trim() !== "") this.lines.push(line);
  }
  entries(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
  text(): string {
    return this.lines.join("\n");
  }
}
