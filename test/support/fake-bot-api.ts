// A local fake of the Telegram Bot API: a node:http server on 127.0.0.1 (port 0) that real grammY
// talks to, plus a test API to play users and read what the bot did. It also serves in-process
// through `fake.fetch` (grammY's `client.fetch` option), with the same state.
// It is strict where Telegram is strict (HTML entities, 4096 chars, 64-byte callback data,
// "message is not modified", answering a query twice), so tests catch what production would.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Message, Update, UserFromGetMe } from "grammy/types";

/** A person playing a Telegram user. Private chats: the chat id is the user id. */
export interface FakeUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}
export type UserRef = number | FakeUser;

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}

/** A message as the chat shows it now: edits applied, deleted ones marked. */
export interface FakeMessage {
  message_id: number;
  chat_id: number;
  /** Who sent it. */
  from: "bot" | "user";
  date: number;
  /** What the reader sees (HTML parsed away), or the caption of a file. */
  text?: string;
  /** The text exactly as the bot sent it (with HTML tags, when parse_mode was HTML). */
  raw_text?: string;
  parse_mode?: string;
  caption?: string;
  reply_markup?: Record<string, unknown>;
  document?: {
    file_id: string;
    file_unique_id: string;
    file_name?: string;
    mime_type?: string;
    file_size: number;
  };
  photo?: { file_id: string; file_unique_id: string; width: number; height: number; file_size: number }[];
  /** Every earlier text of this message, oldest first. */
  history: string[];
  edit_date?: number;
  deleted: boolean;
  /** Global change counter: bumps on send and on every edit (waitForMessage uses it). */
  seq: number;
}

export interface ApiCall {
  seq: number;
  /** Milliseconds (performance.now()) when the request arrived. */
  at: number;
  method: string;
  params: Record<string, any>;
  files: UploadedFile[];
  status: number;
  ok: boolean;
  description?: string;
  result?: unknown;
}

export interface UploadedFile {
  field: string;
  fileName: string;
  bytes: Uint8Array;
}

export interface SentDocument {
  chatId: number;
  messageId: number;
  method: "sendDocument" | "sendPhoto" | "sendMediaGroup";
  fileId: string;
  fileName: string;
  mimeType?: string;
  bytes: Uint8Array;
  caption?: string;
}

export interface CallbackAnswer {
  callback_query_id: string;
  text?: string;
  show_alert?: boolean;
  url?: string;
  at: number;
}

/** A fault served instead of the real answer. */
export type Fault =
  | { type: "429"; retryAfter?: number }
  | { type: "5xx"; status?: number; description?: string }
  | { type: "hang" }
  | { type: "403"; description?: string }
  | { type: "400"; description: string };

export interface RateLimit {
  /** Sends per second over all chats (Telegram: about 30). */
  globalPerSecond?: number;
  /** Sends per second to one chat (Telegram: about 1 in private chats). */
  perChatPerSecond?: number;
}

export interface FakeBotApiOptions {
  token?: string;
  bot?: Partial<UserFromGetMe>;
  /** Added before every answer, to play a real network (benchmarks). */
  latencyMs?: number;
  rateLimit?: RateLimit;
  /** Where message dates come from; give the test's injected clock. */
  clock?: () => Date;
  /** First update id; Telegram's are large and increasing. */
  firstUpdateId?: number;
  /**
   * A waiting long poll answers on the first new update, not after Telegram's short wait for more
   * (see `wakeLongPolls`): a harsher condition for benchmarks.
   */
  wakeOnFirstUpdate?: boolean;
}

/**
 * How Telegram's Bot API server answers a waiting long poll when updates come: 1 ms after the
 * latest one, at most 2 ms after the first (tdlib/telegram-bot-api, Client.h:
 * LONG_POLL_WAIT_AFTER, LONG_POLL_MAX_DELAY), so updates that come together go out together.
 */
const LONG_POLL_WAIT_AFTER_MS = 1;
const LONG_POLL_MAX_DELAY_MS = 2;

interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  file_name: string;
  mime_type?: string;
  bytes: Uint8Array;
}

interface PendingPoll {
  offset: number;
  limit: number;
  allowed: string[] | undefined;
  finish: (updates: Update[]) => void;
}

interface ApiAnswer {
  status: number;
  body: { ok: boolean; result?: unknown; error_code?: number; description?: string; parameters?: object };
  /** Never answer (a hung request); the client times out or aborts. */
  hang?: boolean;
}

class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly parameters?: object,
  ) {
    super(description);
  }
}

const SEND_METHODS = new Set([
  "sendMessage",
  "sendDocument",
  "sendPhoto",
  "sendMediaGroup",
  "copyMessage",
  "forwardMessage",
  "editMessageText",
  "editMessageCaption",
  "editMessageReplyMarkup",
]);

const MAX_FILE_DOWNLOAD = 20 * 1024 * 1024;

export class FakeBotApi {
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  /** Every Bot API call, in arrival order (getUpdates included). */
  readonly calls: ApiCall[] = [];
  readonly documentsSent: SentDocument[] = [];
  readonly callbackAnswers = new Map<string, CallbackAnswer>();
  /** Update id → performance.now() when the update was created (benchmarks measure from it). */
  readonly updateCreatedAt = new Map<number, number>();
  latencyMs: number;
  rateLimit: RateLimit | undefined;

