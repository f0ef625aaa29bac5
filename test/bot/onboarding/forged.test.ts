// Forged, stale and garbage button data: refused with a clear answer, nothing changed.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN, startWorld, text, type World } from "./setup.js";

let w: World;
beforeEach(async () => {
  w = await startWorld();
});
afterEach(async () => w.close());

async function snapshot() {
  const db = w.t.db;
  return {
    invites: await db.selectFrom("invites").selectAll().execute(),
    units: await db.selectFrom("units").selectAll().execute(),
    memberships: await db.selectFrom("memberships").selectAll().execute(),
    requests: await db.selectFrom("access_requests").selectAll().execute(),
  };
}

describe("forged and stale buttons", () => {
  it("change nothing, whoever presses them", async () => {
    const kimry = await w.f.unit("Кимрский район", { role: "Муниципальные организаторы" });
    const bezhetsk = await w.f.unit("Бежецкий район", { role: "Муниципальные организаторы" });
    const school = await w.f.unit("Школа № 5", { role: "Руководители ОО", parentId: bezhetsk });
    await w.f.user(4);
    await w.f.coordinator(4, kimry);
    await w.f.user(5);
    await w.f.member(5, school);
    const scoped = w.t.user(4);
    const member = w.t.user(5);
    await scoped.command("start");
    await member.command("start");
    const before = await snapshot();

    const cases: [typeof scoped, string, string][] = [
      // A coordinator of Kimry acting on Bezhetsk's units.
      [scoped, `iv:mk:e:${bezhetsk}:14:1`, "Этот исполнитель вне вашей зоны. Ничего не изменено."],
      [scoped, `iv:o:e:${school}:14:1`, "Этот исполнитель вне вашей зоны. Ничего не изменено."],
      [scoped, "iv:mk:c:0:14:1", "Этот исполнитель вне вашей зоны. Ничего не изменено."],
      [scoped, `un:sp:${kimry}:${bezhetsk}`, "Этот исполнитель вне вашей зоны. Ничего не изменено."],
      [scoped, `un:sp:${school}:0`, "Этот исполнитель вне вашей зоны. Ничего не изменено."],
      [scoped, `un:ren:${bezhetsk}`, "Этот исполнитель вне вашей зоны. Ничего не изменено."],
      [scoped, `iv:nn:1:${bezhetsk}`, "Этот исполнитель вне вашей зоны. Ничего не изменено."],
      [scoped, "iv:nn:1:0", "Этот исполнитель вне вашей зоны. Ничего не изменено."],
      [scoped, "iv:mk:e:99999:14:1", "Этот исполнитель вне вашей зоны. Ничего не изменено."],
      // Options that are not offered.
      [scoped, `iv:mk:e:${kimry}:365:1`, "Эта кнопка устарела. Откройте команду заново."],
      [scoped, `iv:mk:e:${kimry}:14:1000`, "Эта кнопка устарела. Откройте команду заново."],
      // Garbage with our prefixes.
      [scoped, "iv:zz", "Эта кнопка устарела. Откройте команду заново."],
      [scoped, "un:u:abc", "Эта кнопка устарела. Откройте команду заново."],
      [scoped, "ar:pk:1", "Эта кнопка устарела. Откройте команду заново."],
      [member, "me:ly:-1", "Эта кнопка устарела. Откройте команду заново."],
      // An executor pressing coordinators' buttons.
      [member, `iv:mk:e:${school}:14:1`, "Это доступно только координаторам."],
      [member, `un:sp:${school}:0`, "Это доступно только координаторам."],
      [member, "ar:ok:1", "Это доступно только координаторам."],
    ];
    const onScreen = (u: typeof scoped) => u.lastMessage()?.message_id as number;
    for (const [user, data, answer] of cases) {
      await user.pressData(onScreen(user), data);
      expect(user.lastAnswer()?.text, data).toBe(answer);
    }
    // Leaving a unit one is not a member of.
    await member.pressData(onScreen(member), `me:ly:${kimry}`);
    expect(member.lastAnswer()?.text).toBe("Вы уже не подключены к этому исполнителю.");
    expect(await snapshot()).toEqual(before);
    expect(w.t.errors).toEqual([]);
  });

  it("a loop in the parents is refused", async () => {
    const region = await w.f.unit("Тверская область", { role: "Органы управления" });
    const district = await w.f.unit("Бежецкий район", {
      role: "Муниципальные организаторы",
      parentId: region,
    });
    const admin = w.t.user(ADMIN);
    await admin.command("start");
    await admin.pressData(admin.lastMessage()?.message_id as number, `un:sp:${region}:${district}`);
    expect(admin.lastAnswer()?.text).toBe("Так нельзя: исполнитель оказался бы внутри самого себя.");
    const row = await w.t.db
      .selectFrom("units")
      .select("parent_unit_id")
      .where("id", "=", region)
      .executeTakeFirst();
    expect(row?.parent_unit_id).toBeNull();
    expect(text(admin.lastMessage())).not.toContain("Сохранено");
  });
});
