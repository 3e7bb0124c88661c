import { z } from "zod";

/** One FAQ entry as the search index and the bot see it (variants and keywords already parsed). */
export interface FaqEntry {
  id: number;
  slug: string;
  category: string;
  question: string;
  answer: string;
  variants: string[];
  keywords: string[];
}

/** Entry fields an admin or a seed file provides. */
export type FaqEntryInput = Omit<FaqEntry, "id">;

/**
 * Codes for what is wrong with an entry. The bot turns them into Indonesian text from its locale
 * files (`faq-error-<code>`); no sentences are produced here.
 */
export type FaqFieldError =
  | "required"
  | "too_short"
  | "too_long"
  | "invalid_slug"
  | "invalid_html"
  | "too_many"
  | "duplicate_slug"
  | "invalid";

export const FAQ_LIMITS = {
  questionMin: 5,
  questionMax: 300,
  answerMin: 10,
  answerMax: 3500,
  slugMax: 80,
  categoryMax: 40,
  phraseMax: 300,
  keywordMax: 60,
  maxVariants: 20,
  maxKeywords: 40,
} as const;

const ALLOWED_TAG = /^<(?:b|\/b|i|\/i|\/a|a\s+href="[^"<>]+")>$/;

/**
 * Whether text is valid Telegram HTML of the small subset the FAQ allows: <b>, <i> and <a href="…">,
 * properly nested and closed, with every other &, < and > escaped as an entity.
 */
export function isAllowedTelegramHtml(text: string): boolean {
  const stack: string[] = [];
  const tokenPattern = /<[^>]*>|&[^;\s]*;?|[<>]/g;
  for (const match of text.matchAll(tokenPattern)) {
    const token = match[0];
    if (token.startsWith("&")) {
      if (!/^&(?:amp|lt|gt|quot|#\d+);$/.test(token)) return false;
      continue;
    }
    if (!ALLOWED_TAG.test(token)) return false;
    if (token.startsWith("</")) {
      if (stack.pop() !== token.slice(2, -1)) return false;
    } else {
      const name = token.startsWith("<a") ? "a" : token.slice(1, -1);
      if (stack.includes(name)) return false; // Telegram rejects nesting a tag inside itself
      stack.push(name);
    }
  }
  return stack.length === 0;
}

const trimmed = (min: number, max: number) =>
  z
    .string({ error: "required" })
    .trim()
    .min(min, { error: min <= 1 ? "required" : "too_short" })
    .max(max, { error: "too_long" });

const phraseList = (maxItems: number, maxLength: number) =>
  z
    .array(trimmed(1, maxLength), { error: "invalid" })
    .max(maxItems, { error: "too_many" })
    .transform((items) => [...new Set(items)]);

export const faqEntryInputSchema = z.object({
  slug: z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(FAQ_LIMITS.slugMax, { error: "too_long" })
    .regex(/^[a-z0-9-]+$/, { error: "invalid_slug" }),
  category: z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(FAQ_LIMITS.categoryMax, { error: "too_long" })
    .regex(/^[a-z0-9-]+$/, { error: "invalid_slug" }),
  question: trimmed(FAQ_LIMITS.questionMin, FAQ_LIMITS.questionMax),
  answer: trimmed(FAQ_LIMITS.answerMin, FAQ_LIMITS.answerMax).refine(isAllowedTelegramHtml, {
    error: "invalid_html",
  }),
  variants: phraseList(FAQ_LIMITS.maxVariants, FAQ_LIMITS.phraseMax).default([]),
  keywords: phraseList(FAQ_LIMITS.maxKeywords, FAQ_LIMITS.keywordMax).default([]),
});

export type FaqValidationIssue = { field: keyof FaqEntryInput; error: FaqFieldError };

const KNOWN_ERRORS = new Set<string>([
  "required", "too_short", "too_long", "invalid_slug", "invalid_html", "too_many", "duplicate_slug", "invalid",
]);

/** Validates an entry; on failure lists one issue per field, as codes. */
export function validateFaqEntry(
  input: unknown,
): { ok: true; entry: FaqEntryInput } | { ok: false; issues: FaqValidationIssue[] } {
  const result = faqEntryInputSchema.safeParse(input);
  if (result.success) return { ok: true, entry: result.data };
  const issues: FaqValidationIssue[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path[0] as keyof FaqEntryInput;
    if (issues.some((i) => i.field === field)) continue;
    const error = (KNOWN_ERRORS.has(issue.message) ? issue.message : "invalid") as FaqFieldError;
    issues.push({ field, error });
  }
  return { ok: false, issues };
}
