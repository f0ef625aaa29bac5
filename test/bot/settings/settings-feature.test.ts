import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SETTINGS_OPEN } from "../../../src/bot/callback-data.js";
import type { FakeMessage } from "../../support/fake-bot-api.js";
import { type FeatureWorld, lastAnswer, startFeatureWorld } from "../tasks/feature-setup.js";

let w: FeatureWorld;
const U = 100;

beforeEach(async () => {
  w = await startFeatureWorld("2021-10-25T06:00:00Z");
  await w.f.member(U, await w.f.unit("Школа № 5"));
});
afterEach(async () => {
  await w.close();
});

const user = () => w.db.selectFrom("users").selectAll().where("id", "=", U).executeTakeFirstOrThrow();

describe("/settings", () => {
  it("shows the defaults and stores a digest time picked by button, in one message", async () => {
    await w.fake.sendCommand(U, "settings");
    const m = w.last(U);
    expect(m.text).toContain("Утренняя сводка: 09:00, Москва (UTC+3)");
    await w.press(U, m, "🕘 Время сводки");
    await w.press(U, w.last(U), "08:30");
    expect(lastAnswer(w.fake)).toBe("Время сводки: 08:30.");
    expect((await user()).digest_time).toBe("08:30");
    expect(w.last(U).text).toContain("Утренняя сводка: 08:30, Москва (UTC+3)");
    expect(w.fake.botMessages(U)).toHaveLength(1);
  });

  it("stores a typed time, and asks again for a bad one", async () => {
    await w.fake.sendCommand(U, "settings");
    const m = w.last(U);
    await w.press(U, m, "🕘 Время сводки");
    await w.press(U, w.last(U), "✏ Другое время");
    expect(w.fake.message(U, m.message_id)?.text).toBe(
      "Напишите время сводки в виде ЧЧ:ММ, например 08:15. /cancel — отменить.",
    );
    await w.fake.sendText(U, "в восемь");
    expect(w.last(U).text).toBe("Не понял время. Напишите, например, 08:15 или 7:30. /cancel — отменить.");
    await w.fake.sendText(U, "7.45");
    expect(w.last(U).text).toBe("Время сводки: 07:45.");
    expect((await user()).digest_time).toBe("07:45");
    expect(w.fake.message(U, m.message_id)?.text).toContain("Утренняя сводка: 07:45, Москва (UTC+3)");
  });

  it("stores a zone by city or typed IANA name", async () => {
    await w.fake.sendCommand(U, "settings");
    const m = w.last(U);
    await w.press(U, m, "🌍 Часовой пояс");
    await w.press(U, w.last(U), "Владивосток UTC+10");
    expect((await user()).timezone).toBe("Asia/Vladivostok");
    expect(w.last(U).text).toContain("Часовой пояс: Владивосток (UTC+10)");
    await w.press(U, w.last(U), "🌍 Часовой пояс");
    await w.press(U, w.last(U), "✏ Другой пояс");
    await w.fake.sendText(U, "Mars/Base");
    expect(w.last(U).text).toContain("Не знаю такого города");
    await w.fake.sendText(U, "asia/novosibirsk");
    expect((await user()).timezone).toBe("Asia/Novosibirsk");
    expect(w.last(U).text).toBe("Часовой пояс: Новосибирск (UTC+7).");
    // A forged zone button outside the list is refused.
    await w.fake.pressButton(U, m.message_id, "s:tz:Europe/Berlin");
    expect(lastAnswer(w.fake)).toBe("Эта кнопка устарела. Откройте /settings заново.");
    expect((await user()).timezone).toBe("Asia/Novosibirsk");
  });

  it("takes the reader's own town or an offset, as people in Udmurtia and Primorye type them", async () => {
    await w.fake.sendCommand(U, "settings");
    const id = w.last(U).message_id;
    const screen = () => w.fake.message(U, id) as FakeMessage;
    await w.press(U, screen(), "🌍 Часовой пояс");
    await w.press(U, screen(), "✏ Другой пояс");
    expect(screen().text).not.toMatch(/Asia\//);
    await w.fake.sendText(U, "Ижевск");
    expect((await user()).timezone).toBe("Europe/Samara");
    expect(w.last(U).text).toBe("Часовой пояс: Самара (UTC+4).");
    await w.press(U, screen(), "🌍 Часовой пояс");
    await w.press(U, screen(), "✏ Другой пояс");
    await w.fake.sendText(U, "UTC+10");
    expect((await user()).timezone).toBe("Asia/Vladivostok");
  });

  it("leaves typing with ← Назад, so the next text is not taken as a time", async () => {
    await w.fake.sendCommand(U, "settings");
    const m = w.last(U);
    await w.press(U, m, "🕘 Время сводки");
    await w.press(U, w.last(U), "✏ Другое время");
    await w.press(U, w.last(U), "← Назад");
    expect(w.fake.message(U, m.message_id)?.text).toContain("⚙ Настройки");
    await w.fake.sendText(U, "08:00");
    expect((await user()).digest_time).toBeNull();
  });

  it("switches the language and answers in it at once; pauses and resumes", async () => {
    await w.fake.pressButton(U, 1, SETTINGS_OPEN);
    const m = w.last(U);
    await w.press(U, m, "English");
    expect((await user()).language).toBe("en");
    expect(lastAnswer(w.fake)).toBe("Language: English.");
    expect(w.last(U).text).toContain("⚙ Settings");
    await w.press(U, w.last(U), "⏸ Pause digests");
    expect((await user()).digest_paused).toBe(1);
    expect(w.last(U).text).toContain("⏸ Digests are paused.");
    await w.press(U, w.last(U), "▶ Resume digests");
    expect((await user()).digest_paused).toBe(0);
    await w.press(U, w.last(U), "Русский");
    expect(w.last(U).text).toContain("⚙ Настройки");
    const audit = await w.db.selectFrom("audit_log").select("action").execute();
    expect(audit.map((a) => a.action)).toEqual([
      "user.settings",
      "user.settings",
      "user.settings",
      "user.settings",
    ]);
  });
});
