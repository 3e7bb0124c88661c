/**
 * Demo data: a few upcoming Temu Alumni meetups, clearly marked as examples ("[Contoh]" in the title,
 * `isExample: true`), with dates relative to now; and a sample CSV an admin can import with /impor_acara.
 */
import type { Db } from "../db.js";
import { provinceByCodeOrNull } from "../domain/areas.js";
import type { EventInput } from "../domain/events/validation.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const EXAMPLE_PREFIX = "[Contoh]";

/** An example meetup: an event as create/import take it, always with a map pin. */
interface ExampleSpec extends EventInput {
  latitude: number;
  longitude: number;
}

/** UTC offset in hours of the zones the examples use (Indonesia has no daylight saving time). */
const OFFSET: Record<string, number> = { "Asia/Jakarta": 7, "Asia/Makassar": 8, "Asia/Jayapura": 9 };

function offsetOf(provinceCode: string): number {
  const zone = provinceByCodeOrNull(provinceCode)?.timeZone ?? "Asia/Jakarta";
  return OFFSET[zone] ?? 7;
}

/** `days` days after today's date in the venue's zone, at hh:mm local time. */
function localTime(now: Date, provinceCode: string, days: number, hour: number, minute = 0): Date {
  const offset = offsetOf(provinceCode);
  const local = new Date(now.getTime() + offset * HOUR);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days, hour - offset, minute));
}

/** The first daytime start (09.00–19.00 in the venue's zone, on the hour) between 3 and 23 hours from now. */
function soon(now: Date, provinceCode: string): Date {
  for (let days = 0; days <= 2; days++) {
    for (let hour = 9; hour <= 19; hour++) {
      const start = localTime(now, provinceCode, days, hour);
      const ahead = start.getTime() - now.getTime();
      if (ahead >= 3 * HOUR && ahead <= 23 * HOUR) return start;
    }
  }
  return new Date(Math.ceil((now.getTime() + 20 * HOUR) / HOUR) * HOUR);
}

/** The example meetups for a given "now": Jambi (within a day, and in six days), Kalimantan Selatan, Gorontalo. */
export function exampleEvents(now: Date): ExampleSpec[] {
  const jambiSoon = soon(now, "15");
  const jambi = localTime(now, "15", 6, 9);
  const banjarmasin = localTime(now, "63", 9, 13);
  const gorontalo = localTime(now, "75", 13, 9);
  const note = "Ini acara contoh untuk mencoba bot, bukan acara sungguhan.";
  return [
    {
      title: `${EXAMPLE_PREFIX} Ngopi Bareng Alumni Prakerja Jambi`,
      description: `${note}\nObrolan santai antaralumni: berbagi pengalaman setelah pelatihan.`,
      province: "15",
      city: "Kota Jambi",
      venueName: "Kedai Kopi Contoh",
      address: "Jl. Contoh Raya No. 1, Telanaipura",
      latitude: -1.6101,
      longitude: 103.6131,
      startsAt: jambiSoon,
      endsAt: new Date(jambiSoon.getTime() + 2 * HOUR),
      capacity: 20,
      rsvpDeadline: null,
      audience: "semua",
      maxCompanions: 1,
    },
    {
      title: `${EXAMPLE_PREFIX} Temu Alumni Prakerja Jambi: Jualan Online untuk UMKM`,
      description: `${note}\nAgenda:\n1. Pembukaan\n2. Cerita sukses alumni\n3. Praktik foto produk dengan ponsel`,
      province: "15",
      city: "Kota Jambi",
      venueName: "Balai Pertemuan Contoh",
      address: "Jl. Contoh Sudirman No. 10, Pasar Jambi",
      latitude: -1.6009,
      longitude: 103.6177,
      startsAt: jambi,
      endsAt: new Date(jambi.getTime() + 3 * HOUR),
      capacity: 40,
      rsvpDeadline: new Date(jambi.getTime() - DAY),
      audience: "semua",
      maxCompanions: 1,
    },
    {
      title: `${EXAMPLE_PREFIX} Temu Alumni Prakerja Banjarmasin: Cerita Sukses Alumni`,
      description: `${note}\nKhusus alumni. Kursinya sengaja sedikit supaya daftar tunggu bisa dicoba.`,
      province: "63",
      city: "Kota Banjarmasin",
      venueName: "Aula Contoh Banjarmasin",
      address: "Jl. Contoh Lambung Mangkurat No. 2",
      latitude: -3.3186,
      longitude: 114.5944,
      startsAt: banjarmasin,
      endsAt: new Date(banjarmasin.getTime() + 3 * HOUR),
      capacity: 2,
      rsvpDeadline: new Date(banjarmasin.getTime() - DAY),
      audience: "alumni",
      maxCompanions: 0,
    },
    {
      title: `${EXAMPLE_PREFIX} Temu Alumni Prakerja Gorontalo: Kelas Desain dengan Canva`,
      description: `${note}\nBawa ponsel atau laptop. Boleh mengajak pendamping.`,
      province: "75",
      city: "Kota Gorontalo",
      venueName: "Ruang Serbaguna Contoh",
      address: "Jl. Contoh Botutihe No. 3",
      latitude: 0.5435,
      longitude: 123.0568,
      startsAt: gorontalo,
      endsAt: new Date(gorontalo.getTime() + 2.5 * HOUR),
      capacity: 0,
      rsvpDeadline: null,
      audience: "semua",
      maxCompanions: 2,
    },
  ];
}

