import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN, audits, buttonTexts, startWorld, text, type World } from "./setup.js";

let w: World;
beforeEach(async () => {
  w = await startWorld();
});
afterEach(async () => w.close());

describe("/me", () => {
  it("lists units with roles and scopes; leaving asks first, then ends the membership", async () => {
    const district = await w.f.unit("Бежецкий район", { role: "Муниципальные организаторы" });
    const school = await w.f.unit("Школа № 5", { role: "Руководители ОО", parentId: district });
    await w.f.user(2);
    await w.f.member(2, district);
    await w.f.member(2, school);
    await w.f.coordinator(2, district);
    const user = w.t.user(2);
    await user.command("me");
    const screen = user.lastMessage();
    expect(text(screen)).toContain("• Муниципальные организаторы — Бежецкий район");
    expect(text(screen)).toContain("• Руководители ОО — Школа № 5");
    expect(text(screen)).toContain(
      "Координатор:\n• Муниципальные организаторы — Бежецкий район и всё, что в него входит",
    );
    expect(buttonTexts(w.t, screen)).toEqual(["Покинуть: Бежецкий район", "Покинуть: Школа № 5"]);

    await user.press("Покинуть: Школа № 5");
    expect(text(user.lastMessage())).toContain("Покинуть «Руководители ОО — Школа № 5»?");
    // Nothing changed yet.
    const active = () =>
      w.t.db
        .selectFrom("memberships")
        .select("unit_id")
        .where("user_id", "=", 2)
        .where("left_at", "is", null)
        .execute();
    expect((await active()).map((m) => m.unit_id).sort()).toEqual([district, school].sort());
    await user.press("Да, покинуть");
    expect(text(user.lastMessage())).toContain("Вы больше не подключены к «Руководители ОО — Школа № 5».");
    expect(buttonTexts(w.t, user.lastMessage())).toEqual(["Покинуть: Бежецкий район"]);
    expect((await active()).map((m) => m.unit_id)).toEqual([district]);
    expect(await audits(w.t, "membership.leave")).toHaveLength(1);
    // The same confirmation pressed again: nothing more happens.
    await user.pressData(user.lastMessage()?.message_id as number, `me:ly:${school}`);
    expect(user.lastAnswer()?.text).toBe("Вы уже не подключены к этому исполнителю.");
    expect(await audits(w.t, "membership.leave")).toHaveLength(1);
  });

  it("tells a stranger how to join", async () => {
    const user = w.t.user(3);
    await user.command("me");
    expect(text(user.lastMessage())).toContain("Вы пока ни к чему не подключены");
  });
});

describe("/units", () => {
  it("adds a unit by hand, renames it, puts it under a parent; all audited", async () => {
    const region = await w.f.unit("Тверская область", { role: "Органы управления" });
    await w.f.role("Муниципальные организаторы");
    const admin = w.t.user(ADMIN);
    await admin.command("units");
    expect(text(admin.lastMessage())).toContain("• Муниципальные организаторы — 0");
    await admin.press("Муниципальные организаторы");
    await admin.press("➕ Добавить");
    expect(text(admin.lastMessage())).toContain(
      "Напишите название нового исполнителя роли «Муниципальные организаторы»",
    );
    await admin.send("   ");
    expect(text(admin.lastMessage())).toBe("Название пустое. Напишите его текстом.");
    await admin.send("Бежецкий  район");
    expect(text(admin.lastMessage())).toContain("✅ Исполнитель добавлен.");
    expect(text(admin.lastMessage())).toContain("🏢 Бежецкий район");

    await admin.press("✏ Переименовать");
    await admin.send("Бежецкий муниципальный округ");
    expect(text(admin.lastMessage())).toContain("✅ Переименовано.");
    await admin.press("↕ Куда входит");
    await admin.press(/Тверская область/);
    expect(admin.lastAnswer()?.text).toBe("Сохранено");
    expect(text(admin.lastMessage())).toContain("Входит в: Тверская область");
    const unit = await w.t.db
      .selectFrom("units")
      .selectAll()
      .where("name", "=", "Бежецкий муниципальный округ")
      .executeTakeFirstOrThrow();
    expect(unit.parent_unit_id).toBe(region);
    expect(await audits(w.t, "unit.create")).toHaveLength(1);
    expect(await audits(w.t, "unit.rename")).toHaveLength(1);
    expect(await audits(w.t, "unit.parent")).toHaveLength(1);
    expect(w.t.errors).toEqual([]);
  });

  it("a new unit gets the assignments of published plans", async () => {
    const first = await w.f.unit("Школа № 1", { role: "Руководители ОО" });
    const built = await w.f.assignment({ unitId: first, due: "2025-10-30" });
    const roleId = await w.f.role("Руководители ОО");
    await w.t.db.insertInto("item_roles").values({ item_id: built.itemId, role_id: roleId }).execute();
    const admin = w.t.user(ADMIN);
    await admin.command("units");
    await admin.press("Руководители ОО");
    await admin.press("➕ Добавить");
    await admin.send("Школа № 2");
    const created = await w.t.db
      .selectFrom("units")
      .select("id")
      .where("name", "=", "Школа № 2")
      .executeTakeFirstOrThrow();
    const theirs = await w.t.db
      .selectFrom("assignments")
      .selectAll()
      .where("unit_id", "=", created.id)
      .execute();
    expect(theirs.map((a) => a.occurrence_id)).toEqual([built.occurrenceId]);
  });

  it("a scoped coordinator sees only their subtree and must put new units inside it", async () => {
    const bezhetsk = await w.f.unit("Бежецкий район", { role: "Муниципальные организаторы" });
    await w.f.unit("Кимрский район", { role: "Муниципальные организаторы" });
    await w.f.unit("Школа № 5", { role: "Руководители ОО", parentId: bezhetsk });
    await w.f.user(4);
    await w.f.coordinator(4, bezhetsk);
    const scoped = w.t.user(4);
    await scoped.command("units");
    expect(text(scoped.lastMessage())).toContain("• Муниципальные организаторы — 1");
    await scoped.press("Муниципальные организаторы");
    expect(text(scoped.lastMessage())).toContain("Бежецкий район");
    expect(text(scoped.lastMessage())).not.toContain("Кимрский");
    await scoped.press("← Роли");
    await scoped.press("Руководители ОО");
    await scoped.press("➕ Добавить");
    expect(buttonTexts(w.t, scoped.lastMessage())).toEqual([
      "Муниципальные организаторы — Бежецкий район",
      "Руководители ОО — Школа № 5",
      "← Назад",
    ]);
    await scoped.press("Муниципальные организаторы — Бежецкий район");
    await scoped.send("Школа № 6");
    const row = await w.t.db
      .selectFrom("units")
      .selectAll()
      .where("name", "=", "Школа № 6")
      .executeTakeFirstOrThrow();
    expect(row.parent_unit_id).toBe(bezhetsk);
  });

  it("a command typed in the middle of a name ends the dialogue and is handled", async () => {
    await w.f.role("Руководители ОО");
    const admin = w.t.user(ADMIN);
    await admin.command("units");
    await admin.press("Руководители ОО");
    await admin.press("➕ Добавить");
    await admin.command("me");
    expect(text(admin.lastMessage())).toContain("Ваши подключения");
    await admin.send("Школа № 9");
    expect(await w.t.db.selectFrom("units").selectAll().where("name", "=", "Школа № 9").execute()).toEqual(
      [],
    );
  });
});
