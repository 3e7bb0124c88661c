// Telegram HTML, safe by construction. Text people control (names, titles, answers, file names) becomes
// HTML only through escapeHtml, which returns an `Html` value; translation escapes every plain string
// parameter and passes `Html` through, so a value cannot reach a message unescaped by forgetting.

/** A piece of Telegram HTML that is already safe to send: built from escaped parts and our own tags. */
export class Html {
  constructor(private readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
  /** keeps JSON and template literals showing the markup */
  toJSON(): string {
    return this.markup;
  }
}

/**
 * Escapes text for Telegram HTML: & < and >. Escaped values only ever go between tags, never into an
 * attribute, so a double quote stays as typed (the /impor_acara error list quotes the bad cell that way).
 * An `Html` value is already escaped and comes back unchanged.
 */
export function escapeHtml(text: string | Html): Html {
  if (text instanceof Html) return text;
  return new Html(text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;"));
}

/** Marks markup the code itself built from escaped parts and its own tags (never raw input). */
export function trustedHtml(markup: string | Html): Html {
  return markup instanceof Html ? markup : new Html(markup);
}

/** Joins pieces of HTML (plain strings among them are escaped). */
export function joinHtml(parts: readonly (string | Html)[], separator: string | Html = ""): Html {
  return new Html(parts.map((part) => escapeHtml(part).toString()).join(escapeHtml(separator).toString()));
}

/** Undoes escapeHtml (and &quot;): for the places Telegram shows as plain text (buttons, alerts). */
export function unescapeHtml(text: string): string {
  return text.replace(/&(lt|gt|quot|amp);/g, (_m, name: string) => ({ lt: "<", gt: ">", quot: '"', amp: "&" })[name] ?? _m);
}

/** A translation parameter: plain text is escaped, Html is kept, numbers are formatted by Fluent. */
export type TextParam = string | number | Html;
export type TextParams = Record<string, TextParam>;

/** Escapes every plain-string parameter and unwraps Html ones, ready for Fluent. */
export function escapeParams(params: TextParams | undefined): Record<string, string | number> | undefined {
  if (!params) return params;
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = typeof value === "number" ? value : escapeHtml(value).toString();
  }
  return out;
}
