// Updates parked in the database while they are handled, so the getUpdates offset may pass them
// in a burst (see update-window.ts). Kept in the kv table under "update-inbox:<update id>".
// Removal is batched: an update handled but still stored when the process dies is handled again
// after the restart, which applyOnce makes harmless (as a redelivery by Telegram).
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { DB } from "../../../db/database.js";
import { kvDeleteMany, kvEntries, kvSetMany } from "../../../db/queries/kv.js";
import type { Clock } from "../../clock.js";

export const UPDATE_INBOX_PREFIX = "update-inbox:";

export interface UpdateInbox {
  /** Stores the updates (in one write); resolves once they are safe. */
  save(updates: readonly Update[]): Promise<void>;
  /** The update was handled: forget it (soon, in a batch). */
  remove(updateId: number): void;
  /** Updates left by an earlier process, in id order. */
  load(): Promise<Update[]>;
  /** Writes pending removals now. */
  flush(): Promise<void>;
}

const REMOVE_BATCH_MS = 100;
const REMOVE_CHUNK = 500;

export function kvUpdateInbox(db: DB, clock: Clock, logger: Logger): UpdateInbox {
  let pending: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    const keys = pending;
    pending = [];
    writing = writing.then(async () => {
      for (let i = 0; i < keys.length; i += REMOVE_CHUNK) {
        try {
          await kvDeleteMany(db, keys.slice(i, i + REMOVE_CHUNK));
        } catch (err) {
          // Left behind: handled again (harmlessly) after a restart.
          logger.warn({ err: String(err), updates: keys.length }, "could not clear handled updates");
        }
      }
    });
    return writing;
  };

  return {
    save: (updates) =>
      kvSetMany(
        db,
        updates.map((u) => ({ key: UPDATE_INBOX_PREFIX + u.update_id, value: u })),
        clock(),
      ),
    remove(updateId) {
      pending.push(UPDATE_INBOX_PREFIX + updateId);
      if (!timer) {
        timer = setTimeout(() => void flush(), REMOVE_BATCH_MS);
        timer.unref?.();
      }
    },
    async load() {
      const rows = await kvEntries<Update>(db, UPDATE_INBOX_PREFIX);
      return rows.map((r) => r.value).sort((a, b) => a.update_id - b.update_id);
    },
    flush,
  };
}
