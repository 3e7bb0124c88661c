/* global document, window, fetch, EventSource, URL, URLSearchParams, requestAnimationFrame, setTimeout, clearTimeout */
// The demo chat page. Plain browser JavaScript, no build step. State comes from the demo server's event
// stream (/api/events): a snapshot of every persona's chat, then changes (new / edit / delete).
// Message text arrives as HTML the server built from Telegram entities with everything escaped; every
// other string goes into the page with textContent.

const $ = (id) => document.getElementById(id);

const el = {
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

const AVATAR_CLASS = { pengguna1: "avatar-1", pengguna2: "avatar-2", admin: "avatar-admin", kanal: "avatar-2" };
/** Waits this long after the last keystroke before asking the bot for inline results. */
const INLINE_DEBOUNCE_MS = 300;

const state = {
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

const timeFormat = new Intl.DateTimeFormat("id-ID", { hour: "2-digit", minute: "2-digit" });
const dayFormat = new Intl.DateTimeFormat("id-ID", { weekday: "long", day: "numeric", month: "long" });

// ------------------------------------------------------------------------------------------- helpers

function persona(key = state.active) {
  return state.personas.find((p) => p.key === key);
}

function chatOf(chatId) {
  const key = String(chatId);
  let chat = state.chats.get(key);
  if (!chat) {
    chat = { messages: new Map(), replyKeyboard: null, unread: 0, draft: "", scroll: null, kbHidden: false };
    state.chats.set(key, chat);
  }
  return chat;
}

function activeChat() {
  const p = persona();
  return p ? chatOf(p.id) : null;
}

function h(tag, attrs = {}, ...children) {
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

async function post(path, body) {
  const res = await fetch(path, { method: "POST", headers: { "content-type": "application/json", "x-demo": "1" }, body: JSON.stringify(body) });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error || `Gagal (${res.status})`);
  return data;
}

let toastTimer;
function toast(text, ms = 2600) {
  el.toast.textContent = text;
  el.toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (el.toast.hidden = true), ms);
}

function showAlert(text) {
  el.alertText.textContent = text;
  if (typeof el.alert.showModal === "function") el.alert.showModal();
  else window.alert(text);
}

function nearBottom() {
  const m = el.messages;
  return m.scrollHeight - m.scrollTop - m.clientHeight < 80;
}

function scrollToBottom() {
  el.messages.scrollTop = el.messages.scrollHeight;
}

function dayLabel(date) {
  const d = new Date(date * 1000);
  const today = new Date();
  const yesterday = new Date(Date.now() - 86_400_000);
  if (d.toDateString() === today.toDateString()) return "Hari ini";
  if (d.toDateString() === yesterday.toDateString()) return "Kemarin";
  return dayFormat.format(d);
}

// ------------------------------------------------------------------------------------------- rendering

function renderBubble(m) {
  const bubble = h("div", { class: "bubble" });
  if (m.replyTo) bubble.append(h("div", { class: "reply-quote", text: m.replyTo.preview }));
  if (m.photo) {
    const img = h("img", { src: m.photo.url, alt: "Foto dari bot", loading: "lazy" });
    if (m.photo.width && m.photo.height) img.style.aspectRatio = `${m.photo.width} / ${m.photo.height}`;
    bubble.append(h("a", { class: "photo", href: m.photo.url, target: "_blank", rel: "noopener", title: "Buka gambar" }, img));
  }
  if (m.venue || m.location) {
    const place = m.venue || m.location;
    const map = h("a", { class: "map", href: place.mapUrl, target: "_blank", rel: "noopener noreferrer", title: "Buka di peta" }, h("span", { class: "pin", text: "📍" }), h("span", { class: "map-link", text: "Buka peta ↗" }));
    bubble.append(map);
    if (m.venue) {
      bubble.append(h("div", { class: "venue-title", text: m.venue.title }), h("div", { class: "venue-address", text: m.venue.address }));
    } else {
      bubble.append(h("div", { class: "venue-address", text: `${place.latitude.toFixed(5)}, ${place.longitude.toFixed(5)}` }));
    }
  }
  if (m.document) {
    const ext = (m.document.name.split(".").pop() || "file").slice(0, 4);
    bubble.append(
      h(
        "div",
        { class: "doc" },
        h("a", { class: "doc-icon", href: m.document.url, download: m.document.name, title: "Unduh", text: ext }),
        h(
          "div",
          { class: "doc-info" },
          h("a", { class: "doc-name", href: m.document.url, download: m.document.name, text: m.document.name }),
          h("span", { class: "doc-size" }, document.createTextNode(`${m.document.size} · `), h("a", { href: m.document.url, download: m.document.name, text: "Unduh" })),
        ),
      ),
    );
  }
  if (m.contact) {
    bubble.append(h("div", { class: "contact" }, h("span", { class: "contact-icon", text: "👤" }), h("div", {}, h("div", { class: "venue-title", text: m.contact.name }), h("div", { class: "venue-address", text: m.contact.phone }))));
  }
  if (m.unsupported) bubble.append(h("div", { class: "unsupported", text: `(${m.unsupported}: belum bisa ditampilkan di demo)` }));
  const meta = h("span", { class: "meta" }, document.createTextNode(`${m.edited ? "diedit " : ""}${timeFormat.format(new Date(m.date * 1000))}`));
  if (!m.fromBot) meta.append(h("span", { class: "ticks", text: "✓✓" }));
  if (m.html !== undefined) {
    const text = h("div", { class: "text" });
    text.innerHTML = m.html; // built by the server from entities; every character of the text is escaped
    text.append(meta);
    bubble.append(text);
  } else if (m.photo && !m.document && !m.venue) {
    bubble.classList.add("media-only");
    meta.classList.add("meta-float");
    bubble.append(meta);
  } else {
    bubble.append(h("div", { class: "text" }, meta));
  }
  return bubble;
}

function renderInlineKeyboard(m) {
  if (!m.inlineKeyboard) return null;
  const kb = h("div", { class: "inline-kb" });
  for (const row of m.inlineKeyboard) {
    const r = h("div", { class: "kb-row" });
    for (const b of row) {
      const button = h("button", { type: "button", class: b.kind === "url" ? "url" : undefined, text: b.text, title: b.kind === "url" ? b.url : undefined, disabled: b.kind === "other" });
      button.addEventListener("click", () => pressInline(m, b, button));
      r.append(button);
    }
    kb.append(r);
  }
  return kb;
}

function renderRow(m) {
  const row = h("div", { class: `row ${m.fromBot ? "in" : "out"}`, "data-id": m.id });
  row.dataset.date = String(m.date);
  const msg = h("div", { class: "msg" }, renderBubble(m));
  const kb = renderInlineKeyboard(m);
  if (kb) msg.append(kb);
  row.append(msg);
  return row;
}

/** Tails on the last bubble of a run from the same side, and a date chip before the first message of each day. */
function decorate() {
  const rows = [...el.list.children];
  let lastDay = "";
  rows.forEach((row, i) => {
    const next = rows[i + 1];
    const side = row.classList.contains("in");
    row.classList.toggle("group-end", !next || next.classList.contains("in") !== side || Boolean(next.querySelector(".inline-kb")) || Boolean(row.querySelector(".inline-kb")));
    const day = dayLabel(Number(row.dataset.date));
    if (day !== lastDay) row.dataset.day = day;
    else delete row.dataset.day;
    lastDay = day;
  });
}

function renderChat() {
  const chat = activeChat();
  el.list.replaceChildren();
  if (!chat) return;
  for (const m of chat.messages.values()) el.list.append(renderRow(m));
  decorate();
  el.empty.hidden = chat.messages.size > 0 || Boolean(persona()?.channel);
  renderReplyKeyboard();
  requestAnimationFrame(() => {
    if (chat.scroll === null) scrollToBottom();
    else el.messages.scrollTop = chat.scroll;
  });
}

function renderReplyKeyboard() {
  const chat = activeChat();
  const kb = chat?.replyKeyboard;
  el.kbToggle.hidden = !kb;
  el.replyKb.replaceChildren();
  if (!kb || chat.kbHidden) {
    el.replyKb.hidden = true;
    el.input.placeholder = "Tulis pesan…";
    return;
  }
  el.replyKb.hidden = false;
  el.input.placeholder = kb.placeholder || "Tulis pesan…";
  for (const row of kb.rows) {
    const r = h("div", { class: "kb-row" });
    for (const b of row) {
      const title = b.kind === "contact" ? "Membagikan nomor contoh persona ini" : b.kind === "location" ? "Mengirim lokasi" : undefined;
      const button = h("button", { type: "button", class: b.kind === "text" ? undefined : "special", text: b.text, title, disabled: b.kind === "other" });
      button.addEventListener("click", () => pressReply(b));
      r.append(button);
    }
    el.replyKb.append(r);
  }
}

function renderSwitch() {
  el.switch.replaceChildren();
  for (const p of state.personas) {
    const chat = chatOf(p.id);
    const button = h(
      "button",
      { type: "button", role: "tab", "data-persona": p.key, "aria-selected": String(p.key === state.active), title: `${p.label}: ${p.name} (id ${p.id})` },
      h("span", { class: `p-avatar ${AVATAR_CLASS[p.key] || "avatar-1"}`, text: p.admin ? "🛠" : p.channel ? "📢" : p.name.slice(0, 1) }),
      h("span", { class: "p-text" }, h("span", { class: "p-label", text: p.label }), h("span", { class: "p-name", text: p.name })),
      h("span", { class: "badge", hidden: chat.unread === 0, text: String(chat.unread) }),
    );
    button.addEventListener("click", () => switchTo(p.key));
    el.switch.append(button);
  }
}

function renderWho() {
  const p = persona();
  if (!p) return;
  if (p.channel) el.whoami.replaceChildren(document.createTextNode("Kanal "), h("b", { text: p.name }), document.createTextNode(" · hanya baca"));
  else el.whoami.replaceChildren(document.createTextNode("Kamu mengetik sebagai "), h("b", { text: p.name }), document.createTextNode(` · id ${p.id}`));
  el.adminTips.hidden = !p.admin;
  el.channelTips.hidden = !p.channel;
  el.inlineTips.hidden = Boolean(p.admin || p.channel);
  el.inlineExample.textContent = `@${state.bot?.username ?? "bot"} jambi`;
  el.composer.hidden = Boolean(p.channel);
  el.adminId.textContent = String(p.id);
}

function renderStatus() {
  const s = state.status;
  let text = "";
  let error = false;
  if (!state.connected) {
    text = "Koneksi ke server demo terputus. Menyambung ulang…";
    error = true;
  } else if (s.state === "starting") text = "Bot sedang dinyalakan… pesan yang kamu kirim akan dijawab begitu bot siap.";
  else if (s.state === "stopped") {
    text = s.message || "Bot berhenti.";
    error = true;
  }
  el.banner.hidden = text === "";
  el.banner.textContent = text;
  el.banner.classList.toggle("error", error);
}

// ------------------------------------------------------------------------------------------- actions

function switchTo(key) {
  if (key === state.active || !persona(key)) return;
  const current = activeChat();
  if (current) {
    current.draft = el.input.value;
    current.scroll = nearBottom() ? null : el.messages.scrollTop;
  }
  state.active = key;
  const chat = activeChat();
  chat.unread = 0;
  el.input.value = chat.draft;
  clearAttachment();
  closePopups();
  autoGrow();
  renderSwitch();
  renderWho();
  renderChat();
  el.input.focus();
  const url = new URL(window.location.href);
  url.searchParams.set("sebagai", key);
  window.history.replaceState(null, "", url);
}

async function sendText(text) {
  const p = persona();
  if (!p || !text.trim()) return;
  try {
    await post("/api/send", { user: p.key, text });
  } catch (err) {
    toast(err.message);
  }
}

async function sendFromComposer() {
  const text = el.input.value;
  const p = persona();
  if (!p) return;
  // Enter on "@bot …" shares the first result, as picking it would
  if (inlineQueryOf(text) !== null) {
    const first = state.inline.answer?.results[0];
    if (first) await chooseInline(first.id);
    return;
  }
  if (state.attachment) {
    const file = state.attachment;
    const params = new URLSearchParams({ user: p.key, name: file.name, caption: text.trim() });
    el.input.value = "";
    clearAttachment();
    autoGrow();
    try {
      const res = await fetch(`/api/document?${params}`, { method: "POST", headers: { "x-demo": "1", "content-type": "application/octet-stream" }, body: file });
      const data = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(data.error || `Gagal mengirim berkas (${res.status})`);
    } catch (err) {
      toast(err.message);
    }
    return;
  }
  if (!text.trim()) return;
  el.input.value = "";
  autoGrow();
  await sendText(text);
}

async function pressInline(m, b, button) {
  const p = persona();
  if (!p) return;
  if (b.kind === "url") {
    if (!openDeepLink(b.url)) window.open(b.url, "_blank", "noopener");
    return;
  }
  if (b.kind !== "callback") {
    toast("Tombol jenis ini tidak bisa dicoba di demo.");
    return;
  }
  button.classList.add("busy");
  try {
    await post("/api/click", { user: p.key, messageId: m.id, data: b.data });
  } catch (err) {
    toast(err.message);
  } finally {
    setTimeout(() => button.classList.remove("busy"), 400);
  }
}

async function pressReply(b) {
  const p = persona();
  const chat = activeChat();
  if (!p || !chat) return;
  if (chat.replyKeyboard?.oneTime) {
    chat.kbHidden = true;
    renderReplyKeyboard();
  }
  try {
    if (b.kind === "contact") {
      await post("/api/contact", { user: p.key });
      toast(`Nomor contoh ${p.name} dibagikan.`);
    } else if (b.kind === "location") await sendLocation();
    else await post("/api/send", { user: p.key, text: b.text });
  } catch (err) {
    toast(err.message);
  }
}

async function sendLocation() {
  const p = persona();
  if (!p) return;
  const answer = window.prompt("Kirim lokasi: tulis lintang, bujur", "-1.6101, 103.6131");
  if (!answer) return;
  const [lat, lon] = answer.split(/[,;\s]+/).filter(Boolean).map((x) => Number(x.replace(",", ".")));
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) {
    toast("Koordinat tidak valid. Contoh: -1.6101, 103.6131");
    return;
  }
  try {
    await post("/api/location", { user: p.key, latitude: lat, longitude: lon });
  } catch (err) {
    toast(err.message);
  }
}

