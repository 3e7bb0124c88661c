// Ports for processes a test starts that must be told their port in advance (the bot's PORT cannot be 0).
import net from "node:net";

/** Ports freePort handed out in this process: two instances of one cluster never get the same one. */
const handedOut = new Set<number>();

/**
 * A port nobody listens on now, for a process that will listen on it (the bot's PORT cannot be 0). It is
 * taken below the kernel's range for outgoing connections (Linux: 32768–60999): a port of that range, freed
 * here, can be taken by any outgoing connection before the process binds it, which the bench's load once did
 * (EADDRINUSE). It is tried on every interface, as the bot listens.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (handedOut.has(port) || !(await canListen(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error("no free port between 20000 and 32000 after 100 tries");
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}
