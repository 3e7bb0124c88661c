/* global document, window, fetch, EventSource, URL, URLSearchParams, requestAnimationFrame, setTimeout, clearTimeout */
// The demo chat page, part 3 of 3: what the person does (send, press, share, inline mode), the live
// event stream from the demo server, and the wiring of the page. State comes from /api/events: a snapshot
// of every persona's chat, then changes (new / edit / delete). Message text arrives as HTML the server built
// from Telegram entities with everything escaped; every other string goes into the page with textContent.
import { el, INLINE_DEBOUNCE_MS, state, persona, chatOf, activeChat, h, post, toast, showAlert, nearBottom, scrollToBottom } from "./page.js";
import { actions, renderRow, decorate, renderChat, renderReplyKeyboard, renderSwitch, renderWho, renderStatus } from "./view.js";

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

// the buttons view.js draws call these
Object.assign(actions, { pressInline, pressReply, switchTo });

void init();
