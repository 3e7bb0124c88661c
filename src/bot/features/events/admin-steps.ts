// The questions of the admin conversations (/buatacara and editing an event), one field each, with the
// domain's validation at every step (the toolkit's askText). Shared so creating and editing ask the same way.
import { InlineKeyboard, Keyboard } from "grammy";
import { matchProvince, matchRegency, provinceByCodeOrNull, regenciesOf, zoneAbbreviation, type Province } from "../../../domain/areas.js";
import { formatDateTime, type DisplayLocale } from "../../../domain/events/format.js";
import {
  LIMITS,
  parseAddress,
  parseAudience,
  parseCapacity,
  parseCoordinatePair,
  parseDescription,
  parseLocalDateTime,
  parseMaxCompanions,
  parseTitle,
  parseVenueName,
  zoneOffsetMinutes,
  type Audience,
  type IssueParams,
  type Parsed,
} from "../../../domain/events/validation.js";
import type { BotConversation, ConvContext } from "../../context.js";
import { askText, typedText, type Answer } from "../../conversation/ask.js";
import { HTML } from "../../format.js";

type Markup = Keyboard | { remove_keyboard: true };
type Attempt<T> = Parsed<T> & { candidates?: string[] };

const remove = { remove_keyboard: true } as const;

function rows(labels: string[], perRow = 2): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < labels.length; i += perRow) out.push(labels.slice(i, i + perRow));
  return out;
}

export function replyKeyboard(labels: string[][]): Keyboard {
  const keyboard = new Keyboard();
  labels.forEach((row, i) => {
    for (const label of row) keyboard.text(label);
    if (i < labels.length - 1) keyboard.row();
  });
  return keyboard.resized().oneTime();
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** "HH.MM" alone: the end time on the start's day. */
function endOnSameDay(text: string, start: Date, timeZone: string): Date | null {
  const m = /^(\d{1,2})[.:](\d{2})$/.exec(text.trim().replace(/\s*(WIB|WITA|WIT)$/i, ""));
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  if (h > 23 || mi > 59) return null;
  const offset = zoneOffsetMinutes(timeZone) * 60_000;
  const local = new Date(start.getTime() + offset);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), h, mi) - offset);
}

export function say(ctx: ConvContext, text: string, markup?: Markup | InlineKeyboard) {
  return ctx.reply(text, { ...HTML, ...(markup ? { reply_markup: markup } : {}) });
}

const issue = (ctx: ConvContext, code: string, params: IssueParams = {}): string => ctx.t(`events-issue-${code}`, params);
const skipLabel = (ctx: ConvContext): string => ctx.t("events-btn-skip");
type Failure = { code: string; params: IssueParams; candidates?: string[] };

/** Asks, then asks again (politely, with the reason) until the typed answer is valid. */
async function askField<T>(conversation: BotConversation, ctx: ConvContext, prompt: string, markup: Markup, parse: (text: string) => Attempt<T>): Promise<Answer<T>> {
  await say(ctx, prompt, markup);
  return askText<T, Failure>(conversation, {
    parse: (_text, c) => parse(typedText(c)),
    invalid: (c, failure) => say(c, issue(c, failure.code, failure.params), failure.candidates && failure.candidates.length > 0 ? replyKeyboard(rows(failure.candidates)) : markup),
    otherwise: (c) => c.reply(c.t("events-answer-with-text"), { reply_markup: markup }),
  });
}

// The questions of an event, one field each. Every one resolves to the answer and the newest context.

export function askTitle(conversation: BotConversation, ctx: ConvContext, current?: string): Promise<Answer<string>> {
  return askField(conversation, ctx, ctx.t("events-admin-ask-title"), current ? replyKeyboard([[current]]) : remove, parseTitle);
}

/**
 * The event's province. `scope`: an organiser's province codes (null = every province): only those are
 * accepted, offered as buttons; another province typed is refused politely and asked again.
 */
export function askProvince(conversation: BotConversation, ctx: ConvContext, current?: string, scope: readonly string[] | null = null): Promise<Answer<Province>> {
  const own = (scope ?? []).map((code) => provinceByCodeOrNull(code)).filter((p): p is Province => p !== null);
  const ownNames = own.map((p) => p.name);
  const list = ownNames.join(", ");
  const markup = scope ? replyKeyboard(rows(ownNames)) : current ? replyKeyboard([[current]]) : remove;
  const prompt = scope ? ctx.t("events-admin-ask-province-own", { provinces: list }) : ctx.t("events-admin-ask-province");
  return askField(conversation, ctx, prompt, markup, (text): Attempt<Province> => {
    const result = matchProvince(text.slice(0, 100));
    if (result.match && (!scope || scope.includes(result.match.code))) return { ok: true, value: result.match };
    if (result.match) return { ok: false, code: "province_outside_scope", params: { value: result.match.name, provinces: list }, candidates: ownNames };
    return { ok: false, code: "province_unknown", params: { value: text, suggestions: "" }, candidates: scope ? ownNames : result.candidates.map((p) => p.name) };
  });
}

export function askCity(conversation: BotConversation, ctx: ConvContext, provinceCode: string): Promise<Answer<string>> {
  const all = regenciesOf(provinceCode).map((r) => r.name);
  const markup = all.length <= 15 ? replyKeyboard(rows(all)) : remove;
  const province = provinceByCodeOrNull(provinceCode)?.name ?? "";
  return askField(conversation, ctx, ctx.t("events-admin-ask-city", { province }), markup, (text): Attempt<string> => {
    const result = matchRegency(provinceCode, text.slice(0, 100));
    if (result.match) return { ok: true, value: result.match.name };
    return { ok: false, code: "city_unknown", params: { value: text, province, suggestions: "" }, candidates: result.candidates.map((r) => r.name) };
  });
}

