// Who this process is, for claims and leases held in the shared database.
import os from "node:os";

/**
 * INSTANCE_ID when set (it should be unique per instance and stable across restarts, e.g. the pod or
 * container name: a restarted instance then takes its own claims back at once instead of waiting for
 * their leases to expire); otherwise "<hostname>:<pid>", which lets a process on the same machine tell
 * that the holder of a lease is dead (see isDeadLocalOwner).
 */
export function instanceId(configured?: string): string {
  const id = configured?.trim();
  return id ? id : `${os.hostname()}:${process.pid}`;
}

/** True when `owner` is a default id of this machine whose process no longer exists. */
export function isDeadLocalOwner(owner: string): boolean {
  const match = /^(.*):(\d+)$/.exec(owner);
  if (!match || match[1] !== os.hostname()) return false;
  const pid = Number(match[2]);
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
