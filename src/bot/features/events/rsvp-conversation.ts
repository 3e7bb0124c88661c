// The RSVP conversation: name (prefilled from Telegram), kabupaten/kota (checked against the official list,
// typos forgiven), gelombang or "not yet a participant", training (optional), phone (optional, only through
// Telegram's share-contact button), companions (when the event allows), consent if not given yet. Then the
// seat is reserved in one transaction and the ticket (.ics + QR) is sent.
import { Keyboard } from "grammy";
import type { Contact } from "grammy/types";
import type { Event, Registration } from "../../../generated/prisma/client.js";
import { matchProvince, matchRegency, provinceByCodeOrNull, regenciesOf } from "../../../domain/areas.js";
import { audienceAllows, getEventWithSeats } from "../../../domain/events/events.js";
import {
  normalizePhone,
  parseCompanions,
  parseFullName,
  parseGelombang,
  parseTraining,
  reserveSeat,
  type ReserveResult,
} from "../../../domain/events/rsvp.js";
import type { IssueParams, Parsed } from "../../../domain/events/validation.js";
import { findUser, hasCurrentConsent, recordConsent } from "../../../domain/users.js";
import type { BotConversation, ConvContext } from "../../context.js";
import { languageOf } from "../../i18n.js";
import { askText, tell, typedText } from "../../conversation/ask.js";
import type { EventsNotifier } from "./notify.js";
import { sendTicket } from "./notify.js";
import { storable } from "./plain.js";
import { escapeHtml, HTML, type Translate } from "../../format.js";
import { findEvent, findRegistration } from "../../../domain/events/lookup.js";

export const RSVP_CONVERSATION_ID = "events-rsvp";

/** Offer the whole list as buttons when a province has at most this many kabupaten/kota. */
const LIST_REGENCIES_UP_TO = 15;

type StartProblem = "not_found" | "not_open" | "deadline_passed";

/**
 * What the questions need of the event. The start is kept in the conversation's replay log and read back at
 * every step, so it holds these fields, not the whole row: the ticket at the end reads the event afresh.
 */
type EventAtStart = Pick<Event, "id" | "title" | "province" | "audience" | "maxCompanions">;

/** What the questions offer again from an earlier registration. */
type ExistingAnswers = Pick<Registration, "fullName" | "city" | "gelombang" | "training">;

interface RsvpStart {
  problem: StartProblem | null;
  event: EventAtStart | null;
  seatsLeft: number | null;
  user: { id: number; role: string | null; province: string | null; consent: boolean } | null;
  existing: ExistingAnswers | null;
}

interface RsvpSaved {
  result: ReserveResult | { ok: false; reason: "consent_missing"; params: IssueParams };
  event: Event | null;
}

const eventAtStart = ({ id, title, province, audience, maxCompanions }: Event): EventAtStart => ({ id, title, province, audience, maxCompanions });

async function loadStart(ctx: ConvContext["deps"], telegramId: number, eventId: number): Promise<RsvpStart> {
  const { db } = ctx;
  const now = ctx.now();
  const empty = { event: null, seatsLeft: null, user: null, existing: null };
  const found = await getEventWithSeats(db, eventId);
  if (!found) return { problem: "not_found", ...empty };
  const { event } = found;
  if (event.status !== "published") return { ...empty, problem: "not_open", event: eventAtStart(event) };
  if (now.getTime() >= (event.rsvpDeadline ?? event.startsAt).getTime()) return { ...empty, problem: "deadline_passed", event: eventAtStart(event) };
  const user = await findUser(db, telegramId);
  const existing = user ? await findRegistration(db, eventId, user.id) : null;
  const consent = hasCurrentConsent(user);
  const current = existing && ["confirmed", "waitlisted", "offered"].includes(existing.status) ? existing : null;
  return {
    problem: null,
    event: eventAtStart(event),
    seatsLeft: found.seatsLeft,
    user: user ? { id: user.id, role: user.role, province: consent ? user.province : null, consent } : null,
    existing: current && { fullName: current.fullName, city: current.city, gelombang: current.gelombang, training: current.training },
  };
}

/** "Kota Jambi", "muaro jambi", "Kab. Kerinci", or "Kota Bandung, Jawa Barat" for someone from elsewhere. */
export function resolveCity(eventProvince: string, userProvince: string | null, text: string): Parsed<string> & { candidates?: string[] } {
  const value = text.replace(/\s+/g, " ").trim().slice(0, 120);
  if (!value) return { ok: false, code: "required", params: {} };
  const comma = value.lastIndexOf(",");
  if (comma > 0) {
    const province = matchProvince(value.slice(comma + 1)).match;
    if (province) {
      const regency = matchRegency(province.code, value.slice(0, comma)).match;
      if (regency) return { ok: true, value: regency.name };
    }
  }
  const inEvent = matchRegency(eventProvince, value);
  if (inEvent.match) return { ok: true, value: inEvent.match.name };
  if (userProvince && userProvince !== eventProvince) {
    const inHome = matchRegency(userProvince, value);
    if (inHome.match) return { ok: true, value: inHome.match.name };
  }
  return {
    ok: false,
    code: "city_unknown",
    params: { value, province: provinceByCodeOrNull(eventProvince)?.name ?? "" },
    candidates: inEvent.candidates.map((r) => r.name),
  };
}

