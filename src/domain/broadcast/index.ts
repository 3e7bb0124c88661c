export * from "./audience.js";
export * from "./errors.js";
export * from "./queue.js";
export * from "./rate.js";
export * from "./worker.js";
export * from "./schedule.js";
