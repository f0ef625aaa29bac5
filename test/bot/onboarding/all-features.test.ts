// With every feature of the bot mounted: the greeting's buttons lead to /tasks and /settings.
import { afterEach, expect, it } from "vitest";
import { allFeatures } from "../../../src/bot/features/index.js";
import { AssignmentFixtures } from "../../support/assignment-fixtures.js";
import { createFeatureTester, type FeatureTester } from "../../support/bot-harness.js";

let t: FeatureTester;
afterEach(async () => t.close());

it("after joining by a link, «📋 Мои задачи» shows the unit's open items", async () => {
  t = await createFeatureTester({
    features: allFeatures(),
    now: "2025-10-20T06:00:00Z",
    env: { ADMIN_IDS: "1" },
  });
  const f = new AssignmentFixtures(t.db);
  const unit = await f.unit("Школа № 5", { role: "Руководители ОО" });
  await f.assignment({ unitId: unit, title: "Загрузка форм сбора первичных данных", due: "2025-10-22" });
  const admin = t.user(1);
  await admin.command("invite");
  await admin.press(/Руководители ОО/);
  await admin.press("Школа № 5");
  await admin.press("✅ Создать ссылку");
  const token = /start=([\w-]+)/.exec(admin.lastMessage()?.text ?? "")?.[1] as string;
  const user = t.user(2, { firstName: "Олег" });
  await user.command("start", token);
  expect(user.lastMessage()?.text).toContain("Сейчас у вас 1 открытый пункт.");
  await user.press("📋 Мои задачи");
  expect(user.lastMessage()?.text).toContain("Загрузка форм сбора первичных данных");
  expect(t.errors).toEqual([]);
});
