import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { openMigratedDatabase } from "../../db/database.js";
import { enqueueMessage } from "../../db/queries/outbox.js";
import { FakeBotApi } from "../support/fake-bot-api.js";

const CHILD = fileURLToPath(new URL("./support/delivery-child.ts", import.meta.url));
const CHATS = 60;

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function startChild(dbPath: string, fake: FakeBotApi): { child: ChildProcess; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, dbPath, fake.apiRoot, fake.token], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  cleanup.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  return { child, exit };
}

describe("delivery across kill -9", () => {
  it("every digest arrives exactly once, except rows caught `sending` that Telegram had accepted: those twice", async () => {
    const dir = mkdtempSync(join(tmpdir(), "srok-crash-"));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const dbPath = join(dir, "srok.sqlite");
    const db = await openMigratedDatabase(dbPath);
    for (let chat = 1; chat <= CHATS; chat++) {
      await enqueueMessage(
        db,
        {
          idemKey: `digest:${chat}:2021-10-25`,
          chatId: chat,
          kind: "digest",
          payload: { text: `Дайджест ${chat}` },
        },
        new Date(),
      );
    }
    // Telegram stores the message, then its answer takes 150 ms: the window where a crash
    // leaves a row `sending` although the message was delivered.
    const fake = await FakeBotApi.start({ latencyMs: 150 });
    cleanup.push(() => fake.close());
    const received = (chat: number) => fake.botMessages(chat).length;
    const total = () => Array.from({ length: CHATS }, (_, i) => received(i + 1)).reduce((a, b) => a + b, 0);

    const window = new Set<number>(); // rows left `sending` whose message the fake had stored
    const caught = new Set<number>(); // rows left `sending` at all
    for (const killAt of [12, 36]) {
      const run = startChild(dbPath, fake);
      await fake.waitFor(() => total() >= killAt, 30_000, `${killAt} messages`);
      run.child.kill("SIGKILL");
      await run.exit;
      await new Promise((r) => setTimeout(r, 300)); // requests already in the fake finish storing
      const sending = await db
        .selectFrom("outbox")
        .select("chat_id")
        .where("status", "=", "sending")
        .execute();
      for (const { chat_id } of sending) {
        caught.add(chat_id);
        if (received(chat_id) > 0) window.add(chat_id);
      }
    }
    // The kills did land inside the window (a sending row whose message had arrived).
    expect(window.size).toBeGreaterThan(0);

    fake.latencyMs = 0;
    const last = startChild(dbPath, fake);
    expect(await last.exit).toBe(0);

    const counts = Array.from({ length: CHATS }, (_, i) => received(i + 1));
    expect(counts.every((n) => n >= 1)).toBe(true); // nothing lost
    const twice = new Set(counts.flatMap((n, i) => (n > 1 ? [i + 1] : [])));
    expect(Math.max(...counts)).toBe(2); // at most one duplicate…
    expect([...twice].sort((a, b) => a - b)).toEqual([...window].sort((a, b) => a - b)); // …only in the window
    for (const chat of caught) expect(window.has(chat) || received(chat) === 1).toBe(true);

    const rows = await db.selectFrom("outbox").select(["status", "telegram_message_id"]).execute();
    expect(rows.every((r) => r.status === "sent" && r.telegram_message_id !== null)).toBe(true);
    await db.destroy();
  });
});
