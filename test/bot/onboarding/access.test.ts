import { Api } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDeliveryWorker } from "../../../src/jobs/delivery.js";
import { ADMIN, audits, buttonTexts, startWorld, text, type World } from "./setup.js";

let w: World;
beforeEach(async () => {
  w = await startWorld();
});
afterEach(async () => w.close());

const SCOPED = 4;

async function seed() {
  const bezhetsk = await w.f.unit("Бежецкий район", { role: "Муниципальные организаторы" });
  const kimry = await w.f.unit("Кимрский район", { role: "Муниципальные организаторы" });
  const school = await w.f.unit("Школа № 5", { role: "Руководители ОО", parentId: bezhetsk });
  await w.f.user(SCOPED);
  await w.f.coordinator(SCOPED, kimry);
  // The admin and the scoped coordinator have opened the bot before.
  await w.t.user(ADMIN, { firstName: "Анна" }).command("start");
  await w.t.user(SCOPED, { firstName: "Кира" }).command("start");
  return { bezhetsk, kimry, school };
}

describe("access requests", () => {
  it("a stranger asks; each coordinator gets one message; the admin approves into a unit", async () => {
    const { bezhetsk } = await seed();
    const stranger = w.t.user(7, { firstName: "Пётр", username: "petr" });
    await stranger.command("start");
    const welcome = stranger.lastMessage();
    expect(text(welcome)).toContain("srok напоминает исполнителям плана о сроках");
    expect(buttonTexts(w.t, welcome)).toEqual(["Запросить доступ"]);

    await stranger.press("Запросить доступ");
    expect(text(stranger.lastMessage())).toContain("Запрос отправлен координаторам");
    // A second press (an old copy of the button) does not make a second request or messages.
    await stranger.pressData(welcome?.message_id as number, "o:req");
    expect(text(stranger.lastMessage())).toContain("уже отправлен");
    await stranger.command("start");
    expect(text(stranger.lastMessage())).toContain("Ваш запрос на доступ отправлен и ждёт ответа");
    expect(await w.t.db.selectFrom("access_requests").selectAll().execute()).toHaveLength(1);

    const admin = w.t.user(ADMIN);
    const scoped = w.t.user(SCOPED);
    const toAdmin = admin.messages().filter((m) => text(m).includes("Запрос доступа"));
    const toScoped = scoped.messages().filter((m) => text(m).includes("Запрос доступа"));
    expect(toAdmin).toHaveLength(1);
    expect(toScoped).toHaveLength(1);
    expect(text(toAdmin[0])).toContain("Пётр (@petr) просит подключить к srok.");
    expect(text(toAdmin[0])).toContain("Telegram id: 7");

    await admin.press("✅ Одобрить");
    expect(text(admin.lastMessage())).toContain(
      "Запрос доступа: Пётр (@petr). Куда подключить? Выберите роль:",
    );
    expect(buttonTexts(w.t, admin.lastMessage())).toEqual([
      "Муниципальные организаторы (2)",
      "Руководители ОО (1)",
      "✖ Отклонить",
    ]);
    await admin.press("Муниципальные организаторы (2)");
    expect(buttonTexts(w.t, admin.lastMessage())).toEqual(["Бежецкий район", "Кимрский район", "← Роли"]);
    await admin.press("Бежецкий район");
    expect(text(admin.lastMessage())).toContain(
      "✅ Запрос одобрен: Пётр (@petr) — «Муниципальные организаторы — Бежецкий район».",
    );
    expect(text(stranger.lastMessage())).toContain(
      "Вы подключены к srok как «Муниципальные организаторы — Бежецкий район».",
    );

    const members = await w.t.db.selectFrom("memberships").selectAll().where("user_id", "=", 7).execute();
    expect(members.map((m) => m.unit_id)).toEqual([bezhetsk]);
    const request = await w.t.db.selectFrom("access_requests").selectAll().executeTakeFirst();
    expect(request?.status).toBe("approved");
    expect(request?.decided_by).toBe(ADMIN);
    expect(await audits(w.t, "access.approve")).toHaveLength(1);

    // The other coordinator's copy is stale now.
    await scoped.press("✅ Одобрить");
    expect(scoped.lastAnswer()?.text).toBe("Этот запрос уже рассмотрен.");
    expect(text(scoped.lastMessage())).toContain("уже одобрен");
    expect(w.t.errors).toEqual([]);
  });

  it("a scoped coordinator sees only their units and cannot approve into another's", async () => {
    const { bezhetsk } = await seed();
    const stranger = w.t.user(7, { firstName: "Пётр" });
    await stranger.command("start");
    await stranger.press("Запросить доступ");
    const scoped = w.t.user(SCOPED);
    await scoped.press("✅ Одобрить");
    expect(buttonTexts(w.t, scoped.lastMessage())).toEqual(["Муниципальные организаторы (1)", "✖ Отклонить"]);
    const request = await w.t.db.selectFrom("access_requests").selectAll().executeTakeFirstOrThrow();
    // A forged press: approve into Bezhetsk, outside the scope.
    await scoped.pressData(scoped.lastMessage()?.message_id as number, `ar:pk:${request.id}:${bezhetsk}`);
    expect(scoped.lastAnswer()?.text).toBe("Этот исполнитель вне вашей зоны. Ничего не изменено.");
    expect(scoped.lastAnswer()?.show_alert).toBe(true);
    expect((await w.t.db.selectFrom("access_requests").select("status").executeTakeFirst())?.status).toBe(
      "pending",
    );
    expect(await w.t.db.selectFrom("memberships").selectAll().where("user_id", "=", 7).execute()).toEqual([]);
    // And an executor pressing a coordinator's button is refused too.
    await stranger.pressData(1, `ar:ok:${request.id}`);
    expect(stranger.lastAnswer()?.text).toBe("Это доступно только координаторам.");
  });

  it("rejecting tells the person; they may ask again later", async () => {
    await seed();
    const stranger = w.t.user(8, { firstName: "Вера" });
    await stranger.command("start");
    await stranger.press("Запросить доступ");
    const admin = w.t.user(ADMIN);
    await admin.press("✖ Отклонить");
    expect(text(admin.lastMessage())).toContain("✖ Запрос отклонён: Вера.");
    expect(text(stranger.lastMessage())).toContain("Координатор отклонил ваш запрос");
    expect(await audits(w.t, "access.reject")).toHaveLength(1);
    await stranger.command("start");
    expect(buttonTexts(w.t, stranger.lastMessage())).toEqual(["Запросить доступ"]);
  });

  it("writes to each coordinator in their own language", async () => {
    await seed();
    await w.t.db.updateTable("users").set({ language: "en" }).where("id", "=", SCOPED).execute();
    const stranger = w.t.user(7, { firstName: "Пётр" });
    await stranger.command("start");
    await stranger.press("Запросить доступ");
    expect(text(w.t.user(SCOPED).lastMessage())).toContain(
      "🙋 Access request\nПётр asks to be connected to srok.",
    );
    expect(text(w.t.user(ADMIN).lastMessage())).toContain(
      "🙋 Запрос доступа\nПётр просит подключить к srok.",
    );
  });

  it("queues a notice Telegram cannot take now, delivers it later once, and skips a coordinator who blocked the bot", async () => {
    await seed();
    // Telegram asks to wait longer than the bot waits in a press: the notice goes to the outbox.
    w.t.fake.failNext("sendMessage", { type: "429", retryAfter: 120 }, 1, ADMIN);
    w.t.fake.blockChat(SCOPED);
    const stranger = w.t.user(7, { firstName: "Пётр" });
    await stranger.command("start");
    await stranger.press("Запросить доступ");
    expect(text(stranger.lastMessage())).toContain("Запрос отправлен координаторам");
    const [request] = await w.t.db.selectFrom("access_requests").select("id").execute();
    const queued = await w.t.db.selectFrom("outbox").select(["idem_key", "chat_id", "status"]).execute();
    expect(queued.map((r) => [r.idem_key, Number(r.chat_id), r.status])).toEqual([
      [`access-request:${request?.id}:${ADMIN}`, ADMIN, "pending"],
    ]);
    const before = w.t.user(ADMIN).messages().length;

    const worker = createDeliveryWorker(
      {
        db: w.t.db,
        api: new Api(w.t.fake.token, { fetch: w.t.fake.fetch as never }),
        clock: () => new Date(),
      },
      { idlePollMs: 20, perChatMs: 0 },
    );
    expect(await worker.drain({ timeoutMs: 5000 })).toBe(true);
    await worker.stop();
    const arrived = w.t.user(ADMIN).messages().slice(before);
    expect(arrived.map((m) => text(m).split("\n")[0])).toEqual(["🙋 Запрос доступа"]);
    expect(buttonTexts(w.t, arrived[0])).toEqual(["✅ Одобрить", "✖ Отклонить"]);
    // The button from the late notice works like the one sent at once.
    await w.t.user(ADMIN).press("✅ Одобрить");
    expect(text(w.t.user(ADMIN).lastMessage())).toContain("Куда подключить?");
  });

  it("says so when there is no coordinator at all", async () => {
    const lonely = await startWorld({ ADMIN_IDS: "" });
    try {
      const stranger = lonely.t.user(9);
      await stranger.command("start");
      await stranger.press("Запросить доступ");
      expect(text(stranger.lastMessage())).toContain("координаторов пока нет");
    } finally {
      await lonely.close();
    }
  });
});