function keyboardOf(rows: string[][], placeholder?: string): Keyboard {
  const keyboard = new Keyboard();
  rows.forEach((row, i) => {
    for (const label of row) keyboard.text(label);
    if (i < rows.length - 1) keyboard.row();
  });
  const sized = keyboard.resized().oneTime();
  return placeholder ? sized.placeholder(placeholder) : sized;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function createRsvpConversation(notifier: EventsNotifier, botUsername: () => string) {
  return async function rsvp(conversation: BotConversation, ctx: ConvContext, eventId: number): Promise<void> {
    const from = ctx.from;
    if (!from) return;
    const t: Translate = (key, params) => ctx.t(key, params);
    const language = languageOf(ctx);
    const removeKeyboard = { remove_keyboard: true } as const;
    const say = (text: string, markup?: Keyboard | typeof removeKeyboard) => tell(conversation, from.id, text, { ...HTML, ...(markup ? { reply_markup: markup } : {}) });

    const start = await conversation.external(storable((outer) => loadStart(outer.deps, from.id, eventId)));
    if (start.problem || !start.event) {
      await say(t(`events-rsvp-problem-${start.problem ?? "not_found"}`, { title: escapeHtml(start.event?.title ?? "") }));
      return;
    }
    const event = start.event;
    const existing = start.existing;
    const title = escapeHtml(event.title);
    await say(t(existing ? "events-rsvp-intro-update" : "events-rsvp-intro", { title }));
    if (!existing && start.seatsLeft === 0) await say(t("events-rsvp-full-warning"));

    /** Asks, then keeps asking politely until `parse` accepts the typed answer; `ctx` becomes the answer's. */
    async function askField<T>(prompt: string, markup: Keyboard | typeof removeKeyboard, parse: (text: string) => Parsed<T> & { candidates?: string[] }, error: (code: string, params: IssueParams) => string): Promise<T> {
      await say(prompt, markup);
      const answer = await askText<T, { code: string; params: IssueParams; candidates?: string[] }>(conversation, {
        parse: (_text, c) => parse(typedText(c)),
        invalid: (c, result) => c.reply(error(result.code, result.params), { ...HTML, reply_markup: result.candidates && result.candidates.length > 0 ? keyboardOf(chunk(result.candidates, 2)) : markup }),
        otherwise: (c) => c.reply(t("events-answer-with-text"), { reply_markup: markup }),
      });
      ctx = answer.ctx;
      return answer.value;
    }

    // 1. name, prefilled from Telegram (or from the existing registration)
    const suggestedName = existing?.fullName ?? [from.first_name, from.last_name].filter(Boolean).join(" ");
    const fullName = await askField(
      t("events-rsvp-ask-name"),
      suggestedName ? keyboardOf([[suggestedName.slice(0, 100)]]) : removeKeyboard,
      parseFullName,
      (code, params) => t(`events-rsvp-error-${code}`, params),
    );

    // 2. kabupaten/kota
    const regencies = regenciesOf(event.province).map((r) => r.name);
    const cityRows = existing?.city ? [[existing.city]] : regencies.length <= LIST_REGENCIES_UP_TO ? chunk(regencies, 2) : [];
    const city = await askField(
      t("events-rsvp-ask-city", { province: provinceByCodeOrNull(event.province)?.name ?? "" }),
      cityRows.length > 0 ? keyboardOf(cityRows) : removeKeyboard,
      (text) => resolveCity(event.province, start.user?.province ?? null, text),
      (code, params) => t(`events-rsvp-error-${code}`, params),
    );

    // 3. gelombang, or not yet a participant
    const notYet = t("events-rsvp-btn-not-participant");
    const gelombangRows = [[notYet]];
    if (existing?.gelombang) gelombangRows.unshift([String(existing.gelombang)]);
    const gelombang = await askField<number | null>(
      t("events-rsvp-ask-gelombang"),
      keyboardOf(gelombangRows, t("events-rsvp-gelombang-placeholder")),
      (text) => (same(text, notYet) || /^belum\b|^not yet\b/i.test(text) ? { ok: true, value: null } : parseGelombang(text)),
      (code, params) => t(`events-rsvp-error-${code}`, params),
    );
    if (!audienceAllows(event.audience, start.user?.role ?? null, gelombang)) {
      await say(t("events-rsvp-alumni-only", { title }), removeKeyboard);
      return;
    }

    // 4. training (optional, only for alumni)
    const skip = t("events-btn-skip");
    let training: string | null = null;
    if (gelombang !== null) {
      const rows = existing?.training ? [[existing.training.slice(0, 60)], [skip]] : [[skip]];
      training = await askField<string | null>(
        t("events-rsvp-ask-training"),
        keyboardOf(rows),
        (text) => (same(text, skip) ? { ok: true, value: null } : parseTraining(text)),
        (code, params) => t(`events-rsvp-error-${code}`, params),
      );
    }

    // 5. phone: only through the share-contact button, never typed
    const phoneKeyboard = new Keyboard().requestContact(t("events-rsvp-btn-share-phone")).row().text(skip).resized().oneTime();
    await say(t("events-rsvp-ask-phone"), phoneKeyboard);
    const phoneAnswer = await askText<string | null, { code: "not_yours" | "use_button" }>(conversation, {
      read: (c) => (c.message?.contact ? "" : undefined),
      parse: (_text, c) => {
        const contact: Contact | undefined = c.message?.contact;
        if (contact) return contact.user_id === from.id ? { ok: true, value: normalizePhone(contact.phone_number) } : { ok: false, code: "not_yours" };
        return same(typedText(c), skip) ? { ok: true, value: null } : { ok: false, code: "use_button" };
      },
      invalid: (c, result) => c.reply(t(result.code === "not_yours" ? "events-rsvp-phone-not-yours" : "events-rsvp-phone-use-button"), { ...HTML, reply_markup: phoneKeyboard }),
      otherwise: (c) => c.reply(t("events-rsvp-phone-use-button"), { reply_markup: phoneKeyboard }),
    });
    ctx = phoneAnswer.ctx;
    const phone = phoneAnswer.value;

    // 6. companions, when the event allows them
    let companions = 0;
    if (event.maxCompanions > 0) {
      const options = Array.from({ length: event.maxCompanions + 1 }, (_, i) => String(i));
      companions = await askField(
        t("events-rsvp-ask-companions", { max: event.maxCompanions }),
        keyboardOf([options]),
        (text) => parseCompanions(text, event.maxCompanions),
        (code, params) => t(`events-rsvp-error-${code}`, params),
      );
    }

    // 7. consent, if not given yet (nothing personal is stored before it)
    if (!start.user?.consent) {
      const yes = t("events-btn-consent-yes");
      const no = t("events-btn-consent-no");
      const agreed = await askField<boolean>(
        t("events-rsvp-ask-consent"),
        keyboardOf([[yes], [no]]),
        (text) => (same(text, yes) ? { ok: true, value: true } : same(text, no) ? { ok: true, value: false } : { ok: false, code: "consent_choice", params: {} }),
        (code) => t(`events-rsvp-error-${code}`),
      );
      if (!agreed) {
        await say(t("events-rsvp-consent-declined"), removeKeyboard);
        return;
      }
      await conversation.external(async (outer) => {
        await recordConsent(outer.deps.db, from.id, { firstName: from.first_name, language }, outer.deps.now());
      });
    }

    // 8. the seat: one transaction decides confirmed or waitlisted
    const saved = await conversation.external(
      storable(async (outer): Promise<RsvpSaved> => {
        const { db } = outer.deps;
        const user = await findUser(db, from.id);
        if (!user || !hasCurrentConsent(user)) return { result: { ok: false, reason: "consent_missing", params: {} }, event: null };
        const result = await reserveSeat(db, { eventId, userId: user.id, fullName, city, gelombang, training, phone, companions, now: outer.deps.now() });
        if (result.ok) {
          // committed: the event's announcement cards show the new seats left right away (once: this
          // external operation does not run again when the conversation is replayed)
          await notifier.seatsOrDetailsChanged(eventId);
          if (result.offers.length > 0) await notifier.offers(result.offers);
        }
        return { result, event: await findEvent(db, eventId) };
      }),
    );
    const result = saved.result;
    if (!result.ok) {
      await say(t(`events-rsvp-fail-${result.reason}`, { ...result.params, title }), removeKeyboard);
      return;
    }
    if (result.status === "waitlisted") {
      await say(t(result.updated ? "events-rsvp-updated-waitlisted" : "events-rsvp-waitlisted", { title, position: result.position }), removeKeyboard);
      return;
    }
    if (result.status === "offered") {
      await say(t("events-rsvp-updated-offered", { title }), removeKeyboard);
      return;
    }
    if (!saved.event) {
      // deleted in the moment after the seat was taken: nothing left to put on a ticket
      await say(t("events-rsvp-problem-not_found", { title }), removeKeyboard);
      return;
    }
    const chatId = ctx.chat?.id ?? from.id;
    await sendTicket(ctx.api, chatId, t, language, saved.event, result.registration, botUsername(), {
      intro: t(result.updated ? "events-rsvp-updated-confirmed" : "events-rsvp-confirmed", { title }),
      removeKeyboard: true,
    });
  };
}
