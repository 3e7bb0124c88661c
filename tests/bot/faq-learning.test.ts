import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FaqService } from "../../src/domain/faq/service.js";
import { seedBaseContent } from "../../src/domain/seed.js";
import { BotHarness, type RecordedCall } from "../support/bot-harness.js";

// The learning loop of /faq_admin (❓ Belum terjawab, 👎): through bot.handleUpdate, on the real database.

let h: BotHarness;
const ani = { id: 7501, first_name: "Ani" };
const budi = { id: 7502, first_name: "Budi" };
const adminUser = { id: 900001, first_name: "Admin" };

beforeEach(async () => {
  h = await BotHarness.create();
  await seedBaseContent(h.db);
});
afterEach(async () => {
  await h.close();
});

const lastText = (calls: RecordedCall[]) => BotHarness.texts(calls).at(-1) ?? "";
const buttons = (calls: RecordedCall[]) => BotHarness.buttons(calls);
const toast = (calls: RecordedCall[]) => String(calls.find((c) => c.method === "answerCallbackQuery")?.payload.text ?? "");
const sent = (calls: RecordedCall[]) => calls.filter((c) => c.method === "sendMessage");

/** The panel's button to a review list. */
async function openList(label: string): Promise<RecordedCall[]> {
  const panel = await h.send(adminUser, "/faq_admin");
  const button = buttons(panel).find((b) => b.text.startsWith(label));
  expect(button?.data).toMatch(/^fql:/);
  return h.click(adminUser, button?.data ?? "");
}

/**
 * A user types a question and presses a vote button under the answer. Like Telegram, the answer message
 * in the callback carries the message it replies to (the question) and its own keyboard.
 */
async function askAndVote(user: typeof ani, question: string, helpful: boolean): Promise<{ answer: RecordedCall[]; vote: RecordedCall[] }> {
  const answer = await h.send(user, question);
  const reply = sent(answer).at(-1);
  const questionId = (reply?.payload.reply_parameters as { message_id?: number } | undefined)?.message_id;
  expect(questionId).toBeTypeOf("number");
  const keyboard = reply?.payload.reply_markup as { inline_keyboard: { text: string; callback_data?: string }[][] };
  const data = buttons(answer)[helpful ? 0 : 1]?.data ?? "";
  const chat = { id: user.id, type: "private" as const, first_name: user.first_name };
  const before = h.calls.length;
  await h.handle({
    callback_query: {
      id: `vote-${questionId}`,
      chat_instance: "test",
      from: { id: user.id, is_bot: false, first_name: user.first_name },
      message: {
        message_id: (questionId ?? 0) + 1,
        date: Math.floor(Date.now() / 1000),
        chat,
        from: { id: 424242, is_bot: true, first_name: "Bot" },
        text: String(reply?.payload.text),
        reply_markup: keyboard,
        reply_to_message: { message_id: questionId ?? 0, date: Math.floor(Date.now() / 1000), chat, from: { id: user.id, is_bot: false, first_name: user.first_name }, text: question },
      },
      data,
    },
  } as never);
  return { answer, vote: h.calls.slice(before) };
}

