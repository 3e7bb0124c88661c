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
import { Composer, type Context, type Middleware, type MiddlewareFn } from "grammy";

type MaybePromise<T> = T | Promise<T>;
type MaybeArray<T> = T | T[];

const pass: MiddlewareFn<Context> = (_ctx, next) => next();

export class BotComposer<C extends Context> extends Composer<C> {
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

/** The middleware as one function; a composer in it is still read when it runs (grammY's flatten). */
function composed<C extends Context>(middleware: MaybeArray<Middleware<C>>): MiddlewareFn<C> {
  return new Composer<C>(...(Array.isArray(middleware) ? middleware : [middleware])).middleware();
}
