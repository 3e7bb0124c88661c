/**
 * The bot's own settings: getMe, commands per scope and language, name and descriptions, menu button.
 */
import { badRequest, type Json } from "../types.js";
import { botUserJson, readChat, str, type Handler } from "./host.js";

const SCOPES = new Set(["default", "all_private_chats", "all_group_chats", "all_chat_administrators", "chat", "chat_administrators", "chat_member"]);

/** Key of a (scope, language_code) pair for bot commands. */
export function commandKey(scope: unknown, languageCode: unknown): string {
  const s = (scope && typeof scope === "object" ? scope : { type: "default" }) as Json;
  const type = typeof s.type === "string" ? s.type : "default";
  if (!SCOPES.has(type)) throw badRequest("wrong scope type specified");
  const parts = [type];
  if (s.chat_id !== undefined) parts.push(String(s.chat_id));
  if (s.user_id !== undefined) parts.push(String(s.user_id));
  const lang = typeof languageCode === "string" ? languageCode : "";
  if (lang !== "" && !/^[a-z]{2}$/.test(lang)) throw badRequest("invalid language code specified");
  return `${parts.join(":")}|${lang}`;
}

function botText(kind: string, resultKey: string): { set: Handler; get: Handler } {
  return {
    set: (h, p) => {
      const lang = str(p, "language_code") ?? "";
      const value = str(p, resultKey) ?? "";
      const key = `${kind}|${lang}`;
      if (value === "") h.botTexts.delete(key);
      else h.botTexts.set(key, value);
      return true;
    },
    get: (h, p) => {
      const lang = str(p, "language_code") ?? "";
      return { [resultKey]: h.botTexts.get(`${kind}|${lang}`) ?? h.botTexts.get(`${kind}|`) ?? "" };
    },
  };
}

const description = botText("description", "description");
const shortDescription = botText("short_description", "short_description");
const name = botText("name", "name");

export const botSettingsMethods: Record<string, Handler> = {
  getMe: (h, _p, bot) => ({
    ...botUserJson(bot),
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: h.inlineMode,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
  }),

  setMyCommands: (h, p) => {
    const commands = p.commands;
    if (!Array.isArray(commands)) throw badRequest("can't parse commands JSON object");
    if (commands.length > 100) throw badRequest("too many commands");
    const clean = commands.map((c) => {
      const cmd = c as Json;
      const command = typeof cmd.command === "string" ? cmd.command.replace(/^\//, "") : "";
      if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest("BOT_COMMAND_INVALID");
      const desc = typeof cmd.description === "string" ? cmd.description : "";
      if (desc.length < 1 || desc.length > 256) throw badRequest("command description must be 1-256 characters long");
      return { command, description: desc };
    });
    const key = commandKey(p.scope, p.language_code);
    if (clean.length === 0) h.commands.delete(key);
    else h.commands.set(key, clean);
    return true;
  },

  getMyCommands: (h, p) => h.commands.get(commandKey(p.scope, p.language_code)) ?? [],

  deleteMyCommands: (h, p) => {
    h.commands.delete(commandKey(p.scope, p.language_code));
    return true;
  },

  setMyDescription: description.set,

  getMyDescription: description.get,

  setMyShortDescription: shortDescription.set,

  getMyShortDescription: shortDescription.get,

  setMyName: name.set,

  getMyName: name.get,

  setChatMenuButton: (h, p) => {
    const button = (p.menu_button as Json | undefined) ?? { type: "default" };
    const type = button.type;
    if (type !== "default" && type !== "commands" && type !== "web_app") throw badRequest("unsupported menu button type");
    if (type === "web_app") {
      const url = (button.web_app as Json | undefined)?.url;
      if (typeof button.text !== "string" || typeof url !== "string" || !url.startsWith("https://")) throw badRequest("invalid web app menu button");
    }
    if (p.chat_id !== undefined) readChat(h, p).menuButton = button;
    else h.defaultMenuButton = button;
    return true;
  },

  getChatMenuButton: (h, p) => {
    const chat = p.chat_id !== undefined ? readChat(h, p) : undefined;
    const button = chat?.menuButton ?? h.defaultMenuButton;
    return button && button.type !== "default" ? button : { type: "commands" };
  },
};
