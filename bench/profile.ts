// Reads a V8 .cpuprofile (node --cpu-prof) and sums self time by package/file and by function, so the
// benchmark can say where the bot's time went without opening DevTools.
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** self time by node_modules package, or by file for our own code ("src/...") */
  byModule: Array<{ name: string; ms: number; share: number }>;
  byFunction: Array<{ name: string; ms: number; share: number }>;
}

function moduleOf(url: string, root: string): string {
  if (!url) return "(native/runtime)";
  const path = url.replace(/^file:\/\//, "");
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (nm) return `npm:${nm[1]}`;
  if (path.startsWith(root)) return path.slice(root.length + 1);
  return path;
}

export function summarizeProfile(file: string, root: string, top = 15): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of self) {
    const node = nodes.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)") {
      idle += us;
      continue;
    }
    total += us;
    const mod = moduleOf(url, root);
    byModule.set(mod, (byModule.get(mod) ?? 0) + us);
    const fn = `${functionName || "(anonymous)"} ${url ? `${moduleOf(url, root)}:${lineNumber + 1}` : ""}`.trim();
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  void idle;
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: total > 0 ? Math.round((us / total) * 1000) / 10 : 0 }));
  return { totalMs: Math.round(total / 1000), byModule: rank(byModule), byFunction: rank(byFunction) };
}
