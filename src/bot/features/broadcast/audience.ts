// The audience step of /siaran: everyone, a role, provinces (paged toggles), or an event's participants;
// an organiser is offered only provinces (theirs) and the participants of their events.
import { InlineKeyboard } from "grammy";
import { provinces, type Province } from "../../../domain/areas.js";
import { eventSegments, type Audience } from "../../../domain/broadcast/audience.js";
import { askButton, type Answer } from "../../conversation/ask.js";
import type { BotConversation, ConvContext } from "../../context.js";
import { escapeHtml, HTML, type Translate } from "../../format.js";
import { audienceCb, eventCb, provinceCb, segmentCb } from "./callbacks.js";
import { broadcastableEvents } from "../../../domain/events/lookup.js";

const PROVINCES_PER_PAGE = 10;

/**
 * What the person composing may choose (see audienceKindsFor and provincesOf in src/domain/organisers.ts):
 * the audience kinds, and the provinces (null = every province). Plain data, so it can sit in the replay log.
 */
export interface AudienceScope {
  kinds: Audience["kind"][];
  provinces: string[] | null;
}

/** The audience buttons' kinds (audienceCb) and the audience kind each stands for. */
const BUTTON_KINDS = { all: "all", alumni: "role", calon: "role", provinces: "provinces", event: "event" } as const satisfies Record<string, Audience["kind"]>;
type ButtonKind = keyof typeof BUTTON_KINDS;

/** A button of a question that this person may not press (a forged or foreign one): the ordinary refusal. */
const refused = (c: ConvContext) => c.t("button-expired");

function audienceKeyboard(t: Translate, scope: AudienceScope): InlineKeyboard {
  const offered = (kind: ButtonKind) => scope.kinds.includes(BUTTON_KINDS[kind]);
  const keyboard = new InlineKeyboard();
  if (offered("all")) keyboard.text(t("broadcast-audience-all"), audienceCb.pack({ kind: "all" })).row();
  if (offered("alumni")) keyboard.text(t("broadcast-audience-alumni"), audienceCb.pack({ kind: "alumni" })).text(t("broadcast-audience-calon"), audienceCb.pack({ kind: "calon" })).row();
  if (offered("provinces")) keyboard.text(t("broadcast-audience-provinces"), audienceCb.pack({ kind: "provinces" }));
  if (offered("event")) keyboard.text(t("broadcast-audience-event"), audienceCb.pack({ kind: "event" }));
  return keyboard;
}

/** Asks whom a broadcast goes to, within the scope; the answer's ctx is the newest. */
export async function chooseAudience(
  conversation: BotConversation,
  ctx: ConvContext,
  t: Translate,
  useButtons: (c: ConvContext) => Promise<unknown>,
  scope: AudienceScope,
): Promise<Answer<Audience>> {
  await ctx.reply(t("broadcast-audience-ask"), { reply_markup: audienceKeyboard(t, scope) });
  const kind = await askButton(conversation, {
    callback: audienceCb,
    otherwise: useButtons,
    captionIsContent: true,
    valid: (data) => scope.kinds.includes(BUTTON_KINDS[data.kind]),
    stale: refused,
  });
  ctx = kind.ctx;
  if (kind.value.kind === "all") return { value: { kind: "all" }, ctx };
  if (kind.value.kind === "alumni" || kind.value.kind === "calon") return { value: { kind: "role", role: kind.value.kind }, ctx };
  if (kind.value.kind === "provinces") {
    const codes = await chooseProvinces(conversation, ctx, t, useButtons, scope.provinces);
    return { value: { kind: "provinces", codes: codes.value }, ctx: codes.ctx };
  }

  const events = await conversation.external(async (outer) =>
    broadcastableEvents(outer.deps.db, 10, scope.provinces),
  );
  if (events.length === 0) {
    await ctx.reply(t("broadcast-event-none"));
    return chooseAudience(conversation, ctx, t, useButtons, scope);
  }
  const eventKeyboard = new InlineKeyboard();
  for (const e of events) eventKeyboard.text(t("broadcast-button-event", { id: String(e.id), title: e.title.slice(0, 40) }), eventCb.pack({ id: e.id })).row();
  await ctx.reply(t("broadcast-event-ask"), { reply_markup: eventKeyboard });
  const event = await askButton(conversation, { callback: eventCb, otherwise: useButtons, captionIsContent: true, valid: (data) => events.some((e) => e.id === data.id), stale: refused });
  ctx = event.ctx;
  const eventId = event.value.id;
  const title = events.find((e) => e.id === eventId)?.title ?? "";
  const segmentKeyboard = new InlineKeyboard();
  for (const segment of eventSegments) segmentKeyboard.text(t(`broadcast-segment-${segment}`), segmentCb.pack({ segment })).row();
  await ctx.reply(t("broadcast-segment-ask", { title: escapeHtml(title) }), { ...HTML, reply_markup: segmentKeyboard });
  const segment = await askButton(conversation, { callback: segmentCb, otherwise: useButtons, captionIsContent: true });
  return { value: { kind: "event", eventId, segment: segment.value.segment }, ctx: segment.ctx };
}

