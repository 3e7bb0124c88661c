// The buttons of /siaran: inside the compose conversation, and under the live progress message.
import { z } from "zod";
import { eventSegments } from "../../../domain/broadcast/audience.js";
import { CallbackData } from "../../callback.js";

export const id = z.string().regex(/^[1-9]\d{0,8}$/).transform(Number);

// buttons inside the /siaran conversation
export const buttonCb = new CallbackData("bcb", ["event"], z.object({ event: z.string().regex(/^\d{1,9}$/).transform(Number) }));
export const audienceCb = new CallbackData("bca", ["kind"], z.object({ kind: z.enum(["all", "alumni", "calon", "provinces", "event"]) }));
export const provinceCb = new CallbackData(
  "bcp",
  ["action", "value"],
  z.object({ action: z.enum(["toggle", "page", "done"]), value: z.string().regex(/^\d{1,2}$/) }),
);
export const eventCb = new CallbackData("bce", ["id"], z.object({ id }));
export const segmentCb = new CallbackData("bcs", ["segment"], z.object({ segment: z.enum(eventSegments) }));
export const confirmCb = new CallbackData("bcc", ["action"], z.object({ action: z.enum(["now", "schedule", "audience", "discard", "scheduled"]) }));
// buttons under the live progress message (outside the conversation)
/** /siaran_jeda, /siaran_lanjut, /siaran_batal: the control, and the broadcasts it applies to. */
export const CONTROL_COMMANDS = [
  ["siaran_jeda", "pause", ["running", "scheduled"]],
  ["siaran_lanjut", "resume", ["paused"]],
  ["siaran_batal", "cancel", ["running", "paused", "scheduled"]],
] as const;

export const controlCb = new CallbackData(
  "bctl",
  ["action", "id"],
  z.object({ action: z.enum(["pause", "resume", "cancel", "cancelok", "keep"]), id }),
);
