// Running the real bot in tests, two ways:
// - startHarness(): end to end — real grammY polling over HTTP against the fake Bot API, srok's
//   runtime (at-least-once window, ordering), a temp-file SQLite database, an injected clock,
//   restart on the same database, and the bot in a child process to kill -9.
// - createFeatureTester(): fast, in process — the same createBot, updates handed straight to
//   bot.handleUpdate, the Bot API answered in memory by the same fake (through grammY's
//   `client.fetch`, so calls made inside conversations are seen too), an in-memory database.
// Both give `user(id)` objects that send, press buttons, upload, and read the chat.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Bot, BotError } from "grammy";
import type { Update } from "grammy/types";
import pino from "pino";
import { type DB, openMigratedDatabase } from "../../db/database.js";
import type { BotContext, BotDeps } from "../../src/bot/context.js";
import { allFeatures } from "../../src/bot/features/index.js";
import { createBot } from "../../src/bot/index.js";
import type { FeatureLike } from "../../src/bot/runtime/feature.js";
import { type LaunchedBot, launchBot } from "../../src/bot/runtime/launch.js";
import type { PollingOptions } from "../../src/bot/runtime/polling.js";
import type { Clock } from "../../src/clock.js";
import { type Config, readConfig } from "../../src/config.js";
import {
  type CallbackAnswer,
  FakeBotApi,
  type FakeBotApiOptions,
  type FakeMessage,
  type FakeUser,
  type InlineButton,
} from "./fake-bot-api.js";

export const REPO_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const DEFAULT_NOW = "2025-10-20T06:00:00Z"; // Monday 09:00 in Moscow

