import type { BotContext } from "./context.js";

export type DeepLinkHandler = (ctx: BotContext, argument: string) => Promise<unknown>;

/**
 * Routes `/start <payload>` (t.me/<bot>?start=<payload>) to the feature that owns the payload's
 * prefix, e.g. "acara_12" to events and "ci_<token>" to check-in.
 */
export class DeepLinks {
  private readonly routes: { prefix: string; handler: DeepLinkHandler }[] = [];

  register(prefix: string, handler: DeepLinkHandler): void {
    if (!/^[A-Za-z0-9_-]+$/.test(prefix)) throw new Error(`invalid deep-link prefix ${prefix}`);
    this.routes.push({ prefix, handler });
  }

  /** The registered prefixes (tests forge payloads with them). */
  prefixes(): string[] {
    return this.routes.map((r) => r.prefix);
  }

  /** Runs the matching handler; false when no feature owns the payload. */
  async dispatch(ctx: BotContext, payload: string): Promise<boolean> {
    const route = this.routes.find((r) => payload.startsWith(r.prefix));
    if (!route) return false;
    await route.handler(ctx, payload.slice(route.prefix.length));
    return true;
  }

  /** The t.me link for a payload (Telegram allows A-Z a-z 0-9 _ - up to 64 characters). */
  static link(botUsername: string, payload: string): string {
    return `https://t.me/${botUsername}?start=${payload}`;
  }
}
