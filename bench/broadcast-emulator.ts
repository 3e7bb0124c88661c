// The Bot API emulator in its own process for the broadcast benchmark, so that the engine under test and
// the "Telegram" it talks to do not share one event loop (in production Telegram is another machine).
// Driven over IPC by bench/broadcast.ts; one process serves every run (its JIT stays warm), each run gets
// a fresh emulator.
import { startEmulator, type Emulator, type EmulatorOptions } from "../src/emulator/index.js";

export type ChildRequest =
  | { id: number; cmd: "start"; options: EmulatorOptions }
  | { id: number; cmd: "count"; chatIds: number[] }
  | { id: number; cmd: "sends" }
  | { id: number; cmd: "block"; chatIds: number[] }
  | { id: number; cmd: "close" }
  | { id: number; cmd: "exit" };

export interface SendsSummary {
  ok: number;
  firstAt: number;
  lastAt: number;
  tooManyRequests: number;
  serverErrors: number;
}

let emu: Emulator | undefined;

async function handle(req: ChildRequest): Promise<unknown> {
  switch (req.cmd) {
    case "start":
      await emu?.close();
      emu = await startEmulator(req.options);
      return { apiRoot: emu.apiRoot };
    case "count":
      return req.chatIds.map((id) => emu?.messages(id).filter((m) => m.from?.is_bot).length ?? 0);
    case "sends": {
      const ok = emu?.callsOf("sendMessage").filter((c) => c.ok) ?? [];
      const stats = emu?.stats();
      const summary: SendsSummary = {
        ok: ok.length,
        firstAt: ok[0]?.at ?? 0,
        lastAt: ok.at(-1)?.at ?? 0,
        tooManyRequests: stats?.tooManyRequests ?? 0,
        serverErrors: stats?.randomErrors ?? 0,
      };
      return summary;
    }
    case "block":
      for (const id of req.chatIds) emu?.setBlocked(id, true);
      return true;
    case "close":
      await emu?.close();
      emu = undefined;
      return true;
    case "exit":
      await emu?.close();
      emu = undefined;
      setImmediate(() => process.exit(0));
      return true;
  }
}

process.on("message", (raw) => {
  const req = raw as ChildRequest;
  handle(req).then(
    (result) => process.send?.({ id: req.id, ok: true, result }),
    (error: unknown) => process.send?.({ id: req.id, ok: false, error: String(error) }),
  );
});
process.on("disconnect", () => process.exit(0));
