// Queues the daily messages that are due: executors' digests and coordinators' summaries.
// Load (in batches) → compose (pure, src/domain/digest) → queue in the outbox and record the day
// as handled, in one transaction per batch. Idempotent: the outbox key `digest:<user>:<day>` and
// the digest_log row make a second run — the scheduler's next tick, `srok digest run`, another
// process — queue nothing new for a day already handled.
import type { DB } from "../../db/database.js";
import { loadActor, loadUnitTree } from "../../db/queries/actors.js";
import {
  type DailyKind,
  loadCoordinatorSchedules,
  loadDigestCatalog,
  loadDigestEntries,
  loadExecutorSchedules,
  loadLastHandled,
  loadLastQueued,
  loadStaleEmptyDigests,
  loadSummaryData,
  recordHandledMany,
  type ScheduledUser,
} from "../../db/queries/digest-data.js";
import { enqueueMessages, outboxKey } from "../../db/queries/outbox.js";
import { assignmentData, TASKS_OPEN } from "../bot/callback-data.js";
import { composeDigest, createDigestCache } from "../domain/digest/compose-digest.js";
import { composeSummary } from "../domain/digest/compose-summary.js";
import { addDays, memoTranslate, previousWorkingDay } from "../domain/digest/format.js";
import {
  type DueMessage,
  digestsForDay,
  dueDigests,
  type ScheduleDefaults,
} from "../domain/digest/schedule.js";
import type { ComposedMessage, DigestCallbacks, Translate, WorkingCalendar } from "../domain/digest/types.js";
import { coordinatesEverything, subtreeOf } from "../domain/permissions.js";
import type { IsoDate } from "../domain/plan/types.js";
import type { JobLogger } from "./delivery.js";
import { SUMMARY_CALLBACKS } from "./summary-buttons.js";

/** What the daily jobs run with. */
export interface DailyContext {
  db: DB;
  defaults: ScheduleDefaults;
  calendar: WorkingCalendar;
  /** Texts for a language (Fluent, locales/<lang>/digest.ftl). */
  texts: (language: string) => Translate;
  logger?: JobLogger;
}

export interface DailyResult {
  /** Messages queued now. */
  queued: number;
  /**
   * Users due with nothing to say (recorded, so they are not composed again today unless they
   * are linked to a unit or a plan, an event or a unit appears later: see loadStaleEmptyDigests).
   */
  empty: number;
  /** Outbox ids of the messages queued now (and of ones another process had queued first). */
  outboxIds: number[];
  /** Where the time went, ms: reading the database, composing, writing the outbox and the log. */
  timings: { loadMs: number; composeMs: number; queueMs: number };
}

function newResult(): DailyResult {
  return { queued: 0, empty: 0, outboxIds: [], timings: { loadMs: 0, composeMs: 0, queueMs: 0 } };
}

// Small batches: a batch's entries and texts die young instead of piling up in the old
// generation, which keeps the peak memory of a 50,000-user run low; bigger ones are not faster.
const BATCH = 100;
/** How far back «since the last digest» and the monthly confirmation look. */
const LOOKBACK_DAYS = 45;

const digestCallbacks: DigestCallbacks = {
  assignment: (action, id) => assignmentData(action, id),
  tasks: TASKS_OPEN,
};

function pickDue(
  ctx: DailyContext,
  now: Date,
  users: ScheduledUser[],
  lastHandled: Map<number, IsoDate>,
  day: IsoDate | undefined,
): DueMessage[] {
  return day
    ? digestsForDay(day, users, lastHandled, ctx.calendar, ctx.defaults)
    : dueDigests(now, users, lastHandled, ctx.calendar, ctx.defaults);
}

/** The oldest day a user anywhere can be living in at `now` (or `day`), minus a margin. */
function handledSince(now: Date, day: IsoDate | undefined): IsoDate {
  const utc = now.toISOString().slice(0, 10);
  return addDays(day && day < utc ? day : utc, -3);
}

/** A memoised translate per language for one run. */
function textsForRun(ctx: DailyContext): (language: string) => Translate {
  const cache = new Map<string, Translate>();
  return (language) => {
    let t = cache.get(language);
    if (!t) {
      t = memoTranslate(ctx.texts(language));
      cache.set(language, t);
    }
    return t;
  };
}

/** Queues one batch's messages and records every user's day as handled, in one transaction. */
async function queueBatch(
  ctx: DailyContext,
  kind: DailyKind,
  now: Date,
  composed: { due: DueMessage; message: ComposedMessage | null }[],
  result: DailyResult,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const withMessage = composed.filter((c) => c.message !== null);
    const queued = await enqueueMessages(
      trx,
      withMessage.map(({ due, message }) => ({
        idemKey: outboxKey(kind, due.userId, due.day),
        chatId: due.userId,
        kind,
        payload: {
          text: message!.text,
          parse_mode: "HTML" as const,
          reply_markup: { inline_keyboard: message!.buttons },
        },
      })),
      now,
    );
    const outboxIds = new Map<number, number>();
    queued.forEach((q, i) => {
      outboxIds.set(withMessage[i]!.due.userId, q.id);
      result.outboxIds.push(q.id);
      if (q.inserted) result.queued++;
    });
    const recorded = await recordHandledMany(
      trx,
      composed.map(({ due, message }) => ({
        kind,
        userId: due.userId,
        day: due.day,
        outcome: message ? ("queued" as const) : ("empty" as const),
        outboxId: outboxIds.get(due.userId) ?? null,
      })),
      now,
    );
    result.empty += recorded.insertedEmpty;
  });
}

/**
 * Queues the digests due at `now` (users whose local time is past their digest time on a working
 * day, not handled yet), or with `day`, the digests of that day for everyone not handled yet.
 */
