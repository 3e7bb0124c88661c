import { pino, stdSerializers, type DestinationStream, type Logger } from "pino";

export type { Logger };

/** The longest error message kept in a log line (Prisma messages quote the failing call at length). */
const MAX_ERROR_MESSAGE = 300;

/**
 * Errors without the parts that can carry personal data: grammY's GrammyError keeps the whole request
 * (`payload`: chat text, names, captions), Prisma's messages quote the failing call with its values, and
 * the stack repeats the message. Kept: type, the first line of the message, codes, the API method and
 * Telegram's description, and the stack frames.
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error, message: "non-error value thrown" };
  const raw = stdSerializers.err(error) as unknown as Record<string, unknown>;
  const e = error as Error & { code?: unknown; error_code?: unknown; description?: unknown; method?: unknown; error?: unknown };
  // the request's own strings (message text, captions, names) are cut out wherever the error quotes them
  const payload = (e as { payload?: unknown }).payload;
  const quoted = payload && typeof payload === "object" ? Object.values(payload).filter((v): v is string => typeof v === "string" && v.length >= 4) : [];
  const scrub = (text: string) => quoted.reduce((out, value) => out.split(value).join("[text]"), text);
  const firstLine = (text: string) => (scrub(text).split("\n").find((line) => line.trim() !== "") ?? "").slice(0, MAX_ERROR_MESSAGE);
  const out: Record<string, unknown> = { type: raw.type, message: firstLine(error.message) };
  if (typeof e.code === "string" || typeof e.code === "number") out.code = e.code;
  if (typeof e.error_code === "number") out.error_code = e.error_code;
  if (typeof e.description === "string") out.description = firstLine(e.description);
  if (typeof e.method === "string") out.method = e.method;
  // grammY's HttpError wraps the network error
  if (e.error instanceof Error) out.cause = { type: e.error.name, message: firstLine(e.error.message) };
  if (typeof error.stack === "string") out.stack = error.stack.split("\n").filter((line) => /^\s+at /.test(line)).slice(0, 15).join("\n");
  return out;
}

/**
 * JSON logs on stdout (or `destination`). At info level log lines carry ids (update_id, user id, event id),
 * never names, phone numbers or message text; `redact` and the error serializer are a second line of
 * defence for fields that slip through.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: undefined,
    serializers: { err: safeError, error: safeError },
    redact: {
      paths: [
        "*.first_name",
        "*.last_name",
        "*.username",
        "*.phone_number",
        "*.text",
        "*.caption",
        "*.payload",
        "*.*.first_name",
        "*.*.last_name",
        "*.*.phone_number",
        "*.*.text",
        "text",
        "phone",
        "name",
        "payload",
        "firstName",
        "fullName",
      ],
      censor: "[hidden]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