/** A t.me link to this bot with ?start=…: Telegram opens the chat and sends "/start …"; so does the demo. */
function openDeepLink(href) {
  let url;
  try {
    url = new URL(href, window.location.href);
  } catch {
    return false;
  }
  const bot = state.bot?.username?.toLowerCase();
  if (!bot || !/^(t\.me|telegram\.me)$/i.test(url.hostname) || url.pathname.replace(/^\//, "").toLowerCase() !== bot) return false;
  const payload = url.searchParams.get("start");
  // from the channel, "Daftar" opens the bot's chat as the first user, like a reader of the channel
  if (persona()?.channel) switchTo(state.personas.find((p) => !p.admin && !p.channel)?.key);
  void sendText(payload ? `/start ${payload}` : "/start");
  return true;
}

function setAttachment(file) {
  state.attachment = file;
  el.attachment.hidden = false;
  el.attachmentName.textContent = `${file.name} (${Math.max(1, Math.round(file.size / 1024))} KB)`;
  const p = persona();
  if (p?.admin && /\.csv$/i.test(file.name) && el.input.value.trim() === "") el.input.value = "/impor_acara";
  el.input.focus();
}

function clearAttachment() {
  state.attachment = null;
  el.attachment.hidden = true;
  el.fileInput.value = "";
}

function closePopups() {
  el.commands.hidden = true;
  el.attachMenu.hidden = true;
  el.inlinePopup.hidden = true;
}

// ------------------------------------------------------------------------------------------- inline mode

/** "@bot jambi" in the text box → "jambi"; null when the text does not start with the bot's username. */
function inlineQueryOf(text) {
  const bot = state.bot?.username;
  if (!bot) return null;
  const match = new RegExp(`^@${bot}(?:\\s+([\\s\\S]*))?$`, "i").exec(text);
  return match ? (match[1] || "").trim() : null;
}

function scheduleInline() {
  clearTimeout(state.inline.timer);
  const query = inlineQueryOf(el.input.value);
  if (query === null) {
    state.inline.answer = null;
    el.inlinePopup.hidden = true;
    return;
  }
  state.inline.timer = setTimeout(() => void askInline(query), INLINE_DEBOUNCE_MS);
}

async function askInline(query) {
  const p = persona();
  if (!p || p.channel) return;
  const seq = ++state.inline.seq;
  let answer;
  try {
    answer = await post("/api/inline", { user: p.key, query });
  } catch (err) {
    toast(err.message);
    return;
  }
  if (seq !== state.inline.seq || inlineQueryOf(el.input.value) === null) return;
  state.inline.answer = answer;
  el.inlinePopup.replaceChildren();
  if (answer.results.length === 0) el.inlinePopup.append(h("button", { type: "button", disabled: true, text: "Tidak ada acara yang cocok." }));
  for (const r of answer.results) {
    const item = h("button", { type: "button", role: "option" }, h("span", { class: "result-title", text: r.title }), h("span", { class: "result-desc", text: r.description }));
    item.addEventListener("click", () => void chooseInline(r.id));
    el.inlinePopup.append(item);
  }
  el.commands.hidden = true;
  el.attachMenu.hidden = true;
  el.inlinePopup.hidden = false;
}

async function chooseInline(resultId) {
  const p = persona();
  const answer = state.inline.answer;
  if (!p || !answer) return;
  closePopups();
  state.inline.answer = null;
  el.input.value = "";
  autoGrow();
  try {
    await post("/api/inline/choose", { user: p.key, queryId: answer.queryId, resultId });
  } catch (err) {
    toast(err.message);
  }
}

async function toggleCommands() {
  if (!el.commands.hidden) {
    closePopups();
    return;
  }
  closePopups();
  let commands = [];
  try {
    commands = (await (await fetch("/api/commands")).json()).commands || [];
  } catch {
    commands = [];
  }
  el.commands.replaceChildren();
  if (commands.length === 0) el.commands.append(h("button", { type: "button", disabled: true, text: "Daftar perintah belum tersedia." }));
  for (const c of commands) {
    const item = h("button", { type: "button", role: "menuitem" }, h("span", { class: "cmd-name", text: `/${c.command}` }), h("span", { class: "cmd-desc", text: c.description }));
    item.addEventListener("click", () => {
      closePopups();
      void sendText(`/${c.command}`);
    });
    el.commands.append(item);
  }
  el.commands.hidden = false;
}

function autoGrow() {
  el.input.style.height = "auto";
  el.input.style.height = `${Math.min(160, el.input.scrollHeight)}px`;
}

function setTyping(action) {
  const labels = { typing: "mengetik…", upload_photo: "mengirim foto…", upload_document: "mengirim berkas…", find_location: "mencari lokasi…" };
  el.subtitle.textContent = labels[action] || "mengetik…";
  el.subtitle.classList.add("typing");
  clearTimeout(state.typingTimer);
  state.typingTimer = setTimeout(clearTyping, 5000);
}

function clearTyping() {
  clearTimeout(state.typingTimer);
  el.subtitle.textContent = "bot";
  el.subtitle.classList.remove("typing");
}

// ------------------------------------------------------------------------------------------- live updates

function applySnapshot(data) {
  const channel = state.personas.find((p) => p.channel);
  const chats = { ...data.chats, ...(channel && data.channel ? { [String(channel.id)]: data.channel } : {}) };
  for (const [chatId, snap] of Object.entries(chats)) {
    const chat = chatOf(chatId);
    chat.messages = new Map(snap.messages.map((m) => [m.id, m]));
    chat.replyKeyboard = snap.replyKeyboard;
  }
  state.status = data.status;
  renderStatus();
  renderSwitch();
  renderChat();
}

function applyChanges(batch) {
  const active = persona();
  const activeKey = active ? String(active.id) : "";
  const stick = nearBottom();
  let activeChanged = false;
  let scroll = false;
  let badges = false;
  for (const c of batch.changes) {
    const chat = chatOf(c.chatId);
    const isActive = String(c.chatId) === activeKey;
    if (c.kind === "delete") chat.messages.delete(c.message.id);
    else chat.messages.set(c.message.id, c.message);
    if (c.kind === "new" && c.message.fromBot && !isActive) {
      chat.unread++;
      badges = true;
    }
    if (!isActive) continue;
    activeChanged = true;
    if (c.message.fromBot && c.kind === "new") clearTyping();
    const existing = el.list.querySelector(`.row[data-id="${c.message.id}"]`);
    if (c.kind === "delete") existing?.remove();
    else if (existing) {
      const row = renderRow(c.message);
      if (c.kind === "edit") row.classList.add("flash");
      existing.replaceWith(row);
    } else {
      el.list.append(renderRow(c.message));
      scroll = scroll || stick || !c.message.fromBot;
    }
  }
  for (const [chatId, kb] of Object.entries(batch.keyboards)) {
    const chat = chatOf(chatId);
    if (JSON.stringify(chat.replyKeyboard) !== JSON.stringify(kb)) chat.kbHidden = false;
    chat.replyKeyboard = kb;
    if (chatId === activeKey) activeChanged = true;
  }
  if (activeChanged) {
    decorate();
    el.empty.hidden = (activeChat()?.messages.size ?? 0) > 0 || Boolean(persona()?.channel);
    renderReplyKeyboard();
    if (scroll) requestAnimationFrame(scrollToBottom);
  }
  if (badges) renderSwitch();
}

function connect() {
  const source = new EventSource("/api/events");
  source.addEventListener("open", () => {
    state.connected = true;
    renderStatus();
  });
  source.addEventListener("error", () => {
    state.connected = false;
    renderStatus();
  });
  source.addEventListener("snapshot", (e) => {
    state.connected = true;
    applySnapshot(JSON.parse(e.data));
  });
  source.addEventListener("changes", (e) => applyChanges(JSON.parse(e.data)));
  source.addEventListener("status", (e) => {
    state.status = JSON.parse(e.data);
    renderStatus();
  });
  source.addEventListener("typing", (e) => {
    const data = JSON.parse(e.data);
    if (String(data.chatId) === String(persona()?.id)) setTyping(data.action);
  });
  source.addEventListener("answer", (e) => {
    const data = JSON.parse(e.data);
    if (String(data.chatId) !== String(persona()?.id)) return;
    if (data.url && /^https?:\/\//i.test(data.url) && !openDeepLink(data.url)) window.open(data.url, "_blank", "noopener");
    if (!data.text) return;
    if (data.alert) showAlert(data.text);
    else toast(data.text);
  });
}

// ------------------------------------------------------------------------------------------- wiring

el.send.addEventListener("click", () => void sendFromComposer());
el.input.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    void sendFromComposer();
  }
});
el.input.addEventListener("input", () => {
  autoGrow();
  scheduleInline();
});
el.startBtn.addEventListener("click", () => void sendText("/start"));
el.menuBtn.addEventListener("click", (e) => {
  e.stopPropagation();
  void toggleCommands();
});
el.attachBtn.addEventListener("click", (e) => {
  e.stopPropagation();
  const open = el.attachMenu.hidden;
  closePopups();
  el.attachMenu.hidden = !open;
});
el.attachMenu.addEventListener("click", (e) => {
  const kind = e.target.closest("[data-attach]")?.dataset.attach;
  closePopups();
  if (kind === "file") el.fileInput.click();
  else if (kind === "location") void sendLocation();
});
el.fileInput.addEventListener("change", () => {
  const file = el.fileInput.files?.[0];
  if (file) setAttachment(file);
});
el.attachmentCancel.addEventListener("click", clearAttachment);
el.kbToggle.addEventListener("click", () => {
  const chat = activeChat();
  if (!chat) return;
  chat.kbHidden = !chat.kbHidden;
  renderReplyKeyboard();
});
document.addEventListener("click", (e) => {
  if (!e.target.closest(".popup")) closePopups();
  // commands in messages (and in the admin tips) are sent when pressed, like in Telegram
  const cmd = e.target.closest("a.cmd");
  if (cmd) {
    e.preventDefault();
    void sendText(cmd.dataset.command);
    return;
  }
  const link = e.target.closest(".text a[href]");
  if (link && openDeepLink(link.getAttribute("href"))) {
    e.preventDefault();
    return;
  }
  const spoiler = e.target.closest(".spoiler");
  if (spoiler) spoiler.classList.add("open");
});

async function init() {
  const info = await (await fetch("/api/state")).json();
  state.personas = info.personas;
  if (info.channel) state.personas.push({ key: info.channel.key, label: "Kanal", id: info.channel.id, name: info.channel.title, admin: false, channel: true });
  state.bot = info.bot;
  state.status = info.status;
  el.botName.textContent = info.bot.name;
  document.title = `${info.bot.name} · demo`;
  const wanted = new URLSearchParams(window.location.search).get("sebagai");
  if (wanted && persona(wanted)) state.active = wanted;
  renderSwitch();
  renderWho();
  renderStatus();
  connect();
  el.input.focus();
}

void init();
