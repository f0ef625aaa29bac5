// The fake Bot API itself, driven by grammY's real Api client over HTTP.
import { Api, GrammyError, HttpError, InputFile } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeBotApi } from "../../support/fake-bot-api.js";

let fake: FakeBotApi;
let api: Api;

beforeEach(async () => {
  fake = await FakeBotApi.start();
  api = new Api(fake.token, { apiRoot: fake.apiRoot });
});
afterEach(async () => {
  await fake.close();
});

async function apiError(p: Promise<unknown>): Promise<GrammyError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GrammyError);
  return err as GrammyError;
}

describe("getUpdates", () => {
  it("answers from the offset and forgets (confirms) the updates below it", async () => {
    const a = await fake.sendText(1, "a");
    const b = await fake.sendText(1, "b");
    await fake.sendText(2, "c");
    expect((await api.getUpdates({ offset: 0, timeout: 0 })).map((u) => u.message?.text)).toEqual([
      "a",
      "b",
      "c",
    ]);
    expect(fake.isConfirmed(a.update_id)).toBe(false);
    const rest = await api.getUpdates({ offset: b.update_id, timeout: 0, limit: 1 });
    expect(rest.map((u) => u.message?.text)).toEqual(["b"]);
    expect(fake.isConfirmed(a.update_id)).toBe(true);
    expect(fake.pendingUpdates().map((u) => u.message?.text)).toEqual(["b", "c"]);
    // A confirmed update never comes back, even when asked from an older offset.
    expect((await api.getUpdates({ offset: 0, timeout: 0 })).map((u) => u.message?.text)).toEqual(["b", "c"]);
  });

  it("long-polls: waits for the next update and answers as soon as it comes", async () => {
    const started = performance.now();
    const polled = api.getUpdates({ offset: 0, timeout: 5 });
    setTimeout(() => void fake.sendText(3, "late"), 150);
    const updates = await polled;
    const elapsed = performance.now() - started;
    expect(updates.map((u) => u.message?.text)).toEqual(["late"]);
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(2000);
  });

  it("answers a waiting long poll with the updates that came together, as Telegram does", async () => {
    const polled = api.getUpdates({ offset: 0, timeout: 5, limit: 2 });
    await fake.waitFor(() => fake.callsOf("getUpdates").length === 1, 2000, "the long poll");
    void fake.sendText(1, "a");
    void fake.sendText(2, "b");
    void fake.sendText(3, "c");
    expect((await polled).map((u) => u.message?.text)).toEqual(["a", "b"]);
  });

  it("can answer a waiting long poll on the first update alone (wakeOnFirstUpdate)", async () => {
    const eager = await FakeBotApi.start({ wakeOnFirstUpdate: true });
    try {
      const eagerApi = new Api(eager.token, { apiRoot: eager.apiRoot });
      const polled = eagerApi.getUpdates({ offset: 0, timeout: 5 });
      await eager.waitFor(() => eager.callsOf("getUpdates").length === 1, 2000, "the long poll");
      void eager.sendText(1, "a");
      void eager.sendText(2, "b");
      expect((await polled).map((u) => u.message?.text)).toEqual(["a"]);
    } finally {
      await eager.close();
    }
  });

  it("answers an empty list when the long-poll timeout passes, and ends an older poll", async () => {
    const started = performance.now();
    expect(await api.getUpdates({ timeout: 1 })).toEqual([]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    const first = api.getUpdates({ timeout: 20 });
    await new Promise((r) => setTimeout(r, 50));
    const second = api.getUpdates({ timeout: 0 });
    expect(await first).toEqual([]);
    expect(await second).toEqual([]);
  });

  it("builds commands, presses and documents as Telegram does", async () => {
    await fake.sendCommand({ id: 4, first_name: "Ира", language_code: "ru" }, "start", "tok");
    const sent = await api.sendMessage(4, "Выберите", {
      reply_markup: { inline_keyboard: [[{ text: "Да", callback_data: "yes" }]] },
    });
    await fake.pressButton(4, sent.message_id, "yes");
    const [command, press] = await api.getUpdates({ timeout: 0 });
    expect(command?.message?.text).toBe("/start tok");
    expect(command?.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);
    expect(command?.message?.from).toMatchObject({ id: 4, first_name: "Ира", language_code: "ru" });
    expect(press?.callback_query?.data).toBe("yes");
    expect(press?.callback_query?.message?.message_id).toBe(sent.message_id);
    expect(press?.callback_query?.message?.chat.id).toBe(4);
  });
});

describe("messages", () => {
  it("applies edits, keeps the keyboard, and refuses an edit that changes nothing", async () => {
    const markup = { inline_keyboard: [[{ text: "↩ Отменить", callback_data: "a:undo:1" }]] };
    const m = await api.sendMessage(7, "<b>3.</b> Отправка писем", {
      parse_mode: "HTML",
      reply_markup: markup,
    });
    await api.editMessageText(7, m.message_id, "✅ <b>3.</b> выполнено", {
      parse_mode: "HTML",
      reply_markup: markup,
    });
    const stored = fake.message(7, m.message_id)!;
    expect(stored.text).toBe("✅ 3. выполнено");
    expect(stored.raw_text).toBe("✅ <b>3.</b> выполнено");
    expect(stored.history).toEqual(["3. Отправка писем"]);
    expect(fake.buttons(stored)).toEqual(markup.inline_keyboard);
    const err = await apiError(
      api.editMessageText(7, m.message_id, "✅ <b>3.</b> выполнено", {
        parse_mode: "HTML",
        reply_markup: markup,
      }),
    );
    expect(err.error_code).toBe(400);
    expect(err.description).toMatch(/message is not modified/);
    await api.editMessageReplyMarkup(7, m.message_id, { reply_markup: { inline_keyboard: [] } });
    expect(fake.buttons(fake.message(7, m.message_id))).toEqual([]);
    await api.deleteMessage(7, m.message_id);
    expect(fake.botMessages(7)).toEqual([]);
    expect((await apiError(api.deleteMessage(7, m.message_id))).description).toMatch(/not found/);
  });

  it("is strict like Telegram: HTML entities, 4096 characters, 64-byte callback data", async () => {
    expect((await apiError(api.sendMessage(1, "срок < 5 дней", { parse_mode: "HTML" }))).description).toMatch(
      /can't parse entities/,
    );
    expect((await apiError(api.sendMessage(1, "<b>жирный", { parse_mode: "HTML" }))).description).toMatch(
      /can't parse entities/,
    );
    await api.sendMessage(1, "«План &lt;*&gt;» &amp; <i>ещё</i>", { parse_mode: "HTML" });
    expect(fake.lastBotMessage(1)?.text).toBe("«План <*>» & ещё");
    expect((await apiError(api.sendMessage(1, "я".repeat(4097)))).description).toMatch(/message is too long/);
    await api.sendMessage(1, "я".repeat(4096));
    const tooLong = { inline_keyboard: [[{ text: "x", callback_data: "ж".repeat(33) }]] };
    expect((await apiError(api.sendMessage(1, "x", { reply_markup: tooLong }))).description).toMatch(
      /BUTTON_DATA_INVALID/,
    );
  });

  it("answers a callback query once", async () => {
    const m = await api.sendMessage(2, "x", {
      reply_markup: { inline_keyboard: [[{ text: "a", callback_data: "a" }]] },
    });
    const press = await fake.pressButton(2, m.message_id, "a");
    const id = press.callback_query!.id;
    await api.answerCallbackQuery(id, { text: "Готово" });
    expect(fake.callbackAnswers.get(id)?.text).toBe("Готово");
    expect((await apiError(api.answerCallbackQuery(id))).description).toMatch(/query is too old/);
  });

  it("keeps the commands per scope and language, and the other small methods", async () => {
    await api.setMyCommands([{ command: "tasks", description: "Мои задачи" }]);
    await api.setMyCommands([{ command: "tasks", description: "My tasks" }], { language_code: "en" });
    await api.setMyCommands([{ command: "status", description: "Статус" }], {
      scope: { type: "chat", chat_id: 9 },
    });
    expect(await api.getMyCommands()).toEqual([{ command: "tasks", description: "Мои задачи" }]);
    expect(fake.myCommands({ type: "default" }, "en")).toEqual([
      { command: "tasks", description: "My tasks" },
    ]);
    expect(fake.myCommands({ type: "chat", chat_id: 9 })).toEqual([
      { command: "status", description: "Статус" },
    ]);
    await api.deleteMyCommands({ scope: { type: "chat", chat_id: 9 } });
    expect(fake.myCommands({ type: "chat", chat_id: 9 })).toBeUndefined();
    expect(await api.sendChatAction(9, "typing")).toBe(true);
    expect(await api.setChatMenuButton({ chat_id: 9, menu_button: { type: "commands" } })).toBe(true);
    expect((await apiError((api.raw as any).noSuchMethod({}))).error_code).toBe(404);
  });
});

describe("files", () => {
  it("keeps the bytes and the name of a multipart upload, and serves them back by file id", async () => {
    const bytes = new Uint8Array([0, 1, 2, 255, 13, 10, 45, 45, 7]);
    const sent = await api.sendDocument(5, new InputFile(bytes, "Отчёт об исполнении; 2025.docx"), {
      caption: "<b>Отчёт</b>",
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: [[{ text: "ok", callback_data: "ok" }]] },
    });
    expect(sent.document?.file_name).toBe("Отчёт об исполнении; 2025.docx");
    const doc = fake.documentsSent[0]!;
    expect(doc).toMatchObject({ chatId: 5, fileName: "Отчёт об исполнении; 2025.docx", caption: "Отчёт" });
    expect([...doc.bytes]).toEqual([...bytes]);
    const file = await api.getFile(sent.document!.file_id);
    const res = await fetch(`${fake.apiRoot}/file/bot${fake.token}/${file.file_path}`);
    expect(res.status).toBe(200);
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([...bytes]);
    // A photo, and re-sending a known file by its id.
    await api.sendPhoto(5, new InputFile(new Uint8Array([9, 9]), "chart.png"));
    await api.sendDocument(6, sent.document!.file_id);
    expect(fake.documentsSent.map((d) => [d.method, d.chatId, d.bytes.byteLength])).toEqual([
      ["sendDocument", 5, 9],
      ["sendPhoto", 5, 2],
      ["sendDocument", 6, 9],
    ]);
  });

  it("registers files users send, refuses files over 20 MB, and 404s unknown paths", async () => {
    const update = await fake.sendDocument(3, {
      fileName: "plan.csv",
      bytes: new TextEncoder().encode("a;b\n1;2"),
      mimeType: "text/csv",
    });
    const document = update.message!.document!;
    expect(document).toMatchObject({ file_name: "plan.csv", mime_type: "text/csv", file_size: 7 });
    const file = await api.getFile(document.file_id);
    const res = await fetch(`${fake.apiRoot}/file/bot${fake.token}/${file.file_path}`);
    expect(await res.text()).toBe("a;b\n1;2");
    const big = await fake.sendDocument(3, {
      fileName: "big.xlsx",
      bytes: new Uint8Array(20 * 1024 * 1024 + 1),
    });
    expect((await apiError(api.getFile(big.message!.document!.file_id))).description).toMatch(
      /file is too big/,
    );
    expect((await fetch(`${fake.apiRoot}/file/bot${fake.token}/documents/nope.txt`)).status).toBe(404);
    expect((await fetch(`${fake.apiRoot}/file/botWRONG/${file.file_path}`)).status).toBe(404);
  });

  it("serves the same API in process through grammY's client fetch", async () => {
    const local = new Api(fake.token, { apiRoot: "http://in-process.invalid", fetch: fake.fetch as never });
    const sent = await local.sendDocument(8, new InputFile(new Uint8Array([1, 2, 3]), "a.pdf"));
    expect(fake.documentsSent[0]).toMatchObject({ chatId: 8, fileName: "a.pdf" });
    const file = await local.getFile(sent.document!.file_id);
    const res = await fake.fetch(`http://in-process.invalid/file/bot${fake.token}/${file.file_path}`);
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([1, 2, 3]);
  });
});