/** A clock tests move by hand. */
export class TestClock {
  private current: Date;
  constructor(start: Date | string = DEFAULT_NOW) {
    this.current = new Date(start);
  }
  readonly now: Clock = () => new Date(this.current);
  set(date: Date | string): void {
    this.current = new Date(date);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

type MessageMatch = string | RegExp | ((m: FakeMessage) => boolean);

/** A person in a private chat with the bot. */
export class TestUser {
  /** Change counter when this user last acted: waitForMessage looks at what came after. */
  private mark = 0;
  private lastQueryId: string | undefined;

  constructor(
    private readonly fake: FakeBotApi,
    readonly id: number,
    readonly info: FakeUser,
  ) {}

  private act(): void {
    this.mark = this.fake.changeSeq;
  }

  /** Sends a text message (a command too: "/tasks"). */
  send(text: string): Promise<Update> {
    this.act();
    return this.fake.sendText(this.info, text);
  }

  command(name: string, args = ""): Promise<Update> {
    this.act();
    return this.fake.sendCommand(this.info, name, args);
  }

  /**
   * Presses a button: by its exact text or callback data, or a RegExp on its text, searching the
   * bot's messages from the newest (or only `messageId`). Throws listing the buttons there are.
   */
  press(target: string | RegExp, opts: { messageId?: number } = {}): Promise<Update> {
    const found = this.findButton(target, opts.messageId);
    this.act();
    return this.fake
      .pressButton(this.info, found.message.message_id, found.button.callback_data!)
      .then((u) => {
        this.lastQueryId = u.callback_query?.id;
        return u;
      });
  }

  /** A raw press with any data (forged or stale buttons). */
  pressData(messageId: number, data: string): Promise<Update> {
    this.act();
    return this.fake.pressButton(this.info, messageId, data).then((u) => {
      this.lastQueryId = u.callback_query?.id;
      return u;
    });
  }

  upload(doc: { fileName: string; bytes: Uint8Array; mimeType?: string; caption?: string }): Promise<Update> {
    this.act();
    return this.fake.sendDocument(this.info, doc);
  }

  photo(photo: { bytes: Uint8Array; caption?: string }): Promise<Update> {
    this.act();
    return this.fake.sendPhoto(this.info, photo);
  }

  /** The bot's messages in this chat, in order (edits applied). */
  messages(): FakeMessage[] {
    return this.fake.botMessages(this.id);
  }

  lastMessage(): FakeMessage | undefined {
    return this.fake.lastBotMessage(this.id);
  }

  /** The answer to this user's last press, if it came. */
  lastAnswer(): CallbackAnswer | undefined {
    return this.lastQueryId ? this.fake.callbackAnswers.get(this.lastQueryId) : undefined;
  }

  waitForAnswer(timeoutMs = 5000): Promise<CallbackAnswer> {
    return this.fake.waitFor(() => this.lastAnswer(), timeoutMs, `an answer to ${this.id}'s press`);
  }

  /**
   * Waits for a bot message in this chat, sent or edited since this user's last action, whose
   * text or caption matches (a substring, a RegExp, or a predicate; anything when omitted).
   */
  waitForMessage(
    match?: MessageMatch,
    opts: { timeoutMs?: number; anyTime?: boolean } = {},
  ): Promise<FakeMessage> {
    const since = opts.anyTime ? 0 : this.mark;
    const test = (m: FakeMessage) => {
      if (m.seq <= since) return false;
      const text = m.text ?? m.caption ?? "";
      if (match === undefined) return true;
      if (typeof match === "string") return text.includes(match);
      if (match instanceof RegExp) return match.test(text);
      return match(m);
    };
    return this.fake
      .waitFor(
        () => [...this.messages()].reverse().find(test),
        opts.timeoutMs ?? 5000,
        `a message to ${this.id}`,
      )
      .catch((err: Error) => {
        const seen = this.messages()
          .slice(-3)
          .map((m) => `  #${m.message_id}: ${JSON.stringify(m.text ?? m.caption ?? m.document?.file_name)}`)
          .join("\n");
        throw new Error(
          `${err.message} matching ${String(match)}; the last bot messages:\n${seen || "  (none)"}`,
        );
      });
  }

  private findButton(
    target: string | RegExp,
    messageId?: number,
  ): { message: FakeMessage; button: InlineButton } {
    const candidates = messageId
      ? this.messages().filter((m) => m.message_id === messageId)
      : [...this.messages()].reverse();
    for (const message of candidates) {
      for (const row of this.fake.buttons(message)) {
        for (const button of row) {
          if (button.callback_data === undefined) continue;
          const hit =
            typeof target === "string"
              ? button.text === target || button.callback_data === target
              : target.test(button.text);
          if (hit) return { message, button };
        }
      }
    }
    const last = candidates[0];
    const listed = last
      ? this.fake
          .buttons(last)
          .flat()
          .map((b) => `[${b.text}] (${b.callback_data ?? b.url})`)
          .join(" ")
      : "";
    throw new Error(
      `no button ${String(target)} for user ${this.id}; the last message has: ${listed || "no buttons"}`,
    );
  }
}

function makeConfig(fake: FakeBotApi, databaseUrl: string, env: Record<string, string> = {}): Config {
  return readConfig({
    BOT_TOKEN: fake.token,
    BOT_API_ROOT: fake.apiRoot,
    DATABASE_URL: databaseUrl,
    ...env,
  });
}

function testLogger() {
  return pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
}

// -------------------------------------------------------------------------------------------------
// End to end

export interface HarnessOptions {
  /** Default: every feature of the bot (src/bot/features/index.ts). */
  features?: readonly FeatureLike[];
  now?: Date | string;
  /** Extra configuration (ADMIN_IDS, DEFAULT_TIMEZONE, …) as environment variables. */
  env?: Record<string, string>;
  fake?: FakeBotApiOptions;
  polling?: Partial<PollingOptions>;
  /** Start polling at once (default true). */
  start?: boolean;
}

export interface ChildBot {
  process: ChildProcess;
  /** Lines the child printed (pino JSON on stdout, problems on stderr). */
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): void;
}

export interface ChildOptions {
  /** A module exporting the features for the child (default: src/bot/features/index.ts). */
  featuresModule?: string;
  /** Its export: an array of features or a function returning one (default "allFeatures"). */
  featuresExport?: string;
  env?: Record<string, string>;
}

export class Harness {
  readonly clock: TestClock;
  private current: { bot: Bot<BotContext>; launched: LaunchedBot; deps: BotDeps } | undefined;
  private dbHandle: DB | undefined;

