import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { importEvents, parseEventsCsv } from "../../src/domain/events/import.js";
import { renderImportErrorId } from "../../src/domain/events/messages.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";
import { NOW } from "./events-fixtures.js";

const run = promisify(execFile);

const HEADER = "judul,provinsi,kota,tempat,alamat,mulai,selesai,kapasitas,deskripsi,batas_rsvp,lat,lon";
const GOOD = [
  HEADER,
  'Temu Alumni Jambi,Jambi,Kota Jambi,Hotel Swiss-Belhotel,"Jl. Sultan Agung No. 99, Jambi",2027-03-10T09:00:00+07:00,2027-03-10T15:00:00+07:00,100,"Agenda:\n1. Pembukaan\n2. Cerita sukses",2027-03-08T23:59:00+07:00,-1.6101,103.6131',
  "Temu Alumni Banjarbaru,Kalimantan Selatan,banjarbaru,Aula Gawi Sabarataan,Jl. Pangeran Suriansyah No. 1,2027-04-03T09:00:00+08:00,2027-04-03T13:00:00+08:00,0,Workshop pemasaran digital,,,",
  "Temu Alumni Merauke,Papua Selatan,Merauke,Swiss-Belhotel Merauke,Jl. Raya Mandala No. 53,2027-05-05T10:00:00+09:00,2027-05-05T14:00:00+09:00,80,,,,",
].join("\n");

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("importing events from CSV", () => {
  it("imports a good file in full, with zones from the provinces and regencies matched leniently", async () => {
    t = await createTestDatabase();
    const result = await importEvents(t.db, GOOD, { createdBy: 42n, now: NOW });
    expect(result).toMatchObject({ ok: true, count: 3 });
    const events = await t.db.event.findMany({ orderBy: { startsAt: "asc" } });
    expect(events.map((e) => [e.title, e.province, e.city, e.timeZone, e.status, e.capacity])).toEqual([
      ["Temu Alumni Jambi", "15", "Kota Jambi", "Asia/Jakarta", "published", 100],
      ["Temu Alumni Banjarbaru", "63", "Kota Banjarbaru", "Asia/Makassar", "published", 0],
      ["Temu Alumni Merauke", "93", "Kabupaten Merauke", "Asia/Jayapura", "published", 80],
    ]);
    const jambi = events[0]!;
    expect(jambi.startsAt.toISOString()).toBe("2027-03-10T02:00:00.000Z");
    expect(jambi.rsvpDeadline?.toISOString()).toBe("2027-03-08T16:59:00.000Z");
    expect(jambi.description).toBe("Agenda:\n1. Pembukaan\n2. Cerita sukses");
    expect(jambi.address).toBe("Jl. Sultan Agung No. 99, Jambi");
    expect([jambi.latitude, jambi.longitude]).toEqual([-1.6101, 103.6131]);
    expect(jambi.createdBy).toBe(42n);
    expect(events[1]!.latitude).toBeNull();
  });

  it("reports every bad row with its line number and imports nothing from that file", async () => {
    t = await createTestDatabase();
    const bad = [
      HEADER,
      // line 2: fine
      "Temu Alumni Jambi,Jambi,Kota Jambi,Hotel A,Jl. Sultan Agung No. 99,2027-03-10T09:00:00+07:00,2027-03-10T15:00:00+07:00,100,ok,,,",
      // line 3: unknown province
      "Temu Alumni X,Jawa Tengahh Raya,Semarang,Hotel B,Jl. Pemuda No. 1,2027-03-10T09:00:00+07:00,2027-03-10T15:00:00+07:00,50,,,,",
      // line 4: regency not in that province, no offset, negative capacity
      "Temu Alumni Y,Jambi,Kota Bandung,Hotel C,Jl. Merdeka No. 2,2027-03-10T09:00:00,2027-03-10T15:00:00+07:00,-5,,,,",
      // lines 5-6: a quoted description spanning two lines; ends before it starts; deadline after start; lat out of range
      'Temu Alumni Z,Jambi,Muaro Jambi,Hotel D,Jl. Lintas No. 3,2027-03-10T15:00:00+07:00,2027-03-10T09:00:00+07:00,10,"baris satu\nbaris dua",2027-03-11T09:00:00+07:00,95,103',
      // line 7: missing column values
      "Temu Alumni W,Jambi,Kota Jambi",
      // line 8: lat without lon
      "Temu Alumni V,Jambi,Kota Jambi,Hotel E,Jl. Lintas No. 4,2027-03-10T09:00:00+07:00,2027-03-10T15:00:00+07:00,10,,,-1.6,",
    ].join("\n");
    const result = await importEvents(t.db, bad, { now: NOW });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const summary = result.errors.map((e) => `${e.line}:${e.field ?? "-"}:${e.code}`);
    expect(summary).toEqual([
      "3:provinsi:province_unknown",
      "4:mulai:datetime_no_offset",
      "4:kapasitas:capacity_invalid",
      "4:kota:city_unknown",
      "5:lat:latitude_range",
      "5:selesai:end_before_start",
      "5:batas_rsvp:deadline_after_start",
      "7:-:column_count",
      "8:lon:coordinates_pair",
    ]);
    const cityError = result.errors.find((e) => e.code === "city_unknown");
    expect(cityError?.params).toMatchObject({ value: "Kota Bandung", province: "Jambi" });
    expect(renderImportErrorId(cityError!)).toBe('Baris 4, kolom kota: "Kota Bandung" bukan kabupaten/kota di Jambi');
    expect(await t.db.event.count()).toBe(0);
  });

  it("checks the header: missing, unknown and duplicated columns", () => {
    const result = parseEventsCsv("judul,provinsi,kota,tempat,alamat,mulai,selesai,kapasitass,deskripsi,judul\nx", { now: NOW });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.line}:${e.code}:${e.field}`)).toEqual([
      "1:unknown_column:kapasitass",
      "1:duplicate_column:judul",
      "1:missing_column:kapasitas",
    ]);
    expect(result.errors[0]?.params.suggestion).toBe("kapasitas");
    expect(parseEventsCsv("", { now: NOW })).toMatchObject({ ok: false, errors: [{ code: "file_empty" }] });
    expect(parseEventsCsv(`${HEADER}\n`, { now: NOW })).toMatchObject({ ok: false, errors: [{ code: "no_rows" }] });
    expect(parseEventsCsv(`${HEADER}\n"unclosed,Jambi`, { now: NOW })).toMatchObject({ ok: false, errors: [{ code: "csv_malformed" }] });
  });

  it("accepts Excel's semicolon CSV with a BOM and CRLF line ends", () => {
    const excel =
      "\ufeffjudul;provinsi;kota;tempat;alamat;mulai;selesai;kapasitas;deskripsi\r\n" +
      'Temu Alumni Jambi;Jambi;Kota Jambi;Hotel A;"Jl. Sultan Agung No. 99; Jambi";2027-03-10T09:00:00+07:00;2027-03-10T15:00:00+07:00;100;Kopdar\r\n';
    const result = parseEventsCsv(excel, { now: NOW });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.events[0]).toMatchObject({ address: "Jl. Sultan Agung No. 99; Jambi", line: 2 });
  });

  it("rejects past events, duplicates inside the file, and a second import of the same events", async () => {
    t = await createTestDatabase();
    const past = parseEventsCsv(GOOD, { now: new Date("2027-04-01T00:00:00Z") });
    expect(past.ok).toBe(false);
    if (!past.ok) expect(past.errors.map((e) => `${e.line}:${e.code}`)).toEqual(["2:start_in_past", "2:deadline_in_past"]);

    // the Merauke row (line 6) repeated as line 7
    const doubled = `${GOOD}\n${GOOD.split("\n").at(-1)}`;
    const dup = parseEventsCsv(doubled, { now: NOW });
    expect(dup).toMatchObject({ ok: false, errors: [{ line: 7, code: "duplicate_row", params: { other: 6 } }] });

    expect(await importEvents(t.db, GOOD, { now: NOW })).toMatchObject({ ok: true, count: 3 });
    const again = await importEvents(t.db, GOOD, { now: NOW });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.errors.map((e) => `${e.line}:${e.code}`)).toEqual(["2:already_exists", "5:already_exists", "6:already_exists"]);
    expect(await t.db.event.count()).toBe(3);
  });

  it("imports the largest allowed file (500 rows) in one go and refuses a bigger one", async () => {
    t = await createTestDatabase();
    const row = (i: number) =>
      `Temu Alumni ${i},Jambi,Kota Jambi,Aula ${i},Jl. Sultan Agung No. ${i},2027-04-01T09:00:00+07:00,2027-04-01T12:00:00+07:00,${i},`;
    const csv = (n: number) => [HEADER.replace(",batas_rsvp,lat,lon", ""), ...Array.from({ length: n }, (_, i) => row(i + 1))].join("\n");
    const result = await importEvents(t.db, csv(500), { now: NOW });
    expect(result).toMatchObject({ ok: true, count: 500 });
    if (result.ok) expect(result.eventIds).toHaveLength(500);
    expect(parseEventsCsv(csv(501), { now: NOW })).toMatchObject({ ok: false, errors: [{ code: "too_many_rows", params: { max: 500, count: 501 } }] });
  });

  it("takes the optional audience and companions columns", () => {
    const csv = [
      "judul,provinsi,kota,tempat,alamat,mulai,selesai,kapasitas,deskripsi,audiens,pendamping",
      "Temu Alumni Gorontalo,Gorontalo,Kota Gorontalo,ASTON Gorontalo Hotel & Villas,Jl. Sultan Botutihe No. 1,2027-06-05T09:00:00+08:00,2027-06-05T15:00:00+08:00,60,Strategi Digital Marketing,alumni,2",
      "Temu Alumni Gorontalo 2,Gorontalo,Kota Gorontalo,ASTON Gorontalo Hotel & Villas,Jl. Sultan Botutihe No. 1,2027-06-06T09:00:00+08:00,2027-06-06T15:00:00+08:00,60,,siapa saja,3",
    ].join("\n");
    const result = parseEventsCsv(csv, { now: NOW });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.line}:${e.code}`)).toEqual(["3:audience_invalid", "3:companions_invalid"]);
    const first = parseEventsCsv(csv.split("\n").slice(0, 2).join("\n"), { now: NOW });
    expect(first.ok && first.events[0]).toMatchObject({ audience: "alumni", maxCompanions: 2, timeZone: "Asia/Makassar" });
  });

  it("runs from the command line: prints the count, or the problems in Indonesian with exit code 1", async () => {
    t = await createTestDatabase();
    await t.db.$disconnect();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "events-cli-"));
    const goodFile = path.join(dir, "good.csv");
    const badFile = path.join(dir, "bad.csv");
    fs.writeFileSync(goodFile, GOOD);
    fs.writeFileSync(badFile, GOOD.replace("Papua Selatan", "Papua Selatann Jauh"));
    const env = { ...process.env, DATABASE_URL: t.url };
    const cli = ["--import", "tsx", "src/cli/import-events.ts"];
    const bad = await run(process.execPath, [...cli, badFile], { env }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Tidak ada acara yang diimpor");
    expect(bad.stderr).toContain('Baris 6, kolom provinsi: provinsi "Papua Selatann Jauh" tidak dikenali');
    const good = await run(process.execPath, [...cli, goodFile], { env });
    expect(good.stdout).toContain("3 acara berhasil diimpor");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
