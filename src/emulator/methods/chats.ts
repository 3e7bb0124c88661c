/**
 * Chats and members: getChat, getChatMember, leaveChat, and the ChatMember shapes.
 */
import { userToApi } from "../state.js";
import { ApiError, badRequest, type Json } from "../types.js";
import { botUserJson, int, now, readChat, type Handler } from "./host.js";

/** A ChatMember object; administrator rights depend on the chat type (posting is for channels only). */
export function memberJson(status: string, user: Json, chatType = "group"): Json {
  switch (status) {
    case "creator":
      return { status, user, is_anonymous: false };
    case "administrator":
      return {
        status,
        user,
        can_be_edited: false,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: true,
        can_manage_video_chats: true,
        can_restrict_members: true,
        can_promote_members: false,
        can_change_info: true,
        can_invite_users: true,
        can_post_stories: false,
        can_edit_stories: false,
        can_delete_stories: false,
        ...(chatType === "channel" ? { can_post_messages: true, can_edit_messages: true } : { can_pin_messages: true }),
        ...(chatType === "supergroup" ? { can_manage_topics: false } : {}),
      };
    case "restricted":
      return {
        status,
        user,
        is_member: true,
        can_send_messages: false,
        can_send_audios: false,
        can_send_documents: false,
        can_send_photos: false,
        can_send_videos: false,
        can_send_video_notes: false,
        can_send_voice_notes: false,
        can_send_polls: false,
        can_send_other_messages: false,
        can_add_web_page_previews: false,
        can_change_info: false,
        can_invite_users: false,
        can_pin_messages: false,
        can_manage_topics: false,
        until_date: 0,
      };
    case "kicked":
      return { status, user, until_date: 0 };
    default:
      return { status, user };
  }
}

export const chatMethods: Record<string, Handler> = {
  getChat: (h, p) => {
    const chat = readChat(h, p);
    return { ...chat.toApi(), accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: { unlimited_gifts: false, limited_gifts: false, unique_gifts: false, premium_subscription: false } };
  },

  getChatMember: (h, p, bot) => {
    const chat = readChat(h, p);
    const userId = int(p, "user_id");
    if (userId === undefined) throw badRequest("invalid user_id specified");
    if (userId === bot.id) return memberJson(chat.info.type === "private" ? "member" : chat.botStatus, botUserJson(bot), chat.info.type);
    const known = h.users.get(userId);
    const user = known ? userToApi(known) : { id: userId, is_bot: false, first_name: `User ${userId}` };
    let status = chat.members.get(userId);
    if (status === undefined) status = chat.info.type === "private" ? (userId === chat.info.id ? "member" : "left") : "left";
    return memberJson(status, user, chat.info.type);
  },

  leaveChat: (h, p, bot) => {
    const chat = readChat(h, p);
    if (chat.info.type === "private") throw badRequest("chat member status can't be changed in private chats");
    if (chat.botStatus === "left" || chat.botStatus === "kicked") throw new ApiError(403, "Forbidden: bot is not a member of the group chat");
    const old = chat.botStatus;
    chat.botStatus = "left";
    h.enqueue({
      my_chat_member: {
        chat: chat.toApi(),
        from: botUserJson(bot),
        date: now(),
        old_chat_member: memberJson(old, botUserJson(bot), chat.info.type),
        new_chat_member: memberJson("left", botUserJson(bot), chat.info.type),
      },
    });
    return true;
  },
};