  private constructor(
    readonly fake: FakeBotApi,
    readonly dir: string,
    readonly dbPath: string,
    readonly config: Config,
    private readonly options: HarnessOptions,
    clock: TestClock,
  ) {
    this.clock = clock;
  }

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const clock = new TestClock(options.now);
    const fake = await FakeBotApi.start({ clock: clock.now, ...options.fake });
    const dir = mkdtempSync(join(tmpdir(), "srok-harness-"));
    const dbPath = join(dir, "srok.sqlite");
    const config = makeConfig(fake, dbPath, { FILES_DIR: join(dir, "files"), ...options.env });
    const h = new Harness(fake, dir, dbPath, config, options, clock);
    if (options.start !== false) await h.startBot();
    return h;
  }

  /** The bot's database (open while the in-process bot runs, or opened for reading otherwise). */
  get db(): DB {
    if (!this.dbHandle) throw new Error("the database is not open: call startBot() or openDb()");
    return this.dbHandle;
  }

  get deps(): BotDeps {
    if (!this.current) throw new Error("the bot is not running");
    return this.current.deps;
  }

  get bot(): Bot<BotContext> {
    if (!this.current) throw new Error("the bot is not running");
    return this.current.bot;
  }

  get launched(): LaunchedBot {
    if (!this.current) throw new Error("the bot is not running");
    return this.current.launched;
  }

  now(): Date {
    return this.clock.now();
  }

  setNow(date: Date | string): void {
    this.clock.set(date);
  }

  user(
    id: number,
    details: { firstName?: string; lastName?: string; username?: string; languageCode?: string } = {},
  ): TestUser {
    const info = this.fake.user(id, {
      ...(details.firstName ? { first_name: details.firstName } : {}),
      ...(details.lastName ? { last_name: details.lastName } : {}),
      ...(details.username ? { username: details.username } : {}),
      ...(details.languageCode ? { language_code: details.languageCode } : {}),
    });
    return new TestUser(this.fake, id, info);
  }

  /** Opens the database file (for reading while a child process runs the bot). */
  async openDb(): Promise<DB> {
    this.dbHandle ??= await openMigratedDatabase(this.dbPath);
    return this.dbHandle;
  }

  /** Starts the bot in this process: srok's runtime polling the fake over HTTP. */
  async startBot(): Promise<void> {
    if (this.current) throw new Error("the bot already runs");
    const db = await this.openDb();
    const deps: BotDeps = { db, config: this.config, clock: this.clock.now, logger: testLogger() };
    const bot = createBot(deps, this.options.features ?? allFeatures(), {
      throttle: false,
      retry: { maxRetryAttempts: 2, maxDelaySeconds: 5 },
    });
    const launched = await launchBot(bot, deps, {
      timeoutSeconds: 10,
      ...this.options.polling,
      initTimeoutMs: 5000,
    });
    await launched.menuReady;
    this.current = { bot, launched, deps };
  }

  /** Stops the in-process bot gracefully (waits for updates in flight) and closes the database. */
  async stopBot(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    if (current) await current.launched.polling.stop({ timeoutMs: 5000 });
    await this.dbHandle?.destroy();
    this.dbHandle = undefined;
  }

  /** A restart on the same database file (dialogues must survive it). */
  async restart(): Promise<void> {
    await this.stopBot();
    await this.startBot();
  }

  /** Resolves once every update sent so far was handled (confirmed by the runtime's offset). */
  idle(timeoutMs = 5000): Promise<true> {
    return this.fake.waitUntilAllConfirmed(timeoutMs);
  }

