// The in-process helper for feature tests: the real createBot, updates handled at once, the Bot
// API answered in memory (also inside conversations), errors collected.
import { afterEach, describe, expect, it } from "vitest";
import { createFeatureTester, type FeatureTester } from "../../support/bot-harness.js";
import { runtimeTestFeatures } from "./fixtures/test-features.js";

let t: FeatureTester | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("createFeatureTester", () => {
  it("runs a dialogue in process and sees the calls made inside the conversation once each", async () => {
    t = await createFeatureTester({ features: runtimeTestFeatures() });
    const u = t.user(10, { firstName: "Ира" });
    await u.command("ask");
    await u.send("Ира");
    await u.send("Тверь");
    expect(u.messages().map((m) => m.text)).toEqual(["Как вас зовут?", "Город?", "Записал: Ира, Тверь"]);
    // Replays of the conversation do not call the Bot API again.
    expect(t.fake.callsOf("sendMessage")).toHaveLength(3);
    expect(t.errors).toEqual([]);
  });

  it("collects handler errors while the user is told something went wrong", async () => {
    t = await createFeatureTester({ features: runtimeTestFeatures() });
    const u = t.user(11);
    await u.send("boom");
    expect(u.lastMessage()?.text).toBe("Что-то пошло не так. Попробуйте ещё раз чуть позже.");
    expect(t.errors).toHaveLength(1);
    expect(String(t.errors[0])).toMatch(/boom in a handler/);
  });

  it("takes a redelivered press without a second effect or a complaint", async () => {
    t = await createFeatureTester({ features: runtimeTestFeatures() });
    const u = t.user(12);
    await u.command("menu");
    const press = await u.press("Нажми");
    expect(u.lastAnswer()?.text).toBe("recorded 1");
    // The same update again (a crash before its offset was confirmed): Telegram refuses a second
    // answer to the same press; the handler goes on, nothing is recorded twice, nobody is alarmed.
    await t.handle(press);
    expect(t.errors).toEqual([]);
    const rows = await t.db
      .selectFrom("audit_log")
      .select("entity_id")
      .where("action", "=", "test.press")
      .execute();
    expect(rows).toEqual([{ entity_id: "1" }]);
    expect(u.messages().map((m) => m.text)).toEqual(["Выберите:"]);
  });
});
