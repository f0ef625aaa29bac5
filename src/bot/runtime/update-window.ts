// Which updates may be confirmed to Telegram. getUpdates(offset) confirms every update below
// `offset`, so the offset may only pass updates that, with all earlier ones, were handled: an
// update in flight when the process dies then comes back after the restart (at least once), and
// applyOnce makes the second delivery change nothing. Updates refetched while still in flight (or
// done, but above one in flight) are recognised here and not handled twice.
// In a burst (more updates waiting than one getUpdates answer holds), updates in flight can be
// parked: saved in the database (see update-inbox.ts), so the offset may pass them and the next
// hundred can be fetched while they still run; after a crash they are replayed from there.
import type { Update } from "grammy/types";

type State = "running" | "done";

export class UpdateWindow {
  /** Updates handed out and not yet confirmed: id → running or done. Kept in id order (see `sorted`). */
  private states = new Map<number, State>();
  private highest = -1;
  private runningCount = 0;
  /**
   * Whether `states` iterates in id order (ids are accepted in increasing order). Only a new id
   * sequence started while older updates still run breaks it; then the offset is found by a scan.
   */
  private sorted = true;
  /** Running updates saved in the inbox: they no longer hold the offset. */
  private parked = new Set<number>();
  private waiters = new Set<() => void>();

  /** The getUpdates offset: the oldest update still running, or one past the newest handed out. */
  get offset(): number {
    if (this.sorted) {
      // Done updates before the oldest running one are pruned in `done`: this stops at once.
      for (const [id, state] of this.states) if (state === "running") return id;
      return this.highest + 1;
    }
    let oldestRunning = Number.POSITIVE_INFINITY;
    for (const [id, state] of this.states) if (state === "running" && id < oldestRunning) oldestRunning = id;
    return Number.isFinite(oldestRunning) ? oldestRunning : this.highest + 1;
  }

  /** Updates being handled now. */
  get running(): number {
    return this.runningCount;
  }

  /** Running updates that hold the offset (not parked). */
  get holding(): number {
    return this.runningCount - this.parked.size;
  }

  /** Updates handed out that Telegram will send again on the next getUpdates. */
  get unconfirmed(): number {
    return this.states.size;
  }

  /**
   * The updates of a getUpdates answer never handed out before (in id order), now running.
   * `requestOffset` is the offset the answer was asked with: an id below it cannot be a
   * redelivery (Telegram never returns confirmed ids). After a week without updates Telegram
   * starts ids afresh at random, so such ids begin a new sequence.
   */
  accept(updates: readonly Update[], requestOffset: number): Update[] {
    if (updates.some((u) => u.update_id < requestOffset)) {
      this.highest = Math.min(...updates.map((u) => u.update_id)) - 1;
      for (const [id, state] of this.states) if (state === "done") this.states.delete(id);
      if (this.states.size > 0) this.sorted = false;
    }
    const fresh = updates.filter((u) => u.update_id > this.highest).sort((a, b) => a.update_id - b.update_id);
    for (const u of fresh) {
      this.states.set(u.update_id, "running");
      this.runningCount += 1;
      this.highest = u.update_id;
    }
    return fresh;
  }

  /** Running updates not parked, in id order: those that hold the offset. */
  holdingIds(): number[] {
    const ids: number[] = [];
    for (const [id, state] of this.states) if (state === "running") ids.push(id);
    return this.sorted ? ids : ids.sort((a, b) => a - b);
  }

  /**
   * These running updates were saved (the inbox): the offset may pass them. Done updates below
   * the new offset are dropped, as a fetch from it confirms them. Returns the ids parked (an
   * update that finished meanwhile is not).
   */
  park(ids: readonly number[]): number[] {
    const parked: number[] = [];
    for (const id of ids) {
      if (this.states.get(id) !== "running") continue;
      this.states.delete(id);
      this.parked.add(id);
      parked.push(id);
    }
    this.prune();
    for (const wake of [...this.waiters]) wake();
    return parked;
  }

  /** Updates saved by an earlier process, handed out again: running, parked. */
  restore(ids: readonly number[]): void {
    for (const id of ids) {
      if (this.parked.has(id) || this.states.has(id)) continue;
      this.parked.add(id);
      this.runningCount += 1;
      if (id > this.highest) this.highest = id;
    }
  }

  /** Whether the update is running and parked (its end must be told to the inbox). */
  isParked(updateId: number): boolean {
    return this.parked.has(updateId);
  }

  /** The update was handled (or given up on): it may be confirmed once all earlier ones are. */
  done(updateId: number): void {
    if (this.parked.delete(updateId)) {
      this.runningCount -= 1;
      for (const wake of [...this.waiters]) wake();
      return;
    }
    if (this.states.get(updateId) !== "running") return;
    this.states.set(updateId, "done");
    this.runningCount -= 1;
    this.prune();
    for (const wake of [...this.waiters]) wake();
  }

  /** Forgets done updates below the offset (a fetch from it confirms them). */
  private prune(): void {
    const offset = this.offset;
    for (const id of this.states.keys()) {
      if (id < offset) this.states.delete(id);
      else if (this.sorted) break;
    }
    if (this.states.size === 0) this.sorted = true;
  }

  /**
   * Resolves once the offset passes `from` (an update finished and a fetch would confirm it),
   * after `ms`, or (rejecting) when `signal` aborts. Without `from`, on the next `done`.
   */
  waitForProgress(ms: number, signal?: AbortSignal, from?: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const wake = () => {
        if (from === undefined || this.offset > from) finish();
      };
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        signal?.removeEventListener("abort", abort);
        resolve();
      };
      const abort = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        reject(new Error("aborted"));
      };
      const timer = setTimeout(finish, ms);
      this.waiters.add(wake);
      if (signal?.aborted) abort();
      else signal?.addEventListener("abort", abort, { once: true });
    });
  }

  /** Resolves true when nothing runs, or false after `timeoutMs`. */
  async idle(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.running > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await this.waitForProgress(Math.min(left, 100));
    }
    return true;
  }
}
