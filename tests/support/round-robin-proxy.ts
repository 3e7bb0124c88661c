// The load balancer of the cluster tests: a round-robin HTTP proxy on node:http, like nginx's default
// upstream. A request goes to the next instance; when that instance refuses the connection (it was killed)
// the proxy tries the next one, as nginx's `proxy_next_upstream error` does. Anything else (a reset after the
// request was sent, a timeout) is answered 502, so the sender (Telegram, here the emulator) retries later.
// It records which instance got each update_id, and how many requests each instance has open right now.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ProxyRecord {
  updateId: number | undefined;
  target: number;
  status: number | null;
  at: number;
}

export interface RoundRobinProxy {
  readonly url: string;
  readonly port: number;
  /** Every request forwarded: the update it carried, the instance (index), the status it got. */
  readonly records: ProxyRecord[];
  /** Requests sent to instance `i` that have no answer yet. */
  inFlight(i: number): number;
  close(): Promise<void>;
}

/** `targets()` lists the instances' base URLs (http://127.0.0.1:port); it is read for every request. */
export async function startRoundRobinProxy(targets: () => readonly string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const records: ProxyRecord[] = [];
  const open = new Map<number, number>();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const updateId = Number(/"update_id":(\d+)/.exec(body.toString("utf8", 0, 64))?.[1] ?? NaN);
      const list = targets();
      const forward = (attempt: number): void => {
        if (list.length === 0 || attempt >= list.length) {
          res.writeHead(502).end();
          return;
        }
        const index = next++ % list.length;
        const record: ProxyRecord = { updateId: Number.isNaN(updateId) ? undefined : updateId, target: index, status: null, at: Date.now() };
        open.set(index, (open.get(index) ?? 0) + 1);
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          open.set(index, (open.get(index) ?? 1) - 1);
        };
        const upstream = http.request(`${list[index]}${req.url ?? "/"}`, { method: req.method, headers: req.headers, agent }, (answer) => {
          record.status = answer.statusCode ?? null;
          records.push(record);
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on("end", finish);
          answer.on("error", finish);
        });
        upstream.on("error", (error: NodeJS.ErrnoException) => {
          finish();
          if (error.code === "ECONNREFUSED") return forward(attempt + 1);
          records.push(record);
          if (!res.headersSent) res.writeHead(502).end();
          else res.destroy();
        });
        upstream.end(body);
      };
      forward(0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    records,
    inFlight: (i) => open.get(i) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
