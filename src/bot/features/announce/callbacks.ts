// Callback data of /umumkan. The ids are validated here; the handler checks again, with the actor's
// scope, that the event may be announced by them (eventForActor) and that the chat is theirs to post to.
import { z } from "zod";
import { CallbackData } from "../../callback.js";

const id = z.string().regex(/^[1-9]\d{0,8}$/).transform(Number);
/** Telegram chat ids of channels and groups are negative, up to 52 bits. */
const chat = z.string().regex(/^-?[1-9]\d{0,15}$/);

/** An event picked: show the chats to post it to. */
export const announceEventCb = new CallbackData("umk", ["id"], z.object({ id }));
/** Post the card of this event to this chat. */
export const announcePostCb = new CallbackData("umkp", ["id", "chat"], z.object({ id, chat }));