/**
 * Writes the example meetups (published) unless the database already has an upcoming example, so
 * restarting the demo keeps what was there. Returns how many were written.
 */
export async function seedExampleEvents(db: Db, now: Date = new Date()): Promise<number> {
  const upcoming = await db.event.count({ where: { isExample: true, status: "published", startsAt: { gt: now } } });
  if (upcoming > 0) return 0;
  const specs = exampleEvents(now);
  for (const spec of specs) {
    const zone = provinceByCodeOrNull(spec.province)?.timeZone ?? "Asia/Jakarta";
    await db.event.create({ data: { ...spec, timeZone: zone, status: "published", isExample: true } });
  }
  return specs.length;
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** ISO 8601 with the venue's offset, e.g. 2027-03-10T09:00:00+07:00 (the import format). */
function isoLocal(date: Date, provinceCode: string): string {
  const offset = offsetOf(provinceCode);
  const local = new Date(date.getTime() + offset * HOUR).toISOString().slice(0, 19);
  return `${local}+${String(offset).padStart(2, "0")}:00`;
}

/** A CSV in the /impor_acara format with two example meetups a few weeks from now. */
export function sampleEventsCsv(now: Date = new Date()): string {
  const rows = [
    {
      judul: `${EXAMPLE_PREFIX} Temu Alumni Prakerja Muaro Jambi`,
      provinsi: "Jambi",
      kota: "Kabupaten Muaro Jambi",
      tempat: "Aula Contoh Sengeti",
      alamat: "Jl. Contoh Lintas Timur No. 5",
      start: localTime(now, "15", 20, 9),
      hours: 3,
      kapasitas: "60",
      deskripsi: "Acara contoh dari berkas CSV.\nAgenda: berbagi pengalaman dan tanya jawab.",
      prov: "15",
      lat: "-1.5466",
      lon: "103.6217",
    },
    {
      judul: `${EXAMPLE_PREFIX} Temu Alumni Prakerja Banjarbaru`,
      provinsi: "Kalimantan Selatan",
      kota: "Kota Banjarbaru",
      tempat: "Gedung Contoh Banjarbaru",
      alamat: "Jl. Contoh A. Yani Km 35",
      start: localTime(now, "63", 24, 13),
      hours: 2,
      kapasitas: "0",
      deskripsi: "Acara contoh dari berkas CSV.",
      prov: "63",
      lat: "",
      lon: "",
    },
  ];
  const header = "judul,provinsi,kota,tempat,alamat,mulai,selesai,kapasitas,deskripsi,lat,lon";
  const lines = rows.map((r) =>
    [r.judul, r.provinsi, r.kota, r.tempat, r.alamat, isoLocal(r.start, r.prov), isoLocal(new Date(r.start.getTime() + r.hours * HOUR), r.prov), r.kapasitas, r.deskripsi, r.lat, r.lon]
      .map(csvField)
      .join(","),
  );
  return `${[header, ...lines].join("\n")}\n`;
}

/** The demo's channel: the bot is its administrator, so /umumkan can post event cards there. */
export const DEMO_CHANNEL = { id: -1001000000001, type: "channel" as const, title: "Info Temu Alumni (Demo)", username: "infotemualumni_demo" };

/**
 * Tells the bot's database about the demo channel, as a `my_chat_member` update would when an owner
 * makes the bot its administrator (written directly, so the owners' chat starts empty).
 */
export async function seedDemoChannel(db: Db, addedBy: bigint): Promise<void> {
  const chatId = BigInt(DEMO_CHANNEL.id);
  await db.announcementChat.upsert({
    where: { chatId },
    create: { chatId, type: DEMO_CHANNEL.type, title: DEMO_CHANNEL.title, username: DEMO_CHANNEL.username, addedBy },
    update: { title: DEMO_CHANNEL.title, username: DEMO_CHANNEL.username },
  });
}
