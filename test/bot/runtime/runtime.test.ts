// The bot's runtime end to end: real polling over HTTP against the fake Bot API.
import { afterEach, describe, expect, it } from "vitest";
import { kvKeys } from "../../../db/queries/kv.js";
import { setUserLanguage } from "../../../db/queries/users.js";
import { refreshUserCommands } from "../../../src/bot/commands-menu.js";
import { type Harness, startHarness } from "../../support/bot-harness.js";
import { runtimeTestFeatures } from "./fixtures/test-features.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function harness(env: Record<string, string> = {}): Promise<Harness> {
  h = await startHarness({ features: runtimeTestFeatures(), env });
  return h;
}

describe("ordering", () => {
  it("handles one chat's updates in order, even when the first is slow", async () => {
    const { user } = await harness().then((x) => ({ user: x.user(101) }));
    await user.send("slow 300 first");
    await user.send("slow 0 second");
    await user.waitForMessage("done second");
    expect(user.messages().map((m) => m.text)).toEqual(["done first", "done second"]);
  });

  it("handles different chats in parallel", async () => {
    const x = await harness();
    const slow = x.user(201);
    const fast = x.user(202);
    const started = performance.now();
    await slow.send("slow 600 A");
    await fast.send("slow 0 B");
    const b = await fast.waitForMessage("done B");
    const fastMs = performance.now() - started;
    const a = await slow.waitForMessage("done A");
    expect(b.seq).toBeLessThan(a.seq);
    expect(fastMs).toBeLessThan(500);
  });
});

describe("answers", () => {
  it("never leaves a message or a button in silence", async () => {
    const x = await harness();
    const u = x.user(301);
    await u.send("что-то непонятное");
    expect((await u.waitForMessage()).text).toMatch(/^Не понял сообщение/);
    await u.command("nosuch");
    expect((await u.waitForMessage()).text).toMatch(/^Такой команды нет/);
    await u.command("menu");
    const menu = await u.waitForMessage("Выберите");
    await u.pressData(menu.message_id, "old:button:1");
    expect((await u.waitForAnswer()).text).toBe("Эта кнопка уже не работает. Откройте /tasks заново.");
  });

  it("tells the user when a handler fails", async () => {
    const x = await harness();
    const u = x.user(302);
    await u.send("boom");
    expect((await u.waitForMessage()).text).toBe("Что-то пошло не так. Попробуйте ещё раз чуть позже.");
  });

  it("retries a Bot API 429 and the reply still arrives", async () => {
    const x = await harness();
    const u = x.user(303);
    x.fake.failNext("sendMessage", { type: "429", retryAfter: 1 });
    await u.send("slow 0 after-429");
    await u.waitForMessage("done after-429");
    const sends = x.fake.callsOf("sendMessage").map((c) => c.status);
    expect(sends).toEqual([429, 200]);
  });

  it("speaks the user's stored language, Russian by default", async () => {
    const x = await harness();
    const ru = x.user(304, { languageCode: "en" });
    await ru.command("lang");
    expect((await ru.waitForMessage()).text).toBe("Отменено.");
    await setUserLanguage(x.db, 304, "en");
    await ru.command("lang");
    expect((await ru.waitForMessage()).text).toBe("Cancelled.");
  });
});

describe("users", () => {
  it("stores the sender on first contact and tracks blocking", async () => {
    const x = await harness();
    const u = x.user(401, { firstName: "Ирина", lastName: "Викторовна", username: "irina" });
    await u.send("привет");
    await x.idle();
    const row = await x.db.selectFrom("users").selectAll().where("id", "=", 401).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      first_name: "Ирина",
      last_name: "Викторовна",
      username: "irina",
      language: "ru",
    });
    const chat = { id: 401, type: "private" as const, first_name: "Ирина" };
    const from = { id: 401, is_bot: false as const, first_name: "Ирина" };
    const bot = { user: { ...x.fake.botInfo, is_bot: true as const }, status: "member" as const };
    await x.fake.sendUpdate({
      my_chat_member: {
        chat,
        from,
        date: 0,
        old_chat_member: bot,
        new_chat_member: { user: bot.user, status: "kicked", until_date: 0 },
      },
    });
    await x.idle();
    const blocked = await x.db
      .selectFrom("users")
      .select("blocked_at")
      .where("id", "=", 401)
      .executeTakeFirstOrThrow();
    expect(blocked.blocked_at).toBe(x.now().toISOString());
    await u.send("я вернулся");
    await x.idle();
    const back = await x.db
      .selectFrom("users")
      .select("blocked_at")
      .where("id", "=", 401)
      .executeTakeFirstOrThrow();
    expect(back.blocked_at).toBeNull();
  });
});

