/** The Telegram Bot API emulator, for tests (the implementation lives in src/emulator so the bench and demo can use it too). */
export * from "../../src/emulator/index.js";
