// A fixed data set with hand-computed statistics (see tests/domain/feedback-stats.test.ts for the sums).
import type { Db } from "../../src/db.js";
import { saveFeedback, type SurveyAnswersInput } from "../../src/domain/feedback/survey.js";
import { makeEvent, makeUser, register } from "./feedback-fixtures.js";

const answer = (a: Partial<SurveyAnswersInput> & Pick<SurveyAnswersInput, "rating" | "statusBefore" | "outcome">): SurveyAnswersInput => ({
  mostUseful: "materi",
  suggestion: null,
  outcomeField: null,
  story: null,
  storyConsent: "none",
  ...a,
});

/**
 * Event A "Temu Alumni Jambi": 10 registrations — u1–u4 confirmed and checked in, u5–u6 confirmed
 * only, u7 waitlisted, u8 offered, u9 cancelled, u10 expired; 5 answers (u1–u5).
 * Event B "Temu Alumni Gorontalo": u1, u6, u7 confirmed, nobody checked in; 2 answers (u6, then u1).
 * Programme: u8, u9 and one answer whose author erased their data (userId null).
 * FAQ: answer 1 got 👎 👎 👍, answer 2 got 👎, answer 3 got 👍.
 */
export async function seedStatsDataset(db: Db) {
  const user = (i: number) => makeUser(db, { firstName: `U${i}`, province: "15" });
  const [u1, u2, u3, u4, u5, u6, u7, u8, u9, u10] = [
    await user(1), await user(2), await user(3), await user(4), await user(5),
    await user(6), await user(7), await user(8), await user(9), await user(10),
  ];

  const a = await makeEvent(db, { title: "Temu Alumni Jambi", province: "15" });
  const b = await makeEvent(db, { title: "Temu Alumni Gorontalo", province: "75" });
  const came = new Date("2024-06-05T02:15:00Z");
  for (const who of [u1, u2, u3, u4]) await register(db, a.id, who.id, { checkedInAt: came });
  for (const who of [u5, u6]) await register(db, a.id, who.id);
  await register(db, a.id, u7.id, { status: "waitlisted" });
  await register(db, a.id, u8.id, { status: "offered" });
  await register(db, a.id, u9.id, { status: "cancelled" });
  await register(db, a.id, u10.id, { status: "expired" });
  for (const who of [u1, u6, u7]) await register(db, b.id, who.id);

  const A = `event:${a.id}`;
  const B = `event:${b.id}`;
  await saveFeedback(db, u1.id, A, answer({ rating: 5, statusBefore: "menganggur", outcome: "bekerja", outcomeField: "Admin gudang", suggestion: "Mohon adakan pelatihan offline di Jambi" }));
  await saveFeedback(db, u2.id, A, answer({ rating: 4, statusBefore: "menganggur", outcome: "keduanya", outcomeField: "Kuliner", suggestion: "Latihan praktik langsung lebih banyak, pelatihan offline juga", mostUseful: "jejaring" }));
  await saveFeedback(db, u3.id, A, answer({ rating: 4, statusBefore: "menganggur", outcome: "belum", suggestion: "Pelatihan luring di Jambi dan info lowongan kerja" }));
  await saveFeedback(db, u4.id, A, answer({ rating: 2, statusBefore: "bekerja", outcome: "usaha", outcomeField: "Jahit", suggestion: "Jadwal acara terlalu mepet" }));
  await saveFeedback(db, u5.id, A, answer({ rating: 5, statusBefore: "menganggur", outcome: "usaha", outcomeField: "Warung kopi" }));
  await saveFeedback(db, u6.id, B, answer({ rating: 3, statusBefore: "menganggur", outcome: "bekerja", outcomeField: "Pemasaran", suggestion: "Materi digital marketing lebih lanjut" }));
  await saveFeedback(db, u8.id, "program", answer({ rating: 5, statusBefore: "pelajar", outcome: "bekerja", outcomeField: "Desain", suggestion: "Insentif cair lebih cepat" }));
  await saveFeedback(db, u9.id, "program", answer({ rating: 3, statusBefore: "menganggur", outcome: "keduanya", outcomeField: "Salon", suggestion: "Pelatihan offline di daerah" }));
  // the erased author's answer: no user any more
  await db.feedback.create({
    data: { userId: null, scope: "program", rating: 4, mostUseful: "info_program", statusBefore: "menganggur", outcome: "belum" },
  });
  // u1 answers event B last: overall, this is u1's latest answer
  await new Promise((resolve) => setTimeout(resolve, 5));
  await saveFeedback(db, u1.id, B, answer({ rating: 1, statusBefore: "menganggur", outcome: "lainnya", outcomeField: "Magang" }));

  const faqs = [];
  for (const slug of ["daftar", "insentif", "sertifikat"]) {
    faqs.push(await db.faq.create({ data: { slug, category: "umum", question: `Tentang ${slug}?`, answer: "Jawaban." } }));
  }
  const votes: [number, boolean][] = [
    [0, false],
    [0, false],
    [0, true],
    [1, false],
    [2, true],
  ];
  for (const [index, helpful] of votes) await db.faqVote.create({ data: { faqId: faqs[index]!.id, helpful } });

  return { eventA: a, eventB: b, users: [u1, u2, u3, u4, u5, u6, u7, u8, u9, u10] };
}
