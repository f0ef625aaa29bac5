import { Api } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, openMigratedDatabase } from "../../db/database.js";
import { enqueueMessage, outboxCounts } from "../../db/queries/outbox.js";
import { createDeliveryWorker, type DeliveryOptions, type DeliveryWorker } from "../../src/jobs/delivery.js";
import { FakeBotApi } from "../support/fake-bot-api.js";

let db: DB;
let fake: FakeBotApi;
const workers: DeliveryWorker[] = [];

beforeEach(async () => {
  dispatched = [];
  db = await openMigratedDatabase(":memory:");
  fake = await FakeBotApi.start();
});
afterEach(async () => {
  for (const w of workers.splice(0)) await w.stop();
  await fake.close();
  await db.destroy();
});

/** When each sendMessage left the worker (performance.now()): what its pacing controls. */
let dispatched: { at: number; chatId: number }[] = [];

/** Fast settings for tests: small backoff, no per-chat wait unless asked. */
function worker(opts: DeliveryOptions = {}): DeliveryWorker {
  const api = new Api(fake.token, { apiRoot: fake.apiRoot });
  api.config.use((prev, method, payload, signal) => {
    if (method === "sendMessage")
      dispatched.push({ at: performance.now(), chatId: Number((payload as { chat_id: number }).chat_id) });
    return prev(method, payload, signal);
  });
  const w = createDeliveryWorker(
    { db, api, clock: () => new Date() },
    { backoffBaseMs: 40, requestTimeoutMs: 3000, idlePollMs: 50, perChatMs: 0, ...opts },
  );
  workers.push(w);
  return w;
}

async function queue(chatId: number, key = `digest:${chatId}:2021-10-25`, text = `Дайджест для ${chatId}`) {
  return enqueueMessage(
    db,
    {
      idemKey: key,
      chatId,
      kind: "digest",
      payload: {
        text,
        parse_mode: "HTML",
        reply_markup: { inline_keyboard: [[{ text: "✅ 3", callback_data: "a:done:3" }]] },
      },
    },
    new Date(),
  );
}

