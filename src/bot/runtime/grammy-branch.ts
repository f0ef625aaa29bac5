// grammY's `Composer.branch` (behind `filter`, `on`, `command`, `callbackQuery`, `hears`…) is
// built on `lazy`, which constructs a new Composer for every update at every filter the update
// passes. With srok's features that is about 40 Composers, their closures and promises for one
// button press; with two hundred presses in flight, the garbage collector then copies them all
// again on every scavenge. This `branch` decides the same way, in the same order, reading the
// branches' middleware at call time as `lazy` does (so middleware added to a filter's composer
// later still runs), without building anything per update.
// Installed when this module is first imported: feature modules build their filters as they load,
// before createBot runs, so src/bot/features/index.ts imports this module first.
import { Composer, type Context, type Middleware, type MiddlewareFn } from "grammy";

type Predicate<C extends Context> = (ctx: C) => boolean | Promise<boolean>;

function asFunction<C extends Context>(middleware: Middleware<C>): MiddlewareFn<C> {
  return typeof middleware === "function" ? middleware : (ctx, next) => middleware.middleware()(ctx, next);
}

function branch<C extends Context>(
  this: Composer<C>,
  predicate: Predicate<C>,
  trueMiddleware: Middleware<C> | Middleware<C>[],
  falseMiddleware: Middleware<C> | Middleware<C>[],
): Composer<C> {
  const whenTrue = asFunction(
    Array.isArray(trueMiddleware) ? new Composer(...trueMiddleware) : trueMiddleware,
  );
  const whenFalse = asFunction(
    Array.isArray(falseMiddleware) ? new Composer(...falseMiddleware) : falseMiddleware,
  );
  // Not an async function: a synchronous predicate (most filters) then allocates no promise.
  return this.use((ctx, next) => {
    const pass = predicate(ctx);
    if (isThenable(pass))
      return Promise.resolve(pass).then((ok) => (ok ? whenTrue(ctx, next) : whenFalse(ctx, next)));
    return pass ? whenTrue(ctx, next) : whenFalse(ctx, next);
  });
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}

let installed = false;

/** Replaces `Composer.prototype.branch` once per process (on import; createBot calls it too). */
export function installLeanBranch(): void {
  if (installed) return;
  installed = true;
  (Composer.prototype as unknown as { branch: typeof branch }).branch = branch;
}

installLeanBranch();
