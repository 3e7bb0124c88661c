/** Local Telegram Bot API emulator: see server.ts for the Emulator class. */
export { Emulator, startEmulator } from "./server.js";
export type { ChatView, WaitForCallOptions, WaitForMessageOptions, WaitOptions } from "./server.js";
export { ApiError } from "./types.js";
export type {
  CallRecord,
  CallbackAnswer,
  ChatType,
  EmuChat,
  EmuMessage,
  EmuUser,
  EmulatorEvent,
  EmulatorEvents,
  EmulatorOptions,
  EmulatorStats,
  FaultSpec,
  FileContent,
  InlineAnswer,
  Json,
  MessageEvent,
  RateLimitConfig,
  RequestInfo,
  StoredFile,
  UploadedFile,
  UserActionOptions,
  WebhookConfig,
  WebhookDelivery,
} from "./types.js";
export { formatText, parseHtml, parseMarkdownV2, parseMarkdownLegacy } from "./entities.js";
export { seededRandom } from "./faults.js";
