// /start payloads of this feature. Telegram allows [A-Za-z0-9_-], at most 64 characters.

export const EVENT_PREFIX = "acara_";
export const CHECKIN_PREFIX = "ci_";

export function eventStartPayload(eventId: number): string {
  return `${EVENT_PREFIX}${eventId}`;
}

export function checkInStartPayload(token: string): string {
  return `${CHECKIN_PREFIX}${token}`;
}

/** t.me link that opens the bot on this event. */
export function eventDeepLink(botUsername: string, eventId: number): string {
  return `https://t.me/${botUsername}?start=${eventStartPayload(eventId)}`;
}

/** t.me link encoded in an attendee's QR code. */
export function checkInDeepLink(botUsername: string, token: string): string {
  return `https://t.me/${botUsername}?start=${checkInStartPayload(token)}`;
}

/** The event id in an "acara_<id>" payload, or null. */
export function parseEventPayload(payload: string): number | null {
  const m = /^acara_(\d{1,9})$/.exec(payload);
  return m ? Number(m[1]) : null;
}

/** The token in a "ci_<token>" payload, or null. */
export function parseCheckInPayload(payload: string): string | null {
  const m = /^ci_([A-Za-z0-9_-]{22,43})$/.exec(payload);
  return m ? (m[1] ?? null) : null;
}