export async function queueDueDigests(ctx: DailyContext, now: Date, day?: IsoDate): Promise<DailyResult> {
  const result = newResult();
  let mark = performance.now();
  const lap = (phase: keyof DailyResult["timings"]) => {
    const at = performance.now();
    result.timings[phase] += at - mark;
    mark = at;
  };
  const users = await loadExecutorSchedules(ctx.db);
  const since = handledSince(now, day);
  const lastHandled = await loadLastHandled(ctx.db, "digest", since);
  // A day found empty before the user was linked, or before a plan or an event gave them
  // something to say, is handled again.
  for (const [userId, staleDay] of await loadStaleEmptyDigests(ctx.db, since)) {
    if (lastHandled.get(userId) === staleDay) lastHandled.set(userId, addDays(staleDay, -1));
  }
  const due = pickDue(ctx, now, users, lastHandled, day);
  if (due.length === 0) return result;
  const language = new Map(users.map((u) => [u.id, u.language]));
  const texts = textsForRun(ctx);
  const catalog = await loadDigestCatalog(ctx.db);
  const cache = createDigestCache();
  for (let i = 0; i < due.length; i += BATCH) {
    const batch = due.slice(i, i + BATCH);
    const ids = batch.map((d) => d.userId);
    const days = batch.map((d) => d.day).sort();
    const minDay = days[0]!;
    const maxDay = days[days.length - 1]!;
    const entries = await loadDigestEntries(ctx.db, catalog, ids, { minDay, maxDay });
    const last = await loadLastQueued(ctx.db, "digest", ids, maxDay, addDays(minDay, -LOOKBACK_DAYS));
    lap("loadMs");
    const composed = batch.map((d) => {
      const lang = language.get(d.userId) ?? "ru";
      const prev = last.get(d.userId);
      const message = composeDigest({
        user: { id: d.userId, language: lang },
        entries: entries.get(d.userId) ?? [],
        today: d.day,
        lastDigestDay: prev && prev.day < d.day ? prev.day : null,
        // Nothing queued in the look-back: events recorded since its start count as news.
        lastDigestAt: prev && prev.day < d.day ? prev.at : `${addDays(d.day, -LOOKBACK_DAYS)}T00:00:00.000Z`,
        calendar: ctx.calendar,
        t: texts(lang),
        callbacks: digestCallbacks,
        cache,
      });
      return { due: d, message };
    });
    lap("composeMs");
    await queueBatch(ctx, "digest", now, composed, result);
    lap("queueMs");
  }
  ctx.logger?.info(
    { queued: result.queued, empty: result.empty, due: due.length, ...result.timings },
    "digests queued",
  );
  return result;
}

/**
 * Queues the coordinators' summaries due at `now` (or for `day`): what became overdue since the
 * last summary, reports that came in, access requests waiting, members who blocked the bot.
 */
export async function queueDueSummaries(ctx: DailyContext, now: Date, day?: IsoDate): Promise<DailyResult> {
  const result = newResult();
  const users = await loadCoordinatorSchedules(ctx.db);
  const lastHandled = await loadLastHandled(ctx.db, "summary", handledSince(now, day));
  const due = pickDue(ctx, now, users, lastHandled, day);
  if (due.length === 0) return result;
  const language = new Map(users.map((u) => [u.id, u.language]));
  const texts = textsForRun(ctx);
  const tree = await loadUnitTree(ctx.db);
  const last = await loadLastQueued(
    ctx.db,
    "summary",
    due.map((d) => d.userId),
    "9999-12-31",
    addDays(due[0]!.day, -LOOKBACK_DAYS),
  );
  const composed: { due: DueMessage; message: ComposedMessage | null }[] = [];
  for (const d of due) {
    const actor = await loadActor(ctx.db, d.userId);
    const scope = coordinatesEverything(actor)
      ? ("all" as const)
      : subtreeOf(
          actor.coordinatorScopes.filter((s): s is number => s !== null),
          tree,
        );
    const prev = last.get(d.userId);
    const prevDay = prev && prev.day < d.day ? prev.day : null;
    // Became overdue since the last summary: due on its day or later, before today. With none
    // (a new coordinator), since the previous working day: a Monday covers the weekend.
    const earliest = addDays(d.day, -14);
    const from = prevDay ?? previousWorkingDay(d.day, (x) => ctx.calendar.isWorkingDay(x));
    // Reports and blocks come in until the message is made — or, for an explicit past day
    // (`srok digest run --date`), until that day's end, not the operator's today.
    const until = new Date(Math.min(now.getTime(), Date.parse(`${addDays(d.day, 1)}T00:00:00Z`)));
    // Reports and blocks since the last summary; for a first one, since the previous working
    // day began (a Monday's first summary covers Friday and the weekend).
    const since = prev && prevDay ? prev.at : new Date(`${from}T00:00:00Z`).toISOString();
    const data = await loadSummaryData(ctx.db, {
      scope,
      overdueFrom: [earliest, from].sort()[1]!, // at most two weeks back
      overdueTo: addDays(d.day, -1),
      since,
      until: until.toISOString(),
    });
    const lang = language.get(d.userId) ?? "ru";
    const message = composeSummary({
      user: { id: d.userId, language: lang },
      today: d.day,
      ...data,
      t: texts(lang),
      callbacks: SUMMARY_CALLBACKS,
    });
    composed.push({ due: d, message });
  }
  for (let i = 0; i < composed.length; i += BATCH) {
    await queueBatch(ctx, "summary", now, composed.slice(i, i + BATCH), result);
  }
  ctx.logger?.info({ queued: result.queued, empty: result.empty, due: due.length }, "summaries queued");
  return result;
}
