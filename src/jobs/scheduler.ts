import type { Logger } from "../logger.js";

/** A long-running background service (e.g. the broadcast worker) started and stopped with the bot. */
export interface Service {
  name: string;
  start(): void | Promise<void>;
  stop(): Promise<void>;
}

export interface Job {
  name: string;
  /** how often it runs, in milliseconds */
  everyMs: number;
  run: (now: Date) => Promise<unknown>;
}

/**
 * Runs periodic background jobs (reminders, offer expiry, feedback invitations, retention). State lives
 * in the database, so a restart simply picks up what is due; a job never overlaps with itself.
 */
export class Scheduler {
  private readonly jobs: Job[] = [];
  private readonly services: Service[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<unknown>>();
  private stopped = true;

  constructor(
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  register(job: Job): void {
    if (this.jobs.some((j) => j.name === job.name)) throw new Error(`job ${job.name} registered twice`);
    this.jobs.push(job);
  }

  registerService(service: Service): void {
    this.services.push(service);
  }

  names(): string[] {
    return this.jobs.map((job) => job.name);
  }

  /** Runs one job now and waits for it (tests and the admin tools use this). */
  async runNow(name: string, now = this.now()): Promise<unknown> {
    const job = this.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`no job named ${name}`);
    return this.runGuarded(job, now);
  }

  private async runGuarded(job: Job, now: Date): Promise<unknown> {
    const current = this.running.get(job.name);
    if (current) return current;
    const promise = job
      .run(now)
      .catch((error: unknown) => this.logger.error({ err: error, job: job.name }, "background job failed"))
      .finally(() => this.running.delete(job.name));
    this.running.set(job.name, promise);
    return promise;
  }

  async start(): Promise<void> {
    this.stopped = false;
    for (const service of this.services) await service.start();
    for (const job of this.jobs) {
      const tick = () => {
        if (this.stopped) return;
        void this.runGuarded(job, this.now()).finally(() => {
          if (!this.stopped) this.timers.set(job.name, setTimeout(tick, job.everyMs));
        });
      };
      // first run soon after start, so work that fell due while the bot was down is picked up
      this.timers.set(job.name, setTimeout(tick, Math.min(1000, job.everyMs)));
    }
  }

  /** Stops scheduling and waits for jobs that are running right now. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running.values()]);
    await Promise.allSettled(this.services.map((service) => service.stop()));
  }
}
