// The questions of the admin conversations (/buatacara and editing an event), one field each, with the
// domain's validation at every step. Shared so creating and editing ask the same way.
import { Keyboard } from "grammy";
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
import { typedText, waitAnswer } from "../../conversation/legacy.js";
import { HTML, type Translate } from "../../format.js";

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

export class AdminSteps {
  private readonly t: Translate;

  constructor(
    private readonly conversation: BotConversation,
    private readonly ctx: ConvContext,
    readonly locale: DisplayLocale,
  ) {
    this.t = (key, params) => ctx.t(key, params);
  }

  say(text: string, markup?: Markup | import("grammy").InlineKeyboard) {
    return this.ctx.reply(text, { ...HTML, ...(markup ? { reply_markup: markup } : {}) });
  }

  issue(code: string, params: IssueParams = {}): string {
    return this.t(`events-issue-${code}`, params);
  }

  /** Asks, then asks again (politely, with the reason) until the typed answer is valid. */
  async ask<T>(prompt: string, markup: Markup, parse: (text: string) => Attempt<T>): Promise<T> {
    await this.say(prompt, markup);
    for (;;) {
      const answer = await waitAnswer(this.conversation, { text: true }, (c) => c.reply(this.t("events-answer-with-text"), { reply_markup: markup }));
      const result = parse(typedText(answer));
      if (result.ok) return result.value;
      const again = result.candidates && result.candidates.length > 0 ? replyKeyboard(rows(result.candidates)) : markup;
      await this.say(this.issue(result.code, result.params), again);
    }
  }

  get skipLabel(): string {
    return this.t("events-btn-skip");
  }

  title(current?: string): Promise<string> {
    return this.ask(this.t("events-admin-ask-title"), current ? replyKeyboard([[current]]) : remove, parseTitle);
  }

  province(current?: string): Promise<Province> {
    return this.ask(this.t("events-admin-ask-province"), current ? replyKeyboard([[current]]) : remove, (text): Attempt<Province> => {
      const result = matchProvince(text.slice(0, 100));
      if (result.match) return { ok: true, value: result.match };
      return { ok: false, code: "province_unknown", params: { value: text, suggestions: "" }, candidates: result.candidates.map((p) => p.name) };
    });
  }

  city(provinceCode: string): Promise<string> {
    const all = regenciesOf(provinceCode).map((r) => r.name);
    const markup = all.length <= 15 ? replyKeyboard(rows(all)) : remove;
    const province = provinceByCodeOrNull(provinceCode)?.name ?? "";
    return this.ask(this.t("events-admin-ask-city", { province }), markup, (text): Attempt<string> => {
      const result = matchRegency(provinceCode, text.slice(0, 100));
      if (result.match) return { ok: true, value: result.match.name };
      return { ok: false, code: "city_unknown", params: { value: text, province, suggestions: "" }, candidates: result.candidates.map((r) => r.name) };
    });
  }

  venueName(current?: string): Promise<string> {
    return this.ask(this.t("events-admin-ask-venue"), current ? replyKeyboard([[current.slice(0, 60)]]) : remove, parseVenueName);
  }

  address(): Promise<string> {
    return this.ask(this.t("events-admin-ask-address"), remove, parseAddress);
  }

  /** A location sent from the attachment menu, "lat, lon" typed or pasted, or skipped. */
  async location(): Promise<{ latitude: number; longitude: number } | null> {
    const markup = replyKeyboard([[this.skipLabel]]);
    await this.say(this.t("events-admin-ask-location"), markup);
    for (;;) {
      const answer = await waitAnswer(this.conversation, { text: true, location: true }, (c) => c.reply(this.t("events-admin-location-nudge"), { reply_markup: markup }));
      const point = answer.message?.location ?? answer.message?.venue?.location;
      const text = point ? `${point.latitude}, ${point.longitude}` : typedText(answer);
      if (!point && same(text, this.skipLabel)) return null;
      const result = parseCoordinatePair(text);
      if (result.ok) return result.value;
      await this.say(this.issue(result.code, result.params), markup);
    }
  }

  private zoneHint(timeZone: string): string {
    return zoneAbbreviation(timeZone);
  }

  start(timeZone: string, now: Date): Promise<Date> {
    return this.ask(this.t("events-admin-ask-start", { zone: this.zoneHint(timeZone) }), remove, (text): Attempt<Date> => {
      const result = parseLocalDateTime(text, timeZone);
      if (!result.ok) return result;
      if (result.value.getTime() <= now.getTime()) return { ok: false, code: "start_in_past", params: {} };
      return result;
    });
  }

  end(start: Date, timeZone: string): Promise<Date> {
    const prompt = this.t("events-admin-ask-end", { zone: this.zoneHint(timeZone), start: formatDateTime(start, timeZone, this.locale) });
    return this.ask(prompt, remove, (text): Attempt<Date> => {
      const sameDay = endOnSameDay(text, start, timeZone);
      const result: Parsed<Date> = sameDay ? { ok: true, value: sameDay } : parseLocalDateTime(text, timeZone);
      if (!result.ok) return result;
      if (result.value.getTime() <= start.getTime()) return { ok: false, code: "end_before_start", params: {} };
      if (result.value.getTime() - start.getTime() > LIMITS.maxDurationDays * 86_400_000) return { ok: false, code: "event_too_long", params: { days: LIMITS.maxDurationDays } };
      return result;
    });
  }

  capacity(takenSeats = 0): Promise<number> {
    return this.ask(this.t("events-admin-ask-capacity"), replyKeyboard([["0"]]), (text): Attempt<number> => {
      const result = parseCapacity(text);
      if (result.ok && result.value > 0 && result.value < takenSeats) return { ok: false, code: "capacity_below_taken", params: { taken: takenSeats } };
      return result;
    });
  }

  deadline(start: Date, timeZone: string, now: Date): Promise<Date | null> {
    const prompt = this.t("events-admin-ask-deadline", { zone: this.zoneHint(timeZone), start: formatDateTime(start, timeZone, this.locale) });
    return this.ask<Date | null>(prompt, replyKeyboard([[this.skipLabel]]), (text) => {
      if (same(text, this.skipLabel)) return { ok: true, value: null };
      const result = parseLocalDateTime(text, timeZone);
      if (!result.ok) return result;
      if (result.value.getTime() > start.getTime()) return { ok: false, code: "deadline_after_start", params: {} };
      if (result.value.getTime() <= now.getTime()) return { ok: false, code: "deadline_in_past", params: {} };
      return result;
    });
  }

  audience(): Promise<Audience> {
    const everyone = this.t("events-admin-btn-audience-everyone");
    const alumni = this.t("events-admin-btn-audience-alumni");
    return this.ask<Audience>(this.t("events-admin-ask-audience"), replyKeyboard([[everyone, alumni]]), (text) => {
      if (same(text, everyone)) return { ok: true, value: "semua" };
      if (same(text, alumni)) return { ok: true, value: "alumni" };
      return parseAudience(text);
    });
  }

  companions(): Promise<number> {
    return this.ask(this.t("events-admin-ask-companions", { max: LIMITS.companionsMax }), replyKeyboard([["0", "1", "2"]]), parseMaxCompanions);
  }

  description(): Promise<string> {
    return this.ask(this.t("events-admin-ask-description"), replyKeyboard([[this.skipLabel]]), (text) =>
      same(text, this.skipLabel) ? { ok: true, value: "" } : parseDescription(text),
    );
  }
}
