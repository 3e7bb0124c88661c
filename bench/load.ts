// The load generator: simulated Telegram users, played in this process through the emulator, talking to a
// bot process. Each user sends its next update only after the bot's reply to the previous one (what a
// person does, and per-chat order). Two drivers:
//
// - closed loop (throughput): every user goes as fast as the bot answers; with enough users the bot is
//   saturated and the replies per second are its capacity;
// - open loop (latency): updates are offered at a fixed rate (e.g. 200/s), each to the next idle user,
//   whatever the bot is doing; latency = update handed out in getUpdates → the bot's first reply call.
//
// The mixed load is 60 % FAQ questions (free text from tests/fixtures/faq-questions.json), 20 % menu
// navigation (/menu, then a main-menu button), 20 % RSVP steps (/acara, the register button, and every
// answer of the registration conversation up to the ticket), counted in updates. Features that are not
// there are detected by a probe first and replaced by what the bot does offer (recorded in `modes`).
import fs from "node:fs";
import path from "node:path";
import type { Update } from "grammy/types";
import { seededRandom, type CallRecord, type EmuMessage, type EmuUser, type Emulator } from "../src/emulator/index.js";
import { floodLimitPacer, LatencyTracker, MixPlanner, REPLY_METHODS, paramsChatId, summarize, type Sample, type Summary } from "./measure.js";
import { repoRoot } from "./process.js";
import { BASE_TELEGRAM_ID, type SeededEvent } from "./seed.js";

export type MixKind = "faq" | "menu" | "rsvp";
export type Kind = MixKind | "echo" | "reset";
export const MIX: Readonly<Record<MixKind, number>> = { faq: 0.6, menu: 0.2, rsvp: 0.2 };

export interface Modes {
  /** "faq": answered by the FAQ feature; "fallback": free text reached only the fallback */
  faq: "faq" | "fallback";
  /** "menu": /menu shows the main menu and its buttons are pressed; "unavailable": no menu */
  menu: "menu" | "unavailable";
  /**
   * "conversation": /acara, register, every question up to the ticket; "placeholder": /acara and an
   * event's details (no conversation); "unavailable": /acara is not a command yet
   */
  rsvp: "conversation" | "placeholder" | "unavailable";
}

/** Main-menu buttons a user presses (row, column): about, FAQ, events, privacy. The eligibility check and
 * feedback open conversations of their own, which would swallow the next free-text question. */
const MENU_BUTTONS: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [1, 0],
  [1, 1],
  [2, 1],
];

const FALLBACK_QUESTIONS = [
  "prakerja tu apaan sih kak",
  "cara daftar prakerja gimana",
  "syarat ikut prakerja apa aja",
  "insentif prakerja brp",
  "kapan gelombang baru dibuka",
  "brp hr batas beli pelatihan stlh sk?",
];

/** The free-text questions of the FAQ fixture (labelled and unlabelled), or a few built-in ones. */
export function loadQuestions(): { questions: string[]; source: string } {
  const file = path.join(repoRoot, "tests/fixtures/faq-questions.json");
  try {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Array<{ question?: unknown }>;
    const questions = parsed.map((q) => q.question).filter((q): q is string => typeof q === "string" && q.trim() !== "");
    if (questions.length > 0) return { questions, source: "tests/fixtures/faq-questions.json" };
  } catch {
    // fall through
  }
  return { questions: FALLBACK_QUESTIONS, source: "built-in list (tests/fixtures/faq-questions.json missing)" };
}

// ------------------------------------------------------------------------------------------ replies

type InlineButton = { text: string; callback_data?: string };
type ReplyButton = { text: string; request_contact?: boolean; request_location?: boolean };
type Markup = { inline_keyboard?: InlineButton[][]; keyboard?: Array<Array<ReplyButton | string>>; remove_keyboard?: boolean; input_field_placeholder?: string };

