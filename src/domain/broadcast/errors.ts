// Classifies what the Bot API answered to one send. Errors are recognised by shape (duck typing), the
// way grammY's GrammyError carries them: `error_code`, `description`, `parameters.retry_after`. Anything
// without an error_code (HttpError, ECONNRESET, a timeout) is a network error.

export type SendFailure =
  /** 429 (or 420 FLOOD_WAIT): stop ALL sending for retryAfterMs; the message goes back to the queue untouched */
  | { kind: "rate_limited"; retryAfterMs: number; reason: string }
  /** 403 blocked / deactivated / kicked: the person is unreachable; mark User.blockedAt */
  | { kind: "blocked"; reason: string }
  /** a permanent error for this recipient (400 chat not found, other 403, …) */
  | { kind: "failed"; reason: string }
  /** 5xx, network errors and anything unknown: retry later with backoff, up to the attempt limit */
  | { kind: "retry"; reason: string };

interface ApiErrorLike {
  error_code?: unknown;
  description?: unknown;
  message?: unknown;
  parameters?: { retry_after?: unknown } | null;
}

function asRecord(error: unknown): ApiErrorLike {
  return typeof error === "object" && error !== null ? (error as ApiErrorLike) : {};
}

function describe(error: unknown): string {
  const e = asRecord(error);
  const text =
    typeof e.description === "string" ? e.description : typeof e.message === "string" ? e.message : String(error);
  return text.slice(0, 300);
}

const BLOCKED = /blocked|deactivated|kicked|can't initiate conversation|bot can't send messages to the user/i;

export function classifySendError(error: unknown): SendFailure {
  const e = asRecord(error);
  const code = typeof e.error_code === "number" ? e.error_code : Number.NaN;
  const reason = Number.isNaN(code) ? `network: ${describe(error)}` : `${code}: ${describe(error)}`;
  if (Number.isNaN(code)) return { kind: "retry", reason };
  if (code === 429 || code === 420) {
    let seconds = typeof e.parameters?.retry_after === "number" ? e.parameters.retry_after : Number.NaN;
    if (Number.isNaN(seconds)) {
      const match = /retry after (\d+)/i.exec(describe(error));
      seconds = match ? Number(match[1]) : 1;
    }
    return { kind: "rate_limited", retryAfterMs: Math.max(0, seconds) * 1000, reason };
  }
  if (code === 403) return BLOCKED.test(describe(error)) ? { kind: "blocked", reason } : { kind: "failed", reason };
  if (code === 400) return { kind: "failed", reason };
  return { kind: "retry", reason };
}
