import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for grammY's free session storage HTTP API (the part @grammyjs/storage-free uses):
 * POST /login → { token }, GET|POST|DELETE /session/:key, GET /sessions. Keeps data in memory and
 * records requests, so tests can prove the bot really stored its sessions there.
 */
export interface FreeStorageFake {
  rootUrl: string;
  data: Map<string, string>;
  requests: { method: string; path: string }[];
  close(): Promise<void>;
}

export async function startFreeStorageFake(): Promise<FreeStorageFake> {
  const data = new Map<string, string>();
  const requests: { method: string; path: string }[] = [];
  const jwt = "fake-jwt";
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const path = url.pathname.replace(/^\/api/, "");
      requests.push({ method: req.method ?? "GET", path });
      if (req.method === "POST" && path === "/login") {
        const token = (JSON.parse(body || "{}") as { token?: string }).token;
        if (!token) return res.writeHead(401).end(JSON.stringify({ error: "no token" }));
        return res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ token: jwt }));
      }
      if (req.headers.authorization !== `Bearer ${jwt}`) return res.writeHead(401).end(JSON.stringify({ error: "unauthorized" }));
      if (path === "/sessions" && req.method === "GET") return res.writeHead(200).end(JSON.stringify([...data.keys()]));
      const match = /^\/session\/(.+)$/.exec(path);
      if (!match?.[1]) return res.writeHead(404).end(JSON.stringify({ error: "not found" }));
      const key = decodeURIComponent(match[1]);
      if (req.method === "GET") {
        const value = data.get(key);
        return value === undefined ? res.writeHead(404).end(JSON.stringify({ error: "not found" })) : res.writeHead(200).end(value);
      }
      if (req.method === "POST") {
        data.set(key, body);
        return res.writeHead(200).end();
      }
      if (req.method === "DELETE") {
        data.delete(key);
        return res.writeHead(200).end();
      }
      return res.writeHead(405).end(JSON.stringify({ error: "method not allowed" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    rootUrl: `http://127.0.0.1:${port}/api`,
    data,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
