// The digest (another feature composes it) carries the same ✅/📎/🔁 buttons; a press on it is
// answered here and edits the digest in place: the item's line and buttons only.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadAgenda, loadAssignment } from "../../../db/queries/assignments.js";
import { assignmentData, TASKS_OPEN } from "../../../src/bot/callback-data.js";
import { createI18n, translator } from "../../../src/bot/i18n.js";
import { composeDigest } from "../../../src/domain/digest/index.js";
import { type FeatureWorld, lastAnswer, startFeatureWorld } from "./feature-setup.js";

let w: FeatureWorld;
const U = 100;
let ids: Record<string, number>;

beforeEach(async () => {
  w = await startFeatureWorld("2021-10-25T06:00:00Z");
  const school = await w.f.unit("Школа № 5");
  await w.f.member(U, school);
  const plan = await w.f.plan({ title: "НОК ДОД 2021" });
  const add = async (number: string, title: string, over: object) =>
    (await w.f.assignment({ planId: plan, unitId: school, number, title, ...over })).assignmentId;
  ids = {
    "3": await add("3", "Отправка информационных писем в органы местного самоуправления", {
      due: "2021-10-08",
    }),
    "7": await add("7", "Сбор заявок «Организаций-заказчиков»", { due: "2021-10-29" }),
    "12": await add("12", "Мониторинг сайта", { kind: "continuous", due: null }),
  };
});
afterEach(async () => {
  await w.close();
});

async function sendDigest() {
  const entries = await loadAgenda(
    w.db,
    (await w.db.selectFrom("units").select("id").execute()).map((u) => u.id),
  );
  const digest = composeDigest({
    user: { id: U, language: "ru" },
    entries,
    today: "2021-10-25",
    calendar: { isWorkingDay: () => true },
    t: translator(createI18n(), "ru"),
    callbacks: { assignment: assignmentData, tasks: TASKS_OPEN },
  });
  if (!digest) throw new Error("no digest");
  const sent = await w.bot.api.sendMessage(U, digest.text, {
    parse_mode: "HTML",
    reply_markup: { inline_keyboard: digest.buttons },
  });
  return w.fake.message(U, sent.message_id)!;
}

describe("a press on the digest", () => {
  it("marks done and edits only the item's line and buttons; undo puts them back", async () => {
    const digest = await sendDigest();
    const before = digest.text as string;
    expect(before).toContain(" 3. Отправка информационных писем");
    await w.press(U, digest, "✅ 3");
    expect(lastAnswer(w.fake)).toBe("✅ Пункт 3 выполнен.");
    const after = w.fake.message(U, digest.message_id)!;
    const changed = (after.text as string).split("\n").filter((l, i) => l !== before.split("\n")[i]);
    expect(changed).toEqual([
      "✅ 3. Отправка информационных писем в органы местного самоуправления — выполнено",
    ]);
    const labels = w.fake
      .buttons(after)
      .flat()
      .map((b) => b.text);
    expect(labels).toContain("↩ 3");
    expect(labels).toContain("💬 3");
    expect(labels).toContain("✅ 7");
    expect(labels).toContain("📋 Все задачи");
    expect((await loadAssignment(w.db, ids["3"] as number))?.status).toBe("done");

    await w.press(U, after, "↩ 3");
    const undone = w.fake.message(U, digest.message_id)!;
    expect(undone.text).toContain(
      " 3. Отправка информационных писем в органы местного самоуправления — срок был 08.10 (17 дней назад)",
    );
    expect(
      w.fake
        .buttons(undone)
        .flat()
        .map((b) => b.text),
    ).toContain("✅ 3");
  });

  it("confirms an ongoing item from the digest", async () => {
    const digest = await sendDigest();
    await w.press(U, digest, "🔁 12");
    expect(lastAnswer(w.fake)).toBe("Подтверждено за октябрь.");
    const after = w.fake.message(U, digest.message_id)!;
    expect(after.text).toContain(" 12. Мониторинг сайта — подтверждено 25.10");
    expect((await loadAssignment(w.db, ids["12"] as number))?.lastConfirmedOn).toBe("2021-10-25");
  });

  it("opens /tasks as a new message from «Все задачи»", async () => {
    const digest = await sendDigest();
    await w.press(U, digest, "📋 Все задачи");
    expect(w.fake.botMessages(U)).toHaveLength(2);
    expect(w.last(U).text).toContain("📋 Мои задачи: 3 открытых пункта");
    expect(w.fake.message(U, digest.message_id)?.text).toBe(digest.text);
  });
});