async function row(id: number) {
  return db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

describe("enqueue", () => {
  it("is idempotent by key: the same digest queued twice is one row", async () => {
    const a = await queue(1);
    const b = await queue(1);
    expect(a).toEqual({ id: a.id, inserted: true });
    expect(b).toEqual({ id: a.id, inserted: false });
    expect((await outboxCounts(db)).pending).toBe(1);
  });
});

describe("delivery against the fake Bot API", () => {
  it("sends each row once with its HTML and buttons, and records Telegram's message id", async () => {
    const ids = [];
    for (let chat = 1; chat <= 5; chat++)
      ids.push((await queue(chat, undefined, `<b>План</b> &lt;1&gt; для ${chat}`)).id);
    const w = worker();
    expect(await w.drain({ ids, timeoutMs: 5000 })).toBe(true);
    for (let chat = 1; chat <= 5; chat++) {
      const msgs = fake.botMessages(chat);
      expect(msgs).toHaveLength(1);
      expect(msgs[0]!.text).toBe(`План <1> для ${chat}`);
      expect(fake.buttons(msgs[0])).toEqual([[{ text: "✅ 3", callback_data: "a:done:3" }]]);
      const r = await row(ids[chat - 1]!);
      expect([r.status, r.telegram_message_id, r.attempts]).toEqual(["sent", msgs[0]!.message_id, 1]);
      expect(r.sent_at).not.toBeNull();
    }
  });

  it("a 429 is retried after its retry_after; a stray one does not hold up other chats", async () => {
    const a = await queue(1);
    await queue(2);
    fake.failNext("sendMessage", { type: "429", retryAfter: 1 }, 1, 1);
    const w = worker({ concurrency: 1 });
    expect(await w.drain({ timeoutMs: 5000 })).toBe(true);
    const sends = fake.callsOf("sendMessage");
    expect(sends.map((c) => [c.params.chat_id, c.status])).toEqual([
      [1, 429],
      [2, 200],
      [1, 200],
    ]);
    expect(sends[1]!.at - sends[0]!.at).toBeLessThan(500);
    expect(sends[2]!.at - sends[0]!.at).toBeGreaterThanOrEqual(990);
    expect((await row(a.id)).attempts).toBe(2);
    expect(w.stats.rateLimited).toBe(1);
  });

  it("repeated 429s within a window mean flood control: the whole worker waits retry_after", async () => {
    for (let chat = 1; chat <= 4; chat++) await queue(chat);
    fake.failNext("sendMessage", { type: "429", retryAfter: 1 }, 3);
    const w = worker({ concurrency: 1 });
    expect(await w.drain({ timeoutMs: 8000 })).toBe(true);
    const sends = fake.callsOf("sendMessage");
    expect(sends.slice(0, 4).map((c) => [c.params.chat_id, c.status])).toEqual([
      [1, 429],
      [2, 429],
      [3, 429],
      [4, 200],
    ]);
    expect(sends[3]!.at - sends[2]!.at).toBeGreaterThanOrEqual(990);
    for (let chat = 1; chat <= 4; chat++) expect(fake.botMessages(chat)).toHaveLength(1);
  });

  it("5xx answers are retried with backoff until sent; the reason is kept", async () => {
    const a = await queue(1);
    fake.failNext("sendMessage", { type: "5xx", status: 502 }, 2);
    const w = worker();
    expect(await w.drain({ timeoutMs: 5000 })).toBe(true);
    const r = await row(a.id);
    expect([r.status, r.attempts, r.last_error]).toEqual(["sent", 3, "502: Bad Gateway"]);
    expect(fake.botMessages(1)).toHaveLength(1);
    const sends = fake.callsOf("sendMessage");
    expect(sends[2]!.at - sends[1]!.at).toBeGreaterThan(sends[1]!.at - sends[0]!.at); // backoff grows
  });

  it("a request that hangs times out and is sent again: one message", async () => {
    const a = await queue(1);
    fake.failNext("sendMessage", { type: "hang" }, 1);
    const w = worker({ requestTimeoutMs: 300, leaseMs: 2000 });
    expect(await w.drain({ timeoutMs: 5000 })).toBe(true);
    const r = await row(a.id);
    expect([r.status, r.attempts]).toEqual(["sent", 2]);
    expect(fake.botMessages(1)).toHaveLength(1);
  });

  it("gives up after the bound with the reason recorded", async () => {
    const a = await queue(1);
    fake.failNext("sendMessage", { type: "5xx", status: 500, description: "Internal Server Error" }, 100);
    const w = worker({ maxAttempts: 3 });
    expect(await w.drain({ timeoutMs: 5000 })).toBe(true);
    const r = await row(a.id);
    expect(r.status).toBe("failed");
    expect(r.last_error).toBe("gave up after 3 attempts: 500: Internal Server Error");
    expect(fake.callsOf("sendMessage")).toHaveLength(3);
  });

  it("a 400 is not retried", async () => {
    const a = await queue(1);
    fake.failNext("sendMessage", { type: "400", description: "Bad Request: chat not found" }, 1);
    expect(await worker().drain({ timeoutMs: 5000 })).toBe(true);
    expect(await row(a.id)).toMatchObject({
      status: "failed",
      attempts: 1,
      last_error: "400: Bad Request: chat not found",
    });
  });

  it("403: the user is marked blocked, their other queued messages stop, others go on", async () => {
    await db
      .insertInto("users")
      .values([
        { id: 1, first_name: "A", last_name: null, username: null, created_at: "2021-01-01T00:00:00.000Z" },
        { id: 2, first_name: "B", last_name: null, username: null, created_at: "2021-01-01T00:00:00.000Z" },
      ])
      .execute();
    const a = await queue(1);
    const a2 = await queue(1, "reminder:5:2021-10-25:1");
    const b = await queue(2);
    fake.blockChat(1);
    expect(await worker().drain({ timeoutMs: 5000 })).toBe(true);
    expect((await row(a.id)).status).toBe("failed");
    expect((await row(a.id)).last_error).toBe("blocked: 403: Forbidden: bot was blocked by the user");
    expect((await row(a2.id)).status).toBe("failed");
    expect((await row(b.id)).status).toBe("sent");
    const users = await db.selectFrom("users").select(["id", "blocked_at"]).orderBy("id").execute();
    expect(users[0]!.blocked_at).not.toBeNull();
    expect(users[1]!.blocked_at).toBeNull();
    expect(fake.callsOf("sendMessage").filter((c) => c.params.chat_id === 1)).toHaveLength(1);
  });

  it("keeps to the global rate: never more than N calls in any window", async () => {
    for (let chat = 1; chat <= 24; chat++) await queue(chat);
    const w = worker({ maxPerWindow: 6, windowMs: 200, concurrency: 8 });
    expect(await w.drain({ timeoutMs: 10_000 })).toBe(true);
    expect(fake.callsOf("sendMessage")).toHaveLength(24);
    // Measured where the calls leave the worker (the fake, in this same busy process, sees them
    // bunched by its own event-loop delays).
    const at = dispatched.map((d) => d.at);
    for (let i = 6; i < at.length; i++) expect(at[i]! - at[i - 6]!).toBeGreaterThanOrEqual(200);
    // …and uses it: 24 calls at 6 per 200 ms take about 600-800 ms, not much more.
    expect(at.at(-1)! - at[0]!).toBeLessThan(1200);
  });

  it("keeps one chat to one message per interval, without holding up other chats", async () => {
    await queue(1, "notice:1");
    await queue(1, "notice:2");
    await queue(1, "notice:3");
    await queue(2, "notice:4");
    const w = worker({ perChatMs: 300 });
    expect(await w.drain({ timeoutMs: 5000 })).toBe(true);
    const chat1 = dispatched.filter((c) => c.chatId === 1).map((c) => c.at);
    expect(chat1).toHaveLength(3);
    expect(chat1[1]! - chat1[0]!).toBeGreaterThanOrEqual(300);
    expect(chat1[2]! - chat1[1]!).toBeGreaterThanOrEqual(300);
    const chat2 = dispatched.find((c) => c.chatId === 2)!.at;
    expect(chat2 - chat1[0]!).toBeLessThan(200);
    expect(fake.botMessages(1).map((m) => m.text)).toEqual([
      "Дайджест для 1",
      "Дайджест для 1",
      "Дайджест для 1",
    ]);
  });

  it("two workers on one database (the bot and `srok digest run`) send each row once", async () => {
    const ids = [];
    for (let chat = 1; chat <= 40; chat++) ids.push((await queue(chat)).id);
    const w1 = worker({ concurrency: 4 });
    const w2 = worker({ concurrency: 4 });
    await Promise.all([w1.drain({ ids, timeoutMs: 10_000 }), w2.drain({ ids, timeoutMs: 10_000 })]);
    for (let chat = 1; chat <= 40; chat++) expect(fake.botMessages(chat)).toHaveLength(1);
    expect(w1.stats.sent + w2.stats.sent).toBe(40);
    expect(w1.stats.sent).toBeGreaterThan(0);
    expect(w2.stats.sent).toBeGreaterThan(0);
  });

  it("a row left `sending` by a dead process is resent once its lease expires, never before", async () => {
    const dead = await queue(1);
    const live = await queue(2);
    const past = new Date(Date.now() - 1000).toISOString();
    const future = new Date(Date.now() + 60_000).toISOString();
    await db
      .updateTable("outbox")
      .set({ status: "sending", attempts: 1, next_attempt_at: past })
      .where("id", "=", dead.id)
      .execute();
    await db
      .updateTable("outbox")
      .set({ status: "sending", attempts: 1, next_attempt_at: future })
      .where("id", "=", live.id)
      .execute();
    const w = worker();
    expect(await w.drain({ ids: [dead.id], timeoutMs: 5000 })).toBe(true);
    const r = await row(dead.id);
    expect([r.status, r.attempts]).toEqual(["sent", 2]);
    expect(r.last_error).toBe("resent: the previous send was interrupted (a duplicate is possible)");
    // The other row's lease belongs to a live worker elsewhere: untouched.
    await new Promise((res) => setTimeout(res, 200));
    expect((await row(live.id)).status).toBe("sending");
    expect(fake.botMessages(2)).toHaveLength(0);
  });
});