  private server: Server | undefined;
  private root = "";
  private clock: () => Date;
  private nextUpdateId: number;
  private queue: Update[] = [];
  /** Updates below this id are confirmed (Telegram forgets them). */
  private confirmedBelow = 0;
  private polls = new Set<PendingPoll>();
  /** A waiting long poll was woken: when it answers, and at the latest. */
  private wake: { timer: NodeJS.Timeout; latest: number } | undefined;
  private wakeOnFirstUpdate: boolean;
  private chats = new Map<number, FakeMessage[]>();
  private nextMessageId = new Map<number, number>();
  private files = new Map<string, StoredFile>();
  private filesByPath = new Map<string, StoredFile>();
  private users = new Map<number, FakeUser>();
  private commands = new Map<string, unknown[]>();
  private faults = new Map<string, { fault: Fault; times: number; chatId?: number }[]>();
  private blocked = new Set<number>();
  private sendTimes: { at: number; chatId: number }[] = [];
  private seq = 0;
  private callSeq = 0;
  private listeners = new Set<() => void>();
  private hung = new Set<() => void>();
  private closed = false;
  private direct: ((update: Update) => Promise<void>) | undefined;
  private nextQueryId = 1;

  constructor(options: FakeBotApiOptions = {}) {
    this.token = options.token ?? "123456:TEST-fake-token";
    const botId = Number(this.token.split(":")[0]);
    this.botInfo = {
      id: botId,
      is_bot: true,
      first_name: "srok",
      username: "srok_test_bot",
      can_join_groups: false,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      ...options.bot,
    } as UserFromGetMe;
    this.latencyMs = options.latencyMs ?? 0;
    this.wakeOnFirstUpdate = options.wakeOnFirstUpdate ?? false;
    this.rateLimit = options.rateLimit;
    this.clock = options.clock ?? (() => new Date());
    this.nextUpdateId = options.firstUpdateId ?? 10_000;
  }

  /** Starts a fake on 127.0.0.1 with a free port. */
  static async start(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
    const fake = new FakeBotApi(options);
    await fake.listen();
    return fake;
  }

  /** `http://127.0.0.1:<port>`: give it as BOT_API_ROOT / grammY's `apiRoot`. */
  get apiRoot(): string {
    if (!this.root) throw new Error("FakeBotApi: call listen() (or FakeBotApi.start()) first");
    return this.root;
  }

