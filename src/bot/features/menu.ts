import { Menu } from "@grammyjs/menu";
import type { BotContext } from "../context.js";

export type MenuItem = "about" | "eligibility" | "faq" | "events" | "feedback" | "privacy";
const LAYOUT: MenuItem[][] = [
  ["about", "eligibility"],
  ["faq", "events"],
  ["feedback", "privacy"],
];

export type MenuAction = (ctx: BotContext) => Promise<unknown>;

/**
 * The main menu (Tentang Prakerja, Cek Kelayakan, Tanya Jawab, Temu Alumni, Masukan, Privasi). Each
 * feature registers what its button does, so the menu knows no feature internals.
 */
export class MainMenu {
  private readonly actions = new Map<MenuItem, MenuAction>();
  readonly menu: Menu<BotContext>;

  constructor() {
    this.menu = new Menu<BotContext>("main", {
      onMenuOutdated: async (ctx) => {
        await ctx.answerCallbackQuery();
        await this.show(ctx);
      },
    });
    LAYOUT.forEach((row, index) => {
      for (const item of row) {
        this.menu.text(
          (ctx) => ctx.t(`menu-${item}`),
          async (ctx) => {
            const action = this.actions.get(item);
            if (action) await action(ctx);
            else await ctx.reply(ctx.t("menu-unavailable"));
          },
        );
      }
      if (index < LAYOUT.length - 1) this.menu.row();
    });
  }

  register(item: MenuItem, action: MenuAction): void {
    this.actions.set(item, action);
  }

  async show(ctx: BotContext, key = "menu-title"): Promise<void> {
    await ctx.reply(ctx.t(key), { reply_markup: this.menu });
  }
}
