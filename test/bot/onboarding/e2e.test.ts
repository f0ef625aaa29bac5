// End to end: the real bot polling the fake Bot API over HTTP, a temp-file database, the clock
// moved by hand. Invites, /start, access requests, forged buttons, a bulk list upload.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onboardingFeatures } from "../../../src/bot/features/index.js";
import { AssignmentFixtures } from "../../support/assignment-fixtures.js";
import { type Harness, startHarness } from "../../support/bot-harness.js";
import { xlsxRows } from "./setup.js";

const ADMIN = 100;
let h: Harness;
let f: AssignmentFixtures;

beforeAll(async () => {
  h = await startHarness({
    features: onboardingFeatures,
    now: "2025-10-20T06:00:00Z",
    env: { ADMIN_IDS: String(ADMIN) },
  });
  f = new AssignmentFixtures(h.db);
  await f.role("Муниципальные организаторы");
  await f.unit("Кимрский район", { role: "Муниципальные организаторы" });
});
afterAll(async () => h.close());

const tokenIn = (s: string | undefined) => /\?start=([\w-]+)/.exec(s ?? "")?.[1] as string;

describe("linking people end to end", () => {
  it("an invite for «Муниципальные организаторы — Бежецкий район»: joined, used up, expired", async () => {
    const admin = h.user(ADMIN, { firstName: "Анна" });
    await admin.command("invite");
    await admin.waitForMessage("Выберите роль");
    await admin.press(/Муниципальные организаторы/);
    await admin.waitForMessage("Выберите исполнителя");
    await admin.press("➕ Новый");
    await admin.waitForMessage("В какую организацию он входит?");
    await admin.press("Ни в какую (верхний уровень)");
    await admin.waitForMessage("Напишите название");
    await admin.send("Бежецкий район");
    await admin.waitForMessage("Исполнитель добавлен");
    await admin.press("✅ Создать ссылку");
    const link = await admin.waitForMessage("Ссылка-приглашение");
    expect(link.text).toContain("«Муниципальные организаторы — Бежецкий район»");
    const token = tokenIn(link.text);

    const irina = h.user(201, { firstName: "Ирина Викторовна" });
    await irina.command("start", token);
    const greeting = await irina.waitForMessage("Здравствуйте");
    expect(greeting.text).toContain("Здравствуйте, Ирина Викторовна!");
    expect(greeting.text).toContain(
      "Вы подключены к srok как «Муниципальные организаторы — Бежецкий район».",
    );
    expect(greeting.text).toContain("Каждое рабочее утро в 09:00 (Москва)");

    const other = h.user(202);
    await other.command("start", token);
    expect((await other.waitForMessage("Эта ссылка")).text).toContain("Эта ссылка уже использована.");

    await admin.command("invite");
    await admin.waitForMessage("Выберите роль");
    await admin.press(/Муниципальные организаторы/);
    await admin.waitForMessage("Выберите исполнителя");
    await admin.press("Бежецкий район");
    await admin.waitForMessage("Измените срок");
    await admin.press("✅ Создать ссылку");
    const second = tokenIn((await admin.waitForMessage("Ссылка-приглашение")).text);
    h.setNow("2025-11-04T06:00:00Z"); // 15 days later
    await other.command("start", second);
    expect((await other.waitForMessage("Срок действия")).text).toContain(
      "Срок действия ссылки истёк (пн, 03.11).",
    );
    h.setNow("2025-10-20T06:00:00Z");
    const members = await h.db.selectFrom("memberships").select("user_id").execute();
    expect(members.map((m) => m.user_id)).toEqual([201]);
  });

  it("a stranger asks for access; the admin approves into a unit; the stranger is linked", async () => {
    const stranger = h.user(301, { firstName: "Пётр" });
    await stranger.command("start");
    await stranger.waitForMessage("srok напоминает");
    await stranger.press("Запросить доступ");
    await stranger.waitForMessage("Запрос отправлен");
    const admin = h.user(ADMIN);
    await admin.waitForMessage("Запрос доступа", { anyTime: true });
    await admin.press("✅ Одобрить");
    await admin.waitForMessage("Выберите роль");
    await admin.press(/Муниципальные организаторы/);
    await admin.waitForMessage("выберите исполнителя");
    await admin.press("Кимрский район");
    await admin.waitForMessage("Запрос одобрен");
    const greeting = await stranger.waitForMessage("Вы подключены");
    expect(greeting.text).toContain("«Муниципальные организаторы — Кимрский район»");
    const unit = await h.db
      .selectFrom("units")
      .select("id")
      .where("name", "=", "Кимрский район")
      .executeTakeFirstOrThrow();
    const links = await h.db.selectFrom("memberships").selectAll().where("user_id", "=", 301).execute();
    expect(links.map((l) => l.unit_id)).toEqual([unit.id]);
  });

  it("forged buttons (another unit's id, garbage) change nothing", async () => {
    const kimry = await h.db
      .selectFrom("units")
      .select("id")
      .where("name", "=", "Кимрский район")
      .executeTakeFirstOrThrow();
    const bezhetsk = await h.db
      .selectFrom("units")
      .select("id")
      .where("name", "=", "Бежецкий район")
      .executeTakeFirstOrThrow();
    await f.coordinator(301, kimry.id);
    const before = {
      invites: await h.db.selectFrom("invites").selectAll().execute(),
      units: await h.db.selectFrom("units").selectAll().execute(),
      memberships: await h.db.selectFrom("memberships").selectAll().execute(),
    };
    const petr = h.user(301);
    const onScreen = petr.lastMessage()?.message_id as number;
    for (const [data, answer] of [
      [`iv:mk:e:${bezhetsk.id}:14:1`, "вне вашей зоны"],
      [`un:sp:${bezhetsk.id}:${kimry.id}`, "вне вашей зоны"],
      [`me:ly:${bezhetsk.id}`, "уже не подключены"],
      ["iv:mk:e:xyz:14:1", "устарела"],
      ["un:", "устарела"],
    ] as const) {
      await petr.pressData(onScreen, data);
      const got = await petr.waitForAnswer();
      expect(got.text, data).toContain(answer);
    }
    await h.idle();
    expect({
      invites: await h.db.selectFrom("invites").selectAll().execute(),
      units: await h.db.selectFrom("units").selectAll().execute(),
      memberships: await h.db.selectFrom("memberships").selectAll().execute(),
    }).toEqual(before);
  });

  it("a CSV list of units comes back as an .xlsx whose links work", async () => {
    const admin = h.user(ADMIN);
    await admin.command("units");
    await admin.waitForMessage("Исполнители в вашей зоне");
    await admin.press("📥 Загрузить список");
    await admin.waitForMessage("Пришлите файл");
    const csv =
      "role,unit,parent\nРуководители ОО,МБОУ СОШ № 1,Бежецкий район\nРуководители ОО,МБОУ СОШ № 2,Бежецкий район\n";
    await admin.upload({ fileName: "schools.csv", bytes: new TextEncoder().encode(csv) });
    await admin.waitForMessage("Создано: 2");
    await h.fake.waitFor(() => h.fake.documentsSent[0], 5000, "the invites file");
    const rows = await xlsxRows(h.fake.documentsSent[0]?.bytes as Uint8Array);
    expect(rows.slice(1).map((r) => [r[1], r[2]])).toEqual([
      ["МБОУ СОШ № 1", "Бежецкий район"],
      ["МБОУ СОШ № 2", "Бежецкий район"],
    ]);
    for (const [i, r] of rows.slice(1).entries()) {
      const director = h.user(400 + i, { firstName: `Директор ${i + 1}` });
      await director.command("start", tokenIn(r[3]));
      const greeting = await director.waitForMessage("Вы подключены");
      expect(greeting.text).toContain(`«Руководители ОО — ${r[1]}»`);
    }
  });
});
