// How event administration words things: validation issues, import errors.
import { type ImportError } from "../../../domain/events/import.js";
import type { Issue } from "../../../domain/events/validation.js";
import { trustedHtml, type Translate } from "../../format.js";

export const removeKeyboard = { remove_keyboard: true } as const;

/** Line numbers and ids are printed as they are ("1234", not Fluent's grouped "1.234"). */
const VERBATIM = new Set(["line", "other", "id"]);

export function issueText(t: Translate, code: string, params: Record<string, string | number> = {}): string {
  const shown: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) shown[key] = VERBATIM.has(key) ? String(value) : value;
  return t(`events-issue-${code}`, shown);
}

export function importErrorText(t: Translate, error: ImportError): string {
  const problem = trustedHtml(issueText(t, error.code, error.params));
  if (error.line === 0) return t("events-import-error-file", { problem });
  if (error.field) return t("events-import-error-cell", { line: String(error.line), column: error.field, problem });
  return t("events-import-error-line", { line: String(error.line), problem });
}

export function issuesText(t: Translate, issues: Issue[]): string {
  return issues.map((i) => `• ${issueText(t, i.code, i.params)}`).join("\n");
}