  async listen(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => {
      this.serveHttp(req, res).catch((err) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: false, error_code: 500, description: String(err) }));
      });
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.server = server;
    this.root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Answers every pending request, closes all connections and the server. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.wake) clearTimeout(this.wake.timer);
    this.wake = undefined;
    for (const poll of this.polls) poll.finish([]);
    this.polls.clear();
    for (const release of this.hung) release();
    this.hung.clear();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /**
   * A `fetch` for grammY's `client: { fetch }` option: the same API without sockets (fast
   * in-process tests; conversations' inner API objects use it too).
   */
  readonly fetch = async (input: unknown, init: any = {}): Promise<Response> => {
    const url = new URL(String(input instanceof URL ? input.href : input), "http://fake.local");
    const signal: AbortSignal | undefined = init.signal;
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileMatch) {
      const file =
        fileMatch[1] === this.token ? this.filesByPath.get(decodeURIComponent(fileMatch[2]!)) : undefined;
      if (!file) return new Response("Not Found", { status: 404 });
      return new Response(file.bytes, { status: 200 });
    }
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!m) return json404();
    const headers = normaliseHeaders(init.headers);
    const body = await readBody(init.body);
    const answer = await this.call(m[1]!, m[2]!, headers["content-type"] ?? "", body, signal);
    if (answer.hang) {
      await new Promise<void>((resolve, reject) => {
        const release = () => reject(new Error("fake Bot API closed"));
        this.hung.add(release);
        signal?.addEventListener("abort", () => {
          this.hung.delete(release);
          reject(Object.assign(new Error("The operation was aborted"), { name: "AbortError" }));
        });
        void resolve;
      });
    }
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { "content-type": "application/json" },
    });
  };

  // ---------------------------------------------------------------------------------------------
  // Playing users

  /** Remembers a user's name and language (used in every update they send). */
  user(id: number, details: Partial<Omit<FakeUser, "id">> = {}): FakeUser {
    const prev = this.users.get(id);
    const user: FakeUser = { ...prev, id, first_name: prev?.first_name ?? `User ${id}`, ...details };
    this.users.set(id, user);
    return user;
  }

  /**
   * Delivers updates straight to a handler (the in-process harness: `bot.handleUpdate`) instead
   * of queueing them for getUpdates; the user helpers then wait until the update was handled.
   */
  deliverTo(handler: ((update: Update) => Promise<void>) | undefined): void {
    this.direct = handler;
  }

  async sendText(user: UserRef, text: string): Promise<Update> {
    const from = this.resolveUser(user);
    const message = this.storeUserMessage(from, { text });
    const entities =
      text.startsWith("/") && /^\/[A-Za-z0-9_]+(@\w+)?/.test(text)
        ? [
            {
              type: "bot_command" as const,
              offset: 0,
              length: /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text)![0].length,
            },
          ]
        : undefined;
    return this.push({
      message: { ...message, text, ...(entities ? { entities } : {}) } as Update["message"],
    });
  }

  /** `/name args` as a command message. */
  sendCommand(user: UserRef, command: string, args = ""): Promise<Update> {
    const name = command.replace(/^\//, "");
    return this.sendText(user, args ? `/${name} ${args}` : `/${name}`);
  }

  /** A button press (callback_query) on a message of the bot in the user's chat. */
  async pressButton(user: UserRef, messageId: number, data: string): Promise<Update> {
    const from = this.resolveUser(user);
    const stored = this.chats.get(from.id)?.find((m) => m.message_id === messageId && !m.deleted);
    const message = stored
      ? this.toTelegramMessage(stored)
      : { chat: this.privateChat(from), message_id: messageId, date: 0 };
    const id = `${from.id}-${this.nextQueryId++}`;
    return this.push({
      callback_query: {
        id,
        from: this.toTelegramUser(from),
        message: message as Message,
        chat_instance: `ci-${from.id}`,
        data,
      },
    });
  }

  /** The user sends a file; it is registered so getFile and the download work. */
  async sendDocument(
    user: UserRef,
    doc: { fileName: string; bytes: Uint8Array; mimeType?: string; caption?: string },
  ): Promise<Update> {
    const from = this.resolveUser(user);
    const file = this.registerFile(doc.bytes, doc.fileName, doc.mimeType);
    const document = {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      file_name: doc.fileName,
      mime_type: doc.mimeType,
      file_size: doc.bytes.byteLength,
    };
    const message = this.storeUserMessage(from, { document, caption: doc.caption });
    return this.push({
      message: {
        ...message,
        document,
        ...(doc.caption ? { caption: doc.caption } : {}),
      } as Update["message"],
    });
  }

  async sendPhoto(user: UserRef, photo: { bytes: Uint8Array; caption?: string }): Promise<Update> {
    const from = this.resolveUser(user);
    const file = this.registerFile(photo.bytes, "photo.jpg", "image/jpeg");
    const sizes = [
      {
        file_id: file.file_id,
        file_unique_id: file.file_unique_id,
        width: 1280,
        height: 960,
        file_size: photo.bytes.byteLength,
      },
    ];
    const message = this.storeUserMessage(from, { photo: sizes, caption: photo.caption });
    return this.push({
      message: {
        ...message,
        photo: sizes,
        ...(photo.caption ? { caption: photo.caption } : {}),
      } as Update["message"],
    });
  }

  /** Any other update (my_chat_member, a sticker…); `update_id` is filled in. */
  sendUpdate(update: Omit<Update, "update_id">): Promise<Update> {
    return this.push(update);
  }

  /** The user blocks the bot: sends to their chat answer 403 until `unblockChat`. */
  blockChat(chatId: number): void {
    this.blocked.add(chatId);
  }

  unblockChat(chatId: number): void {
    this.blocked.delete(chatId);
  }

  /** The next `times` calls of `method` (optionally only for one chat) answer with `fault`. */
  failNext(method: string, fault: Fault, times = 1, chatId?: number): void {
    const list = this.faults.get(method) ?? [];
    list.push({ fault, times, chatId });
    this.faults.set(method, list);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  // ---------------------------------------------------------------------------------------------
  // Reading what the bot did

  /** Every message in a chat (user's and bot's), in order, deleted ones left out unless asked. */
  messages(chatId: number, opts: { includeDeleted?: boolean } = {}): FakeMessage[] {
    const all = this.chats.get(chatId) ?? [];
    return opts.includeDeleted ? [...all] : all.filter((m) => !m.deleted);
  }

  botMessages(chatId: number): FakeMessage[] {
    return this.messages(chatId).filter((m) => m.from === "bot");
  }

  lastBotMessage(chatId: number): FakeMessage | undefined {
    return this.botMessages(chatId).at(-1);
  }

  message(chatId: number, messageId: number): FakeMessage | undefined {
    return this.chats.get(chatId)?.find((m) => m.message_id === messageId);
  }

  /** The buttons of a message's inline keyboard, row by row. */
  buttons(message: FakeMessage | undefined): InlineButton[][] {
    const rows = (message?.reply_markup as { inline_keyboard?: InlineButton[][] } | undefined)
      ?.inline_keyboard;
    return rows ?? [];
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Commands set with setMyCommands for a scope (default: the default scope) and language. */
  myCommands(scope: Record<string, unknown> = { type: "default" }, languageCode = ""): unknown[] | undefined {
    return this.commands.get(commandsKey(scope, languageCode));
  }

  /** The global change counter (messages sent or edited); see FakeMessage.seq. */
  get changeSeq(): number {
    return this.seq;
  }

  /** Updates not yet confirmed by a getUpdates offset. */
  pendingUpdates(): Update[] {
    return this.queue.filter((u) => u.update_id >= this.confirmedBelow);
  }

  isConfirmed(updateId: number): boolean {
    return updateId < this.confirmedBelow;
  }

  /** Resolves once `predicate` holds (checked on every change), or rejects after `timeoutMs`. */
  waitFor<T>(
    predicate: () => T | undefined | null | false,
    timeoutMs = 5000,
    what = "condition",
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        let value: T | undefined | null | false;
        try {
          value = predicate();
        } catch (err) {
          cleanup();
          reject(err);
          return;
        }
        if (value) {
          cleanup();
          resolve(value as T);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`FakeBotApi.waitFor: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Waits for a call of `method` matching `predicate` (past calls count). */
  waitForCall(
    method: string,
    predicate: (call: ApiCall) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<ApiCall> {
    return this.waitFor(
      () => this.calls.find((c) => c.method === method && predicate(c)),
      timeoutMs,
      `a ${method} call`,
    );
  }

  /** Waits until a getUpdates offset confirmed the update (with srok's runtime: it was handled). */
  waitUntilConfirmed(updateId: number, timeoutMs = 5000): Promise<true> {
    return this.waitFor(() => this.isConfirmed(updateId), timeoutMs, `update ${updateId} to be confirmed`);
  }

  /** Resolves once every update sent so far was confirmed. */
  waitUntilAllConfirmed(timeoutMs = 5000): Promise<true> {
    const last = this.nextUpdateId - 1;
    return this.waitFor(() => this.confirmedBelow > last, timeoutMs, "every update to be confirmed");
  }

  /** Registers a file as if a user had sent it; returns its file_id. */
  registerFile(bytes: Uint8Array, fileName: string, mimeType?: string): StoredFile {
    const n = this.files.size + 1;
    const file: StoredFile = {
      file_id: `F${n}-${randomBytes(6).toString("hex")}`,
      file_unique_id: `U${n}`,
      file_path: `documents/file_${n}${extOf(fileName)}`,
      file_name: fileName,
      mime_type: mimeType,
      bytes: new Uint8Array(bytes),
    };
    this.files.set(file.file_id, file);
    this.filesByPath.set(file.file_path, file);
    return file;
  }

  /** The bytes behind a file id (files users sent and files the bot uploaded). */
  fileBytes(fileId: string): Uint8Array | undefined {
    return this.files.get(fileId)?.bytes;
  }

  // ---------------------------------------------------------------------------------------------
  // Internals: users' side

  private resolveUser(ref: UserRef): FakeUser {
    if (typeof ref === "number") return this.users.get(ref) ?? this.user(ref);
    const known = this.users.get(ref.id);
    const user = { ...known, ...ref };
    this.users.set(ref.id, user);
    return user;
  }

  private toTelegramUser(u: FakeUser) {
    return {
      id: u.id,
      is_bot: false as const,
      first_name: u.first_name,
      ...(u.last_name ? { last_name: u.last_name } : {}),
      ...(u.username ? { username: u.username } : {}),
      ...(u.language_code ? { language_code: u.language_code } : {}),
    };
  }

  private privateChat(u: FakeUser) {
    return {
      id: u.id,
      type: "private" as const,
      first_name: u.first_name,
      ...(u.last_name ? { last_name: u.last_name } : {}),
      ...(u.username ? { username: u.username } : {}),
    };
  }

  private storeUserMessage(from: FakeUser, content: Partial<FakeMessage>) {
    const stored = this.storeMessage(from.id, "user", content);
    return {
      message_id: stored.message_id,
      date: stored.date,
      chat: this.privateChat(from),
      from: this.toTelegramUser(from),
    };
  }

  private async push(partial: Omit<Update, "update_id">): Promise<Update> {
    if (this.closed) throw new Error("FakeBotApi is closed");
    const update = { update_id: this.nextUpdateId++, ...partial } as Update;
    this.updateCreatedAt.set(update.update_id, performance.now());
    if (this.direct) {
      this.confirmedBelow = Math.max(this.confirmedBelow, update.update_id + 1);
      this.changed();
      await this.direct(update);
      return update;
    }
    this.queue.push(update);
    if (this.wakeOnFirstUpdate) this.answerLongPolls();
    else if (this.polls.size > 0) this.wakeLongPolls();
    this.changed();
    return update;
  }

  /** Answers the waiting long polls shortly, with what came meanwhile (as Telegram does). */
  private wakeLongPolls(): void {
    const now = performance.now();
    const latest = this.wake?.latest ?? now + LONG_POLL_MAX_DELAY_MS;
    if (this.wake) clearTimeout(this.wake.timer);
    const timer = setTimeout(
      () => {
        this.wake = undefined;
        this.answerLongPolls();
      },
      Math.max(0, Math.min(now + LONG_POLL_WAIT_AFTER_MS, latest) - now),
    );
    this.wake = { timer, latest };
  }

  private answerLongPolls(): void {
    for (const poll of [...this.polls]) {
      const ready = this.takeUpdates(poll.offset, poll.limit, poll.allowed);
      if (ready.length > 0) poll.finish(ready);
    }
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  // ---------------------------------------------------------------------------------------------
  // Internals: the Bot API

  private async serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake.local");
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileMatch) {
      const file =
        fileMatch[1] === this.token ? this.filesByPath.get(decodeURIComponent(fileMatch[2]!)) : undefined;
      if (!file) {
        res.writeHead(404, { "content-type": "text/plain" }).end("Not Found");
        return;
      }
      res.writeHead(200, {
        "content-type": "application/octet-stream",
        "content-length": file.bytes.byteLength,
      });
      res.end(file.bytes);
      return;
    }
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (!m) {
      const json = Buffer.from(JSON.stringify(json404Body()));
      res.writeHead(404, { "content-type": "application/json", "content-length": json.byteLength }).end(json);
      return;
    }
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    let body = Buffer.concat(chunks);
    if (url.search && body.byteLength === 0) {
      body = Buffer.from(JSON.stringify(Object.fromEntries(url.searchParams)));
    }
    const answer = await this.call(
      m[1]!,
      m[2]!,
      String(req.headers["content-type"] ?? "application/json"),
      body,
      controller.signal,
    );
    if (answer.hang) {
      const release = () => res.destroy();
      this.hung.add(release);
      res.on("close", () => this.hung.delete(release));
      return;
    }
    if (res.destroyed) return;
    // With a Content-Length (as Telegram sends), not chunked: node-fetch 2 reports "Premature
    // close" on chunked answers over reused keep-alive sockets.
    const json = Buffer.from(JSON.stringify(answer.body));
    res.writeHead(answer.status, { "content-type": "application/json", "content-length": json.byteLength });
    res.end(json);
  }

  private async call(
    token: string,
    method: string,
    contentType: string,
    body: Buffer,
    signal: AbortSignal | undefined,
  ): Promise<ApiAnswer> {
    const at = performance.now();
    let params: Record<string, any> = {};
    let files: UploadedFile[] = [];
    try {
      ({ params, files } = parseBody(contentType, body));
    } catch (err) {
      return this.finish(
        { seq: 0, at, method, params, files, status: 400, ok: false },
        fail(400, `Bad Request: ${String(err)}`),
      );
    }
    const record: ApiCall = { seq: ++this.callSeq, at, method, params, files, status: 0, ok: false };
    this.calls.push(record);
    this.changed();
    if (token !== this.token) return this.finish(record, fail(401, "Unauthorized"));

    const chatId = params.chat_id !== undefined ? Number(params.chat_id) : undefined;
    const fault = this.takeFault(method, chatId);
    if (fault) {
      if (fault.type === "hang") {
        record.status = 0;
        record.description = "hang";
        this.changed();
        return { status: 0, body: { ok: false }, hang: true };
      }
      await this.delay();
      return this.finish(record, faultAnswer(fault));
    }
    if (chatId !== undefined && this.blocked.has(chatId) && method !== "getChat") {
      await this.delay();
      return this.finish(record, fail(403, "Forbidden: bot was blocked by the user"));
    }
    if (SEND_METHODS.has(method) && chatId !== undefined && this.rateLimited(chatId)) {
      await this.delay();
      return this.finish(record, fail(429, "Too Many Requests: retry after 1", { retry_after: 1 }));
    }

    let answer: ApiAnswer;
    try {
      if (method === "getUpdates") {
        const updates = await this.getUpdates(params, signal);
        answer = { status: 200, body: { ok: true, result: updates } };
      } else {
        answer = { status: 200, body: { ok: true, result: this.perform(method, params, files) } };
      }
    } catch (err) {
      if (err instanceof ApiFailure) answer = fail(err.status, err.description, err.parameters);
      else answer = fail(500, `Internal Server Error: ${String(err)}`);
    }
    await this.delay();
    return this.finish(record, answer);
  }

  private finish(record: ApiCall, answer: ApiAnswer): ApiAnswer {
    record.status = answer.status;
    record.ok = answer.body.ok;
    record.description = answer.body.description;
    record.result = answer.body.result;
    this.changed();
    return answer;
  }

  private async delay(): Promise<void> {
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
  }

  private takeFault(method: string, chatId: number | undefined): Fault | undefined {
    const list = this.faults.get(method);
    if (!list) return undefined;
    const entry = list.find((f) => f.chatId === undefined || f.chatId === chatId);
    if (!entry) return undefined;
    entry.times -= 1;
    if (entry.times <= 0) list.splice(list.indexOf(entry), 1);
    return entry.fault;
  }

  private rateLimited(chatId: number): boolean {
    const limit = this.rateLimit;
    if (!limit) return false;
    const now = performance.now();
    this.sendTimes = this.sendTimes.filter((s) => now - s.at < 1000);
    if (limit.globalPerSecond !== undefined && this.sendTimes.length >= limit.globalPerSecond) return true;
    if (
      limit.perChatPerSecond !== undefined &&
      this.sendTimes.filter((s) => s.chatId === chatId).length >= limit.perChatPerSecond
    )
      return true;
    this.sendTimes.push({ at: now, chatId });
    return false;
  }

  private takeUpdates(offset: number, limit: number, allowed: string[] | undefined): Update[] {
    return this.queue
      .filter((u) => u.update_id >= offset)
      .filter((u) => !allowed || allowed.length === 0 || allowed.some((type) => type in u))
      .slice(0, limit);
  }

  private confirm(offset: number): void {
    if (offset > this.confirmedBelow) {
      this.confirmedBelow = offset;
      this.queue = this.queue.filter((u) => u.update_id >= offset);
      this.changed();
    }
  }

  private async getUpdates(params: Record<string, any>, signal: AbortSignal | undefined): Promise<Update[]> {
    let offset = Number(params.offset ?? 0);
    const limit = Math.max(1, Math.min(100, Number(params.limit ?? 100)));
    const timeout = Math.max(0, Number(params.timeout ?? 0));
    const allowed = Array.isArray(params.allowed_updates) ? (params.allowed_updates as string[]) : undefined;
    if (offset < 0) {
      const tail = this.queue.slice(offset);
      offset = tail[0]?.update_id ?? this.nextUpdateId;
    }
    this.confirm(offset);
    // Telegram ends an earlier pending getUpdates when a new one comes: "terminated by other".
    for (const poll of [...this.polls]) {
      this.polls.delete(poll);
      poll.finish([]);
    }
    const ready = this.takeUpdates(offset, limit, allowed);
    if (ready.length > 0 || timeout === 0 || this.closed) return ready;
    return new Promise<Update[]>((resolve) => {
      const poll: PendingPoll = {
        offset,
        limit,
        allowed,
        finish: (updates) => {
          clearTimeout(timer);
          this.polls.delete(poll);
          resolve(updates);
        },
      };
      const timer = setTimeout(() => poll.finish([]), timeout * 1000);
      signal?.addEventListener("abort", () => poll.finish([]));
      this.polls.add(poll);
    });
  }

  private perform(method: string, p: Record<string, any>, files: UploadedFile[]): unknown {
    switch (method) {
      case "getMe":
        return this.botInfo;
      case "deleteWebhook":
      case "setWebhook":
      case "sendChatAction":
      case "setChatMenuButton":
      case "setMyDescription":
      case "setMyShortDescription":
        return true;
      case "getWebhookInfo":
        return { url: "", has_custom_certificate: false, pending_update_count: this.pendingUpdates().length };
      case "getChatMenuButton":
        return { type: "commands" };
      case "sendMessage":
        return this.sendMessage(p);
      case "editMessageText":
        return this.editMessage(p, "text");
      case "editMessageCaption":
        return this.editMessage(p, "caption");
      case "editMessageReplyMarkup":
        return this.editMessage(p, "markup");
      case "deleteMessage":
        return this.deleteMessage(p);
      case "answerCallbackQuery":
        return this.answerCallbackQuery(p);
      case "sendDocument":
        return this.sendFile("sendDocument", p, files);
      case "sendPhoto":
        return this.sendFile("sendPhoto", p, files);
      case "sendMediaGroup":
        return this.sendMediaGroup(p, files);
      case "copyMessage":
      case "forwardMessage":
        return this.copyMessage(method, p);
      case "getFile":
        return this.getFile(p);
      case "setMyCommands":
        this.commands.set(commandsKey(p.scope, p.language_code), p.commands ?? []);
        return true;
      case "deleteMyCommands":
        this.commands.delete(commandsKey(p.scope, p.language_code));
        return true;
      case "getMyCommands":
        return this.commands.get(commandsKey(p.scope, p.language_code)) ?? [];
      case "getChat":
        return {
          id: Number(p.chat_id),
          type: "private",
          first_name: this.users.get(Number(p.chat_id))?.first_name,
        };
      default:
        throw new ApiFailure(404, "Not Found: method not found");
    }
  }

  private requireChat(p: Record<string, any>): number {
    const chatId = Number(p.chat_id);
    if (!Number.isFinite(chatId) || p.chat_id === undefined || p.chat_id === "")
      throw new ApiFailure(400, "Bad Request: chat_id is empty");
    return chatId;
  }

  private sendMessage(p: Record<string, any>) {
    const chatId = this.requireChat(p);
    const raw = String(p.text ?? "");
    const text = renderText(raw, p.parse_mode, 4096, "message");
    checkMarkup(p.reply_markup);
    const stored = this.storeMessage(chatId, "bot", {
      text,
      raw_text: raw,
      parse_mode: p.parse_mode,
      reply_markup: p.reply_markup,
    });
    return this.toTelegramMessage(stored);
  }

  private findBotMessage(p: Record<string, any>, action: string): FakeMessage {
    if (p.inline_message_id)
      throw new ApiFailure(400, "Bad Request: inline messages are not supported by the fake");
    const chatId = this.requireChat(p);
    const message = this.chats.get(chatId)?.find((m) => m.message_id === Number(p.message_id) && !m.deleted);
    if (!message) throw new ApiFailure(400, `Bad Request: message to ${action} not found`);
    if (message.from !== "bot") throw new ApiFailure(400, `Bad Request: message can't be ${action}ed`);
    return message;
  }

  private editMessage(p: Record<string, any>, what: "text" | "caption" | "markup") {
    const message = this.findBotMessage(p, "edit");
    checkMarkup(p.reply_markup);
    const markup = p.reply_markup as Record<string, unknown> | undefined;
    const sameMarkup = JSON.stringify(markup ?? null) === JSON.stringify(message.reply_markup ?? null);
    if (what === "markup") {
      if (sameMarkup) throw notModified();
      message.reply_markup = markup;
    } else if (what === "text") {
      if (message.text === undefined)
        throw new ApiFailure(400, "Bad Request: there is no text in the message to edit");
      const raw = String(p.text ?? "");
      const text = renderText(raw, p.parse_mode, 4096, "message");
      if (text === message.text && raw === message.raw_text && sameMarkup) throw notModified();
      message.history.push(message.text);
      message.text = text;
      message.raw_text = raw;
      message.parse_mode = p.parse_mode;
      message.reply_markup = markup;
    } else {
      const raw = String(p.caption ?? "");
      const caption = renderText(raw, p.parse_mode, 1024, "caption", true);
      if (caption === message.caption && sameMarkup) throw notModified();
      message.history.push(message.caption ?? "");
      message.caption = caption;
      message.reply_markup = markup;
    }
    message.edit_date = this.unixNow();
    message.seq = ++this.seq;
    return this.toTelegramMessage(message);
  }

  private deleteMessage(p: Record<string, any>) {
    const message = this.findBotMessage(p, "delete");
    message.deleted = true;
    message.seq = ++this.seq;
    return true;
  }

  private answerCallbackQuery(p: Record<string, any>) {
    const id = String(p.callback_query_id ?? "");
    const known = this.queue.some((u) => u.callback_query?.id === id) || this.wasIssued(id);
    if (!known || this.callbackAnswers.has(id))
      throw new ApiFailure(
        400,
        "Bad Request: query is too old and response timeout expired or query ID is invalid",
      );
    if (p.text !== undefined && String(p.text).length > 200)
      throw new ApiFailure(400, "Bad Request: MESSAGE_TOO_LONG");
    this.callbackAnswers.set(id, {
      callback_query_id: id,
      text: p.text,
      show_alert: p.show_alert,
      url: p.url,
      at: performance.now(),
    });
    return true;
  }

  private wasIssued(id: string): boolean {
    const n = Number(id.split("-")[1]);
    return Number.isInteger(n) && n > 0 && n < this.nextQueryId;
  }

  private fileFromParam(
    value: unknown,
    files: UploadedFile[],
    fallbackName: string,
    mime?: string,
  ): StoredFile {
    if (typeof value === "string" && value.startsWith("attach://")) {
      const upload = files.find((f) => f.field === value.slice("attach://".length));
      if (!upload) throw new ApiFailure(400, "Bad Request: file must be non-empty");
      if (upload.bytes.byteLength === 0) throw new ApiFailure(400, "Bad Request: file must be non-empty");
      return this.registerFile(upload.bytes, upload.fileName || fallbackName, mime);
    }
    if (typeof value === "string" && this.files.has(value)) return this.files.get(value)!;
    if (typeof value === "string" && /^https?:\/\//.test(value))
      throw new ApiFailure(400, "Bad Request: the fake cannot fetch files by URL");
    throw new ApiFailure(400, "Bad Request: wrong file identifier/HTTP URL specified");
  }

  private sendFile(method: "sendDocument" | "sendPhoto", p: Record<string, any>, files: UploadedFile[]) {
    const chatId = this.requireChat(p);
    const field = method === "sendDocument" ? "document" : "photo";
    const file = this.fileFromParam(
      p[field],
      files,
      method === "sendDocument" ? "document.dat" : "photo.jpg",
    );
    const caption =
      p.caption !== undefined
        ? renderText(String(p.caption), p.parse_mode, 1024, "caption", true)
        : undefined;
    checkMarkup(p.reply_markup);
    const content: Partial<FakeMessage> =
      method === "sendDocument"
        ? {
            document: {
              file_id: file.file_id,
              file_unique_id: file.file_unique_id,
              file_name: file.file_name,
              mime_type: file.mime_type ?? mimeOf(file.file_name),
              file_size: file.bytes.byteLength,
            },
          }
        : {
            photo: [
              {
                file_id: file.file_id,
                file_unique_id: file.file_unique_id,
                width: 800,
                height: 600,
                file_size: file.bytes.byteLength,
              },
            ],
          };
    const stored = this.storeMessage(chatId, "bot", { ...content, caption, reply_markup: p.reply_markup });
    this.documentsSent.push({
      chatId,
      messageId: stored.message_id,
      method,
      fileId: file.file_id,
      fileName: file.file_name,
      mimeType: file.mime_type ?? mimeOf(file.file_name),
      bytes: file.bytes,
      caption,
    });
    return this.toTelegramMessage(stored);
  }

  private sendMediaGroup(p: Record<string, any>, files: UploadedFile[]) {
    const chatId = this.requireChat(p);
    const media = Array.isArray(p.media) ? (p.media as Record<string, any>[]) : [];
    if (media.length < 2 || media.length > 10)
      throw new ApiFailure(400, "Bad Request: wrong number of media in the group (2–10)");
    return media.map((item) => {
      const file = this.fileFromParam(
        item.media,
        files,
        item.type === "photo" ? "photo.jpg" : "document.dat",
      );
      const caption =
        item.caption !== undefined
          ? renderText(String(item.caption), item.parse_mode, 1024, "caption", true)
          : undefined;
      const content: Partial<FakeMessage> =
        item.type === "photo"
          ? {
              photo: [
                {
                  file_id: file.file_id,
                  file_unique_id: file.file_unique_id,
                  width: 800,
                  height: 600,
                  file_size: file.bytes.byteLength,
                },
              ],
            }
          : {
              document: {
                file_id: file.file_id,
                file_unique_id: file.file_unique_id,
                file_name: file.file_name,
                mime_type: file.mime_type,
                file_size: file.bytes.byteLength,
              },
            };
      const stored = this.storeMessage(chatId, "bot", { ...content, caption });
      this.documentsSent.push({
        chatId,
        messageId: stored.message_id,
        method: "sendMediaGroup",
        fileId: file.file_id,
        fileName: file.file_name,
        mimeType: file.mime_type,
        bytes: file.bytes,
        caption,
      });
      return this.toTelegramMessage(stored);
    });
  }

  private copyMessage(method: string, p: Record<string, any>) {
    const chatId = this.requireChat(p);
    const fromChat = Number(p.from_chat_id);
    const source = this.chats.get(fromChat)?.find((m) => m.message_id === Number(p.message_id) && !m.deleted);
    if (!source)
      throw new ApiFailure(
        400,
        `Bad Request: message to ${method === "copyMessage" ? "copy" : "forward"} not found`,
      );
    const stored = this.storeMessage(chatId, "bot", {
      text: source.text,
      raw_text: source.raw_text,
      caption: p.caption ?? source.caption,
      document: source.document,
      photo: source.photo,
      reply_markup: p.reply_markup,
    });
    if (source.document) {
      const file = this.files.get(source.document.file_id);
      if (file)
        this.documentsSent.push({
          chatId,
          messageId: stored.message_id,
          method: "sendDocument",
          fileId: file.file_id,
          fileName: file.file_name,
          mimeType: file.mime_type,
          bytes: file.bytes,
          caption: stored.caption,
        });
    }
    return method === "copyMessage" ? { message_id: stored.message_id } : this.toTelegramMessage(stored);
  }

  private getFile(p: Record<string, any>) {
    const file = this.files.get(String(p.file_id ?? ""));
    if (!file) throw new ApiFailure(400, "Bad Request: invalid file_id");
    if (file.bytes.byteLength > MAX_FILE_DOWNLOAD) throw new ApiFailure(400, "Bad Request: file is too big");
    return {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      file_size: file.bytes.byteLength,
      file_path: file.file_path,
    };
  }

  private unixNow(): number {
    return Math.floor(this.clock().getTime() / 1000);
  }

  private storeMessage(chatId: number, from: "bot" | "user", content: Partial<FakeMessage>): FakeMessage {
    const id = this.nextMessageId.get(chatId) ?? 1;
    this.nextMessageId.set(chatId, id + 1);
    const message: FakeMessage = {
      message_id: id,
      chat_id: chatId,
      from,
      date: this.unixNow(),
      history: [],
      deleted: false,
      seq: ++this.seq,
      ...stripUndefined(content),
    };
    const list = this.chats.get(chatId) ?? [];
    list.push(message);
    this.chats.set(chatId, list);
    return message;
  }

  private toTelegramMessage(m: FakeMessage): Message {
    const user = this.users.get(m.chat_id);
    const chat = user
      ? this.privateChat(user)
      : { id: m.chat_id, type: "private" as const, first_name: `User ${m.chat_id}` };
    const from =
      m.from === "bot"
        ? {
            id: this.botInfo.id,
            is_bot: true,
            first_name: this.botInfo.first_name,
            username: this.botInfo.username,
          }
        : user
          ? this.toTelegramUser(user)
          : { id: m.chat_id, is_bot: false, first_name: `User ${m.chat_id}` };
    return stripUndefined({
      message_id: m.message_id,
      date: m.date,
      chat,
      from,
      text: m.text,
      caption: m.caption,
      document: m.document,
      photo: m.photo,
      edit_date: m.edit_date,
      reply_markup: m.reply_markup && "inline_keyboard" in m.reply_markup ? m.reply_markup : undefined,
    }) as unknown as Message;
  }
}

// -----------------------------------------------------------------------------------------------
// Helpers

function fail(status: number, description: string, parameters?: object): ApiAnswer {
  return {
    status,
    body: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) },
  };
}

function faultAnswer(fault: Exclude<Fault, { type: "hang" }>): ApiAnswer {
  switch (fault.type) {
    case "429": {
      const retryAfter = fault.retryAfter ?? 1;
      return fail(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    }
    case "5xx":
      return fail(fault.status ?? 502, fault.description ?? "Bad Gateway");
    case "403":
      return fail(403, fault.description ?? "Forbidden: bot was blocked by the user");
    case "400":
      return fail(400, fault.description);
  }
}

function notModified(): ApiFailure {
  return new ApiFailure(
    400,
    "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
  );
}

function json404Body() {
  return { ok: false, error_code: 404, description: "Not Found" };
}

function json404(): Response {
  return new Response(JSON.stringify(json404Body()), { status: 404 });
}

function commandsKey(scope: unknown, languageCode: unknown): string {
  const s = (scope ?? { type: "default" }) as Record<string, unknown>;
  const normalised = { type: s.type, ...(s.chat_id !== undefined ? { chat_id: Number(s.chat_id) } : {}) };
  return `${JSON.stringify(normalised)}|${String(languageCode ?? "")}`;
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function extOf(name: string): string {
  const m = /\.[A-Za-z0-9]{1,8}$/.exec(name);
  return m ? m[0].toLowerCase() : "";
}

function mimeOf(name: string): string | undefined {
  const ext = extOf(name);
  const known: Record<string, string> = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".csv": "text/csv",
    ".txt": "text/plain",
    ".png": "image/png",
    ".jpg": "image/jpeg",
  };
  return known[ext];
}

function checkMarkup(markup: unknown): void {
  const rows = (markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
  if (rows === undefined) return;
  if (!Array.isArray(rows))
    throw new ApiFailure(
      400,
      'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays',
    );
  for (const row of rows) {
    if (!Array.isArray(row))
      throw new ApiFailure(
        400,
        'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays',
      );
    for (const button of row as InlineButton[]) {
      if (!button.text)
        throw new ApiFailure(400, "Bad Request: text buttons are unallowed in the inline keyboard");
      if (button.callback_data !== undefined) {
        const size = Buffer.byteLength(button.callback_data, "utf8");
        if (size < 1 || size > 64) throw new ApiFailure(400, "Bad Request: BUTTON_DATA_INVALID");
      }
    }
  }
}

const HTML_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "code",
  "pre",
  "blockquote",
  "tg-emoji",
]);

/** What the reader sees for `raw` sent with `parseMode`; throws Telegram's 400s. */
function renderText(
  raw: string,
  parseMode: unknown,
  max: number,
  what: "message" | "caption",
  allowEmpty = false,
): string {
  const text = parseMode === "HTML" ? parseHtml(raw) : raw;
  if (!allowEmpty && text.trim() === "") throw new ApiFailure(400, `Bad Request: ${what} text is empty`);
  if (text.length > max)
    throw new ApiFailure(
      400,
      `Bad Request: ${what === "message" ? "message is too long" : "message caption is too long"}`,
    );
  return text;
}

/** Telegram's HTML: a few tags, balanced; `<`, `>`, `&` elsewhere must be entities. */
export function parseHtml(raw: string): string {
  let out = "";
  const stack: string[] = [];
  let i = 0;
  const bad = (why: string) =>
    new ApiFailure(
      400,
      `Bad Request: can't parse entities: ${why} at byte offset ${Buffer.byteLength(raw.slice(0, i))}`,
    );
  while (i < raw.length) {
    const ch = raw[i]!;
    if (ch === "<") {
      const m =
        /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*>/.exec(
          raw.slice(i),
        );
      if (!m) throw bad("Unexpected character '<' (unescaped, use &lt;)");
      const [whole, closing, nameRaw] = m;
      const name = nameRaw!.toLowerCase();
      if (!HTML_TAGS.has(name)) throw bad(`Unsupported start tag "${name}"`);
      if (closing) {
        const open = stack.pop();
        if (open !== name) throw bad(`Unmatched end tag "${name}"`);
      } else {
        stack.push(name);
      }
      i += whole.length;
      continue;
    }
    if (ch === ">") throw bad("Unexpected character '>' (unescaped, use &gt;)");
    if (ch === "&") {
      const m = /^&(lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/.exec(raw.slice(i));
      if (!m) throw bad("Unescaped '&' (use &amp;)");
      const entity = m[1]!;
      out +=
        entity === "lt"
          ? "<"
          : entity === "gt"
            ? ">"
            : entity === "amp"
              ? "&"
              : entity === "quot"
                ? '"'
                : entity === "apos"
                  ? "'"
                  : String.fromCodePoint(
                      entity.startsWith("#x")
                        ? Number.parseInt(entity.slice(2), 16)
                        : Number(entity.slice(1)),
                    );
      i += m[0].length;
      continue;
    }
    out += ch;
    i += 1;
  }
  if (stack.length > 0) throw bad(`Can't find end tag corresponding to start tag "${stack.at(-1)}"`);
  return out;
}

function normaliseHeaders(headers: unknown): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers) return Object.fromEntries([...headers.entries()]);
  return Object.fromEntries(
    Object.entries(headers as Record<string, string>).map(([k, v]) => [k.toLowerCase(), String(v)]),
  );
}

async function readBody(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === "string") return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** JSON or multipart/form-data (grammY's: unquoted filenames, lower-case headers). */
export function parseBody(
  contentType: string,
  body: Buffer,
): { params: Record<string, any>; files: UploadedFile[] } {
  if (body.byteLength === 0) return { params: {}, files: [] };
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!/multipart\/form-data/i.test(contentType) || !boundary) {
    const parsed = JSON.parse(body.toString("utf8"));
    return { params: parsed && typeof parsed === "object" ? parsed : {}, files: [] };
  }
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const params: Record<string, any> = {};
  const files: UploadedFile[] = [];
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    let start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    if (body.subarray(start, start + 2).toString() === "\r\n") start += 2;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    let part = body.subarray(start, next);
    if (part.subarray(part.length - 2).toString() === "\r\n") part = part.subarray(0, part.length - 2);
    const headerEnd = part.indexOf("\r\n\r\n");
    const head = part.subarray(0, headerEnd).toString("utf8");
    const content = part.subarray(headerEnd + 4);
    const disposition = head.split("\r\n").find((l) => /^content-disposition:/i.test(l)) ?? "";
    const name = /name="([^"]*)"/i.exec(disposition)?.[1] ?? "";
    const fileName = /filename=(?:"([^"]*)"|(.*))$/i.exec(disposition);
    if (fileName) {
      files.push({
        field: name,
        fileName: (fileName[1] ?? fileName[2] ?? "").trim(),
        bytes: new Uint8Array(content),
      });
    } else {
      const value = content.toString("utf8");
      params[name] = /^[[{]/.test(value) ? safeJson(value) : value;
    }
    pos = next;
  }
  return { params, files };
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
