// The lean `branch` must decide exactly as grammY's: filters, their fall-through, and middleware
// added to a filter's composer after it was registered.
import { Api, Composer, Context } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { describe, expect, it } from "vitest";
import { installLeanBranch } from "../../../src/bot/runtime/grammy-branch.js";

installLeanBranch();

function ctxOf(update: Partial<Update>): Context {
  const me = { id: 1, is_bot: true, first_name: "srok", username: "srok_bot" } as UserFromGetMe;
  return new Context({ update_id: 1, ...update } as Update, new Api("1:x"), me);
}

const press = (data: string) =>
  ctxOf({
    callback_query: { id: "q", chat_instance: "c", data, from: { id: 5, is_bot: false, first_name: "A" } },
  });
const text = (t: string) =>
  ctxOf({
    message: {
      message_id: 1,
      date: 0,
      chat: { id: 5, type: "private", first_name: "A" },
      from: { id: 5, is_bot: false, first_name: "A" },
      text: t,
      ...(t.startsWith("/")
        ? { entities: [{ type: "bot_command" as const, offset: 0, length: t.split(" ")[0]!.length }] }
        : {}),
    },
  });

async function run(composer: Composer<Context>, ctx: Context): Promise<string[]> {
  const seen: string[] = [];
  (ctx as any).seen = seen;
  await composer.middleware()(ctx, async () => {
    seen.push("after all");
  });
  return seen;
}
const mark = (label: string) => (ctx: Context) => {
  (ctx as any).seen.push(label);
};

describe("Composer.branch without a Composer per update", () => {
  it("routes presses and commands to their handlers, and falls through when none match", async () => {
    const c = new Composer<Context>();
    c.callbackQuery(/^a:/, mark("assignment"));
    c.command("start", mark("start"));
    c.on("message:text", mark("text"));
    expect(await run(c, press("a:done:1"))).toEqual(["assignment"]);
    expect(await run(c, text("/start x"))).toEqual(["start"]);
    expect(await run(c, text("привет"))).toEqual(["text"]);
    expect(await run(c, press("zz"))).toEqual(["after all"]);
  });

  it("passes on when a handler calls next, and awaits asynchronous predicates", async () => {
    const c = new Composer<Context>();
    c.filter(
      async (ctx) => {
        await new Promise((r) => setTimeout(r, 1));
        return ctx.callbackQuery?.data === "x";
      },
      async (ctx, next) => {
        mark("first")(ctx);
        await next();
      },
    );
    c.use(mark("second"));
    expect(await run(c, press("x"))).toEqual(["first", "second"]);
    expect(await run(c, press("y"))).toEqual(["second"]);
  });

  it("runs middleware added to a filter's composer after the filter was registered", async () => {
    const c = new Composer<Context>();
    const admins = c.filter((ctx) => ctx.from?.id === 5);
    c.use(mark("everyone"));
    admins.use(async (ctx, next) => {
      mark("admin")(ctx);
      await next();
    });
    admins.use(mark("admin, second"));
    expect(await run(c, press("x"))).toEqual(["admin", "admin, second"]);
  });

  it("takes arrays of middleware on both sides, in order", async () => {
    const c = new Composer<Context>();
    c.branch(
      (ctx) => ctx.callbackQuery?.data === "yes",
      [
        async (ctx, next) => {
          mark("yes 1")(ctx);
          await next();
        },
        mark("yes 2"),
      ],
      [mark("no")],
    );
    expect(await run(c, press("yes"))).toEqual(["yes 1", "yes 2"]);
    expect(await run(c, press("other"))).toEqual(["no"]);
  });

  it("lets a predicate's error reach the caller", async () => {
    const c = new Composer<Context>();
    c.filter(() => {
      throw new Error("broken predicate");
    }, mark("never"));
    await expect(run(c, press("x"))).rejects.toThrow(/broken predicate/);
  });
});
