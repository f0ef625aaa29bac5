// Transactions asked for in the same moment committed as one. A hundred button presses arriving
// together each make a tiny transaction, and each commit writes the WAL (system calls), which
// costs more than the work inside. Work asked for while the current turn of work runs (before
// the next tick) goes into one transaction, each piece in its own savepoint: a piece that throws
// rolls back only itself and gets its own error; the others commit together. A failed commit
// fails them all (nothing of theirs is stored).
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

const SAVEPOINT = "group_member";

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
  const outcomes: { ok: boolean; value: unknown }[] = [];
  try {
    const trx = await db.startTransaction().execute();
    try {
      for (const job of jobs) {
        const member = await trx.savepoint(SAVEPOINT).execute();
        try {
          const value = await job.work(member);
          await member.releaseSavepoint(SAVEPOINT).execute();
          outcomes.push({ ok: true, value });
        } catch (error) {
          await member.rollbackToSavepoint(SAVEPOINT).execute();
          await member.releaseSavepoint(SAVEPOINT).execute();
          outcomes.push({ ok: false, value: error });
        }
      }
      await trx.commit().execute();
    } catch (err) {
      await trx
        .rollback()
        .execute()
        .catch(() => {});
      throw err;
    }
  } catch (err) {
    for (const job of jobs) job.reject(err);
    return;
  }
  jobs.forEach((job, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) job.resolve(outcome.value);
    else job.reject(outcome.value);
  });
}
