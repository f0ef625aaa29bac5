// In-process set-up for the executors' features: the real createBot with tasks, done, reports and
// settings, updates handled at once (bot.handleUpdate), the Bot API answered by the fake in memory
// (and over HTTP for file downloads), an in-memory database and a clock the test moves.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Bot } from "grammy";
import pino from "pino";
import { type DB, openMigratedDatabase } from "../../../db/database.js";
import type { BotContext, BotDeps } from "../../../src/bot/context.js";
import { reports } from "../../../src/bot/features/reports/reports.js";
import { settings } from "../../../src/bot/features/settings/settings.js";
import { done } from "../../../src/bot/features/tasks/done.js";
import { tasks } from "../../../src/bot/features/tasks/tasks.js";
import { createBot } from "../../../src/bot/index.js";
import { readConfig } from "../../../src/config.js";
import { AssignmentFixtures } from "../../support/assignment-fixtures.js";
import { FakeBotApi, type FakeMessage } from "../../support/fake-bot-api.js";

export interface FeatureWorld {
  bot: Bot<BotContext>;
  db: DB;
  fake: FakeBotApi;
  f: AssignmentFixtures;
  filesDir: string;
  setNow(iso: string): void;
  /** Handles an update again, as a redelivery after a crash would. */
  redeliver(update: import("grammy/types").Update): Promise<void>;
  /** The bot's last message in a user's chat. */
  last(userId: number): FakeMessage;
  /** Presses the button with this text (or callback data) on a message. */
  press(userId: number, message: FakeMessage, label: string): Promise<void>;
  close(): Promise<void>;
}

export async function startFeatureWorld(now = "2021-10-25T06:00:00Z"): Promise<FeatureWorld> {
  let current = new Date(now);
  const clock = () => current;
  const fake = await FakeBotApi.start({ clock });
  const db = await openMigratedDatabase(":memory:");
  const filesDir = mkdtempSync(join(tmpdir(), "srok-files-"));
  const config = readConfig({ BOT_TOKEN: fake.token, BOT_API_ROOT: fake.apiRoot, FILES_DIR: filesDir });
  const deps: BotDeps = { db, config, clock, logger: pino({ level: "silent" }) };
  const bot = createBot(deps, [tasks, done, reports, settings], {
    botInfo: fake.botInfo,
    throttle: false,
    client: { fetch: fake.fetch as never },
  });
  fake.deliverTo((u) => bot.handleUpdate(u));
  const last = (userId: number) => {
    const m = fake.lastBotMessage(userId);
    if (!m) throw new Error(`no bot message in chat ${userId}`);
    return m;
  };
  return {
    bot,
    db,
    fake,
    f: new AssignmentFixtures(db),
    filesDir,
    redeliver: (u) => bot.handleUpdate(u),
    setNow: (iso) => {
      current = new Date(iso);
    },
    last,
    press: async (userId, message, label) => {
      const button = fake
        .buttons(message)
        .flat()
        .find((b) => b.text === label || b.callback_data === label);
      if (!button?.callback_data) {
        const labels = fake
          .buttons(message)
          .flat()
          .map((b) => b.text);
        throw new Error(`no button «${label}» on message ${message.message_id}: ${labels.join(" | ")}`);
      }
      await fake.pressButton(userId, message.message_id, button.callback_data);
    },
    close: async () => {
      await fake.close();
      await db.destroy();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** The answer the bot gave to the last button press of a user. */
export function lastAnswer(fake: FakeBotApi): string | undefined {
  const answers = [...fake.callbackAnswers.values()];
  return answers.at(-1)?.text;
}
