import type { FaqEntry } from "../../../domain/faq/entry.js";
import { escapeHtml } from "../../format.js";

const BUTTON_LABEL_MAX = 60;

/** A question as a button label (Telegram shows long labels cut anyway; keep them readable). */
export function questionLabel(question: string, max = BUTTON_LABEL_MAX): string {
  const chars = Array.from(question);
  return chars.length <= max ? question : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

/**
 * The text of an answer message: the entry's question in bold, then its answer (validated HTML), then
 * the heading of the related-question buttons under it when there are any ("Pertanyaan terkait:").
 */
export function answerText(entry: FaqEntry, relatedHeading?: string): string {
  const text = `<b>${escapeHtml(entry.question)}</b>\n\n${entry.answer}`;
  return relatedHeading ? `${text}\n\n<i>${escapeHtml(relatedHeading)}</i>` : text;
}
