// `npm run demo [-- --port 3000] [--fresh] [--host 0.0.0.0] [--verbose]`: the real bot against the
// embedded Telegram emulator, with a chat page at http://localhost:3000. See ./index.ts.
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_DEMO_PORT, startDemo, type Demo } from "./index.js";

const HELP = `Coba bot tanpa Telegram: menjalankan bot sungguhan dengan emulator Telegram lokal dan halaman obrolan.

Pemakaian: npm run demo [-- pilihan]

  --port <n>       port halaman (bawaan ${DEFAULT_DEMO_PORT}, atau variabel DEMO_PORT)
  --host <alamat>  alamat yang didengarkan (bawaan 127.0.0.1; 0.0.0.0 agar bisa dibuka dari jaringan lokal)
  --fresh          mulai dari basis data demo yang kosong (data/demo.db dihapus dulu)
  --db <berkas>    berkas basis data demo (bawaan data/demo.db)
  --verbose        tampilkan log bot (LOG_LEVEL=info)
  -h, --help       bantuan ini`;

/** A path relative to the working directory when it is inside it, else absolute. */
function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

function fail(message: string): never {
  console.error(`${message}\n\n${HELP}`);
  process.exit(2);
}

function parsePort(value: string | undefined, source: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`${source} harus nomor port 0-65535, bukan "${value}".`);
  return port;
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: "string" },
        host: { type: "string" },
        fresh: { type: "boolean", default: false },
        db: { type: "string" },
        verbose: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (args.help) {
    console.log(HELP);
    return;
  }
  const port = parsePort(args.port, "--port") ?? parsePort(process.env.DEMO_PORT, "DEMO_PORT") ?? DEFAULT_DEMO_PORT;

  console.log("Menyiapkan demo: basis data, contoh acara, dan bot…");
  let demo: Demo;
  try {
    demo = await startDemo({
      port,
      ...(args.host ? { host: args.host } : {}),
      ...(args.db ? { databaseFile: args.db } : {}),
      fresh: args.fresh,
      logLevel: args.verbose ? "info" : "warn",
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === "EADDRINUSE") console.error(`Port ${port} sudah dipakai program lain. Coba: npm run demo -- --port ${port + 1}`);
    else console.error("Demo gagal dimulai:", e.message);
    process.exit(1);
  }

  const admin = demo.personas.find((p) => p.admin);
  console.log(
    [
      "",
      `  Demo siap: ${demo.url}`,
      "",
      `  Basis data : ${shownPath(demo.databaseFile)}${demo.examplesSeeded > 0 ? ` (${demo.examplesSeeded} contoh acara ditambahkan)` : ""}`,
      `  Pengguna   : ${demo.personas.map((p) => `${p.label} (${p.user.first_name}, id ${p.user.id})`).join(", ")}`,
      `  Admin      : id ${admin?.user.id ?? "-"} (ADMIN_IDS)`,
      "",
      "  Tekan Ctrl+C untuk berhenti.",
      "",
    ].join("\n"),
  );

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await demo.stop().catch(() => undefined);
    process.exit(code);
  };
  process.once("SIGINT", () => void stop(0));
  process.once("SIGTERM", () => void stop(0));
  void demo.botExited.then((code) => {
    if (stopping) return;
    console.error(`Bot berhenti tiba-tiba (kode ${code}). Demo dihentikan.`);
    void stop(1);
  });
}

void main();
