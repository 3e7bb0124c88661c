import type { Api } from "grammy";
import type { Config } from "../config.js";

/** Largest document the bot downloads (CSV imports); Telegram bots may download up to 20 MB. */
export const MAX_DOWNLOAD_BYTES = 5 * 1024 * 1024;

export class FileTooLargeError extends Error {
  constructor(readonly size: number) {
    super(`file of ${size} bytes is larger than ${MAX_DOWNLOAD_BYTES}`);
    this.name = "FileTooLargeError";
  }
}

/**
 * Downloads a file a user sent. Goes to TELEGRAM_API_ROOT like every other Bot API call, so tests and
 * the demo (local emulator) and a self-hosted Bot API server all work without special cases.
 */
export async function downloadTelegramFile(api: Api, config: Pick<Config, "TELEGRAM_API_ROOT" | "BOT_TOKEN">, fileId: string): Promise<Buffer> {
  const file = await api.getFile(fileId);
  if (!file.file_path) throw new Error("getFile returned no file_path");
  if (file.file_size !== undefined && file.file_size > MAX_DOWNLOAD_BYTES) throw new FileTooLargeError(file.file_size);
  const response = await fetch(`${config.TELEGRAM_API_ROOT}/file/bot${config.BOT_TOKEN}/${file.file_path}`, { signal: AbortSignal.timeout(20_000) });
  if (!response.ok) throw new Error(`file download failed with HTTP ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > MAX_DOWNLOAD_BYTES) throw new FileTooLargeError(bytes.length);
  return bytes;
}
