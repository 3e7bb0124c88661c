// The calendar file attached to an RSVP confirmation. Times are written in UTC (every calendar app converts
// them to the phone's zone); the description repeats the time in the venue's zone for people travelling.
import { createEvent, type EventAttributes } from "ics";
import type { Event } from "../../generated/prisma/client.js";
import { provinceByCodeOrNull } from "../areas.js";
import { formatDateRange, type DisplayLocale } from "./format.js";

export interface IcsOptions {
  /** link that opens the event in the bot */
  url?: string;
  locale?: DisplayLocale;
  /** minutes before the start for the phone's alarm */
  alarmMinutesBefore?: number;
}

export function venueLine(event: Pick<Event, "venueName" | "address" | "city" | "province">): string {
  const province = provinceByCodeOrNull(event.province)?.name;
  return [event.venueName, event.address, event.city, province].filter(Boolean).join(", ");
}

/** Calendar files made lately, by everything they are made from: every ticket for a meetup carries the same file. */
const recentFiles = new Map<string, string>();
const RECENT_FILES = 256;

/**
 * The .ics text for one event (throws if the ics library rejects the data, which validation prevents).
 * Made once per content: the ics library validates its input on every call (about half a millisecond of
 * CPU, a share of every RSVP); a file is looked up by the very fields and options it is made from, so an
 * edited event gets a new one. Its DTSTAMP is the time it was first made.
 */
export function buildEventIcs(event: Event, options: IcsOptions = {}): string {
  const { id, title, description, province, city, venueName, address, latitude, longitude, startsAt, endsAt, timeZone, status } = event;
  const key = JSON.stringify([id, title, description, province, city, venueName, address, latitude, longitude, startsAt, endsAt, timeZone, status, options]);
  let file = recentFiles.get(key);
  if (file === undefined) {
    file = makeEventIcs(event, options);
    if (recentFiles.size >= RECENT_FILES) recentFiles.delete(recentFiles.keys().next().value as string);
    recentFiles.set(key, file);
  }
  return file;
}

function makeEventIcs(event: Event, options: IcsOptions): string {
  const locale = options.locale ?? "id";
  const when = formatDateRange(event.startsAt, event.endsAt, event.timeZone, locale);
  const description = [event.description, "", `${locale === "en" ? "When" : "Waktu"}: ${when}`, `${locale === "en" ? "Where" : "Tempat"}: ${venueLine(event)}`, options.url ?? ""]
    .join("\n")
    .trim();
  const attributes: EventAttributes = {
    uid: `temu-alumni-${event.id}@prakerja-alumni-bot`,
    productId: "prakerja-alumni-bot/ics",
    title: event.title,
    description,
    location: venueLine(event),
    start: event.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: event.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    status: event.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    busyStatus: "BUSY",
    alarms: [
      {
        action: "display",
        description: event.title,
        trigger: alarmTrigger(options.alarmMinutesBefore ?? 120),
      },
    ],
  };
  if (options.url) attributes.url = options.url;
  if (event.latitude !== null && event.longitude !== null) attributes.geo = { lat: event.latitude, lon: event.longitude };
  const result = createEvent(attributes);
  if (result.error || !result.value) throw result.error ?? new Error("ics: empty calendar");
  return result.value;
}

function alarmTrigger(minutes: number): { hours?: number; minutes?: number; before: true } {
  return minutes % 60 === 0 ? { hours: minutes / 60, before: true } : { minutes, before: true };
}

/** A file name Telegram shows nicely: "temu-alumni-jambi.ics". */
export function icsFileName(event: Pick<Event, "title" | "id">): string {
  const slug = event.title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${slug || `acara-${event.id}`}.ics`;
}
