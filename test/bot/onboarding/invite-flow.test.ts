import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashInviteToken } from "../../../db/queries/invites.js";
import { ADMIN, audits, buttonTexts, lastToken, startWorld, text, type World } from "./setup.js";

let w: World;
beforeEach(async () => {
  w = await startWorld();
});
afterEach(async () => w.close());

async function inviteNewUnit(role: RegExp, unit: string) {
  const admin = w.t.user(ADMIN, { firstName: "Анна" });
  await admin.command("invite");
  expect(text(admin.lastMessage())).toContain("Выберите роль");
  await admin.press(role);
  await admin.press("➕ Новый");
  await admin.press("Ни в какую (верхний уровень)");
  expect(text(admin.lastMessage())).toContain("Напишите название нового исполнителя");
  await admin.send(unit);
  await admin.press("✅ Создать ссылку");
  return { admin, token: lastToken(admin) };
}

describe("/invite and /start <token>", () => {
  it("a coordinator invites a new unit; the person opens the link and is greeted as that unit", async () => {
    await w.f.role("Муниципальные организаторы");
    const { admin, token } = await inviteNewUnit(/Муниципальные организаторы/, "Бежецкий район");
    const link = text(admin.lastMessage());
    expect(link).toContain("«Муниципальные организаторы — Бежецкий район»");
    expect(link).toContain(`https://t.me/${w.t.fake.botInfo.username}?start=${token}`);
    expect(token.length).toBeGreaterThanOrEqual(22);

    const stored = await w.t.db.selectFrom("invites").selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).toBe(hashInviteToken(token));
    expect(stored[0]?.expires_at).toBe("2025-11-03T06:00:00.000Z");
    expect(await audits(w.t, "unit.create")).toHaveLength(1);
    expect(await audits(w.t, "invite.create")).toHaveLength(1);

    const irina = w.t.user(2, { firstName: "Ирина Викторовна" });
    await irina.command("start", token);
    const greeting = irina.lastMessage();
    expect(text(greeting)).toContain("Здравствуйте, Ирина Викторовна!");
    expect(text(greeting)).toContain(
      "Вы подключены к srok как «Муниципальные организаторы — Бежецкий район».",
    );
    expect(text(greeting)).toContain("Каждое рабочее утро в 09:00 (Москва)");
    expect(buttonTexts(w.t, greeting)).toEqual(["📋 Мои задачи", "⚙ Настройки"]);
    const members = await w.t.db.selectFrom("memberships").selectAll().execute();
    expect(members.map((m) => m.user_id)).toEqual([2]);
    expect((await w.t.db.selectFrom("invites").select("uses").executeTakeFirst())?.uses).toBe(1);
    expect(await audits(w.t, "membership.link")).toHaveLength(1);

    // The same link again: used up, said plainly; the stranger is offered to ask for access.
    const other = w.t.user(3, { firstName: "Пётр" });
    await other.command("start", token);
    expect(text(other.lastMessage())).toContain("Эта ссылка уже использована.");
    expect(buttonTexts(w.t, other.lastMessage())).toEqual(["Запросить доступ"]);
    // Irina herself, opening her own link again: no «used up» scare, just her greeting.
    await irina.command("start", token);
    expect(text(irina.lastMessage())).not.toContain("уже использована");
    expect(text(irina.lastMessage())).toMatch(
      /^Вы уже подключены как «.+»\.\n\nЗдравствуйте, Ирина Викторовна!/,
    );
    expect(text(irina.lastMessage())).toContain("Вы подключены к srok как");
    expect(await w.t.db.selectFrom("memberships").selectAll().execute()).toHaveLength(1);
    // A plain /start of a linked person: the greeting again.
    await irina.command("start");
    expect(text(irina.lastMessage())).toMatch(/^Здравствуйте, Ирина Викторовна!\nВы подключены к srok как/);
    expect(w.t.errors).toEqual([]);
  });

  it("counts the open items of the unit in the greeting, with the right plural", async () => {
    const unit = await w.f.unit("Школа № 5", { role: "Руководители ОО" });
    for (let i = 0; i < 5; i++) await w.f.assignment({ unitId: unit, due: "2025-10-30" });
    await w.f.assignment({ unitId: unit, due: "2025-10-01", status: "done" });
    const admin = w.t.user(ADMIN);
    await admin.command("invite");
    await admin.press(/Руководители ОО/);
    await admin.press("Школа № 5");
    await admin.press("✅ Создать ссылку");
    const user = w.t.user(2, { firstName: "Олег" });
    await user.command("start", lastToken(admin));
    expect(text(user.lastMessage())).toContain("Сейчас у вас 5 открытых пунктов.");
  });

  it("an expired link says so, with the date; a revoked one too; an unknown one too", async () => {
    await w.f.unit("Кимрский район", { role: "Муниципальные организаторы" });
    const admin = w.t.user(ADMIN);
    await admin.command("invite");
    await admin.press(/Муниципальные организаторы/);
    await admin.press("Кимрский район");
    await admin.press("7 дн.");
    expect(text(admin.lastMessage())).toContain("Действует 7 дней");
    await admin.press("✅ Создать ссылку");
    const weekToken = lastToken(admin);
    await admin.command("invite");
    await admin.press(/Муниципальные организаторы/);
    await admin.press("Кимрский район");
    await admin.press("✅ Создать ссылку");
    const fortnightToken = lastToken(admin);

    w.t.setNow("2025-11-04T06:00:00Z"); // 15 days later
    const user = w.t.user(2);
    await user.command("start", weekToken);
    expect(text(user.lastMessage())).toContain("Срок действия ссылки истёк (пн, 27.10).");
    await user.command("start", fortnightToken);
    expect(text(user.lastMessage())).toContain("Срок действия ссылки истёк (пн, 03.11).");
    expect(await w.t.db.selectFrom("memberships").selectAll().execute()).toEqual([]);

    w.t.setNow("2025-10-20T07:00:00Z");
    await admin.command("invites");
    expect(text(admin.lastMessage())).toContain("Активные приглашения: 2");
    await admin.press("✖ Отозвать 1");
    expect(admin.lastAnswer()?.text).toBe("Приглашение отозвано");
    expect(text(admin.lastMessage())).toContain("Активные приглашения: 1");
    expect(await audits(w.t, "invite.revoke")).toHaveLength(1);
    // Newest first: «1» was the 14-day one.
    await user.command("start", fortnightToken);
    expect(text(user.lastMessage())).toContain("Эта ссылка отозвана координатором.");
    await user.command("start", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect(text(user.lastMessage())).toContain("Ссылка не найдена");
    await user.command("start", weekToken);
    expect(text(user.lastMessage())).toContain(
      "Вы подключены к srok как «Муниципальные организаторы — Кимрский район».",
    );
  });

  it("a link for several people, and a coordinator invite over a unit's subtree", async () => {
    const region = await w.f.unit("Тверская область", { role: "Органы управления" });
    const admin = w.t.user(ADMIN);
    await admin.command("invite");
    await admin.press("👑 Координатора");
    await admin.press(/Тверская область/);
    await admin.press("×5");
    await admin.press("✅ Создать ссылку");
    const token = lastToken(admin);
    expect(text(admin.lastMessage())).toContain("использований: 5");
    for (const id of [2, 3]) {
      const u = w.t.user(id, { firstName: `К${id}` });
      await u.command("start", token);
      expect(text(u.lastMessage())).toContain(
        "Вы координатор: «Органы управления — Тверская область» и всё, что в него входит.",
      );
    }
    const scopes = await w.t.db.selectFrom("coordinator_scopes").selectAll().execute();
    expect(scopes.map((s) => [s.user_id, s.unit_id])).toEqual([
      [2, region],
      [3, region],
    ]);
    expect((await w.t.db.selectFrom("invites").select("uses").executeTakeFirst())?.uses).toBe(2);
    // They get the coordinators' commands menu in their chat.
    expect(w.t.fake.myCommands({ type: "chat", chat_id: 2 })?.length).toBeGreaterThan(4);
  });

  it("a redelivered /start changes nothing the second time", async () => {
    const unit = await w.f.unit("Школа № 7", { role: "Руководители ОО" });
    const admin = w.t.user(ADMIN);
    await admin.command("invite");
    await admin.press(/Руководители ОО/);
    await admin.press("Школа № 7");
    await admin.press("×5");
    await admin.press("✅ Создать ссылку");
    const user = w.t.user(2);
    const update = await user.command("start", lastToken(admin));
    await w.t.handle(update);
    expect(
      await w.t.db.selectFrom("memberships").where("unit_id", "=", unit).selectAll().execute(),
    ).toHaveLength(1);
    expect((await w.t.db.selectFrom("invites").select("uses").executeTakeFirst())?.uses).toBe(1);
    expect(text(user.lastMessage())).toContain("Вы подключены к srok как «Руководители ОО — Школа № 7».");
  });

  it("makes ADMIN_IDS users admins, and refuses /invite to others", async () => {
    const stranger = w.t.user(5);
    await stranger.command("invite");
    expect(text(stranger.lastMessage())).toBe("Это доступно только координаторам.");
    const admin = await w.t.db
      .selectFrom("users")
      .select("is_admin")
      .where("id", "=", ADMIN)
      .executeTakeFirst();
    expect(admin?.is_admin).toBe(1);
    expect(await audits(w.t, "admin.sync")).toHaveLength(1);
  });
});
