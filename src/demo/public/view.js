/* global document, requestAnimationFrame */
// The demo chat page, part 2 of 3: drawing the chat, keyboards and header from the state. Buttons call
// the actions app.js registers in `actions` (so this file does not import app.js back).
import { el, AVATAR_CLASS, state, timeFormat, persona, chatOf, activeChat, h, scrollToBottom, dayLabel } from "./page.js";

/** Filled in by app.js: what a pressed button or persona tab does. */
export const actions = { pressInline: null, pressReply: null, switchTo: null };

// ------------------------------------------------------------------------------------------- rendering

export function renderBubble(m) {
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

export function renderInlineKeyboard(m) {
  if (!m.inlineKeyboard) return null;
  const kb = h("div", { class: "inline-kb" });
  for (const row of m.inlineKeyboard) {
    const r = h("div", { class: "kb-row" });
    for (const b of row) {
      const button = h("button", { type: "button", class: b.kind === "url" ? "url" : undefined, text: b.text, title: b.kind === "url" ? b.url : undefined, disabled: b.kind === "other" });
      button.addEventListener("click", () => actions.pressInline(m, b, button));
      r.append(button);
    }
    kb.append(r);
  }
  return kb;
}

export function renderRow(m) {
  const row = h("div", { class: `row ${m.fromBot ? "in" : "out"}`, "data-id": m.id });
  row.dataset.date = String(m.date);
  const msg = h("div", { class: "msg" }, renderBubble(m));
  const kb = renderInlineKeyboard(m);
  if (kb) msg.append(kb);
  row.append(msg);
  return row;
}

/** Tails on the last bubble of a run from the same side, and a date chip before the first message of each day. */
export function decorate() {
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

export function renderChat() {
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

export function renderReplyKeyboard() {
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
      button.addEventListener("click", () => actions.pressReply(b));
      r.append(button);
    }
    el.replyKb.append(r);
  }
}

export function renderSwitch() {
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
    button.addEventListener("click", () => actions.switchTo(p.key));
    el.switch.append(button);
  }
}

export function renderWho() {
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

export function renderStatus() {
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