describe("❓ Belum terjawab", () => {
  it("an unanswered question is attached with one tap and the very next identical question gets the direct answer, on other instances too", async () => {
    const question = "zzqx qwpo mrongos kliwon rekening";
    // another instance on the same database, with its own index (it checks the revision at every use here)
    const other = await FaqService.open(h.db, { checkEveryMs: 0 });
    expect(lastText(await h.send(ani, question))).toContain("belum tahu");
    expect(await h.db.unmatchedQuestion.count({ where: { text: question } })).toBe(1);
    expect(other.answer(question).kind).not.toBe("answer");

    const card = await openList("❓");
    const text = lastText(card);
    expect(text).toContain("1 dari 1");
    expect(text).toContain(question);
    const attach = buttons(card).filter((b) => b.text.startsWith("➕ jadikan frasa untuk:"));
    expect(attach.length).toBeGreaterThan(0);
    expect(attach.length).toBeLessThanOrEqual(3);
    for (const b of buttons(card)) expect(Buffer.byteLength(b.data ?? "")).toBeLessThanOrEqual(64);
    expect(buttons(card).map((b) => b.text)).toEqual(expect.arrayContaining(["🆕 jadikan entri baru", "🗑 abaikan"]));

    const faqId = Number(attach[0]?.data?.split(":")[3]);
    const entry = await h.db.faq.findUniqueOrThrow({ where: { id: faqId } });
    const done = await h.click(adminUser, attach[0]?.data ?? "", 3001);
    expect(toast(done)).toContain(`#${faqId}`);
    // the same message now says the list is empty (edited in place, no new message)
    expect(done.find((c) => c.method === "editMessageText")?.payload.message_id).toBe(3001);
    expect(lastText(done)).toContain("Tidak ada pertanyaan yang belum terjawab");
    expect(JSON.parse((await h.db.faq.findUniqueOrThrow({ where: { id: faqId } })).variants)).toContain(question);
    expect(await h.db.unmatchedQuestion.count()).toBe(0);

    // the very next identical question: the entry's answer directly, nothing recorded
    const next = await h.send(budi, question);
    expect(lastText(next)).toContain(entry.question);
    expect(buttons(next)[1]?.text).toBe("Tidak 👎");
    expect(await h.db.unmatchedQuestion.count()).toBe(0);
    // the other instance picked the change up from the revision
    await other.refresh();
    const elsewhere = other.answer(question);
    expect(elsewhere.kind === "answer" ? elsewhere.entry.id : null).toBe(faqId);
  });

  it("dismiss removes the question (and its repeats) from the list; pages go one question at a time", async () => {
    await h.send(ani, "zzqa pertanyaan aneh satu");
    await h.send(budi, "zzqa pertanyaan aneh satu");
    await h.send(ani, "zzqb pertanyaan aneh dua");
    const first = await openList("❓");
    // the most asked first
    expect(lastText(first)).toContain("zzqa pertanyaan aneh satu");
    expect(lastText(first)).toContain("2×");
    const labels = buttons(first).map((b) => b.text);
    expect(labels).toContain("1/2");
    expect(labels).toContain("▶️");
    expect(labels).not.toContain("◀️");
    const second = await h.click(adminUser, buttons(first).find((b) => b.text === "▶️")?.data ?? "");
    expect(lastText(second)).toContain("zzqb pertanyaan aneh dua");

    const dismiss = buttons(first).find((b) => b.text === "🗑 abaikan")?.data ?? "";
    const after = await h.click(adminUser, dismiss);
    expect(toast(after)).toContain("Diabaikan");
    expect(lastText(after)).toContain("1 dari 1");
    expect(lastText(after)).toContain("zzqb pertanyaan aneh dua");
    expect((await h.db.unmatchedQuestion.findMany()).map((u) => u.text)).toEqual(["zzqb pertanyaan aneh dua"]);
    // pressed again (a second admin, a double tap): told it was handled, nothing else goes
    expect(toast(await h.click(adminUser, dismiss))).toContain("sudah ditangani");
    expect(await h.db.unmatchedQuestion.count()).toBe(1);
  });

  it("turns a question into a new entry: the add flow starts with it, and users find the entry", async () => {
    const question = "zzqc mrongos kliwon mudik lebaran";
    await h.send(ani, question);
    const card = await openList("❓");
    const start = await h.click(adminUser, buttons(card).find((b) => b.text === "🆕 jadikan entri baru")?.data ?? "");
    expect(lastText(start)).toContain("Pertanyaan dari pengguna");
    expect(lastText(start)).toContain(question);
    const use = buttons(start).find((b) => b.text === "✅ Pakai apa adanya");
    const answerStep = await h.click(adminUser, use?.data ?? "");
    expect(lastText(answerStep)).toContain("Jawaban");
    await h.send(adminUser, "Boleh, pelatihan daring bisa diikuti dari mana saja selama ada internet.");
    await h.send(adminUser, "-");
    const category = await h.send(adminUser, "mudik, lebaran");
    await h.click(adminUser, buttons(category).find((b) => b.text === "pelatihan")?.data ?? buttons(category)[0]?.data ?? "");
    const save = await h.click(adminUser, "fqs:yes");
    expect(BotHarness.texts(save).join("\n")).toContain("tersimpan");
    const created = await h.db.faq.findFirstOrThrow({ where: { question } });
    expect(created.answer).toContain("dari mana saja");
    expect(await h.db.unmatchedQuestion.count()).toBe(0);
    expect(lastText(await h.send(budi, question))).toContain("dari mana saja");
  });

  it("shows hostile text safely: escaped in the message, the callback data carries ids only", async () => {
    const hostile = "zzqd <b>tebal</b> & <i>miring apa</i>";
    await h.send(ani, hostile);
    const card = await openList("❓");
    const text = lastText(card);
    expect(text).toContain("zzqd &lt;b&gt;tebal&lt;/b&gt; &amp; &lt;i&gt;miring apa&lt;/i&gt;");
    expect(text).not.toContain("<b>tebal");
    expect(card.find((c) => c.method === "editMessageText")?.payload.parse_mode).toBe("HTML");
    for (const b of buttons(card)) expect(b.data ?? "").toMatch(/^(fql:[a-z]+:\d+:\d+:\d+|fqa:[a-z]+:\d+)$/);
  });
});

