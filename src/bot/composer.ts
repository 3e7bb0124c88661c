// grammY's Composer with a cheaper branch, for the bot's own pipeline and features.
//
// Every filter — on, command, callbackQuery, chatType, hears, filter — ends in Composer.branch, which
// grammY builds on lazy(): for every update that reaches it, whatever the outcome, two promises, an
// array, a new Composer and its closures. An update passes well over a hundred filters on its way to
// the handler that takes it (36 commands, 36 button handlers, 19 `on`, 35 filters and chat types), so
// that was most of grammY's share of the CPU and a large part of the garbage collector's (profile of
// FAQ questions handled in process). Here the two branches are composed once, when the filter is
// registered, and a synchronous predicate is decided without a promise. Behaviour is grammY's: the
// branch still runs handlers added to it after it was registered (grammY wraps a composer so that its
// handlers are read per update), an asynchronous predicate is awaited, and filter() returns this class, so the composers it
// hands out — and the filters registered on them — take the same path.
//
// The chain itself is flat as well. grammY's use() nests the new middleware into the composer's handler
// with concat(), an async function that allocates its own promise, a closure for `next` and that
// closure's promise every time an update passes it — so an update that falls through a feature's 30
// registrations to the FAQ handler paid for 30 of each, in every composer on its way (the largest
// allocation site left in the real process, measured with V8's sampling heap profiler). A BotComposer keeps
// its middleware in an array and walks it with one `next` per pass through the composer. Middleware added
// later is still run (the array is read as the update walks it); a middleware that calls `next` twice is
// not detected as grammY does (nothing in the bot does), and a synchronous throw still becomes a rejected
// promise, as it is inside grammY's async concat.
import { Composer, type Context, type Middleware, type MiddlewareFn, type NextFunction } from "grammy";

type MaybePromise<T> = T | Promise<T>;
type MaybeArray<T> = T | T[];

const pass: MiddlewareFn<Context> = (_ctx, next) => next();
const settled = Promise.resolve();

export class BotComposer<C extends Context> extends Composer<C> {
  /** the composer's middleware in order, each as one function (a composer in it is read when it runs) */
  private readonly chain: Array<MiddlewareFn<C>>;
  private readonly run: MiddlewareFn<C>;

  constructor(...middleware: Array<Middleware<C>>) {
    super();
    const chain = middleware.map(asFunction);
    this.chain = chain;
    // most composers hold one middleware (every use(), filter and command makes one): called directly
    this.run = (ctx, next) => (chain.length === 1 ? call(chain[0] as MiddlewareFn<C>, ctx, next) : walk(chain, ctx, next));
  }

  override use(...middleware: Array<Middleware<C>>): Composer<C> {
    const composer = new BotComposer<C>(...middleware);
    this.chain.push(composer.run);
    return composer;
  }

  override middleware(): MiddlewareFn<C> {
    return this.run;
  }

  override filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Array<Middleware<D>>): Composer<D>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C> {
    const composer = new BotComposer<C>(...middleware);
    this.branch(predicate, composer, pass);
    return composer;
  }

  override branch(predicate: (ctx: C) => MaybePromise<boolean>, trueMiddleware: MaybeArray<Middleware<C>>, falseMiddleware: MaybeArray<Middleware<C>>): Composer<C> {
    const yes = composed(trueMiddleware);
    const no = composed(falseMiddleware);
    return this.use((ctx, next) => {
      const decided = predicate(ctx);
      if (typeof decided === "boolean") return (decided ? yes : no)(ctx, next);
      return decided.then((value) => (value ? yes : no)(ctx, next));
    });
  }
}

/** Runs `chain` from its first middleware; `next` of the last one is the caller's. */
function walk<C extends Context>(chain: ReadonlyArray<MiddlewareFn<C>>, ctx: C, next: NextFunction): Promise<void> {
  let at = 0;
  const step: NextFunction = () => {
    const middleware = chain[at++];
    return middleware === undefined ? next() : call(middleware, ctx, step);
  };
  return step();
}

/** One middleware, its outcome always a promise: a synchronous throw is a rejection, as in an async function. */
function call<C extends Context>(middleware: MiddlewareFn<C>, ctx: C, next: NextFunction): Promise<void> {
  try {
    const result = middleware(ctx, next);
    if (result instanceof Promise) return result as Promise<void>;
    // a thenable that is not a native promise (none in the bot) is adopted, a plain value is done
    return result !== null && typeof result === "object" && "then" in result ? Promise.resolve(result as PromiseLike<void>) : settled;
  } catch (error) {
    return Promise.reject(error);
  }
}

/** A middleware as a function; a composer is asked for its middleware each time it runs (grammY's flatten). */
function asFunction<C extends Context>(middleware: Middleware<C>): MiddlewareFn<C> {
  if (typeof middleware === "function") return middleware;
  if (middleware instanceof BotComposer) return middleware.middleware();
  return (ctx, next) => middleware.middleware()(ctx, next);
}

/** The middleware as one function. */
function composed<C extends Context>(middleware: MaybeArray<Middleware<C>>): MiddlewareFn<C> {
  const list = Array.isArray(middleware) ? middleware : [middleware];
  return list.length === 1 ? asFunction(list[0] as Middleware<C>) : new BotComposer<C>(...list).middleware();
}
