// Test-only seam of the broadcast worker. Production code never imports crashWorker; the worker's crash
// simulation sits behind a symbol so it is not part of its public API.
export const simulateCrash = Symbol("simulateCrash");

interface Crashable {
  [simulateCrash](): Promise<void>;
}

/** Makes the worker behave like a kill -9 from the database's point of view (tests of crash recovery). */
export function crashWorker(worker: Crashable): Promise<void> {
  return worker[simulateCrash]();
}
