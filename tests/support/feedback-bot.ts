// Helpers for the feedback handler tests: a participant of an event that has ended, and the survey walk.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { BotHarness, type RecordedCall, type TestUserInfo } from "./bot-harness.js";
import { onboard } from "./privacy-fixtures.js";

/** The harness clock: 20 June 2027, 10:00 WIB; the event took place the day before. */
export const FEEDBACK_NOW = new Date("2027-06-20T03:00:00Z");

export async function endedEvent(h: BotHarness, title = "Temu Alumni Prakerja Jambi") {
  return h.db.event.create({
    data: {
      title,
      province: "15",
      city: "Kota Jambi",
      venueName: "Aula Dinas",
      address: "Jl. Sultan Agung 9",
      startsAt: new Date("2027-06-19T02:00:00Z"),
      endsAt: new Date("2027-06-19T08:00:00Z"),
      timeZone: "Asia/Jakarta",
      status: "published",
    },
  });
}

/** Onboards the user through the bot and registers them (confirmed, optionally checked in). */
export async function participant(h: BotHarness, user: TestUserInfo, eventId: number, options: { checkedIn?: boolean; province?: string } = {}) {
  await onboard(h, user, options.province ?? "15");
  const row = await h.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(user.id) } });
  await h.db.registration.create({
    data: {
      eventId,
      userId: row.id,
      status: "confirmed",
      fullName: user.first_name ?? "Peserta",
      checkInToken: randomUUID(),
      checkedInAt: options.checkedIn ? new Date("2027-06-19T02:30:00Z") : null,
    },
  });
  return row;
}

export const texts = (calls: RecordedCall[]) => BotHarness.texts(calls).join("\n---\n");
export const labels = (calls: RecordedCall[]) => BotHarness.buttons(calls).map((b) => b.text);

/** Presses the button with this label in the last keyboard of `calls`. */
export async function press(h: BotHarness, user: TestUserInfo, calls: RecordedCall[], label: string): Promise<RecordedCall[]> {
  const button = BotHarness.buttons(calls).find((b) => b.text === label);
  expect(button, `button "${label}" in ${JSON.stringify(labels(calls))}`).toBeDefined();
  return h.click(user, button?.data ?? "");
}
