import { describe, expect, it } from "vitest";
import { readLabelledQuestions } from "../../bench/faq-eval.js";
import { FaqIndex } from "../../src/domain/faq/index.js";
import { classifySmallTalk, SMALL_TALK_REPLY_KEYS } from "../../src/domain/faq/small-talk.js";
import { readSeedFaq } from "../../src/domain/seed.js";

const questions = readLabelledQuestions();

describe("classifySmallTalk", () => {
  it("classifies every small-talk example of the labelled set, of every kind", () => {
    const examples = questions.filter((q) => q.kind);
    for (const kind of ["thanks", "salam", "help", "greeting", "ack", "noise"] as const) {
      expect(examples.filter((q) => q.kind === kind).length, kind).toBeGreaterThanOrEqual(3);
    }
    expect(examples.filter((q) => classifySmallTalk(q.question) !== q.kind).map((q) => `${q.question} → ${classifySmallTalk(q.question)}`)).toEqual([]);
  });

  it("never takes a question (labelled or off-topic) for small talk", () => {
    const questionsOnly = questions.filter((q) => !q.kind);
    expect(questionsOnly.filter((q) => classifySmallTalk(q.question) !== null).map((q) => q.question)).toEqual([]);
  });

  it("handles the cases from the issue and mixed messages", () => {
    expect(classifySmallTalk("makasih ya min")).toBe("thanks");
    expect(classifySmallTalk("Terima kasih banyak, Kak! 🙏")).toBe("thanks");
    expect(classifySmallTalk("ok sip")).toBe("ack");
    expect(classifySmallTalk("Assalamualaikum")).toBe("salam");
    expect(classifySmallTalk("assalamualaikum, makasih min")).toBe("salam");
    expect(classifySmallTalk("Halo min")).toBe("greeting");
    // a bare call for help, not the FAQ entry about other government aid ("bantuan")
    expect(classifySmallTalk("tolong bantu saya")).toBe("help");
    expect(classifySmallTalk("halo min, tolong bantu")).toBe("help");
    expect(classifySmallTalk("makasih atas bantuannya")).toBe("thanks");
    expect(classifySmallTalk("tolong bantu saya soal insentif")).toBeNull();
    expect(classifySmallTalk("-1")).toBe("noise");
    expect(classifySmallTalk("👍")).toBe("ack");
    expect(classifySmallTalk("")).toBeNull();
    // small talk with a question is a question
    expect(classifySmallTalk("makasih, trus insentifnya kapan cair?")).toBeNull();
    expect(classifySmallTalk("halo min mau tanya cara daftar")).toBeNull();
    expect(classifySmallTalk("ok, kalau KK ditolak gimana")).toBeNull();
  });

  it("has a reply key for every kind, and the matcher answers none to digits alone", () => {
    expect(Object.keys(SMALL_TALK_REPLY_KEYS).sort()).toEqual(["ack", "greeting", "help", "noise", "salam", "thanks"]);
    const index = FaqIndex.build(readSeedFaq().map((e, i) => ({ id: i + 1, ...e })));
    expect(index.answer("-1").kind).toBe("none");
    expect(index.answer("15").kind).toBe("none");
  });
});
