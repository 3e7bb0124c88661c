import { pino, type Logger } from "pino";

export type { Logger };

/**
 * JSON logs on stdout. At info level log lines carry ids (update_id, user id, event id), never names,
 * phone numbers or message text; `redact` is a second line of defence for fields that slip through.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: ["*.first_name", "*.last_name", "*.username", "*.phone_number", "*.text", "*.caption", "text", "phone", "name"],
      censor: "[hidden]",
    },
  });
}
