import { InputFile } from "grammy";
import { failuresCsv, getBroadcastStats, type BroadcastStats } from "../../../domain/broadcast/queue.js";
import { type BroadcastProgress } from "../../../domain/broadcast/worker.js";
import type { FeatureKit } from "../../feature.js";
import { HTML, languageFrom, type Translate } from "../../format.js";
import { describeAudience, progressView, reportText } from "./views.js";
import { broadcastAudience } from "../../../domain/broadcast/lookup.js";
import { languageOfUser } from "../../../domain/users.js";
import { executeRaw } from "../../../db-dialect.js";
import type { Db } from "../../../db.js";

/** Stores the progress message's new content; false when it already showed exactly that. */
export async function recordProgressText(db: Db, id: number, rendered: string): Promise<boolean> {
  const n = await executeRaw(db, `UPDATE "Broadcast" SET "progressText" = ? WHERE "id" = ? AND ("progressText" IS NULL OR "progressText" <> ?)`, rendered, id, rendered);
  return n > 0;
}

/** Edits the live progress messages and sends the final reports, outside any update. */
export class BroadcastReporter {
  private readonly lastText = new Map<number, string>();
  private readonly audiences = new Map<string, string>();

  constructor(private readonly kit: FeatureKit) {}

  private async languageOf(chatId: bigint | null): Promise<"id" | "en"> {
    if (chatId === null) return "id";
    return languageFrom(await languageOfUser(this.kit.deps.db, chatId));
  }

  private async audienceText(id: number, language: "id" | "en", t: Translate): Promise<string> {
    const key = `${id}:${language}`;
    const cached = this.audiences.get(key);
    if (cached !== undefined) return cached;
    const audience = await broadcastAudience(this.kit.deps.db, id);
    const text = audience ? await describeAudience(this.kit.deps.db, t, audience) : "";
    this.audiences.set(key, text);
    return text;
  }

  /** Re-renders the progress message (skipped when nothing changed). */
  async update(stats: BroadcastStats & { ratePerSecond?: number; etaSeconds?: number | null }): Promise<void> {
    if (stats.progressChatId === null || stats.progressMessageId === null) return;
    const language = await this.languageOf(stats.progressChatId);
    const t: Translate = (key, params) => this.kit.t(language, key, params);
    const view = progressView(t, language, stats, await this.audienceText(stats.id, language, t));
    const rendered = view.text + JSON.stringify(view.keyboard ?? null);
    if (this.lastText.get(stats.id) === rendered) return;
    this.lastText.set(stats.id, rendered);
    // what the message shows is also kept in the database: an edit with identical content (refused by
    // Telegram with "message is not modified") is skipped whichever instance rendered it, also after a restart
    if (!(await recordProgressText(this.kit.deps.db, stats.id, rendered))) return;
    await this.kit.api
      .editMessageText(Number(stats.progressChatId), stats.progressMessageId, view.text, { ...HTML, ...(view.keyboard ? { reply_markup: view.keyboard } : {}) })
      .catch((error: unknown) => {
        if (!String((error as { description?: string }).description ?? "").includes("not modified")) {
          this.kit.deps.logger.warn({ err: error, broadcastId: stats.id }, "broadcast: progress message not updated");
        }
      });
  }

  async refresh(id: number): Promise<void> {
    const stats = await getBroadcastStats(this.kit.deps.db, id);
    if (stats) await this.update(stats);
  }

  /** Final state of the progress message, the report, and the CSV of everyone who did not get it. */
  async finish(progress: BroadcastProgress): Promise<void> {
    await this.update({ ...progress, etaSeconds: null });
    const chatId = Number(progress.progressChatId ?? progress.createdBy);
    const language = await this.languageOf(BigInt(chatId));
    const t: Translate = (key, params) => this.kit.t(language, key, params);
    const audience = await this.audienceText(progress.id, language, t);
    await this.kit.api.sendMessage(chatId, reportText(t, progress, audience), HTML);
    const rows = progress.failed + progress.blocked + progress.skipped;
    if (rows > 0) {
      const csv = await failuresCsv(this.kit.deps.db, progress.id, {
        headers: [t("broadcast-csv-telegram-id"), t("broadcast-csv-status"), t("broadcast-csv-attempts"), t("broadcast-csv-error"), t("broadcast-csv-time")],
      });
      await this.kit.api.sendDocument(chatId, new InputFile(csv, `siaran-${progress.id}-tidak-terkirim.csv`), {
        caption: t("broadcast-report-csv-caption", { id: String(progress.id), rows }),
      });
    }
    this.lastText.delete(progress.id);
    for (const key of [...this.audiences.keys()]) if (key.startsWith(`${progress.id}:`)) this.audiences.delete(key);
  }
}
