// Callback data of the events feature. Ids are validated here, and every handler checks again in the
// database that the pressing user owns what the payload names.
import { z } from "zod";
import { CallbackData } from "../../callback.js";

const id = z.string().regex(/^[1-9]\d{0,8}$/).transform(Number);
const page = z.string().regex(/^\d{1,4}$/).transform(Number);

/** A page of /acara. */
export const listCb = new CallbackData("evl", ["page"], z.object({ page }));
/** An event's details. */
export const detailsCb = new CallbackData("evd", ["id"], z.object({ id }));
/** The venue as a map pin. */
export const venueCb = new CallbackData("evv", ["id"], z.object({ id }));
/** Start (or redo) the RSVP conversation for an event. */
export const registerCb = new CallbackData("evr", ["id"], z.object({ id }));
/** /rsvpku actions on one registration (the id is a Registration id). */
export const myRegistrationCb = new CallbackData("rsv", ["action", "id"], z.object({ action: z.enum(["cancel", "cancelok", "keep", "ticket"]), id }));
/** Answering a seat offer (Registration id). */
export const offerCb = new CallbackData("ofr", ["action", "id"], z.object({ action: z.enum(["accept", "decline"]), id }));
/** Back to /rsvpku. */
export const myListCb = new CallbackData("rsvl", [], z.object({}));

// event administration (admins only)
export const EDITABLE_FIELDS = ["title", "description", "place", "location", "time", "capacity", "deadline", "audience", "companions"] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export const adminListCb = new CallbackData("ael", ["page"], z.object({ page }));
export const adminEventCb = new CallbackData(
  "aev",
  ["action", "id"],
  z.object({ action: z.enum(["view", "publish", "cancel", "cancelok", "keep", "complete", "edit", "export"]), id }),
);
export const editFieldCb = new CallbackData("aef", ["field", "id"], z.object({ field: z.enum(EDITABLE_FIELDS), id }));
export const exportCb = new CallbackData("aex", ["kind", "id"], z.object({ kind: z.enum(["pick", "reg", "fb"]), id }));
/** The buttons under the /buatacara preview (only read inside that conversation). */
export const previewCb = new CallbackData("acp", ["action"], z.object({ action: z.enum(["publish", "draft", "discard"]) }));

