// Transactions asked for in the same moment committed as one. A hundred button presses arriving
// together each make a tiny transaction, and each commit writes the WAL (system calls), which
// costs more than the work inside. Work asked for while the current turn of work runs (before
// the next tick) goes into one transaction. When any piece throws (or the commit fails), the
// whole group is rolled back and each piece runs again alone, so only a piece that fails on its
// own fails: work may therefore run twice, and must only change the database (as applyOnce's
// effects do), never memory or the world outside.
import type { Kysely, Transaction } from "kysely";

export interface GroupCommitter<DB> {
  /** Runs `work` in a transaction shared with the work asked for at the same moment. */
  run<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T>;
}

interface Job<DB> {
  work: (trx: Transaction<DB>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

// One committer per database, whatever its schema.
const committers = new WeakMap<Kysely<any>, GroupCommitter<any>>();

/** The database's committer (one per Kysely instance: one queue for its one connection). */
export function groupCommits<DB>(db: Kysely<DB>): GroupCommitter<DB> {
  let committer = committers.get(db) as GroupCommitter<DB> | undefined;
  if (!committer) {
    committer = createGroupCommitter(db);
    committers.set(db, committer);
  }
  return committer;
}

function createGroupCommitter<DB>(db: Kysely<DB>): GroupCommitter<DB> {
  let queue: Job<DB>[] = [];
  let scheduled = false;
  let flushing = false;

  const schedule = () => {
    if (scheduled || flushing) return;
    scheduled = true;
    // After the microtasks now queued: every handler of a batch has reached its write by then.
    process.nextTick(() => {
      scheduled = false;
      void drain();
    });
  };

  const drain = async () => {
    flushing = true;
    try {
      while (queue.length > 0) {
        const jobs = queue;
        queue = [];
        await (jobs.length === 1 ? runAlone(db, jobs[0]!) : runTogether(db, jobs));
      }
    } finally {
      flushing = false;
    }
  };

  return {
    run<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
  };
}

async function runAlone<DB>(db: Kysely<DB>, job: Job<DB>): Promise<void> {
  try {
    job.resolve(await db.transaction().execute(job.work));
  } catch (err) {
    job.reject(err);
  }
}

async function runTogether<DB>(db: Kysely<DB>, jobs: Job<DB>[]): Promise<void> {
  let values: unknown[];
  try {
    values = await db.transaction().execute(async (trx) => {
      const out: unknown[] = [];
      for (const job of jobs) out.push(await job.work(trx));
      return out;
    });
  } catch {
    // One of them (or the commit) failed and nothing was stored: each again on its own, so
    // only the one that fails alone fails.
    for (const job of jobs) await runAlone(db, job);
    return;
  }
  for (const [i, job] of jobs.entries()) job.resolve(values[i]);
}
