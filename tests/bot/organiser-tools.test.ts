// Province-scoped organisers (issue 16) using /buatacara and /siaran through bot.handleUpdate: an organiser
// for Jambi creates events only in Jambi and broadcasts only to Jambi's users or the participants of Jambi's
// events. Forged buttons for Gorontalo get the ordinary refusal and queue nothing; a scope that changes
// while a conversation is open is asked again when saving. National staff keep every choice.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotHarness, type RecordedCall, type TestUserInfo } from "../support/bot-harness.js";
import { OWNER, PRIVACY_NOW } from "../support/privacy-fixtures.js";
import { buttons, replyKeyboard, texts } from "./events-helpers.js";

let h: BotHarness;
const organiser = { id: 7_300_001, first_name: "Rahmat" };
const OUTSIDE = "Maaf, kamu hanya bisa mengadakan acara di wilayahmu sebagai penyelenggara (Jambi), dan Gorontalo di luar wilayah itu. Pilih salah satu provinsimu lewat tombol di bawah, ya.";

afterEach(async () => {
  await h.close();
});

async function makeOrganiser(codes: string[], who: TestUserInfo = organiser): Promise<void> {
  expect(await h.app.kit.deps.admins.addOrganiser(BigInt(who.id), codes, BigInt(OWNER.id))).toMatchObject({ ok: true });
}

const text = (calls: RecordedCall[]) => texts(calls).join("\n");
const labels = (calls: RecordedCall[]) => replyKeyboard(calls).map((b) => b.text);
const data = (calls: RecordedCall[]) => buttons(calls).map((b) => b.data ?? b.url ?? "");

describe("/buatacara for an organiser", () => {
  beforeEach(async () => {
    h = await BotHarness.create({ now: () => PRIVACY_NOW });
  });

  /** Answers every question after the province (17 updates in all stay below the flood limit of 20). */
  async function answerTheRest(who: TestUserInfo): Promise<RecordedCall[]> {
    for (const answer of ["Kota Jambi", "Aula Dinas", "Jl. Sultan Agung No. 9", "Lewati", "10-04-2027 09.00", "12.00", "50", "Lewati", "Semua orang", "0"]) {
      await h.send(who, answer);
    }
    return h.send(who, "Lewati");
  }

  it("offers only Jambi, refuses Gorontalo politely (nothing saved) and publishes the Jambi event", async () => {
    await makeOrganiser(["15"]);
    expect(texts(await h.send(organiser, "/buatacara"))[1]).toContain("Apa judul acaranya?");
    const province = await h.send(organiser, "Temu Alumni Jambi 2027");
    expect(text(province)).toBe("Di provinsi mana? Kamu penyelenggara untuk Jambi, jadi pilih salah satunya lewat tombol di bawah.");
    expect(labels(province)).toEqual(["Jambi"]);

    const refused = await h.send(organiser, "Gorontalo");
    expect(texts(refused)).toEqual([OUTSIDE]);
    expect(labels(refused)).toEqual(["Jambi"]);
    // an unknown name suggests only the organiser's own provinces
    const unknown = await h.send(organiser, "Atlantis");
    expect(text(unknown)).toContain('provinsi "Atlantis" tidak dikenali');
    expect(labels(unknown)).toEqual(["Jambi"]);
    expect(await h.db.event.count()).toBe(0);

    expect(text(await h.send(organiser, "jambi"))).toContain("Kabupaten/kota mana di Jambi?");
    const preview = await answerTheRest(organiser);
    expect(data(preview)).toEqual(["acp:publish", "acp:draft", "acp:discard"]);
    const published = await h.click(organiser, "acp:publish");
    const saved = await h.db.event.findFirstOrThrow();
    expect(saved).toMatchObject({ title: "Temu Alumni Jambi 2027", province: "15", city: "Kota Jambi", status: "published", timeZone: "Asia/Jakarta", createdBy: BigInt(organiser.id) });
    expect(text(published)).toContain(`https://t.me/prakerja_test_bot?start=acara_${saved.id}`);
    expect(await h.db.event.count()).toBe(1);
  });

  it("an organiser of several provinces gets them all as buttons; /batal after a refusal saves nothing", async () => {
    await makeOrganiser(["63", "15"]);
    await h.send(organiser, "/buatacara");
    const province = await h.send(organiser, "Temu Alumni Bersama");
    expect(labels(province)).toEqual(["Jambi", "Kalimantan Selatan"]);
    expect(text(await h.send(organiser, "Gorontalo"))).toContain("(Jambi, Kalimantan Selatan), dan Gorontalo di luar wilayah itu");
    await h.send(organiser, "/batal");
    expect(await h.db.event.count()).toBe(0);
  });

  it("the scope is asked again when saving: provinces taken away mid-conversation mean nothing is saved", async () => {
    await makeOrganiser(["15"]);
    await h.send(organiser, "/buatacara");
    await h.send(organiser, "Temu Alumni Jambi 2027");
    await h.send(organiser, "Jambi");
    await answerTheRest(organiser);
    // the owner moves the organiser to Gorontalo before the preview is confirmed
    await makeOrganiser(["75"]);
    const refused = await h.click(organiser, "acp:publish");
    expect(text(refused)).toContain("⚠️ Perubahan belum disimpan:");
    expect(text(refused)).toContain('provinsi "Jambi" di luar wilayah Anda sebagai penyelenggara');
    expect(await h.db.event.count()).toBe(0);
  });
});