/** One message the bot sent or edited: the message as the emulator answered it, and the markup it was sent with. */
export interface BotReply {
  method: string;
  message: EmuMessage;
  /** reply_markup as the bot sent it (reply keyboards are not part of the stored message) */
  markup: Markup | undefined;
}

function callbackData(r: BotReply, re: RegExp): string[] {
  const kb = r.message.reply_markup?.inline_keyboard ?? r.markup?.inline_keyboard ?? [];
  return (kb.flat() as InlineButton[]).map((b) => b.callback_data).filter((d): d is string => typeof d === "string" && re.test(d));
}

function replyKeyboard(r: BotReply): ReplyButton[] | undefined {
  const kb = r.markup?.keyboard;
  return kb ? kb.flat().map((b) => (typeof b === "string" ? { text: b } : b)) : undefined;
}

/**
 * A question of the RSVP conversation: it comes with a reply keyboard (or removes one). Not /acara's own
 * offer to share a location, which it sends after the list: it can arrive after the user has already
 * pressed "Daftar", and taken for the first question it put the user out of step with the conversation.
 */
function isPrompt(r: BotReply): boolean {
  if (!r.markup) return false;
  if (r.markup.remove_keyboard === true) return true;
  const keyboard = replyKeyboard(r);
  return keyboard !== undefined && !keyboard.some((b) => b.request_location);
}

// -------------------------------------------------------------------------------------------- waiting

interface Waiter {
  test: (r: BotReply) => boolean;
  resolve: (r: BotReply) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/** Routes the bot's sends and edits (from the emulator's call log) to the one user waiting in that chat: O(1) each. */
export class ChatWatcher {
  private readonly waiters = new Map<number, Waiter>();
  private readonly listener = (c: CallRecord) => {
    if (!c.ok || !REPLY_METHODS.has(c.method) || typeof c.result !== "object" || c.result === null) return;
    const chatId = paramsChatId(c.params);
    if (chatId === undefined) return;
    const w = this.waiters.get(chatId);
    if (!w) return;
    const reply: BotReply = { method: c.method, message: c.result as EmuMessage, markup: c.params.reply_markup as Markup | undefined };
    if (!w.test(reply)) return;
    this.waiters.delete(chatId);
    clearTimeout(w.timer);
    w.resolve(reply);
  };

  constructor(private readonly emu: Emulator) {
    emu.on("call", this.listener);
  }

