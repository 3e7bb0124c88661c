/**
 * Answers to queries the users' actions raised: callback queries (inline buttons).
 */
import { badRequest, type CallbackAnswer } from "../types.js";
import { bool, int, str, type Handler } from "./host.js";

export const queryMethods: Record<string, Handler> = {
  answerCallbackQuery: (h, p) => {
    const id = str(p, "callback_query_id");
    const query = id === undefined ? undefined : h.callbackQueries.get(id);
    if (!query || query.answer) throw badRequest("query is too old and response timeout expired or query ID is invalid");
    const text = str(p, "text");
    if (text !== undefined && text.length > 200) throw badRequest("MESSAGE_TOO_LONG");
    const answer: CallbackAnswer = { callbackQueryId: query.id, showAlert: bool(p, "show_alert"), at: Date.now() };
    if (text !== undefined) answer.text = text;
    const url = str(p, "url");
    if (url !== undefined) answer.url = url;
    const cache = int(p, "cache_time");
    if (cache !== undefined) answer.cacheTime = cache;
    if (query.chatId !== undefined) answer.chatId = query.chatId;
    if (query.messageId !== undefined) answer.messageId = query.messageId;
    if (query.data !== undefined) answer.data = query.data;
    query.answer = answer;
    h.onCallbackAnswer(answer);
    return true;
  },
};