describe("dialogues", () => {
  it("/cancel leaves a dialogue, which then no longer takes messages", async () => {
    const x = await harness();
    const u = x.user(501);
    await u.command("ask");
    await u.waitForMessage("Как вас зовут?");
    await x.idle(); // the dialogue's state is stored once the update is handled
    expect(await kvKeys(x.db, "conversation:")).toEqual(["conversation:501"]);
    await u.command("cancel");
    expect((await u.waitForMessage()).text).toBe("Отменено.");
    await x.idle();
    expect(await kvKeys(x.db, "conversation:")).toEqual([]);
    await u.send("Ира");
    expect((await u.waitForMessage()).text).toMatch(/^Не понял сообщение/);
    await u.command("cancel");
    expect((await u.waitForMessage()).text).toBe("Нечего отменять.");
  });

  it("goes on after a restart of the bot in the middle", async () => {
    const x = await harness();
    const u = x.user(502);
    await u.command("ask");
    await u.waitForMessage("Как вас зовут?");
    await u.send("Сообщение с ответом");
    await u.waitForMessage("Город?");
    await x.restart();
    await u.send("Тверь");
    expect((await u.waitForMessage("Записал")).text).toBe("Записал: Сообщение с ответом, Тверь");
    const rows = await x.db
      .selectFrom("audit_log")
      .select("details_json")
      .where("action", "=", "test.ask")
      .execute();
    expect(rows.map((r) => JSON.parse(r.details_json))).toEqual([
      { name: "Сообщение с ответом", city: "Тверь" },
    ]);
    // Nothing was asked twice.
    expect(u.messages().filter((m) => m.text === "Город?")).toHaveLength(1);
  });
});

describe("start", () => {
  it("sets the commands menu: executors by default (ru, en), coordinators in their chat", async () => {
    const x = await harness({ ADMIN_IDS: "777" });
    expect(x.fake.myCommands()?.map((c: any) => c.command)).toEqual([
      "tasks",
      "me",
      "settings",
      "help",
      "cancel",
    ]);
    expect(x.fake.myCommands({ type: "default" }, "en")?.[0]).toEqual({
      command: "tasks",
      description: "My tasks",
    });
    const coordinator = x.fake.myCommands({ type: "chat", chat_id: 777 })?.map((c: any) => c.command);
    expect(coordinator).toContain("status");
    expect(coordinator).toContain("invite");
    // Someone becomes a coordinator later, then loses it.
    await x.db.insertInto("users").values({ id: 888, created_at: x.now().toISOString() }).execute();
    await x.db
      .insertInto("coordinator_scopes")
      .values({ user_id: 888, unit_id: null, created_at: x.now().toISOString() })
      .execute();
    await refreshUserCommands(x.bot.api, x.deps, 888);
    expect(x.fake.myCommands({ type: "chat", chat_id: 888 })?.map((c: any) => c.command)).toContain(
      "overdue",
    );
    await x.db.updateTable("coordinator_scopes").set({ revoked_at: x.now().toISOString() }).execute();
    await refreshUserCommands(x.bot.api, x.deps, 888);
    expect(x.fake.myCommands({ type: "chat", chat_id: 888 })).toBeUndefined();
  });

  it("prunes processed updates older than a few days", async () => {
    const x = await harness();
    const day = 24 * 3600_000;
    await x.db
      .insertInto("processed_updates")
      .values([
        { update_id: 1, processed_at: new Date(x.now().getTime() - 4 * day).toISOString() },
        { update_id: 2, processed_at: new Date(x.now().getTime() - 1 * day).toISOString() },
      ])
      .execute();
    await x.restart();
    const left = await x.db.selectFrom("processed_updates").select("update_id").execute();
    expect(left.map((r) => r.update_id)).toEqual([2]);
  });

  it("stops gracefully: waits for the update in flight, then confirms it", async () => {
    const x = await harness();
    const u = x.user(601);
    const update = await u.send("slow 400 last");
    await x.fake.waitFor(() => x.launched.polling.size() === 1, 2000, "the update to start");
    await x.stopBot();
    expect(u.lastMessage()?.text).toBe("done last");
    expect(x.fake.isConfirmed(update.update_id)).toBe(true);
  });
});
