/* global document, window, fetch, setTimeout, clearTimeout */
// The demo chat page, part 1 of 3: the page's elements, the shared state and small helpers (view.js
// draws, app.js acts and listens). Plain browser JavaScript modules, no build step.

const $ = (id) => document.getElementById(id);

export const el = {
  switch: $("persona-switch"),
  botName: $("bot-name"),
  subtitle: $("bot-subtitle"),
  whoami: $("whoami"),
  banner: $("banner"),
  adminTips: $("admin-tips"),
  channelTips: $("channel-tips"),
  inlineTips: $("inline-tips"),
  inlineExample: $("inline-example"),
  inlinePopup: $("inline-popup"),
  composer: $("composer"),
  adminId: $("admin-id"),
  messages: $("messages"),
  list: $("list"),
  empty: $("empty"),
  startBtn: $("start-btn"),
  input: $("input"),
  send: $("send-btn"),
  menuBtn: $("menu-btn"),
  attachBtn: $("attach-btn"),
  attachMenu: $("attach-menu"),
  fileInput: $("file-input"),
  attachment: $("attachment"),
  attachmentName: $("attachment-name"),
  attachmentCancel: $("attachment-cancel"),
  kbToggle: $("kb-toggle"),
  replyKb: $("reply-kb"),
  commands: $("commands-popup"),
  toast: $("toast"),
  alert: $("alert"),
  alertText: $("alert-text"),
};

export const AVATAR_CLASS = { pengguna1: "avatar-1", pengguna2: "avatar-2", admin: "avatar-admin", kanal: "avatar-2" };
/** Waits this long after the last keystroke before asking the bot for inline results. */
export const INLINE_DEBOUNCE_MS = 300;

export const state = {
  personas: [],
  active: "pengguna1",
  /** chatId → { messages: Map<id, view>, replyKeyboard, unread, draft, scroll, kbHidden } */
  chats: new Map(),
  status: { state: "starting" },
  bot: null,
  connected: false,
  attachment: null,
  typingTimer: undefined,
  /** inline mode: the pending query timer, the last answer ({ queryId, results }) and a counter against stale answers */
  inline: { timer: undefined, answer: null, seq: 0 },
};

export const timeFormat = new Intl.DateTimeFormat("id-ID", { hour: "2-digit", minute: "2-digit" });
export const dayFormat = new Intl.DateTimeFormat("id-ID", { weekday: "long", day: "numeric", month: "long" });

// ------------------------------------------------------------------------------------------- helpers

export function persona(key = state.active) {
  return state.personas.find((p) => p.key === key);
}

export function chatOf(chatId) {
  const key = String(chatId);
  let chat = state.chats.get(key);
  if (!chat) {
    chat = { messages: new Map(), replyKeyboard: null, unread: 0, draft: "", scroll: null, kbHidden: false };
    state.chats.set(key, chat);
  }
  return chat;
}

export function activeChat() {
  const p = persona();
  return p ? chatOf(p.id) : null;
}

export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

export async function post(path, body) {
  const res = await fetch(path, { method: "POST", headers: { "content-type": "application/json", "x-demo": "1" }, body: JSON.stringify(body) });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error || `Gagal (${res.status})`);
  return data;
}

let toastTimer;
export function toast(text, ms = 2600) {
  el.toast.textContent = text;
  el.toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (el.toast.hidden = true), ms);
}

export function showAlert(text) {
  el.alertText.textContent = text;
  if (typeof el.alert.showModal === "function") el.alert.showModal();
  else window.alert(text);
}

export function nearBottom() {
  const m = el.messages;
  return m.scrollHeight - m.scrollTop - m.clientHeight < 80;
}

export function scrollToBottom() {
  el.messages.scrollTop = el.messages.scrollHeight;
}

export function dayLabel(date) {
  const d = new Date(date * 1000);
  const today = new Date();
  const yesterday = new Date(Date.now() - 86_400_000);
  if (d.toDateString() === today.toDateString()) return "Hari ini";
  if (d.toDateString() === yesterday.toDateString()) return "Kemarin";
  return dayFormat.format(d);
}