describe("👎 questions", () => {
  it("a 👎 stores the question asked; it appears in the 👎 list and can be attached; the vote stays", async () => {
    const question = "kapan insentif cair <b>dong</b> & kapan";
    const { answer, vote } = await askAndVote(ani, question, false);
    const answeredId = Number(buttons(answer)[1]?.data?.split(":")[1]);
    expect(lastText(vote)).toContain("belum membantu");
    const [row] = await h.db.faqVote.findMany();
    expect(row).toMatchObject({ faqId: answeredId, helpful: false, question, reviewedAt: null });
    // votes stay anonymous
    expect(JSON.stringify(row)).not.toContain(String(ani.id));

    const card = await openList("👎");
    const text = lastText(card);
    expect(text).toContain("1 dari 1");
    expect(text).toContain("kapan insentif cair &lt;b&gt;dong&lt;/b&gt; &amp; kapan");
    expect(text).toContain(`#${answeredId}`);
    const attach = buttons(card).filter((b) => b.text.startsWith("➕ jadikan frasa untuk:"));
    expect(attach.length).toBeGreaterThan(0);
    // the entry that already answered it is not offered again
    expect(attach.every((b) => Number(b.data?.split(":")[3]) !== answeredId)).toBe(true);
    const target = Number(attach[0]?.data?.split(":")[3]);
    const done = await h.click(adminUser, attach[0]?.data ?? "");
    expect(toast(done)).toContain(`#${target}`);
    expect(lastText(done)).toContain("Tidak ada pertanyaan dengan 👎");
    expect(JSON.parse((await h.db.faq.findUniqueOrThrow({ where: { id: target } })).variants)).toContain(question);
    const reviewed = await h.db.faqVote.findMany();
    expect(reviewed).toHaveLength(1);
    expect(reviewed[0]?.reviewedAt).toBeInstanceOf(Date);
    // still counted in the entries with the most 👎
    expect(lastText(await h.click(adminUser, "fqa:worst:0"))).toContain("👎 1");
  });

  it("dismiss marks the 👎 reviewed without deleting it; a vote whose question Telegram did not include stores none", async () => {
    const { answer } = await askAndVote(ani, "kapan insentif cair", false);
    await askAndVote(budi, "kapan insentif cair", false);
    // a 👍 and a vote from a button without a typed question do not enter the list
    await askAndVote(budi, "brp hr batas beli pelatihan stlh sk", true);
    await h.click(ani, buttons(answer)[1]?.data ?? "", 9001);
    expect(await h.db.faqVote.count({ where: { question: null } })).toBe(1);

    const card = await openList("👎");
    expect(lastText(card)).toContain("1 dari 1");
    expect(lastText(card)).toContain("2×");
    const after = await h.click(adminUser, buttons(card).find((b) => b.text === "🗑 abaikan")?.data ?? "");
    expect(lastText(after)).toContain("Tidak ada pertanyaan dengan 👎");
    expect(await h.db.faqVote.count()).toBe(4);
    expect(await h.db.faqVote.count({ where: { question: "kapan insentif cair", reviewedAt: { not: null } } })).toBe(2);
  });
});

describe("forged learning-loop buttons", () => {
  it("a non-admin gets the ordinary refusal and nothing changes", async () => {
    await h.send(ani, "zzqe pertanyaan tanpa jawaban");
    await askAndVote(ani, "kapan insentif cair", false);
    const unmatched = await h.db.unmatchedQuestion.findFirstOrThrow();
    const vote = await h.db.faqVote.findFirstOrThrow();
    const entry = await h.db.faq.findUniqueOrThrow({ where: { slug: "call-center" } });
    for (const data of [`fql:ua:${unmatched.id}:${entry.id}:0`, `fql:ux:${unmatched.id}:0:0`, `fql:da:${vote.id}:${entry.id}:0`, `fql:dx:${vote.id}:0:0`, `fql:un:${unmatched.id}:0:0`, "fql:u:0:0:0"]) {
      const calls = await h.click(budi, data);
      expect(toast(calls)).toContain("Tombol ini sudah tidak berlaku");
      expect(BotHarness.texts(calls)).toEqual([]);
    }
    expect(await h.db.unmatchedQuestion.count()).toBe(1);
    expect((await h.db.faqVote.findUniqueOrThrow({ where: { id: vote.id } })).reviewedAt).toBeNull();
    expect((await h.db.faq.findUniqueOrThrow({ where: { id: entry.id } })).variants).toBe(entry.variants);
  });
});
