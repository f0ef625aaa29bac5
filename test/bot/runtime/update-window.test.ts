import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { UpdateWindow } from "../../../src/bot/runtime/update-window.js";

const u = (id: number): Update => ({ update_id: id }) as Update;
const ids = (list: Update[]) => list.map((x) => x.update_id);

describe("UpdateWindow", () => {
  it("starts at offset 0 and advances past handled updates only", () => {
    const w = new UpdateWindow();
    expect(w.offset).toBe(0);
    expect(ids(w.accept([u(10), u(11), u(12)], 0))).toEqual([10, 11, 12]);
    expect(w.offset).toBe(10);
    w.done(11);
    expect(w.offset).toBe(10); // 10 still runs: 11 may not be confirmed yet
    w.done(10);
    expect(w.offset).toBe(12);
    w.done(12);
    expect(w.offset).toBe(13);
    expect(w.running).toBe(0);
    expect(w.unconfirmed).toBe(0);
  });

  it("skips updates Telegram sends again while they (or earlier ones) are in flight", () => {
    const w = new UpdateWindow();
    w.accept([u(10), u(11)], 0);
    w.done(11);
    // The next fetch (offset 10) returns 10 and 11 again, plus a new one.
    expect(ids(w.accept([u(10), u(11), u(12)], 10))).toEqual([12]);
    expect(w.running).toBe(2);
    expect(w.unconfirmed).toBe(3);
  });

  it("does not take an answer to an older offset for new updates", () => {
    const w = new UpdateWindow();
    w.accept([u(10), u(11), u(12)], 0);
    // A fetch was sent with offset 10; meanwhile 10 and 11 finished (offset is 12 now).
    w.done(10);
    w.done(11);
    expect(ids(w.accept([u(10), u(11), u(12), u(13)], 10))).toEqual([13]);
  });

  it("starts a new sequence when Telegram restarts ids below the offset", () => {
    const w = new UpdateWindow();
    w.accept([u(500)], 0);
    w.done(500);
    expect(w.offset).toBe(501);
    expect(ids(w.accept([u(7), u(8)], 501))).toEqual([7, 8]);
    expect(w.offset).toBe(7);
  });

  it("keeps the oldest running update as the offset when a new sequence starts mid-flight", () => {
    const w = new UpdateWindow();
    w.accept([u(500), u(501)], 0);
    w.done(500);
    expect(ids(w.accept([u(7), u(8)], 502))).toEqual([7, 8]);
    expect(w.offset).toBe(7);
    expect(w.running).toBe(3);
    w.done(7);
    w.done(8);
    expect(w.offset).toBe(501);
    w.done(501);
    w.done(501); // twice: counted once
    expect(w.running).toBe(0);
    expect(w.offset).toBe(9);
  });

  it("moves the offset over a long burst finishing out of order", () => {
    const w = new UpdateWindow();
    const burst = Array.from({ length: 100 }, (_, i) => u(1000 + i));
    w.accept(burst, 0);
    for (let i = 99; i >= 1; i--) w.done(1000 + i);
    expect(w.offset).toBe(1000);
    expect(w.running).toBe(1);
    w.done(1000);
    expect(w.offset).toBe(1100);
    expect(w.unconfirmed).toBe(0);
  });

  it("lets the offset pass parked updates, which still count as running until done", () => {
    const w = new UpdateWindow();
    w.accept([u(10), u(11), u(12)], 0);
    w.done(11);
    expect(w.holdingIds()).toEqual([10, 12]);
    expect(w.park([10, 12])).toEqual([10, 12]);
    expect(w.offset).toBe(13);
    expect([w.running, w.holding, w.unconfirmed]).toEqual([2, 0, 0]);
    expect(w.isParked(10)).toBe(true);
    // Telegram forgot them: a new one comes; the parked ones finish in any order.
    expect(ids(w.accept([u(13)], 13))).toEqual([13]);
    w.done(12);
    w.done(10);
    expect([w.running, w.holding, w.offset]).toEqual([1, 1, 13]);
    w.done(13);
    expect(w.offset).toBe(14);
    expect(w.park([13])).toEqual([]); // finished meanwhile: not parked
  });

  it("restores updates an earlier process parked: the offset starts past them", () => {
    const w = new UpdateWindow();
    w.restore([20, 21]);
    expect([w.offset, w.running, w.holding]).toEqual([22, 2, 0]);
    expect(ids(w.accept([u(22)], 22))).toEqual([22]);
    w.done(20);
    w.done(21);
    w.done(22);
    expect([w.offset, w.running]).toEqual([23, 0]);
  });

  it("wakes a waiter when an update is done and reports idleness", async () => {
    const w = new UpdateWindow();
    w.accept([u(1)], 0);
    const waited = w.waitForProgress(10_000);
    setTimeout(() => w.done(1), 5);
    await waited;
    expect(await w.idle(100)).toBe(true);
    w.accept([u(2)], 2);
    expect(await w.idle(30)).toBe(false);
  });
});