describe("faults", () => {
  it("answers 429 with retry_after, 5xx, 403 for a blocked chat, 401 for a wrong token", async () => {
    fake.failNext("sendMessage", { type: "429", retryAfter: 3 });
    const limited = await apiError(api.sendMessage(1, "x"));
    expect(limited.error_code).toBe(429);
    expect(limited.parameters.retry_after).toBe(3);
    fake.failNext("sendMessage", { type: "5xx", status: 502 }, 2);
    expect((await apiError(api.sendMessage(1, "x"))).error_code).toBe(502);
    expect((await apiError(api.sendMessage(1, "x"))).error_code).toBe(502);
    await api.sendMessage(1, "x");
    fake.blockChat(2);
    const blocked = await apiError(api.sendMessage(2, "x"));
    expect([blocked.error_code, blocked.description]).toEqual([
      403,
      "Forbidden: bot was blocked by the user",
    ]);
    await api.sendMessage(3, "x"); // other chats still work
    fake.failNext("sendMessage", { type: "403" }, 1, 4);
    await api.sendMessage(5, "x");
    expect((await apiError(api.sendMessage(4, "x"))).error_code).toBe(403);
    const wrong = new Api("1:wrong", { apiRoot: fake.apiRoot });
    expect((await apiError(wrong.getMe())).error_code).toBe(401);
  });

  it("hangs a call until the client gives up", async () => {
    const impatient = new Api(fake.token, { apiRoot: fake.apiRoot, timeoutSeconds: 1 });
    fake.failNext("sendMessage", { type: "hang" });
    const err = await impatient.sendMessage(1, "x").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(fake.botMessages(1)).toEqual([]);
    await impatient.sendMessage(1, "y");
    expect(fake.lastBotMessage(1)?.text).toBe("y");
  });

  it("can play Telegram's rate limits (per chat and global)", async () => {
    fake.rateLimit = { perChatPerSecond: 1, globalPerSecond: 3 };
    await api.sendMessage(1, "a");
    expect((await apiError(api.sendMessage(1, "b"))).error_code).toBe(429);
    await api.sendMessage(2, "c");
    await api.sendMessage(3, "d");
    expect((await apiError(api.sendMessage(4, "e"))).parameters.retry_after).toBe(1);
  });
});