  /** Runs the bot in a child process (stop the in-process one first). Resolves once it polls. */
  async startChild(opts: ChildOptions = {}): Promise<ChildBot> {
    if (this.current) throw new Error("stop the in-process bot first (two pollers conflict)");
    const env = {
      ...process.env,
      BOT_TOKEN: this.config.botToken!,
      BOT_API_ROOT: this.config.botApiRoot,
      DATABASE_URL: this.dbPath,
      FILES_DIR: this.config.filesDir,
      ADMIN_IDS: this.config.adminIds.join(","),
      DEFAULT_TIMEZONE: this.config.defaultTimezone,
      DIGEST_TIME: this.config.digestTime,
      LOG_LEVEL: "info",
      SROK_TEST_NOW: this.clock.now().toISOString(),
      SROK_TEST_FEATURES_MODULE: opts.featuresModule ?? join(REPO_ROOT, "src/bot/features/index.ts"),
      SROK_TEST_FEATURES_EXPORT: opts.featuresExport ?? "allFeatures",
      ...opts.env,
    };
    const child = spawn(process.execPath, ["--import", "tsx", join(REPO_ROOT, "test/support/bot-child.ts")], {
      cwd: REPO_ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output: string[] = [];
    const collect = (chunk: Buffer) => output.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
      child.on("exit", (code, signal) => res({ code, signal })),
    );
    const ready = await Promise.race([
      waitUntil(() => output.some((l) => l.includes('"bot is polling"')), 20_000).then(() => true),
      exited.then(() => false),
    ]);
    if (!ready) throw new Error(`the child bot did not start:\n${output.join("\n")}`);
    return { process: child, output, exited, kill: (signal = "SIGKILL") => child.kill(signal) };
  }

  async close(): Promise<void> {
    await this.stopBot();
    await this.fake.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Starts the fake Bot API, a temp-file database and the real bot polling it. */
export function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  return Harness.start(options);
}

async function waitUntil(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
}

// -------------------------------------------------------------------------------------------------
// In process

export interface FeatureTesterOptions {
  features: readonly FeatureLike[];
  now?: Date | string;
  env?: Record<string, string>;
  /** An open database to use (default: a new in-memory one). */
  db?: DB;
}

export interface FeatureTester {
  bot: Bot<BotContext>;
  fake: FakeBotApi;
  db: DB;
  deps: BotDeps;
  clock: TestClock;
  setNow(date: Date | string): void;
  user(
    id: number,
    details?: { firstName?: string; lastName?: string; username?: string; languageCode?: string },
  ): TestUser;
  /** Hands any update to the bot (awaits its handling). */
  handle(update: Update): Promise<void>;
  /** Errors thrown by handlers (the user got «Что-то пошло не так…»); expect it to be empty. */
  errors: unknown[];
  close(): Promise<void>;
}

/**
 * The real createBot with the given features, updates handled in process; each user helper
 * resolves once the bot handled the update. API calls: `tester.fake.calls`.
 */
export async function createFeatureTester(options: FeatureTesterOptions): Promise<FeatureTester> {
  const clock = new TestClock(options.now);
  const fake = await FakeBotApi.start({ clock: clock.now });
  const db = options.db ?? (await openMigratedDatabase(":memory:"));
  const dir = mkdtempSync(join(tmpdir(), "srok-tester-"));
  const config = makeConfig(fake, ":memory:", { FILES_DIR: join(dir, "files"), ...options.env });
  const deps: BotDeps = { db, config, clock: clock.now, logger: testLogger() };
  const bot = createBot(deps, options.features, {
    botInfo: fake.botInfo,
    throttle: false,
    retry: false,
    client: { fetch: fake.fetch as never },
  });
  const errors: unknown[] = [];
  const handle = async (update: Update) => {
    try {
      await bot.handleUpdate(update);
    } catch (err) {
      errors.push(err instanceof BotError ? err.error : err);
      if (err instanceof BotError) await bot.errorHandler(err);
      else throw err;
    }
  };
  fake.deliverTo(handle);
  return {
    bot,
    fake,
    db,
    deps,
    clock,
    errors,
    setNow: (date) => clock.set(date),
    user: (id, details = {}) =>
      new TestUser(
        fake,
        id,
        fake.user(id, {
          ...(details.firstName ? { first_name: details.firstName } : {}),
          ...(details.lastName ? { last_name: details.lastName } : {}),
          ...(details.username ? { username: details.username } : {}),
          ...(details.languageCode ? { language_code: details.languageCode } : {}),
        }),
      ),
    handle,
    close: async () => {
      await fake.close();
      if (!options.db) await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
