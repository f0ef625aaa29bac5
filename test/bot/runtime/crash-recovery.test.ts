// The bot as a real process: kill -9 in the middle of an update, SIGTERM with one in flight.
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type ChildBot, type Harness, REPO_ROOT, startHarness } from "../../support/bot-harness.js";
import { runtimeTestFeatures } from "./fixtures/test-features.js";

const FEATURES = join(REPO_ROOT, "test/bot/runtime/fixtures/test-features.ts");

let h: Harness | undefined;
let child: ChildBot | undefined;
afterEach(async () => {
  child?.kill("SIGKILL");
  await child?.exited;
  child = undefined;
  await h?.close();
  h = undefined;
});

async function presses(x: Harness): Promise<{ user_id: number | null; entity_id: string | null }[]> {
  return x.db
    .selectFrom("audit_log")
    .select(["user_id", "entity_id"])
    .where("action", "=", "test.press")
    .orderBy("entity_id")
    .execute();
}

describe("a crash in the middle of an update", () => {
  it("delivers the update again after a restart and it takes effect exactly once", async () => {
    h = await startHarness({ features: runtimeTestFeatures(), start: false });
    const x = h;
    child = await x.startChild({
      featuresModule: FEATURES,
      featuresExport: "runtimeTestFeatures",
      env: { PRESS_HOLD_MS: "60000" },
    });
    const recorded = x.user(11);
    const notYet = x.user(12);
    // User 11's press is recorded, then the process hangs before answering;
    // user 12's press hangs before it is recorded.
    const p1 = await recorded.pressData(1, "press:after:1");
    const p2 = await notYet.pressData(1, "press:before:2");
    await x.fake.waitFor(
      () => x.fake.callsOf("sendChatAction").length === 2,
      10_000,
      "both presses in flight",
    );
    await x.openDb();
    expect((await presses(x)).map((r) => r.entity_id)).toEqual(["1"]);

    child.kill("SIGKILL");
    expect((await child.exited).signal).toBe("SIGKILL");
    child = undefined;
    expect(x.fake.callbackAnswers.size).toBe(0);
    expect(x.fake.isConfirmed(p1.update_id)).toBe(false);
    expect(x.fake.isConfirmed(p2.update_id)).toBe(false);

    await x.startBot(); // in process, same database file, no hold
    const a1 = await recorded.waitForAnswer();
    const a2 = await notYet.waitForAnswer();
    expect(a1.text).toBe("already recorded 1");
    expect(a2.text).toBe("recorded 2");
    expect(await presses(x)).toEqual([
      { user_id: 11, entity_id: "1" },
      { user_id: 12, entity_id: "2" },
    ]);
    await x.idle();
    expect(x.fake.isConfirmed(p2.update_id)).toBe(true);
  });
});

describe("SIGTERM", () => {
  it("waits for the update in flight, confirms it, and exits 0", async () => {
    h = await startHarness({ features: runtimeTestFeatures(), start: false });
    const x = h;
    child = await x.startChild({
      featuresModule: FEATURES,
      featuresExport: "runtimeTestFeatures",
      env: { PRESS_HOLD_MS: "800" },
    });
    const u = x.user(21);
    const press = await u.pressData(1, "press:after:7");
    await x.fake.waitForCall("sendChatAction", undefined, 10_000);
    const signalled = performance.now();
    child.kill("SIGTERM");
    const exit = await child.exited;
    child = undefined;
    expect(exit.code).toBe(0);
    const answer = x.fake.callbackAnswers.get(press.callback_query!.id);
    expect(answer?.text).toBe("recorded 7");
    expect(answer!.at).toBeGreaterThan(signalled);
    expect(x.fake.isConfirmed(press.update_id)).toBe(true);
    await x.openDb();
    expect((await presses(x)).map((r) => r.entity_id)).toEqual(["7"]);
  });
});