/** The provinces to toggle: the organiser's, or every province. */
function provinceChoices(scope: readonly string[] | null): readonly Province[] {
  return scope ? provinces.filter((p) => scope.includes(p.code)) : provinces;
}

function provinceKeyboard(t: Translate, selected: readonly string[], page: number, choices: readonly Province[]): InlineKeyboard {
  const pages = Math.max(1, Math.ceil(choices.length / PROVINCES_PER_PAGE));
  const keyboard = new InlineKeyboard();
  choices.slice(page * PROVINCES_PER_PAGE, (page + 1) * PROVINCES_PER_PAGE).forEach((p, index) => {
    keyboard.text(`${selected.includes(p.code) ? "✅ " : ""}${p.name}`, provinceCb.pack({ action: "toggle", value: p.code }));
    if (index % 2 === 1) keyboard.row();
  });
  keyboard.row();
  if (pages > 1) {
    if (page > 0) keyboard.text("◀️", provinceCb.pack({ action: "page", value: String(page - 1) }));
    keyboard.text(`${page + 1}/${pages}`, provinceCb.pack({ action: "page", value: String(page) }));
    if (page < pages - 1) keyboard.text("▶️", provinceCb.pack({ action: "page", value: String(page + 1) }));
    keyboard.row();
  }
  keyboard.text(t("broadcast-provinces-done", { count: selected.length }), provinceCb.pack({ action: "done", value: "0" }));
  return keyboard;
}

/** Provinces as paged toggle buttons (only `scope`'s when given), until "done" with at least one chosen. */
export async function chooseProvinces(
  conversation: BotConversation,
  ctx: ConvContext,
  t: Translate,
  useButtons: (c: ConvContext) => Promise<unknown>,
  scope: readonly string[] | null = null,
): Promise<Answer<string[]>> {
  const choices = provinceChoices(scope);
  const pages = Math.max(1, Math.ceil(choices.length / PROVINCES_PER_PAGE));
  let selected: string[] = [];
  let page = 0;
  await ctx.reply(t("broadcast-provinces-ask", { count: 0 }), { reply_markup: provinceKeyboard(t, selected, page, choices) });
  // every press is an answer (toggle, page, done); the keyboard is redrawn until "done"
  while (true) {
    const press = await askButton(conversation, {
      callback: provinceCb,
      otherwise: useButtons,
      captionIsContent: true,
      // a province outside the choices (a forged button) is no answer: the ordinary refusal
      valid: (data) => (data.action === "done" ? selected.length > 0 : data.action !== "toggle" || choices.some((p) => p.code === data.value)),
      stale: (c) => (provinceCb.unpack(c.callbackQuery?.data)?.action === "done" ? t("broadcast-provinces-none") : refused(c)),
      close: (c, data) => (data.action === "done" ? c.editMessageReplyMarkup().catch(() => undefined) : Promise.resolve()),
    });
    ctx = press.ctx;
    const data = press.value;
    if (data.action === "done") return { value: selected, ctx };
    if (data.action === "toggle") {
      selected = selected.includes(data.value) ? selected.filter((c) => c !== data.value) : [...selected, data.value].sort();
    } else if (data.action === "page") {
      page = Math.min(pages - 1, Math.max(0, Number(data.value)));
    }
    await ctx
      .editMessageText(t("broadcast-provinces-ask", { count: selected.length }), { reply_markup: provinceKeyboard(t, selected, page, choices) })
      .catch(() => undefined);
  }
}
