// A burst of presses: more than one getUpdates answer (100) are handled at once, the ones in
// flight parked in the inbox; a crash leaves them there and the next start handles them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Api, Composer } from "grammy";
import type { Update } from "grammy/types";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, openMigratedDatabase } from "../../../db/database.js";
import { recordAudit } from "../../../db/queries/audit.js";
import { kvKeys } from "../../../db/queries/kv.js";
import { applyOnce } from "../../../src/bot/apply-once.js";
import type { BotContext, BotDeps } from "../../../src/bot/context.js";
import { createBot } from "../../../src/bot/index.js";
import { type LaunchedBot, launchBot } from "../../../src/bot/runtime/launch.js";
import { kvUpdateInbox, UPDATE_INBOX_PREFIX } from "../../../src/bot/runtime/update-inbox.js";
import { readConfig } from "../../../src/config.js";
import { FakeBotApi } from "../../support/fake-bot-api.js";

let fake: FakeBotApi;
let dir: string;
let db: DB;
let launched: LaunchedBot | undefined;
let started: number;
let release: () => void;
let gate: Promise<void>;

const logger = pino({ level: "silent" });

/** "hold:<n>": says it started (a chat action), waits for the gate, records the press once, answers. */
const holdFeature = new Composer<BotContext>();
holdFeature.callbackQuery(/^hold:(\d+)$/, async (ctx) => {
  started += 1;
  await ctx.api.sendChatAction(ctx.chat!.id, "typing");
  await gate;
  const n = Number(ctx.match[1]);
  const r = await applyOnce(ctx, (trx) =>
    recordAudit(trx, {
      at: new Date(),
      userId: ctx.from.id,
      action: "test.hold",
      entity: "press",
      entityId: n,
    }),
  );
  await ctx.answerCallbackQuery({ text: r.applied ? `recorded ${n}` : `already ${n}` });
});

async function start(): Promise<void> {
  const config = readConfig({ BOT_TOKEN: fake.token, BOT_API_ROOT: fake.apiRoot, LOG_LEVEL: "silent" });
  const deps: BotDeps = { db, config, clock: () => new Date(), logger };
  const bot = createBot(deps, [holdFeature], { throttle: false });
  launched = await launchBot(bot, deps, { commandsMenu: false, timeoutSeconds: 1 });
}

async function recorded(): Promise<number> {
  const rows = await db
    .selectFrom("audit_log")
    .select("entity_id")
    .where("action", "=", "test.hold")
    .execute();
  return rows.length;
}

beforeEach(async () => {
  fake = await FakeBotApi.start();
  dir = mkdtempSync(join(tmpdir(), "srok-inbox-"));
  db = await openMigratedDatabase(join(dir, "bot.sqlite"));
  started = 0;
  gate = new Promise((r) => {
    release = r;
  });
});
afterEach(async () => {
  release();
  await launched?.polling.stop({ timeoutMs: 5000 });
  launched = undefined;
  await fake.close();
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe("a burst of presses", () => {
  it("handles more than one getUpdates answer at once, then clears the inbox", async () => {
    await start();
    const presses = await Promise.all(
      Array.from({ length: 150 }, (_, i) => fake.pressButton(2000 + i, 1, `hold:${i}`)),
    );
    // None has finished, yet all 150 run: the first hundred were parked to fetch the rest.
    await fake.waitFor(() => started === 150, 10_000, "all 150 presses in flight");
    expect((await kvKeys(db, UPDATE_INBOX_PREFIX)).length).toBeGreaterThanOrEqual(100);
    release();
    await fake.waitFor(() => fake.callbackAnswers.size === 150, 10_000, "every press answered");
    expect(
      presses.every((u) => fake.callbackAnswers.get(u.callback_query!.id)?.text?.startsWith("recorded")),
    ).toBe(true);
    expect(await recorded()).toBe(150);
    await fake.waitUntilAllConfirmed(5000);
    await launched!.polling.stop();
    expect(await kvKeys(db, UPDATE_INBOX_PREFIX)).toEqual([]);
  });

  it("parks nothing for a few presses: Telegram keeps them until they are handled", async () => {
    await start();
    const a = await fake.pressButton(31, 1, "hold:1");
    const b = await fake.pressButton(32, 1, "hold:2");
    await fake.waitFor(() => started === 2, 5000, "both presses in flight");
    expect(await kvKeys(db, UPDATE_INBOX_PREFIX)).toEqual([]);
    expect(fake.isConfirmed(a.update_id)).toBe(false);
    expect(fake.isConfirmed(b.update_id)).toBe(false);
    release();
    await fake.waitUntilConfirmed(b.update_id, 5000);
    expect(await recorded()).toBe(2);
  });
});

describe("after a crash", () => {
  it("handles the updates a dead process left in the inbox, each once, before new ones", async () => {
    release();
    // The dead process had fetched three presses (Telegram forgot them) and parked them; the
    // first one had already taken effect.
    const left: Update[] = [];
    for (const [i, user] of [41, 42, 43].entries())
      left.push(await fake.pressButton(user, 1, `hold:${i + 1}`));
    await new Api(fake.token, { apiRoot: fake.apiRoot }).getUpdates({
      offset: left[2]!.update_id + 1,
      timeout: 0,
    });
    expect(fake.pendingUpdates()).toEqual([]);
    await kvUpdateInbox(db, () => new Date(), logger).save(left);
    await db
      .insertInto("processed_updates")
      .values({ update_id: left[0]!.update_id, processed_at: new Date().toISOString() })
      .execute();

    await start();
    const later = await fake.pressButton(44, 1, "hold:4");
    await fake.waitFor(() => fake.callbackAnswers.size === 4, 5000, "every press answered");
    const text = (u: Update) => fake.callbackAnswers.get(u.callback_query!.id)?.text;
    expect(left.map(text)).toEqual(["already 1", "recorded 2", "recorded 3"]);
    expect(text(later)).toBe("recorded 4");
    expect(await recorded()).toBe(3);
    await launched!.polling.stop();
    expect(await kvKeys(db, UPDATE_INBOX_PREFIX)).toEqual([]);
  });
});
