// The lean fetch under grammY's API client: what grammY does with node-fetch must work the same.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { Api, GrammyError, HttpError, InputFile } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBotApiFetch } from "../../../src/bot/runtime/bot-api-fetch.js";
import { FakeBotApi } from "../../support/fake-bot-api.js";

let fake: FakeBotApi;
let api: Api;
const leanFetch = createBotApiFetch();

beforeEach(async () => {
  fake = await FakeBotApi.start();
  api = new Api(fake.token, { apiRoot: fake.apiRoot, fetch: leanFetch as never });
});
afterEach(async () => {
  await fake.close();
});

describe("createBotApiFetch under grammY", () => {
  it("sends JSON calls and reads their answers, many at once over kept-alive sockets", async () => {
    const sent = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api.sendMessage(100 + i, `Пункт <b>${i}</b> — «выполнено»`, {
          parse_mode: "HTML",
          reply_markup: { inline_keyboard: [[{ text: "✅", callback_data: `done:${i}` }]] },
        }),
      ),
    );
    expect(sent.map((m) => m.chat.id)).toEqual(Array.from({ length: 50 }, (_, i) => 100 + i));
    expect(fake.lastBotMessage(149)?.text).toBe("Пункт 49 — «выполнено»");
    const edited = await api.editMessageText(149, sent[49]!.message_id, "ещё раз");
    expect(edited).toMatchObject({ text: "ещё раз" });
  });

  it("gives Telegram's error answers to grammY as GrammyError", async () => {
    const m = await api.sendMessage(1, "same");
    const err = await api.editMessageText(1, m.message_id, "same").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect((err as GrammyError).description).toMatch(/message is not modified/);
    fake.failNext("sendMessage", { type: "429", retryAfter: 2 });
    const limited = (await api.sendMessage(1, "x").catch((e: unknown) => e)) as GrammyError;
    expect([limited.error_code, limited.parameters.retry_after]).toEqual([429, 2]);
  });

  it("uploads a file (multipart stream) and downloads nothing it was not asked for", async () => {
    const bytes = new Uint8Array(300_000).map((_, i) => i % 251);
    const sent = await api.sendDocument(8, new InputFile(bytes, "отчёт.xlsx"), { caption: "Отчёт" });
    expect(sent.document?.file_name).toBe("отчёт.xlsx");
    expect(fake.documentsSent[0]).toMatchObject({ chatId: 8, fileName: "отчёт.xlsx", caption: "Отчёт" });
    expect(Buffer.from(fake.documentsSent[0]!.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it("gives up on a hung call at grammY's timeout and then works again", async () => {
    const impatient = new Api(fake.token, {
      apiRoot: fake.apiRoot,
      timeoutSeconds: 1,
      fetch: leanFetch as never,
    });
    fake.failNext("sendMessage", { type: "hang" });
    const err = await impatient.sendMessage(1, "x").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(fake.botMessages(1)).toEqual([]);
    await impatient.sendMessage(1, "y");
    expect(fake.lastBotMessage(1)?.text).toBe("y");
  });

  it("aborts a long poll when its signal aborts", async () => {
    const controller = new AbortController();
    const poll = api.getUpdates({ timeout: 30 }, controller.signal as never).catch((e: unknown) => e);
    await fake.waitFor(() => fake.callsOf("getUpdates").length === 1, 2000, "poll sent");
    const started = performance.now();
    controller.abort();
    expect(await poll).toBeInstanceOf(HttpError);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("keeps calls moving while a long poll waits, and gets the poll its update", async () => {
    const poll = api.getUpdates({ timeout: 30 });
    await fake.waitFor(() => fake.callsOf("getUpdates").length === 1, 2000, "poll sent");
    const started = performance.now();
    await Promise.all(Array.from({ length: 5 }, (_, i) => api.sendMessage(10 + i, "пока ждём")));
    expect(performance.now() - started).toBeLessThan(1000);
    await fake.sendText(77, "/start");
    const updates = await poll;
    expect(updates.map((u) => u.message?.text)).toEqual(["/start"]);
  });

  it("fails as a network error when nobody listens", async () => {
    const nowhere = new Api(fake.token, { apiRoot: "http://127.0.0.1:9", fetch: leanFetch as never });
    expect(await nowhere.getMe().catch((e: unknown) => e)).toBeInstanceOf(HttpError);
  });
});

describe("answers that are not plain JSON", () => {
  let server: Server;
  let root: string;
  beforeEach(async () => {
    server = createServer((req, res) => {
      if (req.url?.endsWith("/getMe")) {
        const body = gzipSync(JSON.stringify({ ok: true, result: { id: 7, is_bot: true, first_name: "g" } }));
        res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" }).end(body);
      } else {
        res.writeHead(502, { "content-type": "text/html" }).end("<html>Bad Gateway</html>");
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it("unpacks a gzip answer and turns an HTML error page into an HttpError", async () => {
    const other = new Api("1:x", { apiRoot: root, fetch: leanFetch as never });
    expect(await other.getMe()).toMatchObject({ id: 7, first_name: "g" });
    expect(await other.sendMessage(1, "x").catch((e: unknown) => e)).toBeInstanceOf(HttpError);
  });
});