export function askVenueName(conversation: BotConversation, ctx: ConvContext, current?: string): Promise<Answer<string>> {
  return askField(conversation, ctx, ctx.t("events-admin-ask-venue"), current ? replyKeyboard([[current.slice(0, 60)]]) : remove, parseVenueName);
}

export function askAddress(conversation: BotConversation, ctx: ConvContext): Promise<Answer<string>> {
  return askField(conversation, ctx, ctx.t("events-admin-ask-address"), remove, parseAddress);
}

/** A location sent from the attachment menu, "lat, lon" typed or pasted, or skipped. */
export async function askLocation(conversation: BotConversation, ctx: ConvContext): Promise<Answer<{ latitude: number; longitude: number } | null>> {
  const markup = replyKeyboard([[skipLabel(ctx)]]);
  await say(ctx, ctx.t("events-admin-ask-location"), markup);
  return askText<{ latitude: number; longitude: number } | null, Failure>(conversation, {
    read: (c) => {
      const point = c.message?.location ?? c.message?.venue?.location;
      return point ? `${point.latitude}, ${point.longitude}` : undefined;
    },
    parse: (text, c) => {
      const typed = c.message?.text !== undefined;
      if (typed && same(typedText(c), skipLabel(c))) return { ok: true, value: null };
      return parseCoordinatePair(typed ? typedText(c) : text);
    },
    invalid: (c, failure) => say(c, issue(c, failure.code, failure.params), markup),
    otherwise: (c) => c.reply(c.t("events-admin-location-nudge"), { reply_markup: markup }),
  });
}

export function askStart(conversation: BotConversation, ctx: ConvContext, timeZone: string, now: Date): Promise<Answer<Date>> {
  return askField(conversation, ctx, ctx.t("events-admin-ask-start", { zone: zoneAbbreviation(timeZone) }), remove, (text): Attempt<Date> => {
    const result = parseLocalDateTime(text, timeZone);
    if (!result.ok) return result;
    if (result.value.getTime() <= now.getTime()) return { ok: false, code: "start_in_past", params: {} };
    return result;
  });
}

export function askEnd(conversation: BotConversation, ctx: ConvContext, start: Date, timeZone: string, locale: DisplayLocale): Promise<Answer<Date>> {
  const prompt = ctx.t("events-admin-ask-end", { zone: zoneAbbreviation(timeZone), start: formatDateTime(start, timeZone, locale) });
  return askField(conversation, ctx, prompt, remove, (text): Attempt<Date> => {
    const sameDay = endOnSameDay(text, start, timeZone);
    const result: Parsed<Date> = sameDay ? { ok: true, value: sameDay } : parseLocalDateTime(text, timeZone);
    if (!result.ok) return result;
    if (result.value.getTime() <= start.getTime()) return { ok: false, code: "end_before_start", params: {} };
    if (result.value.getTime() - start.getTime() > LIMITS.maxDurationDays * 86_400_000) return { ok: false, code: "event_too_long", params: { days: LIMITS.maxDurationDays } };
    return result;
  });
}

export function askCapacity(conversation: BotConversation, ctx: ConvContext, takenSeats = 0): Promise<Answer<number>> {
  return askField(conversation, ctx, ctx.t("events-admin-ask-capacity"), replyKeyboard([["0"]]), (text): Attempt<number> => {
    const result = parseCapacity(text);
    if (result.ok && result.value > 0 && result.value < takenSeats) return { ok: false, code: "capacity_below_taken", params: { taken: takenSeats } };
    return result;
  });
}

export function askDeadline(conversation: BotConversation, ctx: ConvContext, start: Date, timeZone: string, now: Date, locale: DisplayLocale): Promise<Answer<Date | null>> {
  const prompt = ctx.t("events-admin-ask-deadline", { zone: zoneAbbreviation(timeZone), start: formatDateTime(start, timeZone, locale) });
  const skip = skipLabel(ctx);
  return askField<Date | null>(conversation, ctx, prompt, replyKeyboard([[skip]]), (text) => {
    if (same(text, skip)) return { ok: true, value: null };
    const result = parseLocalDateTime(text, timeZone);
    if (!result.ok) return result;
    if (result.value.getTime() > start.getTime()) return { ok: false, code: "deadline_after_start", params: {} };
    if (result.value.getTime() <= now.getTime()) return { ok: false, code: "deadline_in_past", params: {} };
    return result;
  });
}

export function askAudience(conversation: BotConversation, ctx: ConvContext): Promise<Answer<Audience>> {
  const everyone = ctx.t("events-admin-btn-audience-everyone");
  const alumni = ctx.t("events-admin-btn-audience-alumni");
  return askField<Audience>(conversation, ctx, ctx.t("events-admin-ask-audience"), replyKeyboard([[everyone, alumni]]), (text) => {
    if (same(text, everyone)) return { ok: true, value: "semua" };
    if (same(text, alumni)) return { ok: true, value: "alumni" };
    return parseAudience(text);
  });
}

export function askCompanions(conversation: BotConversation, ctx: ConvContext): Promise<Answer<number>> {
  return askField(conversation, ctx, ctx.t("events-admin-ask-companions", { max: LIMITS.companionsMax }), replyKeyboard([["0", "1", "2"]]), parseMaxCompanions);
}

export function askDescription(conversation: BotConversation, ctx: ConvContext): Promise<Answer<string>> {
  const skip = skipLabel(ctx);
  return askField(conversation, ctx, ctx.t("events-admin-ask-description"), replyKeyboard([[skip]]), (text) =>
    same(text, skip) ? { ok: true, value: "" } : parseDescription(text),
  );
}