  /** Resolves with the first message the bot sends or edits in the chat from now on that `test` accepts. */
  wait(chatId: number, test: (r: BotReply) => boolean, timeoutMs: number): Promise<BotReply> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(chatId);
        reject(new Error(`no reply in chat ${chatId} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.get(chatId)?.reject(new Error("replaced"));
      this.waiters.set(chatId, { test, resolve, reject, timer });
    });
  }

  /** Gives up waiting in a chat (the wait's promise rejects). */
  cancel(chatId: number): void {
    const w = this.waiters.get(chatId);
    if (!w) return;
    this.waiters.delete(chatId);
    clearTimeout(w.timer);
    w.reject(new Error("cancelled"));
  }

  close(): void {
    this.emu.off("call", this.listener);
    for (const w of this.waiters.values()) clearTimeout(w.timer);
    this.waiters.clear();
  }
}

// ---------------------------------------------------------------------------------------------- gates

/** Decides when a user may send its next update. */
export interface Gate {
  wait(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Closed loop: at once. */
export const OPEN_GATE: Gate = { wait: () => Promise.resolve() };

/**
 * Open loop: `rate` updates per second, each granted to the user that has waited longest (so consecutive
 * updates go to distinct users). Grants the schedule missed while no user was idle are owed and handed out
 * as soon as users are free (`maxBacklog` says how far behind it got).
 */
export class RateGate implements Gate {
  private readonly ready: Array<() => void> = [];
  private granted = 0;
  private startedAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private draining = false;
  readonly grants: number[] = [];
  maxBacklog = 0;

  constructor(private readonly rate: number) {}

  start(): void {
    this.startedAt = performance.now();
    this.timer = setInterval(() => this.tick(), 1);
  }

  private tick(): void {
    const now = performance.now();
    const due = Math.floor(((now - this.startedAt) / 1000) * this.rate);
    while (this.granted < due && this.ready.length > 0) {
      this.granted++;
      this.grants.push(now);
      (this.ready.shift() as () => void)();
    }
    this.maxBacklog = Math.max(this.maxBacklog, due - this.granted);
  }

  wait(): Promise<void> {
    if (this.draining) return Promise.resolve();
    return new Promise((resolve) => this.ready.push(resolve));
  }

  /** Stop pacing: everyone waiting (and later) goes at once, so running episodes can finish. */
  drain(): void {
    this.draining = true;
    clearInterval(this.timer);
    for (const resolve of this.ready.splice(0)) resolve();
  }
}

// ---------------------------------------------------------------------------------------------- users

export interface LoadStats {
  sent: Record<Kind, number>;
  timeouts: Record<Kind, number>;
  /** sends the per-user pacer held back, to stay under the bot's flood limit (warm-up included) */
  paced: Record<Kind, number>;
  errors: Record<Kind, number>;
  episodes: Record<Kind, number>;
  /** RSVP conversations that reached the ticket */
  tickets: number;
}

const zero = (): Record<Kind, number> => ({ faq: 0, menu: 0, rsvp: 0, echo: 0, reset: 0 });
export const emptyStats = (): LoadStats => ({ sent: zero(), timeouts: zero(), paced: zero(), errors: zero(), episodes: zero(), tickets: 0 });

export interface LoadContext {
  emu: Emulator;
  watcher: ChatWatcher;
  tracker: LatencyTracker;
  stats: LoadStats;
  modes: Modes;
  planner: MixPlanner<MixKind>;
  questions: readonly string[];
  events: ReadonlyMap<number, SeededEvent>;
  random: () => number;
  gate: Gate;
  /** per-step reply timeout */
  timeoutMs: number;
  /** episodes of this kind instead of the mix (the echo baseline; FAQ questions only) */
  only?: "echo" | "faq";
}

/** Connects the emulator's call log to the tracker: getUpdates answers are deliveries, sends are replies. */
export function trackCalls(emu: Emulator, tracker: () => LatencyTracker): () => void {
  const listener = (c: CallRecord) => {
    if (!c.ok) return;
    if (c.method === "getUpdates") {
      if (Array.isArray(c.result) && c.result.length > 0) tracker().noteDelivered(c.result, performance.now());
      return;
    }
    if (!REPLY_METHODS.has(c.method)) return;
    const chatId = paramsChatId(c.params);
    if (chatId !== undefined) tracker().noteReply(chatId, performance.now());
  };
  emu.on("call", listener);
  return () => emu.off("call", listener);
}

function describeUpdate(u: Update): string {
  if (u.message) return u.message.text ?? "(message)";
  if (u.callback_query) return `[button ${u.callback_query.data ?? ""}]`;
  return "(update)";
}

export class SimUser {
  readonly user: EmuUser;
  readonly chatId: number;
  /** a step timed out: the next episode starts with /batal */
  dirty = false;
  /** what the user sent last and is waiting for a reply to (diagnostics) */
  waitingFor: { kind: Kind; sent: string; since: number } | undefined;
  private readonly pacer = floodLimitPacer();
  private questionCursor: number;

  constructor(
    readonly index: number,
    private readonly ctx: () => LoadContext,
  ) {
    const id = BASE_TELEGRAM_ID + index;
    this.user = { id, first_name: `Pengguna ${index}`, language_code: "id" };
    this.chatId = id;
    this.questionCursor = index * 7;
  }

  /** false once the driver stops: a long RSVP episode is then left after its current step */
  private active: () => boolean = () => true;

  /** Runs episodes until `active()` turns false (the step in flight is finished first). */
  async loop(active: () => boolean): Promise<void> {
    this.active = active;
    try {
      while (active()) await this.episode();
    } finally {
      this.active = () => true;
    }
  }

  async episode(): Promise<void> {
    const ctx = this.ctx();
    if (this.dirty) {
      this.dirty = false;
      ctx.stats.episodes.reset++;
      await this.act("reset", () => ctx.emu.sendCommand(this.user, "/batal"), () => true);
      return;
    }
    if (ctx.only === "echo") {
      ctx.stats.episodes.echo++;
      await this.act("echo", () => ctx.emu.sendText(this.user, this.nextQuestion()), () => true);
      return;
    }
    if (ctx.only === "faq") {
      ctx.stats.episodes.faq++;
      await this.faq();
      return;
    }
    const kind = ctx.planner.start();
    ctx.stats.episodes[kind]++;
    try {
      if (kind === "faq") await this.faq();
      else if (kind === "menu") await this.menu();
      else await this.rsvp();
    } finally {
      ctx.planner.end(kind);
    }
  }

  private nextQuestion(): string {
    const { questions } = this.ctx();
    return questions[this.questionCursor++ % questions.length] as string;
  }

  /**
   * One update: waits for the gate (and the flood limit), sends, and resolves with the first bot message in
   * this chat that `expect` accepts (undefined after the timeout: the chat is marked dirty).
   */
  async act(kind: Kind, send: () => Update, expect: (r: BotReply) => boolean): Promise<BotReply | undefined> {
    const ctx = this.ctx();
    await ctx.gate.wait();
    // the bot's flood limit (20 updates per 10 s per user); the echo bot has none, so its users go unpaced
    if (ctx.only !== "echo") {
      let delay = this.pacer.delayMs(performance.now());
      if (delay > 0) ctx.stats.paced[kind]++;
      for (; delay > 0; delay = this.pacer.delayMs(performance.now())) await sleep(delay);
    }
    const reply = ctx.watcher.wait(this.chatId, expect, ctx.timeoutMs);
    let update: Update;
    try {
      update = send();
    } catch {
      // the button is gone (message edited) or similar: nothing was sent
      ctx.stats.errors[kind]++;
      reply.catch(() => undefined);
      ctx.watcher.cancel(this.chatId);
      return undefined;
    }
    const now = performance.now();
    this.waitingFor = { kind, sent: describeUpdate(update), since: now };
    this.pacer.record(now);
    ctx.tracker.noteInjected(update.update_id, kind, now);
    ctx.stats.sent[kind]++;
    try {
      return await reply;
    } catch {
      ctx.stats.timeouts[kind]++;
      ctx.tracker.abandon(this.chatId);
      this.dirty = true;
      return undefined;
    } finally {
      this.waitingFor = undefined;
    }
  }

  private async faq(): Promise<void> {
    const { emu } = this.ctx();
    await this.act("faq", () => emu.sendText(this.user, this.nextQuestion()), () => true);
  }

  private async menu(): Promise<void> {
    const { emu, modes, random } = this.ctx();
    const menu = await this.act("menu", () => emu.sendCommand(this.user, "/menu"), (m) => modes.menu !== "menu" || callbackData(m, /^main\//).length > 0);
    if (!menu || modes.menu !== "menu") return;
    const buttons = callbackData(menu, /^main\//);
    const wanted = MENU_BUTTONS[Math.floor(random() * MENU_BUTTONS.length)] as readonly [number, number];
    const data = buttons.find((d) => d.startsWith(`main/${wanted[0]}/${wanted[1]}/`)) ?? (buttons[0] as string);
    await this.act("menu", () => emu.clickButton(this.user, menu.message.message_id, data), () => true);
  }

  private async rsvp(): Promise<void> {
    const { emu, modes, random, events } = this.ctx();
    const wantButtons = modes.rsvp === "conversation" ? /^evr:\d+$/ : /^evd:\d+$/;
    const list = await this.act("rsvp", () => emu.sendCommand(this.user, "/acara"), (m) => modes.rsvp === "unavailable" || callbackData(m, wantButtons).length > 0);
    if (!list || modes.rsvp === "unavailable") return;
    const choices = callbackData(list, wantButtons);
    const data = choices[Math.floor(random() * choices.length)] as string;
    if (modes.rsvp === "placeholder") {
      await this.act("rsvp", () => emu.clickButton(this.user, list.message.message_id, data), () => true);
      return;
    }
    const event = events.get(Number(data.split(":")[1]));
    let prompt = await this.act("rsvp", () => emu.clickButton(this.user, list.message.message_id, data), isPrompt);
    let step: "name" | "city" | "gelombang" | "training" | "phone" | "companions" = "name";
    for (let i = 0; prompt && !prompt.message.document && i < 8; i++) {
      if (!this.active()) {
        // the driver stopped: leave the conversation with /batal at the start of the next phase
        this.dirty = true;
        return;
      }
      const keyboard = replyKeyboard(prompt) ?? [];
      const placeholder = prompt.markup?.input_field_placeholder;
      if (keyboard.some((b) => b.request_contact)) step = "phone";
      else if (placeholder) step = "gelombang";
      else if ((step === "phone" || step === "companions") && keyboard.length > 0 && keyboard.every((b) => /^\d$/.test(b.text))) step = "companions";
      let answer: string;
      let expect: (r: BotReply) => boolean = isPrompt;
      switch (step) {
        case "name":
          answer = keyboard[0]?.text ?? this.user.first_name ?? "Budi Santoso";
          step = "city";
          break;
        case "city":
          answer = event?.city ?? keyboard[0]?.text ?? "Kota Jambi";
          step = "gelombang";
          break;
        case "gelombang":
          answer = String(1 + (this.index % 60));
          step = "training";
          break;
        case "training":
          answer = "Digital Marketing untuk UMKM";
          step = "phone";
          break;
        case "phone":
          answer = keyboard.find((b) => !b.request_contact)?.text ?? "Lewati";
          step = "companions";
          // after the phone: the ticket (message, QR photo, .ics document), or one more question
          expect = (r) => !!r.message.document || (replyKeyboard(r)?.length ?? 0) > 0;
          break;
        case "companions":
          answer = "0";
          expect = (r) => !!r.message.document || (replyKeyboard(r)?.length ?? 0) > 0;
          break;
      }
      prompt = await this.act("rsvp", () => emu.sendText(this.user, answer), expect);
    }
    if (prompt?.message.document) this.ctx().stats.tickets++;
    else if (prompt) this.dirty = true; // left the conversation somewhere unexpected: /batal next time
  }
}

// --------------------------------------------------------------------------------------------- probe

/**
 * Finds out what the bot offers, with one user, before the load: does free text reach the FAQ, does /menu
 * show the main menu, does /acara list events with a register button that starts the conversation.
 */
export async function probeModes(ctx: LoadContext, user: SimUser): Promise<{ modes: Modes; notes: string[] }> {
  const { emu } = ctx;
  const notes: string[] = [];
  ctx.gate = OPEN_GATE;

  const faq = await user.act("faq", () => emu.sendText(user.user, "cara daftar prakerja gimana"), () => true);
  const faqMode: Modes["faq"] = faq && callbackData(faq, /^main\//).length === 0 ? "faq" : "fallback";
  if (faqMode === "fallback") notes.push("FAQ: free text got the fallback (main menu), not an FAQ answer: the FAQ feature is not registered");

  const menu = await user.act("menu", () => emu.sendCommand(user.user, "/menu"), () => true);
  const menuMode: Modes["menu"] = menu && callbackData(menu, /^main\//).length > 0 ? "menu" : "unavailable";
  if (menuMode === "unavailable") notes.push("menu: /menu did not show the main menu");

  let rsvpMode: Modes["rsvp"] = "unavailable";
  const list = await user.act("rsvp", () => emu.sendCommand(user.user, "/acara"), () => true);
  const register = list ? callbackData(list, /^evr:\d+$/) : [];
  const details = list ? callbackData(list, /^evd:\d+$/) : [];
  if (list && register.length > 0) {
    const prompt = await user.act("rsvp", () => emu.clickButton(user.user, list.message.message_id, register[0] as string), isPrompt);
    if (prompt) rsvpMode = "conversation";
    user.dirty = false;
    await user.act("reset", () => emu.sendCommand(user.user, "/batal"), () => true);
  }
  if (rsvpMode === "unavailable" && details.length > 0) {
    rsvpMode = "placeholder";
    notes.push("RSVP: the register button did not start the registration conversation; placeholder /acara + event details used");
  }
  if (rsvpMode === "unavailable") notes.push("RSVP: /acara listed no events with buttons (events feature missing?); /acara alone counted as the RSVP step");
  user.dirty = false;
  return { modes: { faq: faqMode, menu: menuMode, rsvp: rsvpMode }, notes };
}

// ------------------------------------------------------------------------------------------- drivers

/** CPU the bot process used in the measurement window (from /proc): robust to other load on the machine. */
export interface CpuUse {
  /** CPU ms per update that got its reply in the window */
  msPerUpdate: number;
  /** cores busy on average (1 = one core fully) */
  cores: number;
}

function cpuUse(cpu: (() => number | undefined) | undefined, before: number | undefined, windowMs: number, updates: number): CpuUse | undefined {
  const after = cpu?.();
  if (before === undefined || after === undefined || updates === 0) return undefined;
  return { msPerUpdate: (after - before) / updates, cores: (after - before) / windowMs };
}

export interface ThroughputResult {
  users: number;
  cpu: CpuUse | undefined;
  seconds: number;
  /** replies (first reply of an update) per second in the measurement window */
  updatesPerSecond: number;
  byKind: Partial<Record<Kind, number>>;
  /** latency while saturated (informational: it is mostly queueing) */
  latency: Summary;
  stats: LoadStats;
  /** users still inside an episode when the drain gave up */
  undrained: number;
}

export interface LatencyResult {
  cpu: CpuUse | undefined;
  offeredRate: number;
  /** grants per second actually made in the window */
  achievedRate: number;
  seconds: number;
  latency: Summary;
  /** update queued in the emulator → first reply (includes waiting for the bot's next getUpdates) */
  endToEnd: Summary;
  byKind: Partial<Record<Kind, Summary>>;
  maxBacklog: number;
  stats: LoadStats;
  undrained: number;
}

async function drainUsers(loops: Promise<void>[], timeoutMs: number): Promise<number> {
  let done = 0;
  const tracked = loops.map((p) => p.then(() => void done++));
  await Promise.race([Promise.all(tracked), sleep(timeoutMs)]);
  return loops.length - done;
}

function byKindCounts(samples: readonly Sample[]): Partial<Record<Kind, number>> {
  const out: Partial<Record<Kind, number>> = {};
  for (const s of samples) out[s.kind as Kind] = (out[s.kind as Kind] ?? 0) + 1;
  return out;
}

/** Every user as fast as the bot answers; replies per second after a warm-up. */
export async function closedLoop(
  ctx: LoadContext,
  users: readonly SimUser[],
  options: { warmupMs: number; measureMs: number; drainMs?: number; cpu?: () => number | undefined },
): Promise<ThroughputResult> {
  ctx.tracker = new LatencyTracker();
  ctx.stats = emptyStats();
  ctx.gate = OPEN_GATE;
  let active = true;
  const loops = users.map((u) => u.loop(() => active));
  await sleep(options.warmupMs);
  const cpuBefore = options.cpu?.();
  const from = performance.now();
  await sleep(options.measureMs);
  const to = performance.now();
  const samples = ctx.tracker.repliedBetween(from, to);
  const cpu = cpuUse(options.cpu, cpuBefore, to - from, samples.length);
  active = false;
  const stats = structuredClone(ctx.stats);
  const undrained = await drainUsers(loops, options.drainMs ?? 30_000);
  const seconds = (to - from) / 1000;
  return {
    users: users.length,
    cpu,
    seconds,
    updatesPerSecond: samples.length / seconds,
    byKind: byKindCounts(samples),
    latency: summarize(samples.map((s) => s.latencyMs)),
    stats,
    undrained,
  };
}

/** `rate` updates per second to the next idle user; latency of the updates delivered after the warm-up. */
export async function openLoop(
  ctx: LoadContext,
  users: readonly SimUser[],
  options: { rate: number; warmupMs: number; measureMs: number; drainMs?: number; cpu?: () => number | undefined },
): Promise<LatencyResult> {
  ctx.tracker = new LatencyTracker();
  ctx.stats = emptyStats();
  const gate = new RateGate(options.rate);
  ctx.gate = gate;
  let active = true;
  const loops = users.map((u) => u.loop(() => active));
  gate.start();
  await sleep(options.warmupMs);
  const cpuBefore = options.cpu?.();
  const from = performance.now();
  await sleep(options.measureMs);
  const to = performance.now();
  const cpu = cpuUse(options.cpu, cpuBefore, to - from, ctx.tracker.repliedBetween(from, to).length);
  active = false;
  const stats = structuredClone(ctx.stats);
  // let the last updates of the window get their replies before draining
  await sleep(1000);
  gate.drain();
  const undrained = await drainUsers(loops, options.drainMs ?? 30_000);
  ctx.gate = OPEN_GATE;
  const samples = ctx.tracker.deliveredBetween(from, to);
  const seconds = (to - from) / 1000;
  const kinds = [...new Set(samples.map((s) => s.kind as Kind))];
  return {
    cpu,
    offeredRate: options.rate,
    achievedRate: gate.grants.filter((t) => t >= from && t < to).length / seconds,
    seconds,
    latency: summarize(samples.map((s) => s.latencyMs)),
    endToEnd: summarize(samples.filter((s) => s.injectedAt !== undefined).map((s) => s.repliedAt - (s.injectedAt as number))),
    byKind: Object.fromEntries(kinds.map((k) => [k, summarize(samples.filter((s) => s.kind === k).map((s) => s.latencyMs))])),
    maxBacklog: gate.maxBacklog,
    stats,
    undrained,
  };
}

/** A load context for one bot process (one emulator). */
export function createLoadContext(options: { emu: Emulator; questions: readonly string[]; events: readonly SeededEvent[]; timeoutMs?: number; seed?: number; only?: "echo" | "faq" }): {
  ctx: LoadContext;
  users: (count: number) => SimUser[];
  close: () => void;
} {
  const watcher = new ChatWatcher(options.emu);
  const ctx: LoadContext = {
    emu: options.emu,
    watcher,
    tracker: new LatencyTracker(),
    stats: emptyStats(),
    modes: { faq: "faq", menu: "menu", rsvp: "conversation" },
    planner: new MixPlanner<MixKind>(MIX),
    questions: options.questions,
    events: new Map(options.events.map((e) => [e.id, e])),
    random: seededRandom(options.seed ?? 42),
    gate: OPEN_GATE,
    timeoutMs: options.timeoutMs ?? 30_000,
    ...(options.only ? { only: options.only } : {}),
  };
  const untrack = trackCalls(options.emu, () => ctx.tracker);
  return {
    ctx,
    users: (count) => Array.from({ length: count }, (_, i) => new SimUser(i, () => ctx)),
    close: () => {
      untrack();
      watcher.close();
    },
  };
}
